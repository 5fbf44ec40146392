"""Mutated rulebooks, answers files and CSVs, and the core entry points they go through.

Shared by the fuzz test in the suite (a few seconds) and ``tests/fuzz_long.py`` (run by hand).
Whatever the bytes, a run may end only in a result or in a ``ClientscreenError`` with a
documented exit code, within its time budget.
"""

from __future__ import annotations

import functools
import io
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

from clientscreen.batch.read import open_csv
from clientscreen.batch.run import Scorer, Settings, Summary
from clientscreen.batch.run import run as run_batch
from clientscreen.errors import ClientscreenError
from clientscreen.interview import answersfile
from clientscreen.report import content, markdown
from clientscreen.rulebook import lint
from clientscreen.rulebook.arithmetic import Arithmetic
from clientscreen.rulebook.model import Rulebook, load_rulebook
from clientscreen.scoring import assess

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
DOCUMENTED = {0, 1, 2, 3, 129, 130, 143}
BUDGET = 10.0  # seconds for one run in process, loaded machine included

RULEBOOKS = [FIXTURES / "lint" / "clean.yaml", FIXTURES / "core" / "rules.yaml", FIXTURES / "rulebooks" /
             "valid_minimal.json", HERE.parent / "rules" / "default.yaml"]
ANSWERS = sorted((HERE.parent / "examples" / "prospects").glob("*.yaml"))
CSVS = [FIXTURES / "csv" / name for name in ("crm_en.csv", "quoted_newline.csv", "excel_da_utf8_bom.csv",
                                            "sep_line.csv", "yes_no_words.csv", "hostile_names.csv")]
CSV_RULES = FIXTURES / "csv" / "rules.yaml"
CORE_RULES = FIXTURES / "core" / "rules.yaml"

# Bytes that mean something to YAML, JSON, CSV, the terminal or a decoder.
PIECES = [b"[", b"]", b"{", b"}", b'"', b"'", b":", b": ", b"- ", b",", b";", b"\t", b"\n", b"\r", b"\r\n",
          b"\x00", b"\x1b[31m", b"\x1b]0;x\x07", b"\xc2\x85", b"\xe2\x80\xae", b"\xff", b"\xfe\xff", b"\xef\xbb\xbf",
          b"&a ", b"*a", b"!!python/object ", b"!!int ", b"\\udc80", b'"\\udc80"', b"~", b"null", b".nan", b"1e999",
          b"-0", b"0x1F", b"12:30", b"2025-02-30", b"yes", b"NO", b"ask_if", b"knockout: decline", b"points: ",
          b"=cmd|' /C calc'!A0", b"9" * 40, b"x" * 300, b"#", b"%", b"@", b"|", b">", b"\\", b" " * 8]

Mutation = tuple[str, int, int, bytes]  # what, where (fraction of the length, in 1/1000), how many, with what


def mutations() -> st.SearchStrategy[list[Mutation]]:
    one = st.tuples(
        st.sampled_from(["insert", "replace", "delete", "repeat_line", "drop_line", "truncate", "swap_lines"]),
        st.integers(0, 1000), st.integers(1, 64), st.sampled_from(PIECES) | st.binary(min_size=1, max_size=8),
    )
    return st.lists(one, min_size=1, max_size=6)


def mutate(data: bytes, steps: list[Mutation]) -> bytes:
    for what, where, count, piece in steps:
        at = len(data) * where // 1000
        if what == "insert":
            data = data[:at] + piece + data[at:]
        elif what == "replace":
            data = data[:at] + piece + data[at + len(piece):]
        elif what == "delete":
            data = data[:at] + data[at + count:]
        elif what == "truncate":
            data = data[:at]
        else:
            lines = data.split(b"\n")
            i = len(lines) * where // 1001
            if what == "repeat_line":
                lines[i:i + 1] = [lines[i]] * min(count, 20)
            elif what == "drop_line":
                del lines[i]
            elif what == "swap_lines" and len(lines) > 1:
                j = (i + count) % len(lines)
                lines[i], lines[j] = lines[j], lines[i]
            data = b"\n".join(lines)
    return data


@dataclass
class Outcome:
    seconds: float
    error: ClientscreenError | None


def within_budget(run: Callable[[], object]) -> Outcome:
    """Run once: a result or our error, nothing else, in the budget."""
    started = time.monotonic()
    try:
        run()
        error = None
    except ClientscreenError as exc:
        error = exc
        assert int(exc.exit_code) in DOCUMENTED, (exc, exc.exit_code)  # noqa: S101
        assert str(exc).strip(), type(exc)  # noqa: S101
    seconds = time.monotonic() - started
    assert seconds < BUDGET, seconds  # noqa: S101
    return Outcome(seconds, error)


def check_rulebook(path: Path) -> None:
    lint.check_file(path)
    book = load_rulebook(path)
    Arithmetic(book).score_range()


@functools.cache
def rulebook(path: Path) -> Rulebook:
    """The unmutated rulebooks answers and CSVs are read against, loaded once."""
    return load_rulebook(path)


def report_answers(path: Path, rules: Path = CORE_RULES) -> None:
    book = rulebook(rules)
    loaded = answersfile.load(path)
    given, _warnings = answersfile.read(book, loaded)
    assessment = assess(book, given)
    json.dumps(content.to_dict(assessment, book, loaded.file.prospect), ensure_ascii=False).encode("utf-8")
    markdown.to_markdown(assessment, book, loaded.file.prospect).encode("utf-8")


def score_csv(path: Path, rules: Path = CSV_RULES, fmt: str = "csv") -> None:
    book = rulebook(rules)
    source = open_csv(str(path))
    try:
        scorer = Scorer(book, source.header, source.name, Settings(fmt, None, None, False))
        out = io.BytesIO()
        summary = run_batch(source, scorer, out.write)
        assert isinstance(summary, Summary)  # noqa: S101
        out.getvalue().decode("utf-8")
    finally:
        source.close()
