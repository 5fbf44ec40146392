"""``--help`` in a reader's words: no Python types (``<list[Path]>``, ``<str>``), no ``{FILE}`` or ``[PATH...]...``.

Typer names a parameter by its annotation, which says nothing to someone screening clients. Its
parameter classes are given plain metavars here, once, at import: an option shows its own metavar,
or FILE, FOLDER, N or TEXT; an argument its name alone (``[NAME]`` when it may be left out).
``tests/test_cli_help.py`` reads every command's help, so a Typer release that moves these hooks
fails there rather than in front of a user.
"""

from __future__ import annotations

from typing import Any

from typer import core


def _plain(param: Any) -> str:
    desc = param.type_descriptor
    if desc.is_choice:
        return "|".join(str(getattr(c, "value", c)) for c in desc.choices or ())
    if desc.is_path:
        return "FOLDER" if getattr(desc.parameter_info, "file_okay", True) is False else "FILE"
    if desc.annotation in (int, float) or desc.is_ranged:
        return "N"
    return "TEXT"


def _option_type(self: Any, ctx: Any) -> str | None:
    return self.metavar if self.metavar is not None else _plain(self)


def _argument_type(self: Any, ctx: Any) -> str | None:
    return None  # the argument's own name (its metavar) already says what it is


def _argument_usage(self: Any) -> str:
    name = self.metavar if self.metavar is not None else _plain(self)
    if self.nargs != 1 and not name.endswith("..."):
        name += "..."
    return name if self.required else f"[{name}]"


def install() -> None:
    core.TyperOption.display_type_rich = _option_type  # type: ignore[method-assign]
    core.TyperArgument.display_type_rich = _argument_type  # type: ignore[method-assign]
    core.TyperArgument._usage_display_name = _argument_usage  # type: ignore[method-assign]
