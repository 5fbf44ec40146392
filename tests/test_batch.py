"""The batch scorer, the CSV reader and the writers, as a library.

The compiled scorer is a second implementation of ``scoring.assess`` for speed; the property tests
here are what keep the two the same, on the default rulebook, the fixtures' rulebooks, and a rulebook
made to stress skip logic (chains, note parents, parents that come later).
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clientscreen.batch import compiled as batch
from clientscreen.batch.compiled import CellError, Compiled
from clientscreen.batch.levers import LeverSearch, exact_in_arithmetic
from clientscreen.batch.read import RowError, open_csv, sniff
from clientscreen.batch.rows import Record, cell
from clientscreen.batch.run import Chunk, Rest, Scorer, Settings, Summary, can_split, chunks, run
from clientscreen.batch.write import table
from clientscreen.errors import InputError, UsageError
from clientscreen.rulebook import schema
from clientscreen.rulebook.model import Rulebook, load_rulebook
from clientscreen.scoring import Assessment, score

FIXTURES = Path(__file__).parent / "fixtures"
CSV = FIXTURES / "csv"
DEFAULT = load_rulebook(Path(__file__).parent.parent / "rules" / "default.yaml")
CORE = load_rulebook(FIXTURES / "core" / "rules.yaml")
CSV_RULES = load_rulebook(CSV / "rules.yaml")

SKIPS = """\
id: skips
version: "1"
title: Skip chains
thresholds: {negotiate: 4, decline: 9}
min_coverage: 0.5
categories:
  - {id: a, title: A, kind: red, source: {article: x.txt, section: s}, why: w, advice: v}
  - {id: b, title: B, kind: red, source: {article: x.txt, section: s}, why: w, advice: v}
  - {id: g, title: G, kind: green, source: {article: x.txt, section: s}, why: w, advice: v}
questions:
  - id: memo
    text: Anything?
    type: note
  - id: root
    category: a
    text: Root?
    type: yesno
    answers: [{value: "yes", points: 2}, {value: "no", points: -1, category: g}]
  - id: child
    category: b
    text: Child?
    type: choice
    ask_if: {question: root, in: ["yes"]}
    answers:
      - {value: low, points: 1}
      - {value: mid, points: 3, category: a, knockout: negotiate}
      - {value: high, points: 6, knockout: decline}
  - id: grandchild
    category: b
    text: Grandchild?
    type: scale
    ask_if: {question: child, in: [mid, high]}
    answers: [{value: 1, points: 0}, {value: 2, points: 2}, {value: 3, points: 4, knockout: decline}]
  - id: amount
    category: b
    text: How much?
    type: number
    unit: EUR
    answers:
      - {value: small, below: 100, points: 3}
      - {value: fine, below: 1000.5, points: 0}
      - {value: big, points: -2, category: g}
  - id: by_amount
    category: a
    text: Asked only of big spenders?
    type: yesno
    ask_if: {question: amount, in: [big, small]}
    answers: [{value: "yes", points: 3}, {value: "no", points: 0}]
  - id: same_category
    category: b
    text: Another b?
    type: yesno
    answers: [{value: "yes", points: 1, knockout: negotiate}, {value: "no", points: 0}]
"""


@pytest.fixture(scope="module")
def skips(tmp_path_factory: pytest.TempPathFactory) -> Rulebook:
    path = tmp_path_factory.mktemp("rules") / "skips.yaml"
    path.write_text(SKIPS, encoding="utf-8")
    return load_rulebook(path)


_CELLS: dict[int, tuple[Rulebook, st.SearchStrategy[dict[str, str]]]] = {}


def cells(book: Rulebook) -> st.SearchStrategy[dict[str, str]]:
    """Cells as exports write them: values, labels in any case, positions, words in four languages, numbers
    written the ways spreadsheets write them, padding, unknowns and blanks.

    Built once per rulebook and drawn from in every example: hypothesis checks a strategy the first time it
    is drawn from, and checking thirty-odd fresh ones per example cost more than the scoring under test.
    """
    kept = _CELLS.get(id(book))
    if kept is None or kept[0] is not book:  # the book is kept with it, so its id is never another's
        kept = _CELLS[id(book)] = (book, _cells(book))
    return kept[1]


def _cells(book: Rulebook) -> st.SearchStrategy[dict[str, str]]:
    fields: dict[str, st.SearchStrategy[str]] = {}
    for q in book.questions:
        if q.type == "number":
            options: st.SearchStrategy[str] = (
                st.integers(0, 20_000).map(str)
                | st.integers(0, 20_000).map(lambda n: f"{n:,}".replace(",", " "))
                | st.integers(0, 20_000).map(lambda n: f"{n:,}".replace(",", "\u00a0"))
                | st.sampled_from(["1 500", "3.500,50", "1,500.50", "999.99", "100", "1000.5", "-5", "0"])
            )
        elif q.type == "note":
            options = st.sampled_from(["", "met at a fair", "yes", "no"])
        elif q.type == "yesno":
            options = st.sampled_from(
                ["yes", "no", "ja", "NEJ", "да", "Нет", "כן", "לא", "TRUE", "false", "1", "0", "Y", "n", "unknown", "?"]
            )
        else:
            values = [str(a.value) for a in q.answers]
            values += [t.upper() for a in q.answers if a.label for t in a.label.all()]
            values += [str(i) for i in range(1, len(q.answers) + 1)] if q.type == "choice" else []
            options = st.sampled_from(values)
        fields[q.id] = options | st.just("") | options.map(lambda v: f"  {v} ")
    return st.fixed_dictionaries(fields)


def expected(book: Rulebook, full: Assessment) -> tuple[Any, ...]:
    raised = {f.category for f in full.flags if f.red}
    reds = tuple(c.id for c in book.categories if c.id in raised)
    return full.verdict, full.score, full.coverage, full.provisional, reds, tuple(k.category for k in full.knockouts)


_COMPILED: dict[tuple[int, tuple[str, ...]], tuple[Rulebook, Compiled]] = {}


def compiled_for(book: Rulebook, header: list[str]) -> Compiled:
    """One compiled scorer per rulebook and header, as a run builds one for every row of its file: examples laid
    out alike share it and the cells it remembers, as rows of one file do (building one cost more than scoring).

    The book is kept beside it, so its id is never another's; generated books, never met twice, are let go.
    """
    key = (id(book), tuple(header))
    kept = _COMPILED.get(key)
    if kept is None or kept[0] is not book:
        if len(_COMPILED) > 256:
            _COMPILED.clear()
        kept = _COMPILED[key] = (book, Compiled(book, header))
    return kept[1]


def agree(book: Rulebook, row: dict[str, str], header: list[str]) -> None:
    compiled = compiled_for(book, header)
    cells_by_name = {"id": "x", "name": "y", "owner": "z", **row}
    line = [cells_by_name[h] for h in header]
    fast = compiled.score(line)
    full = score(book, {k: v for k, v in row.items() if k in header})
    assert tuple(fast) == expected(book, full)
    rank, text = compiled.csv_fields(line)
    assert rank == fast.verdict.rank
    if exact_in_arithmetic(book):  # the lean JSON Lines record's levers are the report's
        search = LeverSearch(compiled, header)
        terms = tuple((lv.question, lv.current, lv.target, lv.points) for lv in full.levers)
        reach = full.levers_reach.value if full.levers_reach else None
        outcome, total = compiled.scored(line)
        assert outcome == fast
        assert search.search(line, rank, fast.score, total) == (reach, terms)
        assert search.search(line, rank, fast.score, total) == (reach, terms)  # and again, remembered
    assert next(csv.reader([text])) == [
        fast.verdict.value, str(fast.score), "true" if fast.provisional else "false", str(fast.coverage),
        "; ".join(compiled.titles[c] for c in fast.red_flags), "; ".join(compiled.titles[c] for c in fast.knockouts),
        ";".join(fast.red_flags), ";".join(fast.knockouts),
    ]


@pytest.mark.parametrize("name", ["default", "core", "csv", "skips"])
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_the_compiled_scorer_agrees_with_the_full_assessment(name: str, skips: Rulebook, data: st.DataObject) -> None:
    book = {"default": DEFAULT, "core": CORE, "csv": CSV_RULES, "skips": skips}[name]
    row = data.draw(cells(book))
    ids = list(row)
    layout = data.draw(LAYOUTS)
    if layout == "shuffled":
        ids = data.draw(shuffled(tuple(ids)))
    elif layout == "gaps":
        ids = [x for qid in ids for x in (qid, "owner")][:-1]
    elif layout == "some missing":
        ids = data.draw(some_of(tuple(ids)))
    agree(book, row, ["id", "name", *ids])


# The layouts' strategies, built once per list of columns like the cells' (see ``cells``).
LAYOUTS = st.sampled_from(["template", "shuffled", "gaps", "some missing"])


@cache
def shuffled(ids: tuple[str, ...]) -> st.SearchStrategy[list[str]]:
    return st.permutations(ids)


@cache
def some_of(ids: tuple[str, ...]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(ids), unique=True, min_size=1)


def test_rulebooks_the_lever_arithmetic_serves(skips: Rulebook) -> None:
    """Client-type floors and terms are in the sums; a negotiable question in skip logic is not: changing its
    answer asks or skips others, and such a rulebook takes the full assessment."""
    assert exact_in_arithmetic(CSV_RULES) and any(q.negotiable for q in CSV_RULES.questions)
    assert any(c.floor for c in DEFAULT.categories) and any(c.term for c in DEFAULT.categories)
    assert exact_in_arithmetic(DEFAULT) and any(q.negotiable for q in DEFAULT.questions)
    for gate in ("root", "child"):  # a negotiable gate, and a negotiable follow-up
        data = skips.to_data(by_alias=True, exclude_none=True)
        question = next(q for q in data["questions"] if q["id"] == gate)
        question["negotiable"] = {"term": "t", "target": question["answers"][0]["value"]}
        assert not exact_in_arithmetic(schema.checked(data))


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_the_greedy_lever_search_agrees_too(data: st.DataObject) -> None:
    """Past MAX_LEVER_SEARCH combinations both searches turn greedy, and still agree."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("clientscreen.scoring.MAX_LEVER_SEARCH", 3)
        patch.setattr("clientscreen.batch.levers.MAX_LEVER_SEARCH", 3)
        row = data.draw(cells(DEFAULT))
        agree(DEFAULT, row, ["id", "name", *row])


def test_a_single_question_column_and_no_question_columns(skips: Rulebook) -> None:
    agree(CSV_RULES, {"prepayment": "no"}, ["prepayment"])
    agree(skips, {"child": "high", "grandchild": "3"}, ["grandchild", "id", "child"])
    nothing = Compiled(CSV_RULES, ["id", "name"])
    assert tuple(nothing.score(["1", "A"])) == ("take", 0, 0.0, True, (), ())


def test_more_distinct_cells_than_the_cache_holds_still_score_right(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "CACHE_LIMIT", 3)
    monkeypatch.setattr(batch, "PATTERN_LIMIT", 2)
    compiled = Compiled(CSV_RULES, ["monthly_budget", "prepayment", "goals"])
    for n in range(0, 12_000, 250):
        for prepay in ("yes", "no", ""):
            for goals in ("measurable", "none", "ROUGH"):
                row = {"monthly_budget": f"{n:,}".replace(",", " "), "prepayment": prepay, "goals": goals}
                assert tuple(compiled.score(list(row.values()))) == expected(CSV_RULES, score(CSV_RULES, row))
    assert all(len(t) <= 3 for t in compiled._row_tables)


@pytest.mark.parametrize("kept", [1, 16])
def test_coverage_is_read_by_the_weight_skip_logic_left_at_stake(
    skips: Rulebook, kept: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows that skip different questions have different weights at stake and the same known weight: each gets
    its own coverage, whether its stake's table is kept or (past ``STAKES_KEPT``) remembered cell by cell."""
    monkeypatch.setattr(batch, "STAKES_KEPT", kept)
    header = ["root", "child", "grandchild", "amount", "by_amount", "same_category"]
    compiled = Compiled(skips, header)
    seen = set()
    for root in ("yes", "no", ""):
        for child in ("low", "high", ""):
            for amount in ("50", "500", "5000", ""):
                row = {"root": root, "child": child, "grandchild": "2", "amount": amount, "by_amount": "no",
                       "same_category": ""}
                outcome = compiled.score(list(row.values()))
                assert tuple(outcome) == expected(skips, score(skips, row))
                seen.add((outcome.coverage, outcome.provisional))
    assert len(seen) > 4  # the stakes really differ, and so do the coverages


def test_a_row_no_term_can_move_gets_no_levers_and_one_a_term_moves_gets_them() -> None:
    """The lever search first scores the row with every negotiable answer at its target: rows that stay where
    they are get no levers without a search, rows that move get the report's levers. The rows differ only in
    a question no term changes, so a shortcut or a memo that ignored it would give them the same levers."""
    header = ["id", "name", *(q.id for q in CSV_RULES.questions)]
    base = {"goals": "measurable", "prepayment": "no", "monthly_budget": "5000", "decision_maker": "one",
            "misleading_claims": "no", "trust": "5", "notes": ""}
    compiled = Compiled(CSV_RULES, header)
    search = LeverSearch(compiled, header)
    found = {}
    for name, change in [("moves", {}), ("knocked out", {"misleading_claims": "yes"}), ("goals", {"goals": "none"})]:
        row = {**base, **change}
        agree(CSV_RULES, row, header)  # the same levers as the full assessment
        line = ["x", "y", *row.values()]
        outcome, total = compiled.scored(line)
        found[name] = outcome.verdict.value, search.search(line, outcome.verdict.rank, outcome.score, total)
    assert found["moves"] == ("negotiate", ("take", (("prepayment", "no", "yes", -9),)))
    assert found["knocked out"] == ("decline", (None, ()))
    assert found["goals"] == ("negotiate", (None, ()))


def test_missing_columns_are_unknown_and_reported() -> None:
    compiled = Compiled(CORE, ["id", "prepay", "owner"])
    assert "contacts" in compiled.missing and "prepay" not in compiled.missing
    assert compiled.extra_columns({"id", "name"}) == ["owner"]
    outcome = compiled.score(["1", "no", "x"])
    assert outcome.score == 6 and outcome.provisional


def test_a_bad_cell_names_its_column() -> None:
    compiled = Compiled(CORE, ["id", "prepay", "budget"])
    with pytest.raises(CellError) as caught:
        compiled.score(["1", "yes", "lots"])
    assert caught.value.column == 2
    assert str(caught.value) == "budget: 'lots' is not a number; expected a number (EUR per month)"


def test_a_bad_parent_cell_is_an_error_even_when_only_skip_logic_reads_it(skips: Rulebook) -> None:
    compiled = Compiled(skips, ["memo", "child", "root"])
    with pytest.raises(CellError) as caught:
        compiled.score(["", "low", "perhaps"])
    assert caught.value.column == 2


def test_decimal_marks_follow_the_option() -> None:
    assert Compiled(CORE, ["budget"], decimal=",").score(["1,500"]).score == 5  # 1.5 EUR: below market
    assert Compiled(CORE, ["budget"], decimal=".").score(["1,500"]).score == 0  # 1500 EUR: market rate
    with pytest.raises(CellError):
        Compiled(CORE, ["budget"]).score(["1,500"])


def test_raw_answers_are_what_an_answers_file_would_hold() -> None:
    compiled = Compiled(CSV_RULES, ["id", "goals", "prepayment", "notes", "owner"])
    assert compiled.raw_answers(["1", " ", "ja", "met them", "x"]) == {"prepayment": "ja", "notes": "met them"}


# -- reading CSV -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "delimiter", "encoding", "first"),
    [
        ("excel_da_utf8_bom.csv", ";", "utf-8-sig", "Nordlys Webshop ApS"),
        ("excel_unicode_text.txt", "\t", "utf-16", "Northern Light Ltd"),
        ("sep_line.csv", ";", "utf-8", "Nordlys Webshop ApS"),
        ("cr_only.csv", ",", "utf-8", "Northern Light Ltd"),
        ("pipes.csv", "|", "utf-8", "Northern Light Ltd"),
    ],
)
def test_delimiter_and_encoding_are_settled_from_the_file(name: str, delimiter: str, encoding: str, first: str) -> None:
    source = open_csv(str(CSV / name))
    try:
        assert (source.delimiter, source.encoding) == (delimiter, encoding)
        assert source.header[:2] == ["id", "name"]
        rows = [r for r in source.rows() if not isinstance(r, RowError)]
        assert rows[0][1][1] == first and len(rows) == 4  # Excel's rows of bare delimiters are skipped
    finally:
        source.close()


def test_broken_rows_are_errors_in_the_stream_and_the_rest_is_read() -> None:
    source = open_csv(str(CSV / "broken_rows.csv"))
    items: list[Any] = list(source.rows())
    source.close()
    errors = [(i.line, i.message, i.column) for i in items if isinstance(i, RowError)]
    assert errors == [
        (3, "has 3 fields; the header has 8", None),
        (4, "contains a NUL byte", 2),
        (8, 'text follows a closing quote; a quote inside a quoted field is written twice ("")', None),
        (9, "a quote opened on this line is never closed", None),
    ]
    assert [i[0] for i in items if not isinstance(i, RowError)] == [2, 5, 6, 7]


def test_quoted_newlines_keep_line_numbers_right() -> None:
    source = open_csv(str(CSV / "quoted_newline.csv"))
    lines = [item[0] for item in source.rows() if not isinstance(item, RowError)]
    source.close()
    assert lines == [2, 4, 6, 7]  # a blank line before row 2; row 2's note spans two lines


@pytest.mark.parametrize("name", ["excel_da_cp1252.csv", "excel_ru_cp1251.csv", "excel_he_cp1255.csv"])
def test_legacy_code_pages_are_an_error_at_open_naming_the_byte_never_a_guess(name: str) -> None:
    with pytest.raises(InputError) as caught:
        open_csv(str(CSV / name))
    message = str(caught.value)
    assert "is not UTF-8 text at byte" in message and "--encoding cp1252" in message
    source = open_csv(str(CSV / name), encoding={"da": "cp1252", "ru": "cp1251", "he": "cp1255"}[name[6:8]])
    assert len([r for r in source.rows() if not isinstance(r, RowError)]) == 4
    source.close()


def test_a_byte_undefined_in_the_chosen_code_page_is_an_error_too(tmp_path: Path) -> None:
    path = tmp_path / "he.csv"
    path.write_bytes(b"id,name\r\n1,\xd7\xd0\xff\r\n")  # 0xFF is not a letter in cp1255
    with pytest.raises(InputError) as caught:
        open_csv(str(path), encoding="cp1255")
    assert str(caught.value).startswith(f"{path}:2:5: is not cp1255 text at byte 13 (0xff)")


def test_blank_lines_before_and_after_a_sep_line_keep_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "sep.csv"
    path.write_bytes(b"\r\nsep=;\r\n\r\nid;name;prepayment\r\n1;A;nej\r\n;;\r\n2;B;ja\r\n")
    source = open_csv(str(path))
    assert (source.delimiter, source.first_line, source.header) == (";", 4, ["id", "name", "prepayment"])
    assert [item[0] for item in source.rows() if not isinstance(item, RowError)] == [5, 7]
    source.close()


def test_duplicate_headers_are_refused() -> None:
    with pytest.raises(InputError) as caught:
        open_csv(str(CSV / "duplicate_headers.csv"))
    assert str(caught.value) == (
        f"{CSV / 'duplicate_headers.csv'}:1:8: column 8 repeats the header 'Goals' of column 3; rename or remove one"
    )


@pytest.mark.parametrize(("value", "expected"), [("tab", "\t"), ("TAB", "\t"), ("\\t", "\t"), (";", ";")])
def test_delimiter_names(value: str, expected: str) -> None:
    source = open_csv(str(CSV / "crm_en.csv"), delimiter=value)
    assert source.delimiter == expected
    source.close()


@pytest.mark.parametrize("value", [";;", '"', "\n", ""])
def test_a_delimiter_that_cannot_be_one_is_a_usage_error(value: str) -> None:
    with pytest.raises(UsageError):
        open_csv(str(CSV / "crm_en.csv"), delimiter=value)


@pytest.mark.parametrize(
    ("line", "expected"),
    [("a,b;c;d", ";"), ("a\tb\tc", "\t"), ('"x;y",b,c', ","), ("a|b|c", "|"), ("single", ","), ("a;b,c", ",")],
)
def test_the_delimiter_is_the_commonest_outside_quotes(line: str, expected: str) -> None:
    assert sniff(line) == expected


# -- running and splitting ---------------------------------------------------------------------------------


def leads(path: Path, rows: int, *, note_at: int = -1, end: str = "\r\n") -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh, lineterminator=end)
        out.writerow(["id", "name", "goals", "prepayment", "monthly_budget", "notes"])
        for i in range(rows):
            note = "two\nlines" if i == note_at else ""
            name = f"Lead {i}, Holding" if i % 7 == 0 else f"Lead {i}"
            out.writerow([i, name, ["measurable", "rough", ""][i % 3], ["ja", "nej"][i % 2], i * 7, note])


def test_chunks_cover_the_file_in_line_aligned_ranges(tmp_path: Path) -> None:
    path = tmp_path / "leads.csv"
    leads(path, 30_000)
    source = open_csv(str(path))
    pieces = list(chunks(source, 64 << 10))
    source.close()
    assert len(pieces) > 2 and all(isinstance(p, Chunk) for p in pieces)
    data = path.read_bytes()
    assert pieces[0] == Chunk(data.index(b"\r\n") + 2, pieces[0].end, 2) and pieces[-1].end == len(data)
    for before, after in zip(pieces, pieces[1:], strict=False):
        assert before.end == after.start and data[before.end - 1 : before.end] == b"\n"
        assert after.line == before.line + data[before.start : before.end].count(b"\n")
    assert can_split(source, 2) and not can_split(source, 1)


def test_chunks_stop_at_the_first_quoted_newline_where_one_process_takes_over(tmp_path: Path) -> None:
    path = tmp_path / "leads.csv"
    leads(path, 30_000, note_at=20_000)
    source = open_csv(str(path))
    pieces = list(chunks(source, 64 << 10))
    source.close()
    *cut, rest = pieces
    assert cut and all(isinstance(p, Chunk) for p in cut) and isinstance(rest, Rest)
    data = path.read_bytes()
    assert rest.start == cut[-1].end and rest.line == data[: rest.start].count(b"\n") + 1
    assert rest.line <= 20_002 < rest.line + data[rest.start :].count(b"\n")  # the note lies in the rest


def test_cr_only_line_ends_are_never_cut(tmp_path: Path) -> None:
    path = tmp_path / "leads.csv"
    leads(path, 30_000, end="\r")
    source = open_csv(str(path))
    assert list(chunks(source, 64 << 10)) == [Rest(0, 0)]
    source.close()


@pytest.mark.parametrize(("fmt", "note_at"), [("csv", -1), ("csv", 5000), ("jsonl", -1)])
def test_one_process_and_two_write_the_same_bytes(tmp_path: Path, fmt: str, note_at: int) -> None:
    """The file is cut into more pieces than there are processes: 6,000 rows make four of the smallest size cut
    (the quoted newline lies in the third), as 20,000 rows made eight, at a third of the cost."""
    path = tmp_path / "leads.csv"
    rows = 6000 if fmt == "csv" else 3000
    leads(path, rows, note_at=note_at)
    source = open_csv(str(path))
    pieces = list(chunks(source))
    source.close()
    assert sum(isinstance(p, Chunk) for p in pieces) >= 2
    assert isinstance(pieces[-1], Rest) == (note_at >= 0)
    outputs: list[bytes] = []
    summaries: list[Summary] = []
    for jobs in (1, 2):
        source = open_csv(str(path))
        scorer = Scorer(CSV_RULES, source.header, source.name, Settings(fmt))
        buffer = io.BytesIO()
        summaries.append(run(source, scorer, buffer.write, jobs=jobs))
        source.close()
        outputs.append(buffer.getvalue())
    assert outputs[0] == outputs[1]
    assert summaries[0].rows == summaries[1].rows == rows
    assert summaries[0].verdicts == summaries[1].verdicts


# -- writing -----------------------------------------------------------------------------------------------


@given(st.text(alphabet=st.sampled_from('ab,"\n\r=+-@\t x1é'), max_size=12))
def test_a_cell_is_written_as_csv_writer_writes_it_after_neutralising(text: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow([1, "'" + text if text[:1] in set("=+-@\t\r") else text])
    assert f"1,{cell(text)}\r\n" == buffer.getvalue()


def test_the_table_is_text_not_markup_and_cut_to_its_columns() -> None:
    from rich.console import Console

    outcome = Compiled(CSV_RULES, ["prepayment"]).score(["no"])
    records = [
        Record(2, "[bold]x[/]", "Evil [/] Corp \x1b[2J\u202e" + "long " * 20, outcome),
        Record(3, "3", "[link=https://x]click[/link]", None, "prepayment: 'perhaps' is not an answer"),
    ]
    buffer = io.StringIO()
    Console(file=buffer, width=100, markup=False, color_system=None).print(table(records, CSV_RULES, 100))
    text = buffer.getvalue()
    assert "[bold]x[/]" in text and "Evil [/] Corp long long" in text and "[link=https://x]click" in text
    assert "\x1b" not in text and "\u202e" not in text and "…" in text
    assert "Refuses prepayment" in text and "'perhaps' is" in text  # long texts are cut, never wrapped
    assert max(map(len, text.splitlines())) <= 100 and len(text.splitlines()) == 2 + len(records)


def test_rich_is_loaded_only_to_draw_a_table(tmp_path: Path) -> None:
    """The batch modules stay usable without the terminal libraries: rich only when something needs it."""
    script = (
        "import pathlib, sys\n"
        "from clientscreen.batch import write as batchout\n"
        "from clientscreen.batch.run import Scorer, Settings\n"
        "from clientscreen.batch.read import open_csv\n"
        "from clientscreen.rulebook.model import load_rulebook\n"
        "book = load_rulebook(pathlib.Path(sys.argv[1]))\n"
        "for fmt, texts in (('csv', False), ('jsonl', False), ('jsonl', True), ('table', False)):\n"
        "    source = open_csv(sys.argv[2])\n"
        "    settings = Settings(fmt, texts=texts)\n"
        "    batchout.write_scores(source, Scorer(book, source.header, source.name, settings), sys.argv[3])\n"
        "    source.close()\n"
        "    print(fmt, texts, 'rich' in sys.modules, 'typer' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(CSV / "rules.yaml"), str(CSV / "crm_en.csv"), str(tmp_path / "out")],
        capture_output=True, text=True, check=True,
    )
    # JSON Lines with texts carries report.content.to_dict, plain Python; the lean records need it not; only
    # the table draws with rich.
    assert done.stdout.split("\n")[:4] == [
        "csv False False False", "jsonl False False False", "jsonl True False False", "table False True False"
    ]
