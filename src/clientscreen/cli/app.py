"""The command line: parse options, call the core, render, and map errors to exit codes.

Only typer is imported at module level: pydantic, yaml and rich load inside the
commands that need them, so ``--help`` costs what a bare Typer app's does. Every
error a user can cause is a ``ClientscreenError`` and is printed by ``run``, the one
place that decides exit codes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from clientscreen import __version__
from clientscreen.i18n import _

if TYPE_CHECKING:
    from rich.console import Console

    from clientscreen.errors import ClientscreenError

EXIT_CODES = _("""Exit codes: 0 ok; 1 problems found (invalid rows, failed checks); 2 usage error;
3 an input file (rulebook, answers, CSV) cannot be used; 129/130/143 hung up, interrupted, terminated;
70 internal error (please report it with the --debug output).""")

app = typer.Typer(
    name="clientscreen",
    help=_("Screen a prospective client before the first meeting: take, negotiate or decline."),
    epilog=EXIT_CODES,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)

RulesOption = Annotated[
    Path | None,
    typer.Option(
        "--rules",
        envvar="CLIENTSCREEN_RULES",
        help=_("Rulebook file (default: the bundled rulebook)."),
        show_default=False,
        dir_okay=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("-o", "--output", help=_("Write here instead of standard output (atomically)."), dir_okay=False),
]


def _language(ctx: typer.Context, value: str | None) -> str | None:
    """Settle the language before anything else is parsed, so every message after it is in that language.

    ``clientscreen --lang da report`` and ``clientscreen report --lang da`` mean the same; the command's wins.
    """
    from clientscreen import i18n
    from clientscreen.errors import UsageError

    if value is None:
        value = ctx.meta.get(_LANG_KEY)
    else:
        ctx.meta[_LANG_KEY] = value
    try:
        i18n.set_language(i18n.choose(value, os.environ))
    except i18n.UnknownLanguage as exc:
        raise UsageError(str(exc)) from None
    return value


_LANG_KEY = "clientscreen.lang"
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help=_("Language of everything shown: en, da, he or ru (default: $CLIENTSCREEN_LANG, else the locale)."),
        callback=_language,
        is_eager=True,
        show_default=False,
        metavar="LANG",
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"clientscreen {__version__}")
        raise typer.Exit()


@app.callback(help=_("Screen a prospective client before the first meeting: take, negotiate or decline."))
def main(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help=_("Show the version and exit."))
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help=_("Show tracebacks for errors."))] = False,
    lang: LangOption = None,
) -> None:
    pass


def make_console(*, stderr: bool = False, width: int | None = None) -> Console:
    """A console that never reads markup or highlights: everything printed is data."""
    from rich.console import Console

    return Console(stderr=stderr, width=width, markup=False, emoji=False, highlight=False)


def warn(message: object) -> None:
    sys.stderr.write(f"{message}\n")


def emit(text: str, output: Path | None) -> None:
    """Write a command's result to ``output`` atomically, or to standard output."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from clientscreen.atomic import write_atomic

    write_atomic(output, text.encode("utf-8"))


def plain(renderable: object, width: int = 100) -> str:
    """Render to text without colour, for a report written to a file."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, width=width, no_color=True, color_system=None, markup=False, highlight=False).print(renderable)
    return buffer.getvalue()


def _fail(exc: ClientscreenError, debug: bool) -> NoReturn:
    if debug:
        raise exc
    try:
        sys.stderr.write(f"{exc}\n" if exc.names_its_file else f"clientscreen: {exc}\n")
        sys.stderr.flush()
    except OSError:  # the terminal is gone (SIGHUP): the exit code still says what happened
        pass
    sys.exit(int(exc.exit_code))


def run() -> None:
    """The one error boundary: every command's expected errors become a message and an exit code."""
    from clientscreen import i18n
    from clientscreen.errors import ClientscreenError, ExitCode

    debug = "--debug" in sys.argv[1:]
    try:
        app(prog_name="clientscreen")
    except ClientscreenError as exc:
        _fail(exc, debug)
    except KeyboardInterrupt:
        sys.exit(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(ExitCode.PROBLEMS)
    except Exception as exc:
        if debug:
            raise
        sys.stderr.write(i18n._("clientscreen: internal error: {kind}: {error} (run with --debug for details)",
                                kind=type(exc).__name__, error=exc) + "\n")
        sys.exit(70)
