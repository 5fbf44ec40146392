"""`clientscreen calibrate --format html|markdown`: the quarterly review, read as text (the browser tests look)."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

import pytest

from conftest import Run
from ledger_samples import review_ledger


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("review") / "clientscreen.db"
    review_ledger(str(path))
    return path


def test_the_page_draws_what_json_says_and_escapes_every_name(
    cli: Run, cli_in_process: Run, tmp_path: Path, ledger: Path,
) -> None:
    data = json.loads(cli("calibrate", "--ledger", ledger, "--format", "json", "--min-sample", "40").stdout)
    done = cli_in_process("calibrate", "--ledger", ledger, "--format", "html", "-o", "review.html",
                          "--min-sample", "40")
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    page = tmp_path / "review.html"
    assert stat.S_IMODE(page.stat().st_mode) == 0o600  # client names
    assert not (tmp_path / "suggested.yaml").exists() and list(tmp_path.iterdir()) == [page]  # no rulebook
    html = page.read_text(encoding="utf-8")
    assert "default-src 'none'" in html and 'dir="ltr"' in html
    assert "<script" not in html and "&lt;script&gt;alert(" in html and "[link=x]" in html
    enough = [f for f in data["flags"] if f["enough"]]
    short = [f for f in data["flags"] if not f["enough"]]
    assert enough and short  # both kinds of row are on the page
    assert len(re.findall(r'<svg class="rate"', html)) == len(enough)
    for f in short:  # no rate drawn below the minimum sample: the row says so instead
        row = re.search(r'<td class="label">' + re.escape(f["label"]) + r"</td>(.*?)</tr>", html)
        assert row and "<svg" not in row.group(1) and "not enough clients to say (fewer than 40)" in row.group(1)
    assert len(re.findall(r'<svg class="stack"', html)) == sum(v["enough"] for v in data["verdicts"]) + 1
    assert len(re.findall(r'<svg class="points"', html)) == sum(f["suggested"] is not None for f in data["flags"])
    o = data["overrides"]
    assert o["total"] == 30 and o["agency_right"] + o["verdict_right"] + o["unknown"] == 30
    assert (f"Decisions against the verdict: 30; the verdict was right {o['verdict_right']}, the agency "
            f"{o['agency_right']}, not known yet {o['unknown']}.") in html
    assert re.search(r"Over every client&#x27;s latest answers, \d+ of 600 verdicts would change\.", html)
    assert re.search(r"<li><strong>&lt;script&gt;alert\(\d+\)&lt;/script&gt; \[link=x\] \d+</strong>: "
                     r"(take|negotiate|decline) \(\d+\) → (take|negotiate|decline) \(\d+\)</li>", html)
    for v in data["verdicts"]:
        assert v["bad"] + v["mixed"] + v["good"] + v["unknown"] == v["clients"]
    assert sum(v["mixed"] for v in data["verdicts"]) > 0


def test_write_rules_goes_with_the_page_and_is_never_the_page(
    cli: Run, cli_in_process: Run, tmp_path: Path, ledger: Path,
) -> None:
    done = cli("calibrate", "--ledger", ledger, "-f", "html", "-o", "review.html", "--write-rules", "mine.yaml")
    assert done.returncode == 0, done.stderr
    assert "Written: mine.yaml, version" in (tmp_path / "review.html").read_text(encoding="utf-8")
    assert cli_in_process("rules", "check", tmp_path / "mine.yaml").returncode == 0
    same = cli_in_process("calibrate", "--ledger", ledger, "-f", "html", "-o", "x.html", "--write-rules", "x.html")
    assert same.returncode == 2 and "name the same file" in same.stderr and not (tmp_path / "x.html").exists()


def test_markdown_escapes_names_and_keeps_the_tables(cli: Run, ledger: Path) -> None:
    done = cli("calibrate", "--ledger", ledger, "--format", "markdown", "--min-sample", "40")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("# Calibration: default ")
    assert "| Flag | | Went bad |" in out and "`██" in out
    assert "<script>" not in out and r"\<script\>alert" in out and r"\[link=x\]" in out
    assert r"not enough clients to say \(fewer than 40\)" in out
