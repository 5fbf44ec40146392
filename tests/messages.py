"""The fixed texts of clientscreen as the source has them, for the catalog tests and for translators.

``python tests/messages.py da`` prints the texts the Danish catalog lacks (and those it has
that the source no longer uses), ready to paste into ``src/clientscreen/locales/da.py``.
"""

from __future__ import annotations

import ast
import string
import sys
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "clientscreen"


@dataclass
class Message:
    """One msgid: its plural form if it is counted, and where the source uses it."""

    msgid: str
    plural: str | None = None
    places: list[str] = field(default_factory=list)


@dataclass
class Scan:
    messages: dict[str, Message]
    not_literal: list[str]  # calls of _() or _n() whose texts are not string literals


def scan(package: Path = PACKAGE) -> Scan:
    messages: dict[str, Message] = {}
    not_literal: list[str] = []
    for path in sorted(package.rglob("*.py")):
        if path.parent.name == "locales":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name | ast.Attribute)):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else node.func.attr
            if name not in ("_", "_n"):
                continue
            place = f"{path.relative_to(package)}:{node.lineno}"
            count = 1 if name == "_" else 2
            texts = node.args[:count]
            if len(texts) < count or not all(isinstance(t, ast.Constant) and isinstance(t.value, str) for t in texts):
                not_literal.append(place)
                continue
            msgid = texts[0].value  # type: ignore[attr-defined]
            plural = texts[1].value if count == 2 else None  # type: ignore[attr-defined]
            found = messages.setdefault(msgid, Message(msgid, plural))
            found.places.append(place)
    return Scan(messages, not_literal)


def fields(text: str) -> set[str]:
    """The ``{name}`` fields of a text (``{{`` is a brace, not a field)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _skeleton(lang: str) -> str:
    sys.path.insert(0, str(PACKAGE.parent))
    from clientscreen.i18n import PLURAL_FORMS, catalog

    found = scan()
    have = catalog(lang)
    out = []
    for msgid, message in found.messages.items():
        if msgid in have:
            continue
        out.append(f"    # {', '.join(message.places)}")
        if message.plural is None:
            out.append(f"    {msgid!r}: {msgid!r},")
        else:
            forms = ", ".join(repr(message.plural) for _ in range(PLURAL_FORMS[lang]))
            out.append(f"    {msgid!r}: ({forms}),  # plural of {message.plural!r}")
    stale = [m for m in have if m not in found.messages]
    out += [f"    # no longer in the source: {m!r}" for m in stale]
    return "\n".join(out)


if __name__ == "__main__":
    print(_skeleton(sys.argv[1]))
