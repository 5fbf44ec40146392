"""The compiled batch scorer and the CSV reader, as a library."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clientscreen.batch import CellError, Compiled
from clientscreen.csvinput import RowError, open_csv, sniff
from clientscreen.errors import InputError
from clientscreen.rulebook import Rulebook, load_rulebook
from clientscreen.scoring import score

FIXTURES = Path(__file__).parent / "fixtures"
CSV = FIXTURES / "csv"
DEFAULT = load_rulebook(Path(__file__).parent.parent / "rules" / "default.yaml")
CORE = load_rulebook(FIXTURES / "core" / "rules.yaml")


def cells(book: Rulebook) -> st.SearchStrategy[dict[str, str]]:
    """Cells as exports write them: values, numbers, labels, words in four languages, blanks."""
    fields: dict[str, st.SearchStrategy[str]] = {}
    for q in book.questions:
        if q.type == "number":
            options: st.SearchStrategy[str] = st.integers(0, 20_000).map(str) | st.sampled_from(["1 500", "3.500,50"])
        elif q.type == "note":
            options = st.sampled_from(["", "met at a fair"])
        elif q.type == "yesno":
            options = st.sampled_from(["yes", "no", "ja", "nej", "да", "нет", "כן", "לא", "TRUE", "0", "unknown"])
        else:
            values = [str(a.value) for a in q.answers] + [a.label for a in q.answers if a.label]
            options = st.sampled_from(values)
        fields[q.id] = options | st.just("")
    return st.fixed_dictionaries(fields)


@pytest.mark.parametrize("book", [DEFAULT, CORE], ids=["default", "core"])
@settings(max_examples=250, deadline=None)
@given(data=st.data())
def test_the_compiled_scorer_agrees_with_the_full_assessment(book: Rulebook, data: st.DataObject) -> None:
    row = data.draw(cells(book))
    header = ["id", *row]
    compiled = Compiled(book, header)
    fast = compiled.score(["x", *row.values()])
    full = score(book, row)
    assert fast.verdict is full.verdict
    assert fast.score == full.score
    assert fast.coverage == full.coverage
    assert fast.provisional == full.provisional
    assert fast.red_flags == tuple(dict.fromkeys(f.category for f in full.flags if f.red))
    assert fast.knockouts == tuple(k.category for k in full.knockouts)


def test_missing_columns_are_unknown_and_reported() -> None:
    compiled = Compiled(CORE, ["id", "prepay", "owner"])
    assert "contacts" in compiled.missing and "prepay" not in compiled.missing
    assert compiled.extra_columns({"id", "name"}) == ["owner"]
    outcome = compiled.score(["1", "no"])
    assert outcome.score == 6 and outcome.provisional


def test_a_bad_cell_names_its_column() -> None:
    compiled = Compiled(CORE, ["id", "prepay", "budget"])
    with pytest.raises(CellError) as caught:
        compiled.score(["1", "yes", "lots"])
    assert caught.value.column == 2
    assert str(caught.value) == "budget: 'lots' is not a number; expected a number (EUR per month)"


def test_decimal_marks_follow_the_option() -> None:
    assert Compiled(CORE, ["budget"], decimal=",").score(["1,500"]).score == 5  # 1.5 EUR: below market
    assert Compiled(CORE, ["budget"], decimal=".").score(["1,500"]).score == 0  # 1500 EUR: market rate
    with pytest.raises(CellError):
        Compiled(CORE, ["budget"]).score(["1,500"])


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
        assert rows[0][1][1] == first and len(rows) == 4
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
        (8, "a quote opened on this line is never closed", None),
    ]
    assert [i[0] for i in items if not isinstance(i, RowError)] == [2, 5, 6, 7]


def test_quoted_newlines_keep_line_numbers_right() -> None:
    source = open_csv(str(CSV / "quoted_newline.csv"))
    lines = [item[0] for item in source.rows() if not isinstance(item, RowError)]
    source.close()
    assert lines == [2, 4, 6, 7]  # a blank line before row 2; row 2's note spans two lines


@pytest.mark.parametrize("name", ["excel_da_cp1252.csv", "excel_ru_cp1251.csv", "excel_he_cp1255.csv"])
def test_legacy_code_pages_are_an_error_naming_the_byte_never_a_guess(name: str) -> None:
    with pytest.raises(InputError) as caught:
        source = open_csv(str(CSV / name))
        list(source.rows())
    message = str(caught.value)
    assert "is not UTF-8 text at byte" in message and "--encoding cp1252" in message


def test_duplicate_headers_are_refused() -> None:
    with pytest.raises(InputError) as caught:
        open_csv(str(CSV / "duplicate_headers.csv"))
    assert str(caught.value) == (
        f"{CSV / 'duplicate_headers.csv'}:1:8: column 8 repeats the header 'Goals' of column 3; rename or remove one"
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [("a,b;c;d", ";"), ("a\tb\tc", "\t"), ('"x;y",b,c', ","), ("a|b|c", "|"), ("single", ","), ("a;b,c", ",")],
)
def test_the_delimiter_is_the_commonest_outside_quotes(line: str, expected: str) -> None:
    assert sniff(line) == expected
