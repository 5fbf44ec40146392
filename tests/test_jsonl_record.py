"""The lean JSON Lines record is written field by field for speed; it must be exactly what ``json`` writes.

README ("JSON Lines") promises stable keys in a fixed order; scripts may compare lines as text, so
every byte counts: separators, the escaping of quotes, backslashes and control characters in names,
text outside ASCII kept as it is, floats as ``repr`` gives them, and ``null`` where there is none.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from clientscreen.batch.compiled import VERDICTS, Outcome
from clientscreen.batch.levers import Found
from clientscreen.batch.rows import Record, jsonl_lines

ids = st.sampled_from(["muddy_goals", "penny_pincher", "chronic_debtor", "belittles_team", "x"])
values = st.one_of(st.none(), st.text(max_size=8), st.integers(-5, 99))
terms = st.tuples(st.text(min_size=1, max_size=12), values, st.one_of(st.text(max_size=8), st.integers(0, 9)),
                  st.integers(-30, 0))
levers = st.one_of(st.none(), st.tuples(st.sampled_from([None, "take", "negotiate"]),
                                        st.lists(terms, max_size=3).map(tuple)))


def expected(r: Record) -> str:
    """The record as the ``json`` module writes the same object, key by key in the documented order."""
    o = r.outcome
    data: dict[str, Any] = {"line": r.line, "id": r.id, "name": r.name}
    if o is None:
        data["error"] = r.error
    else:
        reach, found = r.levers or (None, ())
        data.update(verdict=o.verdict.value, score=o.score, provisional=o.provisional, coverage=o.coverage,
                    red_flags=list(o.red_flags), knockouts=list(o.knockouts),
                    levers={"reach": reach, "terms": [{"question": q, "current": c, "target": t, "points": p}
                                                      for q, c, t, p in found]},
                    error=None)
    return json.dumps(data, ensure_ascii=False) + "\n"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(2, 10**7), st.text(max_size=20), st.text(max_size=30), st.integers(0, 2),
            st.integers(-40, 200), st.booleans(), st.floats(0, 1), st.lists(ids, max_size=4).map(tuple),
            st.lists(ids, max_size=3).map(tuple), levers, st.one_of(st.none(), st.text(max_size=20)),
        ),
        min_size=1, max_size=6,
    )
)
def test_the_lean_record_is_byte_for_byte_what_json_writes(rows: list[tuple[Any, ...]]) -> None:
    records = []
    for line, ident, name, rank, points, provisional, coverage, reds, knockouts, found, error in rows:
        if error is not None:
            records.append(Record(line, ident, name, None, error))
        else:
            outcome = Outcome(VERDICTS[rank], points, coverage, provisional, reds, knockouts)
            lever: Found | None = found
            records.append(Record(line, ident, name, outcome, None, None, (), lever))
    assert jsonl_lines(records) == "".join(expected(r) for r in records)


def test_names_with_quotes_controls_and_other_scripts_are_escaped_as_json_escapes_them() -> None:
    outcome = Outcome(VERDICTS[1], 31, 0.8125, True, ("penny_pincher",), ())
    names = ['Ørsted "A/S"', "back\\slash", "tab\there", "line\u2028sep", "\x07bell", "שלום", "Ёлка"]
    records = [Record(n + 2, f"id-{n}", name, outcome, levers=("take", (("haggling", 3, 0, -9),)))
               for n, name in enumerate(names)]
    lines = [line + "\n" for line in jsonl_lines(records).split("\n")[:-1]]  # U+2028 stays inside its line
    assert lines == [expected(r) for r in records]
    assert [json.loads(line)["name"] for line in lines] == names


def test_flag_lists_not_remembered_are_written_as_json_writes_them(monkeypatch: Any) -> None:
    """Past the combinations kept, a list of flags is put together from its ids: the same bytes as ``json``."""
    from clientscreen.batch import rows

    monkeypatch.setattr(rows, "_SHARED_LIMIT", 0)
    monkeypatch.setattr(rows, "_flag_texts", {})
    odd = ("penny_pincher", 'say "no"', "back\\slash", "Ёлка", "tab\there")
    records = [Record(n + 2, "x", "y", Outcome(VERDICTS[2], 20, 1.0, False, odd[:n], odd[n:]), levers=None)
               for n in range(len(odd) + 1)]
    assert jsonl_lines(records) == "".join(expected(r) for r in records)
    assert rows._flag_texts == {}
