"""Settings a team sets once (a TOML file here or in the user's config folder), `config` and `list`, as installed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from clientscreen import settings
from conftest import FIXTURES, REPO, Run

CSV_RULES = FIXTURES / "csv" / "rules.yaml"


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    """A user config folder of the test's own (platformdirs reads XDG_CONFIG_HOME on Linux)."""
    (tmp_path / "xdg" / "clientscreen").mkdir(parents=True)
    return {"XDG_CONFIG_HOME": str(tmp_path / "xdg")}


def user_file(home: dict[str, str]) -> Path:
    return Path(home["XDG_CONFIG_HOME"]) / "clientscreen" / "clientscreen.toml"


def test_config_shows_each_value_and_where_it_came_from(
    cli: Run, cli_in_process: Run, tmp_path: Path, home: dict[str, str],
) -> None:
    user_file(home).write_text('currency = "DKK"\ninterviewer = "Lars"\nlanguage = "ru"\n', encoding="utf-8")
    (tmp_path / "clientscreen.toml").write_bytes(b'# the team\'s\r\nlanguage = "da"\r\nrules = "rules/agency.yaml"\r\n')
    done = cli("config", env=home)
    assert done.returncode == 0, done.stderr
    rows = {line.split()[0]: line for line in done.stdout.splitlines()[:5]}
    local, user = tmp_path / "clientscreen.toml", user_file(home)
    assert rows["language"].split()[1] == "da" and f"({local}:2)" in rows["language"]  # Danish: the file said so
    assert f"{tmp_path / 'rules' / 'agency.yaml'}" in rows["rules"]  # relative to the file, not the folder
    assert "DKK" in rows["currency"] and f"({user}:1)" in rows["currency"]
    assert "Lars" in rows["interviewer"] and "screenings" in rows["screenings"] and "[standard]" in rows["screenings"]
    assert f"  {local}  (læst)" in done.stdout and f"  {tmp_path / '.clientscreen.toml'}  (findes ikke)" in done.stdout
    # option > environment > file
    env = cli_in_process("config", env={**home, "CLIENTSCREEN_LANG": "he", "CLIENTSCREEN_CURRENCY": "EUR"})
    assert "EUR" in env.stdout and "CLIENTSCREEN_CURRENCY" in env.stdout and "he" in env.stdout.split()[1]
    option = cli_in_process("config", "--lang", "en", "--rules", CSV_RULES, env={**home, "CLIENTSCREEN_LANG": "he"})
    lines = {line.split()[0]: line for line in option.stdout.splitlines()[:5]}
    assert lines["language"].split()[1] == "en" and "[option]" in lines["language"]
    assert str(CSV_RULES) in lines["rules"] and "[option]" in lines["rules"]


def test_the_settings_files_language_and_rulebook_are_used(
    cli: Run, cli_in_process: Run, tmp_path: Path, home: dict[str, str],
) -> None:
    shutil.copy(CSV_RULES, tmp_path / "book.yaml")
    (tmp_path / ".clientscreen.toml").write_text('language = "da"\nrules = "book.yaml"\n', encoding="utf-8")
    template = cli_in_process("template", env=home)
    assert template.stdout.startswith("id,name,goals,prepayment,monthly_budget")  # the file's rulebook
    # help texts are translated once, as the command starts: only a real start of it shows their language
    assert "Eksempler:" in cli("score", "--help", env=home).stdout  # and its language, from --help on
    assert "Examples:" in cli("score", "--help", "--lang", "en", env=home).stdout
    bad = cli_in_process("report", "-f", "xml", "x.yaml", env=home)
    assert bad.stderr.startswith("clientscreen: --format 'xml' er ikke en af")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'language = "da"\nrules = \n', ":2:9: er ikke TOML: invalid value"),
        (b'langauge = "da"\n', ":1:1: ukendt indstilling 'langauge'; indstillingerne er language, rules, "),
        (b'language = "da"\ncurrency = 208\n', ':2:1: currency skal være tekst i anførselstegn, fx currency = "DKK"'),
        (b'language = "da"\ninterviewer = "S\xf8ren"\n', ":2: er ikke UTF-8-tekst"),
    ],
)
def test_a_bad_settings_file_is_one_line_with_its_place_and_exit_3(
    cli: Run, cli_in_process: Run, tmp_path: Path, home: dict[str, str], content: bytes, expected: str
) -> None:
    """The first file through the installed command, the others through its entry point in this process."""
    (tmp_path / "clientscreen.toml").write_bytes(content)
    run = cli if content.startswith(b'language = "da"\nrules') else cli_in_process
    done = run("template", env={**home, "LANG": "da_DK.UTF-8"})
    assert (done.returncode, done.stdout) == (3, "")
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"{tmp_path / 'clientscreen.toml'}{expected}")


def test_a_wrong_language_in_a_file_is_pinned_to_the_file(
    cli_in_process: Run, tmp_path: Path, home: dict[str, str],
) -> None:
    user_file(home).write_text('\nlanguage = "dansk"\n', encoding="utf-8")
    done = cli_in_process("template", env=home)
    assert done.returncode == 3
    assert done.stderr == (f"{user_file(home)}:2: language 'dansk' is not a language clientscreen speaks; "
                           "use one of en, da, he, ru\n")
    assert cli_in_process("template", "--lang", "da", env=home).returncode == 0  # an option overrides the file


def test_the_keys_are_one_line_each() -> None:
    """A later key (a ledger path, a review interval) is one entry here; everything else reads from KEYS."""
    assert [k.name for k in settings.KEYS] == ["language", "rules", "screenings", "interviewer", "currency",
                                               "ledger", "review_interval"]
    found = settings.load({"currency": "NOK"}, {"CLIENTSCREEN_INTERVIEWER": "Mette"}, Path("/nonexistent"), None)
    assert {k: (v.value, v.source) for k, v in found.values.items()} == {
        "language": (None, "default"), "rules": (None, "default"), "screenings": ("screenings", "default"),
        "interviewer": ("Mette", "environment"), "currency": ("NOK", "option"),
        "ledger": ("clientscreen.db", "default"), "review_interval": ("90", "default"),
    }


# -- the ledger and the review interval, from a settings file ----------------------------------------------------


def answered(folder: Path, name: str, days_ago: int) -> Path:
    """A complete answers file of an example prospect, renamed and dated ``days_ago`` days before today."""
    from datetime import date, timedelta

    text = (REPO / "examples" / "prospects" / "nordlys-webshop.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    data["prospect"] = {"name": name}
    data["interviewed_at"] = f"{(date.today() - timedelta(days=days_ago)).isoformat()}T10:00"
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_the_ledger_and_review_interval_a_settings_file_names(
    cli: Run, cli_in_process: Run, tmp_path: Path, home: dict[str, str],
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (tmp_path / "team").mkdir()
    user_file(home).write_text(f'ledger = "{tmp_path / "team" / "clients.db"}"\nreview_interval = 5\n',
                               encoding="utf-8")
    done = cli("report", answered(work, "Fjord Film", 10), env=home, cwd=work)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "team" / "clients.db").is_file() and not (work / "clientscreen.db").exists()
    listed = cli_in_process("clients", env=home, cwd=work)  # read from the same ledger
    assert listed.returncode == 0 and "Fjord Film" in listed.stdout, listed.stderr
    due = cli_in_process("clients", "--due", env=home, cwd=work)  # 10 days ago, every 5 days: due
    assert "Fjord Film" in due.stdout and " due" in due.stdout
    # option > environment > settings file > default, as for every other setting
    assert "No client is due" in cli_in_process("clients", "--due", env={**home, "CLIENTSCREEN_REVIEW_INTERVAL": "30"},
                                     cwd=work).stdout
    assert "No client is due" in cli_in_process("clients", "--due", "--interval", "30", env=home, cwd=work).stdout
    elsewhere = cli_in_process("clients", env={**home, "CLIENTSCREEN_LEDGER": str(tmp_path / "other.db")}, cwd=work)
    assert "The ledger has no clients yet." in elsewhere.stdout
    assert "Fjord Film" not in cli_in_process("clients", "--ledger", tmp_path / "other.db", env=home, cwd=work).stdout
    shown = {line.split()[0]: line for line in cli_in_process("config", env=home, cwd=work).stdout.splitlines()[:7]}
    assert f"{tmp_path / 'team' / 'clients.db'}  [settings file ({user_file(home)}:1)]" in shown["ledger"]
    assert f"5  [settings file ({user_file(home)}:2)]" in shown["review_interval"]
    given = cli_in_process("config", "--ledger", "x.db", "--interval", "7", env=home, cwd=work).stdout.splitlines()
    assert "x.db  [option]" in given[5] and "7  [option]" in given[6]
    # a relative path is the file's: the working folder's file puts the ledger beside itself
    (work / "clientscreen.toml").write_text('ledger = "here.db"\n', encoding="utf-8")
    assert cli_in_process("report", answered(work, "Fjord Film", 3), env=home, cwd=work).returncode == 0
    assert (work / "here.db").is_file()


@pytest.mark.parametrize(
    ("line", "col"), [("review_interval = \"thirty\"", 19), ("review_interval =  0", 20),
                      ("review_interval = true", 19), ("review_interval = 2.5", 19)])
def test_a_bad_review_interval_is_one_line_at_its_place(
    cli: Run, cli_in_process: Run, tmp_path: Path, home: dict[str, str], line: str, col: int
) -> None:
    """The first value through the installed command, the others through its entry point in this process."""
    (tmp_path / "clientscreen.toml").write_text(f'currency = "DKK"\n{line}\n', encoding="utf-8")
    run = cli if "thirty" in line else cli_in_process
    done = run("clients", "--due", env=home)
    assert (done.returncode, done.stdout) == (3, "")
    assert done.stderr == (f"{tmp_path / 'clientscreen.toml'}:2:{col}: review_interval takes a whole number of days "
                           "from 1, such as review_interval = 30\n")


# -- list: the screenings folder, newest first -------------------------------------------------------------------


def screenings(folder: Path) -> None:
    folder.mkdir(parents=True)
    for path in sorted((REPO / "examples" / "prospects").glob("*.yaml")):
        shutil.copy(path, folder / path.name)
    (folder / "draft-anna.yaml").write_text(
        "status: draft\nprospect: {name: Anna's Bakery}\ninterviewed_at: '2026-12-01T09:00+01:00'\n"
        "answers: {prepayment: 'yes'}\n", encoding="utf-8")
    (folder / "notes.txt").write_text("not a screening\n", encoding="utf-8")
    (folder / "broken.yaml").write_text("prospect: [\n", encoding="utf-8")
    old = folder / "undated.yaml"
    old.write_text("prospect: {name: Undated Ltd}\nanswers: {}\n", encoding="utf-8")
    os.utime(old, (1_600_000_000, 1_600_000_000))  # 2020: the oldest


def test_list_shows_screenings_newest_first_and_filters(
    cli: Run, cli_in_process: Run, tmp_path: Path, home: dict[str, str],
) -> None:
    screenings(tmp_path / "screenings")
    done = cli("list", env={**home, "COLUMNS": "120"})
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines()[2:] if line.strip()]
    names = [row.split("  ")[0].strip() for row in rows]
    assert names == ["Anna's Bakery", "Evil [/] Corp", "Kontor Gruppen A/S", "Nordlys Webshop ApS", "Undated Ltd"]
    assert "2026-12-01 09:00" in rows[0] and "draft" in rows[0] and "screenings/draft-anna.yaml" in rows[0]
    assert "decline" in rows[1] and "complete" in rows[1]
    assert done.stderr.startswith(f"{Path('screenings') / 'broken.yaml'}: skipped: ")
    declined = cli_in_process("list", "--verdict", "decline", env=home).stdout
    assert "Evil [/] Corp" in declined and "Kontor" not in declined
    drafts = cli_in_process("list", "--status", "draft", env=home).stdout
    assert "Anna's Bakery" in drafts and "Evil" not in drafts
    typo = cli_in_process("list", "--status", "drafts", env=home)
    assert typo.returncode == 2 and "did you mean 'draft'?" in typo.stderr


def test_list_reads_the_folder_the_settings_name(
    cli_in_process: Run, tmp_path: Path, home: dict[str, str],
) -> None:
    screenings(tmp_path / "team" / "screenings")
    user_file(home).write_text(f'screenings = "{tmp_path / "team" / "screenings"}"\n', encoding="utf-8")
    done = cli_in_process("list", "--lang", "he", env=home)
    assert done.returncode == 0 and "Evil [/] Corp" in done.stdout and "טיוטה" in done.stdout
    empty = cli_in_process("list", "--folder", tmp_path / "nothing-here", env=home)
    assert "no screenings folder here yet" in empty.stderr and "No screenings found." in empty.stdout
