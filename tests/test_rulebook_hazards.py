"""Every rulebook hazard of shared/hazards.md: a fixture each, the message and place users get, the exit code.

Each fixture in tests/fixtures/hazards is the core fixture rulebook with one hazard planted in it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clientscreen import safeyaml
from clientscreen.errors import InputError
from clientscreen.rulebook import load_rulebook
from conftest import FIXTURES, Run

HAZARDS = FIXTURES / "hazards"

# fixture -> (line, col, the message after "path:line:col: ")
EXPECTED = {
    "python_object_tag.yaml": (
        4,
        8,
        "tags (tag:yaml.org,2002:python/object/apply:os.system) are not allowed; quote the value if it is text",
    ),
    "custom_tag.yaml": (4, 8, "tags (!secret) are not allowed; quote the value if it is text"),
    "int_tag_bad_value.yaml": (5, 25, "tags (tag:yaml.org,2002:int) are not allowed; quote the value if it is text"),
    "billion_laughs.yaml": (1, 4, "anchors (&name) are not allowed; write each value out"),
    "anchor_only.yaml": (5, 13, "anchors (&name) are not allowed; write each value out"),
    "duplicate_key.yaml": (62, 9, "duplicate key 'points' (first at line 60); keep one"),
    "yaml11_booleans.yaml": (
        51,
        10,
        "questions[0].answers[1].value: 'NO' is not an id: use lower-case letters, digits and _ (quote yes and no)",
    ),
    "version_as_float.yaml": (
        3,
        1,
        "version: YAML reads this unquoted value as the number 1.1; quote it to keep it as written",
    ),
    "deep_nesting.yaml": (1, 68, "nested more than 64 levels deep"),
    "unknown_field.yaml": (59, 60, "questions[1].answers[1].wieght: unknown field 'wieght'; check its spelling"),
    "wrong_type.yaml": (59, 60, "questions[1].answers[1].points: Input should be a valid integer, got 'lots'"),
    "nan_points.yaml": (59, 60, "questions[1].answers[1].points: Input should be a valid integer"),
    "inf_bound.yaml": (101, 47, "questions[6].answers[0].below: Input should be a finite number"),
    "tab_indent.yaml": (6, 1, "a tab character here; YAML indents with spaces"),
    "control_character.yaml": (4, 13, "control character U+001B is not allowed; delete it"),
    "not_utf8.yaml": (3, 15, "is not UTF-8 text (byte 0xe6); save it as UTF-8"),
    "empty.yaml": (1, 1, "a rulebook is a mapping with id, version, questions, …"),
    "top_level_list.yaml": (1, 1, "a rulebook is a mapping with id, version, questions, …"),
    "two_documents.yaml": (107, 1, "but found another document (expected a single document in the stream)"),
}


def test_every_fixture_has_an_expectation() -> None:
    assert {p.name for p in HAZARDS.glob("*.yaml")} == set(EXPECTED) | {"sexagesimal_and_date.yaml"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_library_reports_the_hazard_where_it_is(name: str) -> None:
    line, col, message = EXPECTED[name]
    with pytest.raises(InputError) as caught:
        load_rulebook(HAZARDS / name)
    first = caught.value.problems[0]
    assert str(first) == f"{HAZARDS / name}:{line}:{col}: {message}"


# What rules check calls each: CS001 the file cannot be read as YAML, CS002 it is not a valid rulebook.
SCHEMA = {
    "empty.yaml",
    "top_level_list.yaml",
    "inf_bound.yaml",
    "nan_points.yaml",
    "unknown_field.yaml",
    "version_as_float.yaml",
    "wrong_type.yaml",
    "yaml11_booleans.yaml",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_rules_check_prints_one_line_and_exits_1(cli: Run, name: str) -> None:
    line, col, message = EXPECTED[name]
    code = "CS002" if name in SCHEMA else "CS001"
    done = cli("rules", "check", HAZARDS / name)
    assert done.returncode == 1
    assert done.stdout.splitlines()[0] == f"{HAZARDS / name}:{line}:{col}: error: {message} [{code}]"
    assert "Traceback" not in done.stderr + done.stdout


@pytest.mark.parametrize("name", ["billion_laughs.yaml", "python_object_tag.yaml", "control_character.yaml"])
def test_commands_that_use_a_rulebook_refuse_it_with_exit_3(cli: Run, name: str) -> None:
    line, col, message = EXPECTED[name]
    done = cli("template", "--rules", HAZARDS / name)
    assert done.returncode == 3
    assert done.stderr == f"{HAZARDS / name}:{line}:{col}: {message}\n"


def test_yaml_12_scalars_stay_text() -> None:
    """`on`, `NO`, `12:30` and dates mean what an editor shows: text, not booleans, minutes or dates."""
    doc = safeyaml.parse_yaml("a: on\nb: NO\nc: 12:30\nd: 2025-02-30\ne: yes\nf: true\ng: 010\nh: 0o10\ni: 1.10\n", "x")
    assert doc.data == {
        "a": "on",
        "b": "NO",
        "c": "12:30",
        "d": "2025-02-30",
        "e": "yes",
        "f": True,
        "g": 10,
        "h": 8,
        "i": 1.1,
    }
    book = load_rulebook(HAZARDS / "sexagesimal_and_date.yaml")
    assert (book.title, book.version) == ("12:30", "2025-02-30")


def test_a_file_over_the_size_cap_is_refused_before_parsing(tmp_path: Path, cli: Run) -> None:
    big = tmp_path / "big.yaml"
    big.write_text(
        (FIXTURES / "core" / "rules.yaml").read_text(encoding="utf-8") + "#" + "x" * (1 << 20), encoding="utf-8"
    )
    done = cli("rules", "check", big)
    assert done.returncode == 1
    assert done.stdout == f"{big}: error: is larger than 1024 KiB; this is not a hand-written file [CS001]\n"


def test_a_nul_byte_is_an_error_with_its_place(tmp_path: Path) -> None:
    path = tmp_path / "nul.yaml"
    path.write_bytes(b"id: x\ntitle: a\x00b\n")
    with pytest.raises(InputError) as caught:
        load_rulebook(path)
    assert str(caught.value) == f"{path}:2:9: control character U+0000 is not allowed; delete it"


def test_debug_shows_the_traceback_for_the_same_error(cli: Run) -> None:
    done = cli("--debug", "template", "--rules", HAZARDS / "custom_tag.yaml")
    assert done.returncode != 0 and "Traceback" in done.stderr
