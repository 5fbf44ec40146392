"""The one YAML entry point: YAML 1.2 scalars, no aliases, anchors or tags, and every failure one positioned error."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clientscreen.errors import InputError, Problem
from clientscreen.rulebook import compose, safeyaml

pytestmark = pytest.mark.usefixtures("yaml_reader")  # every test with libyaml's parser and with PyYAML's own


def parse(text: str) -> object:
    return safeyaml.parse_yaml(text, "book.yaml").data


def refused(text: str) -> Problem:
    """The single problem ``text`` is refused with."""
    with pytest.raises(InputError) as caught:
        safeyaml.parse_yaml(text, "book.yaml")
    assert len(caught.value.problems) == 1
    return caught.value.problems[0]


def refused_file(path: Path) -> Problem:
    with pytest.raises(InputError) as caught:
        safeyaml.load(path)
    assert len(caught.value.problems) == 1
    return caught.value.problems[0]


# --- scalars: what an editor speaking YAML 1.2 shows is what the program gets ---------------------


@pytest.mark.parametrize("word", ["yes", "no", "Yes", "NO", "on", "off", "On", "OFF", "y", "n", "Y", "N"])
def test_yaml11_boolean_words_stay_text(word: str) -> None:
    assert parse(f"value: {word}\n") == {"value": word}


@pytest.mark.parametrize(("word", "meaning"), [("true", True), ("True", True), ("TRUE", True), ("false", False)])
def test_only_true_and_false_are_booleans(word: str, meaning: bool) -> None:
    assert parse(f"value: {word}\n") == {"value": meaning}


@pytest.mark.parametrize("word", ["~", "null", "Null", "NULL", ""])
def test_null_spellings(word: str) -> None:
    assert parse(f"value: {word}\n") == {"value": None}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12:30", "12:30"),  # YAML 1.1: sexagesimal 750
        ("1:20:00", "1:20:00"),
        ("2025-02-30", "2025-02-30"),  # YAML 1.1: a timestamp, and PyYAML's ValueError for this one
        ("2025-01-01", "2025-01-01"),
        ("2025-01-01T10:00:00Z", "2025-01-01T10:00:00Z"),
        ("1_000", "1_000"),  # YAML 1.1: 1000
        ("0b101", "0b101"),  # YAML 1.1: 5
        ("017", 17),  # YAML 1.2 core: decimal, not octal
        ("0o17", 15),
        ("0x1F", 31),
        ("-12", -12),
        ("+5", 5),
        ("1.10", 1.1),  # a number: the rulebook model asks to quote a version
        (".5", 0.5),
        ("1e3", 1000.0),
        ("'yes'", "yes"),
        ('"12:30"', "12:30"),
        ("'1.10'", "1.10"),
    ],
)
def test_scalars_resolve_as_yaml_1_2_core(text: str, value: object) -> None:
    loaded = parse(f"value: {text}\n")
    assert loaded == {"value": value}
    assert type(loaded["value"]) is type(value)  # type: ignore[index]


def test_infinity_and_nan_load_as_floats_for_the_model_to_refuse() -> None:
    loaded = parse("a: .inf\nb: -.inf\nc: .nan\n")
    assert loaded["a"] == float("inf") and loaded["b"] == float("-inf")  # type: ignore[index]
    assert loaded["c"] != loaded["c"]  # type: ignore[index]


def test_a_merge_key_is_only_a_key() -> None:
    """YAML 1.1 merges ``<<``; here it is a plain key, which the rulebook model then refuses as unknown."""
    assert parse("a: {<<: {b: 1}, c: 2}\n") == {"a": {"<<": {"b": 1}, "c": 2}}


def test_empty_and_comment_only_documents_are_none() -> None:
    assert parse("") is None
    assert parse("# nothing yet\n") is None


# --- positions -------------------------------------------------------------------------------------


def test_every_key_and_item_keeps_its_line_and_column() -> None:
    doc = safeyaml.parse_yaml("id: x\nquestions:\n  - id: q\n    answers:\n      - {value: a, points: 3}\n", "b.yaml")
    assert doc.marks[("id",)] == (1, 1)
    assert doc.marks[("questions",)] == (2, 1)
    assert doc.marks[("questions", 0)] == (3, 5)
    assert doc.marks[("questions", 0, "answers")] == (4, 5)
    assert doc.marks[("questions", 0, "answers", 0, "points")] == (5, 20)


def test_a_missing_key_is_placed_at_the_nearest_enclosing_value() -> None:
    doc = safeyaml.parse_yaml("id: x\nthresholds:\n  negotiate: 5\n", "b.yaml")
    assert doc.mark(("thresholds", "decline")) == (2, 1)
    assert doc.mark(("nowhere", 3, "deep")) == (1, 1)
    problem = doc.problem(("thresholds", "decline"), "field 'decline' is required")
    assert str(problem) == "b.yaml:2:1: thresholds.decline: field 'decline' is required"


def test_a_document_without_marks_gives_no_position() -> None:
    doc = safeyaml.Document("b.yaml", {"a": 1})
    assert doc.mark(("a",)) == (None, None)
    assert str(doc.problem(("a",), "wrong")) == "b.yaml: a: wrong"


@pytest.mark.parametrize(
    ("loc", "shown"),
    [
        (("questions", 3, "points"), "questions[3].points"),
        (("version",), "version"),
        ((), ""),
        (("questions", 0, "ask_if", "in", 1), "questions[0].ask_if.in[1]"),
    ],
)
def test_locations_read_the_way_users_write_them(loc: tuple[str | int, ...], shown: str) -> None:
    assert safeyaml.format_loc(loc) == shown


# --- what is refused, and where ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "col", "message"),
    [
        (
            "a: 1\nb: !!python/object/apply:os.system [ls]\n",
            2,
            4,
            "tags (tag:yaml.org,2002:python/object/apply:os.system) are not allowed; quote the value if it is text",
        ),
        ("a: !secret x\n", 1, 4, "tags (!secret) are not allowed; quote the value if it is text"),
        ("a: !!int abc\n", 1, 4, "tags (tag:yaml.org,2002:int) are not allowed; quote the value if it is text"),
        ("a: !!str 5\n", 1, 4, "tags (tag:yaml.org,2002:str) are not allowed; quote the value if it is text"),
        ("a:\n  - &x 1\n", 2, 5, "anchors (&name) are not allowed; write each value out"),
        ("a: 1\nb: *x\n", 2, 4, "aliases (*name) are not allowed; write the value out"),
        ("a:\n  points: 3\n  label: x\n  points: 5\n", 4, 3, "duplicate key 'points' (first at line 2); keep one"),
        ("1: a\n01: b\n", 2, 1, "duplicate key 1 (first at line 1); keep one"),
        ("true: 1\n", 1, 1, "key 'true' must be text; quote it"),
        ("~: 1\n", 1, 1, "key '~' must be text; quote it"),
        ("1.5: 1\n", 1, 1, "key '1.5' must be text; quote it"),
        ("? [a, b]\n: 1\n", 1, 3, "a key must be plain text"),
        ("a:\n\tb: 1\n", 2, 1, "a tab character here; YAML indents with spaces"),
        ("a: 1\n---\nb: 2\n", 2, 1, "but found another document (expected a single document in the stream)"),
        ("a: [1, 2\n", 2, 1, "expected ',' or ']', but got '<stream end>' (while parsing a flow sequence)"),
        ("a: |#\n", 1, 5, "expected chomping or indentation indicators, but found '#' (while scanning a block scalar)"),
        ("a: >-#x\n", 1, 6, "expected chomping or indentation indicators, but found '#' "
                              "(while scanning a block scalar)"),
        ("a: x\x1b[31m\n", 1, 5, "control character U+001B is not allowed; delete it"),
        ("a: 1\nb: x\x00y\n", 2, 5, "control character U+0000 is not allowed; delete it"),
        ("a: x\x9by\n", 1, 5, "control character U+009B is not allowed; delete it"),
        ("a: 1\rb: x\x1by\r", 2, 5, "control character U+001B is not allowed; delete it"),  # CR-only lines
        ("a: 1\r\nb: x\x1by\r\n", 2, 5, "control character U+001B is not allowed; delete it"),
        ("a: 1\nb: x\x85y\nc: [\n", 2, 5, "U+0085 ends a line for some readers and not for others; delete it"),
        ("a: 'x\u2028y'\nc: [\n", 1, 6, "U+2028 ends a line for some readers and not for others; delete it"),
    ],
)
def test_refused_with_one_line_at_its_place(text: str, line: int, col: int, message: str) -> None:
    problem = refused(text)
    assert (problem.line, problem.col, problem.message) == (line, col, message)
    assert str(problem) == f"book.yaml:{line}:{col}: {message}"
    assert "\n" not in str(problem)


def test_billion_laughs_is_refused_at_the_first_anchor_without_expanding() -> None:
    laughs = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
        f"{n}: &{n} [{','.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    )
    started = time.perf_counter()
    problem = refused(laughs)
    assert time.perf_counter() - started < 1
    assert (problem.line, problem.col) == (1, 4)
    assert problem.message == "anchors (&name) are not allowed; write each value out"


def test_nesting_up_to_the_cap_loads_and_beyond_it_is_refused() -> None:
    # the mapping is one level, each list another: 63 lists inside it make 64
    fits = "a: " + "[" * (safeyaml.MAX_DEPTH - 1) + "]" * (safeyaml.MAX_DEPTH - 1) + "\n"
    assert isinstance(parse(fits), dict)
    too_deep = "a: " + "[" * safeyaml.MAX_DEPTH + "]" * safeyaml.MAX_DEPTH + "\n"
    problem = refused(too_deep)
    assert (problem.line, problem.col) == (1, 4 + safeyaml.MAX_DEPTH - 1)
    assert problem.message == f"nested more than {safeyaml.MAX_DEPTH} levels deep"


# Deep files of each shape, and where the first value past the cap stands in each: a value inside 64 levels
# is the 65th, and each shape takes its own number of columns a level.
DEEP = {
    "flow sequences": (lambda n: "a: " + "[" * n + "]" * n + "\n", 4 + safeyaml.MAX_DEPTH - 1),
    "flow mappings": (lambda n: "{a: " * n + "1" + "}" * n + "\n", 4 * (safeyaml.MAX_DEPTH - 1) + 2),
    "block sequences": (lambda n: "- " * n + "x\n", 2 * safeyaml.MAX_DEPTH + 1),
    "block mappings in sequences": (lambda n: "- " * n + "k: x\n", 2 * safeyaml.MAX_DEPTH + 1),
    "flow in block": (lambda n: "- " * n + "[" * n + "]" * n + "\n", 2 * safeyaml.MAX_DEPTH + 1),
}


@pytest.mark.parametrize("depth", [1000, 100_000])
@pytest.mark.parametrize("shape", sorted(DEEP))
def test_deep_nesting_is_an_error_not_a_recursion_error(shape: str, depth: int) -> None:
    """Far past the cap, past libyaml's own nesting limit (1,000 in the libyaml of newer PyYAML wheels, none in
    older ones) and past the depth where libyaml's composer crashed: the cap's one line, at the value past it."""
    text, col = DEEP[shape]
    problem = refused(text(depth))
    assert (problem.line, problem.col) == (1, col)
    assert problem.message == f"nested more than {safeyaml.MAX_DEPTH} levels deep"


@pytest.mark.parametrize("shape", sorted(DEEP))
def test_each_parsers_own_reading_of_a_deep_file_is_refused_where_it_stands(yaml_reader: str, shape: str) -> None:
    """One parser's event path alone, without the other reading the file again after a refusal: it stops at
    the cap, or libyaml earlier still at its own nesting limit where PyYAML's wheel has one (which
    ``parse_yaml`` then has PyYAML's parser word and place as the cap's refusal)."""
    if yaml_reader == "libyaml":
        parser, exact = safeyaml._libyaml(), False
    else:
        parser, exact = safeyaml._PythonParser, True
    assert parser is not None
    text, col = DEEP[shape]
    with pytest.raises(safeyaml._Fault) as caught:
        safeyaml._composed(parser(text(100_000)), "book.yaml", exact_empty=exact)
    problem = caught.value.problem
    if problem.message != f"nested more than {safeyaml.MAX_DEPTH} levels deep":
        assert yaml_reader == "libyaml", problem
        assert problem.message == "exceeded maximum nesting depth (while increasing flow level)", problem
        assert problem.line == 1 and problem.col is not None and col < problem.col < 10_000
    else:
        assert (problem.line, problem.col) == (1, col)


DRAIN = """
import sys
import yaml
from clientscreen.rulebook import safeyaml

reader, depth = sys.argv[1], int(sys.argv[2])
parser = (safeyaml._CParser if reader == "libyaml" else safeyaml._PythonParser)("- " * depth + "x\\n")
level = deepest = 0
try:
    while True:
        event = parser.get_event()
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            level += 1
            deepest = max(deepest, level)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            level -= 1
        elif isinstance(event, yaml.StreamEndEvent):
            print("end", deepest)
            break
except yaml.YAMLError as exc:
    print("limit", deepest, exc.problem)
"""


def test_the_parser_hands_over_any_depth_of_events_without_recursing(yaml_reader: str) -> None:
    """The events ``compose`` reads come from a parser that keeps its states on a list, never the C stack or
    Python's: every level of a 100,000-deep file (3,000 for PyYAML's slower parser, three times Python's
    recursion limit) comes out, or libyaml stops at its own limit with an error. CSafeLoader's composer, which
    this module never calls, crashes the process on that file with PyYAML 6.0.1's wheel; it runs in a child
    process here so that a crash fails this test rather than ending the run."""
    depth = 100_000 if yaml_reader == "libyaml" else 3_000
    command = [sys.executable, "-c", DRAIN, yaml_reader, str(depth)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    outcome = done.stdout.split()
    if outcome[0] == "limit":  # libyaml's own limit, as in newer PyYAML wheels: far past the cap, short of the file
        assert yaml_reader == "libyaml" and safeyaml.MAX_DEPTH < int(outcome[1]) < depth, done.stdout
        assert "exceeded maximum nesting depth" in done.stdout
    else:
        assert outcome == ["end", str(depth)]


@pytest.mark.parametrize("kind", ["sequence", "mapping"])
def test_values_are_built_with_a_stack_not_recursion(monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    """Three times Python's recursion limit in levels, with the depth cap lifted, builds fine.

    The events are made here: both parsers keep their own state on a stack too, but PyYAML's scanner
    takes quadratic time over deep flow nesting and libyaml stops at its own limit, long after the cap.
    (Deeper is no better a proof and costs memory: each value's mark is keyed by its whole path.)
    A 100,000-deep file is refused at the cap: test_deep_nesting_is_an_error_not_a_recursion_error.
    """
    depth = 3 * sys.getrecursionlimit()
    monkeypatch.setattr(compose, "MAX_DEPTH", depth + 1)

    def events() -> Iterator[yaml.Event]:
        at = yaml.error.Mark("book.yaml", 0, 0, 0, None, None)
        yield yaml.StreamStartEvent(at, at)
        yield yaml.DocumentStartEvent(at, at)
        for level in range(depth):
            mark = yaml.error.Mark("book.yaml", level, 0, level, None, None)
            if kind == "sequence":
                yield yaml.SequenceStartEvent(None, None, True, mark, mark)
            else:
                yield yaml.MappingStartEvent(None, None, True, mark, mark)
                yield yaml.ScalarEvent(None, None, (True, False), "a", mark, mark)
        yield yaml.ScalarEvent(None, None, (True, False), "x", at, at)
        end = yaml.SequenceEndEvent if kind == "sequence" else yaml.MappingEndEvent
        for _level in range(depth):
            yield end(at, at)
        yield yaml.DocumentEndEvent(at, at)
        yield yaml.StreamEndEvent(at, at)

    data, marks = compose.compose(events().__next__)
    value, levels = data, 0
    while not isinstance(value, str):  # walked with a loop: == on so many levels would itself recurse
        value = value[0] if isinstance(value, list) else value["a"]
        levels += 1
    assert (levels, value) == (depth, "x")
    assert len(marks) == depth + 1


def test_deeply_nested_mappings_are_refused_too() -> None:
    text = "".join("  " * i + f"k{i}:\n" for i in range(200))
    problem = refused(text)
    assert problem.line == safeyaml.MAX_DEPTH
    assert problem.message == f"nested more than {safeyaml.MAX_DEPTH} levels deep"


def test_a_value_the_constructor_cannot_build_is_one_short_line() -> None:
    """PyYAML raises ValueError, not YAMLError, for an int past Python's digit limit: still one positioned error."""
    problem = refused("a: 1\nb: " + "9" * 5000 + "\n")
    assert (problem.line, problem.col) == (2, 4)
    assert problem.message.startswith("cannot read value '" + "9" * 37 + "...': ")
    assert len(str(problem)) < 400


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.sampled_from(list("ab:-[]{},&*!?|>'\"#%@` \t\n\r0123456789.~\x00\x1b\x85\u2028é"))
        | st.characters(),
        max_size=80,
    )
)
def test_any_text_loads_or_is_one_positioned_input_error(text: str) -> None:
    try:
        safeyaml.parse_yaml(text, "book.yaml")
    except InputError as exc:
        assert len(exc.problems) == 1
        assert str(exc.problems[0]).startswith("book.yaml")
        assert "Traceback" not in str(exc)


def read_with(text: str, reader: object) -> tuple[str, object]:
    """What ``parse_yaml`` makes of ``text`` with the parser ``reader`` (None: PyYAML's own)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(safeyaml, "_CParser", reader)
        try:
            doc = safeyaml.parse_yaml(text, "book.yaml")
        except InputError as exc:
            return "refused", [str(p) for p in exc.problems]
        return repr(doc.data), doc.marks


@pytest.mark.skipif(safeyaml._CParser is None, reason="PyYAML was built without libyaml")
@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(["a", "b", ":", " ", "-", "\n", "  ", "[", "]", "{", "}", ",", "?", "&x", "*x", "!", "!!str",
                         "'", '"', "#", "|", ">", "1", "0x1F", "1.5", "yes", "~", "true", "---", "...", "\t", "\r",
                         "é", "\ufeff", "%YAML 1.1\n", "\\"]),
        max_size=30,
    ).map("".join)
)
def test_libyaml_and_pyyaml_read_any_text_alike(text: str) -> None:
    """Same data, same positions, or the same refusal at the same place, whichever parser is installed."""
    assert read_with(text, safeyaml._libyaml()) == read_with(text, None)


# --- files -----------------------------------------------------------------------------------------


def test_a_file_over_the_size_cap_is_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: [" + b"1," * (safeyaml.MAX_BYTES // 2) + b"1]\n")
    assert big.stat().st_size > safeyaml.MAX_BYTES
    problem = refused_file(big)
    assert str(problem) == f"{big}: is larger than 1024 KiB; this is not a hand-written file"


def test_a_file_of_exactly_the_cap_is_read(tmp_path: Path) -> None:
    exact = tmp_path / "exact.yaml"
    exact.write_bytes(b"a: " + b"x" * (safeyaml.MAX_BYTES - 4) + b"\n")
    assert exact.stat().st_size == safeyaml.MAX_BYTES
    assert safeyaml.read_text(exact).startswith("a: xxx")


def test_the_size_cap_can_be_set_per_call(tmp_path: Path) -> None:
    small = tmp_path / "small.yaml"
    small.write_text("a: 12345\n")
    with pytest.raises(InputError, match="is larger than 0 KiB"):
        safeyaml.read_text(small, max_bytes=8)
    assert safeyaml.read_text(small, max_bytes=9) == "a: 12345\n"


def test_a_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfid: x\n")
    doc = safeyaml.load(path)
    assert doc.data == {"id": "x"}
    assert doc.marks[("id",)] == (1, 1)


@pytest.mark.parametrize(
    ("raw", "line", "col", "byte"),
    [
        (b"title: Caf\xe9\n", 1, 11, "e9"),  # Latin-1
        (b"a: 1\nb: \xff\n", 2, 4, "ff"),
        (b"title: Caf\xc3\xa9 \xe6\n", 1, 13, "e6"),  # columns count characters, not bytes
        (b"\xef\xbb\xbfa: 1\nb: \xff\n", 2, 4, "ff"),  # the BOM does not shift the place or the byte
        (b"a: 1\rb: \xff\r", 2, 4, "ff"),
    ],
)
def test_a_file_that_is_not_utf8_names_the_byte_and_its_place(
    tmp_path: Path, raw: bytes, line: int, col: int, byte: str
) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(raw)
    problem = refused_file(path)
    assert str(problem) == f"{path}:{line}:{col}: is not UTF-8 text (byte 0x{byte}); save it as UTF-8"


def test_a_folder_or_a_missing_file_is_one_error(tmp_path: Path) -> None:
    assert str(refused_file(tmp_path)) == f"{tmp_path}: is a folder, not a file"
    missing = tmp_path / "missing.yaml"
    assert str(refused_file(missing)) == f"{missing}: cannot read: No such file or directory"


# --- JSON: the same data, the same refusals, positions from the YAML reader -----------------------


def test_json_loads_with_the_positions_yaml_would_give(tmp_path: Path) -> None:
    path = tmp_path / "book.JSON"  # the suffix decides, in any case
    path.write_text('{\n  "id": "x",\n  "questions": [\n    {"id": "q", "points": 3}\n  ]\n}\n')
    doc = safeyaml.load(path)
    assert doc.data == {"id": "x", "questions": [{"id": "q", "points": 3}]}
    assert doc.marks[("questions", 0, "points")] == (4, 17)


def test_json_duplicate_keys_name_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    path.write_text('{\n  "points": 3,\n  "label": "x",\n  "points": 5\n}\n')
    problem = refused_file(path)
    assert str(problem) == f"{path}:4:3: duplicate key 'points' (first at line 2); keep one"


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_json_constants_that_are_no_numbers_are_refused(constant: str) -> None:
    with pytest.raises(InputError) as caught:
        safeyaml.parse_json(f'{{"points": {constant}}}', "book.json")
    assert str(caught.value) == f"book.json:1:12: {constant} is not a number a file may contain"  # where it stands


@pytest.mark.parametrize("depth", [1000, 100_000])
def test_deep_json_is_an_error_not_a_recursion_error(depth: int) -> None:
    with pytest.raises(InputError) as caught:
        safeyaml.parse_json("[" * depth + "]" * depth, "book.json")
    problem = caught.value.problems[0]
    assert (problem.line, problem.col) == (1, safeyaml.MAX_DEPTH + 1)
    assert problem.message == f"nested more than {safeyaml.MAX_DEPTH} levels deep"


def test_json_syntax_errors_keep_the_parsers_place() -> None:
    with pytest.raises(InputError) as caught:
        safeyaml.parse_json('{\n  "a": 1\n  "b": 2\n}\n', "book.json")
    assert str(caught.value) == "book.json:3:3: Expecting ',' delimiter"


def test_json_and_yaml_of_the_same_rulebook_agree() -> None:
    text = "id: x\nversion: '1'\nanswers:\n  - {value: 'no', points: 6}\n"
    from_yaml = safeyaml.parse_yaml(text, "b.yaml")
    from_json = safeyaml.parse_json(json.dumps(from_yaml.data, indent=2), "b.json")
    assert from_json.data == from_yaml.data
    assert set(from_json.marks) == set(from_yaml.marks)
