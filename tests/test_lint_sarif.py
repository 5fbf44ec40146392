"""``rules check --format sarif``: a log GitHub code scanning and other SARIF viewers accept, validated against
the SARIF 2.1.0 schema, carrying the same findings at the same places as the text format."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from conftest import FIXTURES, REPO, Run

SCHEMA = json.loads((FIXTURES / "sarif" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
LINT = FIXTURES / "lint"
TEXT_LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+)(?::(?P<col>\d+))?: (?P<level>error|warning): .* \[(?P<code>CS\d+)\]$"
)


def sarif_of(cli: Run, *args: str | Path) -> tuple[int, dict]:  # type: ignore[type-arg]
    done = cli("rules", "check", "--format", "sarif", *args)
    assert "Traceback" not in done.stderr
    log = json.loads(done.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    return done.returncode, log


@pytest.mark.parametrize("name", ["band_unreachable.yaml", "skip_loop.yaml", "translations.yaml", "not_yaml.yaml"])
def test_the_sarif_log_fits_the_schema_and_carries_every_finding_where_text_puts_it(
    cli: Run, cli_in_process: Run, name: str,
) -> None:
    """The first file's log through the installed command; the rest through its entry point in this process."""
    path = LINT / name
    code, log = sarif_of(cli if name == "band_unreachable.yaml" else cli_in_process, path)
    text = cli_in_process("rules", "check", path)
    assert code == text.returncode
    expected = []
    for row in text.stdout.splitlines():
        m = TEXT_LINE.match(row)
        assert m, row
        expected.append((m["code"], m["level"], int(m["line"]), int(m["col"]) if m["col"] else None))
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    found = []
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": path.as_uri()}
        region = location.get("region", {})
        found.append((result["ruleId"], result["level"], region.get("startLine"), region.get("startColumn")))
    assert found == expected and found


def test_a_clean_rulebook_gives_a_valid_log_with_no_results_and_every_rule_described(cli_in_process: Run) -> None:
    code, log = sarif_of(cli_in_process, REPO / "rules" / "default.yaml")
    assert code == 0
    run = log["runs"][0]
    assert run["results"] == []
    assert run["columnKind"] == "unicodeCodePoints"
    assert all(rule["shortDescription"]["text"] for rule in run["tool"]["driver"]["rules"])


def test_relative_paths_stay_relative_to_the_checkout_and_are_percent_encoded(cli: Run, tmp_path: Path) -> None:
    folder = tmp_path / "my rules"
    folder.mkdir()
    (folder / "bad book.yaml").write_bytes((LINT / "skip_loop.yaml").read_bytes())
    _, log = sarif_of(cli, "my rules/bad book.yaml")
    artifact = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "my%20rules/bad%20book.yaml", "uriBaseId": "%SRCROOT%"}


def test_descriptions_follow_the_language_but_codes_and_levels_do_not(cli: Run, cli_in_process: Run) -> None:
    _, english = sarif_of(cli_in_process, LINT / "skip_loop.yaml")
    _, danish = sarif_of(cli, "--lang", "da", LINT / "skip_loop.yaml")
    strip = lambda log: [(r["ruleId"], r["level"]) for r in log["runs"][0]["results"]]  # noqa: E731
    assert strip(english) == strip(danish)
    en_rules = english["runs"][0]["tool"]["driver"]["rules"]
    da_rules = danish["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in en_rules] == [r["id"] for r in da_rules]
    assert en_rules[0]["shortDescription"] != da_rules[0]["shortDescription"]
