"""Typer's option values without Pydantic where nothing needs it: a text, a file name, an option left out.

Typer builds a Pydantic ``TypeAdapter`` for every parameter of the command it runs, even one left
at ``None``: importing Pydantic and building eleven adapters cost ``report`` more than the rest of
its work. The values clientscreen's commands take are mostly texts and file names, which Typer
turns into ``str`` and ``Path`` exactly as done here (the same path checks, the same messages); any
other value (a number, a list, bytes) still goes through Typer's own coercion, built on first use.
``tests/test_startup.py`` pins that a report imports no Pydantic through Typer, and the CLI tests
pin the messages, so a Typer release that moves these hooks fails there rather than in front of a user.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

try:  # Typer's private hooks: a release without them keeps its own coercion (slower, the same values)
    from typer import core
    from typer._coercion import build_runtime_param
    from typer._param_types import coerce_cli_path, lenient_issubclass
except ImportError:  # pragma: no cover - depends on the installed Typer
    core = None  # type: ignore[assignment]


class _Lean:
    """A parameter's coercion: texts and file names here, anything else by Typer's adapter when first needed."""

    def __init__(self, param: Any) -> None:
        self._param = param
        self._typer: Any = None

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        multiple = param.multiple or param.nargs == -1
        if value is None:
            return () if multiple else None  # as Typer's: nothing given, nothing to convert
        if type(value) is str and not multiple:
            desc = param.type_descriptor
            info = desc.parameter_info
            if info.parser is None and desc.file_annotation is None:
                if desc.annotation is str:
                    return value
                path_type = info.path_type or desc.annotation
                if lenient_issubclass(path_type, Path) and not info.allow_dash:
                    return path_type(coerce_cli_path(value, info, path_type=str, param=param, ctx=ctx))
        if self._typer is None:
            self._typer = build_runtime_param(param.type_descriptor)
        return self._typer.coerce(value, param=param, ctx=ctx)


def _runtime_param(self: Any) -> Any:
    if self._runtime_param is None:
        self._runtime_param = _Lean(self)
    return self._runtime_param


def install() -> None:
    parameter = getattr(core, "_TyperParameter", None)
    if parameter is not None and hasattr(parameter, "get_runtime_param"):
        parameter.get_runtime_param = _runtime_param
