"""The cache of checked rulebooks: it answers only for the same text checked by the same code, never changes a
result, and any fault in it is a miss (``rulebook/cache.py``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from clientscreen.errors import InputError
from clientscreen.rulebook import cache, model
from clientscreen.rulebook.model import Rulebook, load_rulebook
from conftest import FIXTURES, REPO, Run

BUNDLED = [REPO / "rules" / "default.yaml", REPO / "rules" / "review.yaml", FIXTURES / "core" / "rules.yaml"]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv("CLIENTSCREEN_CACHE_DIR", str(where))
    monkeypatch.delenv("CLIENTSCREEN_NO_CACHE", raising=False)
    return where


def checked(path: Path, monkeypatch: pytest.MonkeyPatch) -> Rulebook:
    """The rulebook as the schema gives it, with the cache off."""
    with monkeypatch.context() as m:
        m.setenv("CLIENTSCREEN_NO_CACHE", "1")
        return load_rulebook(path)


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_a_cached_rulebook_is_the_checked_one(path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = checked(path, monkeypatch)
    assert not entries(folder)
    first = load_rulebook(path)  # checked, and kept
    assert len(entries(folder)) == 1
    again = load_rulebook(path)  # from the cache
    assert first == fresh and again == fresh
    assert again.digest == fresh.digest and again.digest.startswith("sha256:")
    assert again is not first
    # the same types all the way down: an int stays an int, a float a float (bands' bounds, min_coverage)
    assert json.dumps(again.to_data(), sort_keys=True) == json.dumps(fresh.to_data(), sort_keys=True)
    assert [type(a.below) for q in again.questions for a in q.answers] == [
        type(a.below) for q in fresh.questions for a in q.answers]
    assert type(again.min_coverage) is type(fresh.min_coverage)


def test_a_warm_cache_reads_a_rulebook_without_the_schema(folder: Path) -> None:
    """The point of the cache: the second run imports neither the schema nor Pydantic."""
    script = (
        "import sys\nfrom clientscreen.rulebook.model import load_rulebook\n"
        "book = load_rulebook(None)\n"
        "print(book.id, 'clientscreen.rulebook.schema' in sys.modules,"
        " any(m.split('.')[0] == 'pydantic' for m in sys.modules))\n"
    )
    env = {**os.environ, "CLIENTSCREEN_CACHE_DIR": str(folder)}
    env.pop("CLIENTSCREEN_NO_CACHE", None)
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
            for _ in range(2)]
    assert runs[0].stdout.split() == ["default", "True", "True"]  # cold: checked
    assert runs[1].stdout.split() == ["default", "False", "False"]  # warm: read back as records


def test_an_edited_rulebook_is_checked_again(tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "book.yaml"
    text = (REPO / "rules" / "default.yaml").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    assert load_rulebook(path).thresholds.decline != 99
    path.write_text(_with_decline(text, 99), encoding="utf-8")
    edited = load_rulebook(path)
    assert edited.thresholds.decline == 99
    assert len(entries(folder)) == 2


def _with_decline(text: str, value: int) -> str:
    lines = text.split("\n")
    start = lines.index("thresholds:")
    at = next(i for i in range(start + 1, len(lines)) if lines[i].strip().startswith("decline:"))
    lines[at] = lines[at].split("decline:")[0] + f"decline: {value}"
    return "\n".join(lines)


def test_an_invalid_rulebook_is_never_kept(folder: Path) -> None:
    with pytest.raises(InputError):
        load_rulebook(FIXTURES / "rulebooks" / "unknown_category.yaml")
    with pytest.raises(InputError):  # and says so again: no entry stands for it
        load_rulebook(FIXTURES / "rulebooks" / "unknown_category.yaml")
    assert not entries(folder)


@pytest.mark.parametrize("damage", [
    b"", b"{", b"[]", b'"text"', b"null",
    b'{"":"Rulebook"}',  # a record without its fields
    b'{"":"Exploit","cmd":"rm -rf ~"}',  # a class the cache does not know
    "\N{REPLACEMENT CHARACTER}".encode(),
    b"[" * 100_000,  # deeper than the JSON reader goes
])
def test_a_damaged_entry_is_a_miss_and_is_replaced(damage: bytes, folder: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = REPO / "rules" / "default.yaml"
    load_rulebook(path)
    [entry] = entries(folder)
    entry.write_bytes(damage)
    assert load_rulebook(path) == checked(path, monkeypatch)
    assert load_rulebook(path) == checked(path, monkeypatch)  # the entry was written anew and is read again
    assert entry.read_bytes() != damage


def test_an_entry_that_is_not_the_users_alone_is_not_read(tmp_path: Path, folder: Path) -> None:
    """A cache folder others can write to could hold a planted rulebook: an entry anyone else may write is
    ignored, so a lead's verdict never comes from a file someone else put there."""
    path = REPO / "rules" / "default.yaml"
    real = load_rulebook(path)
    [entry] = entries(folder)
    other = (FIXTURES / "core" / "rules.yaml")
    planted = entry.read_text(encoding="ascii")
    load_rulebook(other)
    [foreign] = [e for e in entries(folder) if e != entry]
    entry.write_text(foreign.read_text(encoding="ascii"), encoding="ascii")  # the other rulebook, under this name
    entry.chmod(0o666)
    assert load_rulebook(path) == real  # not read: checked again (and kept, privately)
    assert entry.stat().st_mode & 0o777 == 0o600
    assert entry.read_text(encoding="ascii") == planted


def test_a_checker_that_cannot_be_read_is_a_miss(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The key reads the checking modules' text: where they cannot be read (a packed install), no cache."""
    monkeypatch.setattr(cache, "_CHECKERS", ("no-such-module.py",))
    cache._checkers.cache_clear()
    try:
        assert load_rulebook(None) == checked(REPO / "rules" / "default.yaml", monkeypatch)
    finally:
        monkeypatch.undo()
        cache._checkers.cache_clear()
    assert not entries(folder)


def test_no_cache_folder_no_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("CLIENTSCREEN_CACHE_DIR", str(blocker / "cache"))  # under a file: cannot be made
    monkeypatch.delenv("CLIENTSCREEN_NO_CACHE", raising=False)
    assert load_rulebook(None) == checked(REPO / "rules" / "default.yaml", monkeypatch)


def test_the_cache_can_be_turned_off(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLIENTSCREEN_NO_CACHE", "1")
    load_rulebook(None)
    assert not folder.exists()


def test_only_the_newest_entries_stay(tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "KEEP", 2)
    text = (REPO / "rules" / "default.yaml").read_text(encoding="utf-8")
    folder.mkdir()
    (folder / "prospects.json").write_text("[]", encoding="utf-8")  # a folder of the user's, named by the variable
    os.utime(folder / "prospects.json", ns=(0, 0))  # the oldest file there
    for n in range(4):
        path = tmp_path / f"book{n}.yaml"
        path.write_text(_with_decline(text, 90 + n), encoding="utf-8")
        load_rulebook(path)
    newest = [cache._name(_with_decline(text, 90 + n), json=False) for n in (2, 3)]
    assert [e.name for e in entries(folder) if e.name != "prospects.json"] == sorted(newest)
    assert (folder / "prospects.json").read_text(encoding="utf-8") == "[]"  # the user's own file, never pruned


def test_another_checker_is_another_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """Installing another clientscreen (or editing the checking code) must not reuse what the old one checked."""
    text = (REPO / "rules" / "default.yaml").read_text(encoding="utf-8")
    before = cache._name(text, json=False)
    assert cache._name(text, json=True) != before
    monkeypatch.setattr(cache, "__version__", "0.0.0-other")
    cache._checkers.cache_clear()
    try:
        assert cache._name(text, json=False) != before
    finally:
        monkeypatch.undo()
        cache._checkers.cache_clear()
    assert cache._name(text, json=False) == before
    assert set(cache._CHECKERS) <= {p.name for p in Path(model.__file__).parent.glob("*.py")}


def test_the_command_keeps_its_cache_private_and_answers_the_same(cli: Run, tmp_path: Path) -> None:
    example = REPO / "examples" / "prospects" / "kontor-gruppen.yaml"
    env = {"XDG_CACHE_HOME": str(tmp_path / "xdg")}
    runs = [cli("report", example, "-f", "json", "--no-ledger", env=env) for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0], runs[0].stderr
    assert runs[0].stdout == runs[1].stdout
    folder = tmp_path / "xdg" / "clientscreen" / "rulebooks"
    [entry] = entries(folder)
    assert folder.stat().st_mode & 0o777 == 0o700
    assert entry.stat().st_mode & 0o777 == 0o600
