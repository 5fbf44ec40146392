"""The formats ``rules check`` writes its findings in: for a person, for scripts, for CI systems.

Each format is a pure function of the report, so a CI step and a person see the same findings: text
(``file:line:col: severity: message [code]``), JSON, GitHub workflow commands that annotate a pull request,
and SARIF 2.1.0 for GitHub code scanning and every other SARIF viewer.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from clientscreen import __version__
from clientscreen.rulebook.lint import SEVERITIES, Report, describe

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def to_text(report: Report) -> str:
    return "".join(f"{f}\n" for f in report.findings)


def to_json(report: Report) -> str:
    files = [
        {
            "path": r.path,
            "rulebook": {"id": r.book.id, "version": r.book.version} if r.book else None,
            "score_range": list(r.score_range) if r.score_range else None,
            "findings": [
                {
                    "path": f.path,
                    "line": f.line,
                    "col": f.col,
                    "severity": f.severity,
                    "code": f.code,
                    "message": f.message,
                }
                for f in r.findings
            ],
        }
        for r in report.files
    ]
    body = {"files": files, "errors": report.count("error"), "warnings": report.count("warning")}
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(report: Report) -> str:
    """Workflow commands GitHub shows on the pull request's lines, escaped as the runner expects."""
    lines = []
    for f in report.findings:
        props = [f"file={_escape_property(f.path)}"]
        if f.line:
            props.append(f"line={f.line}")
            if f.col:
                props.append(f"col={f.col}")
        props.append(f"title={_escape_property(f'clientscreen {f.code}')}")
        lines.append(f"::{f.severity} {','.join(props)}::{_escape_data(f.message)}\n")
    return "".join(lines)


def _artifact(path: str) -> dict[str, str]:
    """A relative path stays relative to the checkout (``%SRCROOT%``), as code scanning maps it to the
    repository; an absolute one becomes a ``file:`` URI. Either way percent-encoded, as SARIF requires."""
    pure = PurePath(path)
    if pure.is_absolute():
        return {"uri": pure.as_uri()}
    return {"uri": quote(pure.as_posix()), "uriBaseId": "%SRCROOT%"}


def to_sarif(report: Report) -> str:
    """SARIF 2.1.0: one run, every code as a rule (so viewers can show what it means), one result a finding.

    Columns count characters, not bytes (``unicodeCodePoints``), the way every other format counts them.
    """
    codes = sorted(SEVERITIES)
    rules = [
        {
            "id": code,
            "shortDescription": {"text": describe(code)},
            "defaultConfiguration": {"level": SEVERITIES[code]},
        }
        for code in codes
    ]
    results: list[dict[str, Any]] = []
    for f in report.findings:
        location: dict[str, Any] = {"artifactLocation": _artifact(f.path)}
        if f.line:
            location["region"] = {"startLine": f.line, **({"startColumn": f.col} if f.col else {})}
        results.append({
            "ruleId": f.code,
            "ruleIndex": codes.index(f.code),
            "level": f.severity,
            "message": {"text": f.message},
            "locations": [{"physicalLocation": location}],
        })
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "clientscreen",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


FORMATS = {"text": to_text, "json": to_json, "github": to_github, "sarif": to_sarif}
