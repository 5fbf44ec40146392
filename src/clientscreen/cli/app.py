"""The command line: parse options, call the core, render, and map errors to exit codes.

Only typer is imported at module level: pydantic, yaml and rich load inside the
commands that need them, so ``--help`` costs what a bare Typer app's does. Every
error a user can cause is a ``ClientscreenError`` and is printed by ``run``, the one
place that decides exit codes.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import signal
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, overload

import typer

from clientscreen import __version__
from clientscreen.cli import coercion, helptext
from clientscreen.i18n import _

if TYPE_CHECKING:
    from rich.console import Console

    from clientscreen.errors import ClientscreenError
    from clientscreen.settings import Settings

EXIT_CODES = _("""Exit codes: 0 ok; 1 problems found (invalid rows, failed checks); 2 usage error;
3 an input file (rulebook, answers, CSV) cannot be used; 129/130/143 hung up, interrupted, terminated;
70 internal error (please report it with the --debug output).""")

def examples(*commands: str) -> str:
    """The end of a command's help: real command lines, kept as they are (``\\b`` stops Click rewrapping them)."""
    return "\b\n" + _("Examples:") + "\n" + "\n".join(f"  {c}" for c in commands)


def complete_path(incomplete: str) -> list[str]:
    """File and folder names for shell completion (Typer's own hands back what was typed): folders end in /."""
    folder, slash, start = incomplete.rpartition("/")
    where = Path(folder + slash or ".").expanduser()
    try:
        names = sorted(os.listdir(where))
    except OSError:
        return []
    found = []
    for name in names:
        if name.startswith(start) and (start.startswith(".") or not name.startswith(".")):
            found.append(folder + slash + name + ("/" if (where / name).is_dir() else ""))
    return found


# Typer's bash script hands every name to bash as a finished word, so bash puts a space after a folder's
# slash and the user has to take it back before the next Tab, and puts a name on the line as it is, so
# "Fjord & Co.yaml" becomes three words and a background job. The same script, plus: each name quoted as
# bash reads one word back (a leading ~ left bare, so bash still expands it), and when the one name
# offered is a folder (complete_path ends folders in /), no space. Typer has no public hook for the script
# it prints with --show-completion and writes with --install-completion, hence its table is set here.
_BASH_SCRIPT = """
%(complete_func)s() {
    local IFS=$'\\n'
    COMPREPLY=( $( env COMP_WORDS="${COMP_WORDS[*]}" \\
                   COMP_CWORD=$COMP_CWORD \\
                   %(autocomplete_var)s=complete_bash $1 ) )
    local i
    for i in "${!COMPREPLY[@]}"; do
        if [[ ${COMPREPLY[i]} == "~"* ]]; then
            printf -v 'COMPREPLY[i]' '~%%q' "${COMPREPLY[i]:1}"
        else
            printf -v 'COMPREPLY[i]' '%%q' "${COMPREPLY[i]}"
        fi
    done
    if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == */ ]]; then
        compopt -o nospace 2>/dev/null
    fi
    return 0
}

complete -o default -F %(complete_func)s %(prog_name)s
"""


def _install_bash_script() -> None:
    """Typer keeps its shell scripts in a private table; a release that moves it keeps its own script."""
    try:
        from typer import _completion_shared
    except ImportError:  # pragma: no cover - depends on the installed Typer
        return
    scripts = getattr(_completion_shared, "_completion_scripts", None)
    if isinstance(scripts, dict):
        scripts["bash"] = _BASH_SCRIPT


_install_bash_script()

helptext.install()
coercion.install()
app = typer.Typer(
    name="clientscreen",
    help=_("Screen a prospective client before the first meeting: take, negotiate or decline."),
    epilog=EXIT_CODES + "\n\n" + examples("clientscreen interview", "clientscreen report prospect.yaml",
                                          "clientscreen score leads.csv -f table"),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
    rich_markup_mode=None,
)

RulesOption = Annotated[
    Path | None,
    typer.Option(
        "--rules",
        envvar="CLIENTSCREEN_RULES",
        help=_("Rulebook file (default: the bundled rulebook)."),
        show_default=False,  # a folder is the loader's to refuse: one line, exit 3, as for any unusable input
        autocompletion=complete_path,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("-o", "--output", help=_("Write here instead of standard output (atomically)."), dir_okay=False,
                 autocompletion=complete_path),
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
    if value is None and any(a == "--lang" or a.startswith("--lang=") for a in sys.argv[1:]):
        return None  # given to the command, whose own --lang settles it (a settings file's is not even read)
    configured, where = configured_language()
    try:
        i18n.set_language(i18n.choose(value, os.environ, configured))
    except i18n.UnknownLanguage as exc:
        if configured is not None and value is None and not os.environ.get("CLIENTSCREEN_LANG", "").strip():
            from clientscreen.errors import InputError, Problem

            path, _sep, line = where.rpartition(":")  # the settings file's: exit 3, at its line
            raise InputError([Problem(path, str(exc), int(line))]) from None
        raise UsageError(str(exc)) from None
    return value


_LANG_KEY = "clientscreen.lang"


@functools.cache
def settings() -> Settings:
    """The settings files' values (and the environment's), read once per run; options are applied per command."""
    from clientscreen import settings as config

    return config.load({}, os.environ, Path.cwd(), config.user_config_dir())


def configured_language() -> tuple[str | None, str]:
    """The language a settings file sets (and where, for an error about it); the environment is i18n's to read."""
    value = settings().values["language"]
    return (value.value, value.where or "language") if value.source == "file" else (None, "language")


def rulebook(given: Path | None) -> Path | None:
    """``--rules`` (or ``CLIENTSCREEN_RULES``, which Typer reads), else the settings file's; None: the bundled one."""
    return given if given is not None else settings().path("rules")
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


def choice_option(choices: type[StrEnum], help: str) -> Any:
    """``--format``/``-f`` taking one of ``choices``, checked by ``pick`` so a typo is answered in our words."""
    values = [c.value for c in choices]
    return typer.Option("--format", "-f", metavar="|".join(values), help=help, show_default=False,
                        autocompletion=lambda: values)


@overload
def pick(choices: list[str], given: str, option: str) -> str: ...
@overload
def pick(choices: list[str], given: str | None, option: str) -> str | None: ...
def pick(choices: list[str], given: str | None, option: str) -> str | None:
    """A choice option's value, or a usage error in the program's words and the reader's language."""
    if given is None:
        return None
    found = given.strip().casefold()
    if found in choices:
        return found
    import difflib

    from clientscreen.errors import UsageError

    close = difflib.get_close_matches(found, choices, n=1, cutoff=0.6)
    message = _("{option} {given!r} is not one of {choices}", option=option, given=given, choices=", ".join(choices))
    if close:
        message += "; " + _("did you mean {guess!r}?", guess=close[0])
    raise UsageError(message)


def make_console(*, stderr: bool = False, width: int | None = None) -> Console:
    """A console that never reads markup or highlights: everything printed is data."""
    from rich.console import Console

    return Console(stderr=stderr, width=width, markup=False, emoji=False, highlight=False)


def unwind_on_signals() -> None:
    """Make SIGTERM and SIGHUP unwind like an exception, so a half-written output's temporary file is removed.

    Python's default for both is to die on the spot, leaving ``.out.csv.XXXX.tmp`` (client data)
    beside the output. A forked worker still dies as the signal says: its parent cleans up.
    """
    import signal

    owner = os.getpid()

    def unwind(signum: int, _frame: object) -> None:
        if os.getpid() != owner:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        from clientscreen.errors import disregard

        disregard(signal.SIGTERM, signal.SIGHUP)  # a second signal must not cut the cleanup short
        if signum == signal.SIGTERM:
            _terminated(signum, _frame)  # one line, as everywhere else
        raise SystemExit(128 + signum)  # a hang-up: nobody is left to read a line

    signal.signal(signal.SIGTERM, unwind)
    signal.signal(signal.SIGHUP, unwind)


def warn(message: object) -> None:
    sys.stderr.write(printable(str(message)) + "\n")


def printable(message: str) -> str:
    """A message as the terminal may show it: no escape sequence or control character from a file's text.

    The last line of defence: each line of the message is cleaned like the report's text, and
    tabs become spaces; the line breaks between problems stay.
    """
    from clientscreen.textsafe import clean

    return "\n".join(clean(line).replace("\t", " ") for line in message.split("\n"))


def emit(text: str, output: Path | None, *, private: bool = False) -> None:
    """Write a command's result to ``output`` atomically, or to standard output.

    ``private``: the text carries client data (names, contacts, notes), so the file is 0600.
    """
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from clientscreen.atomic import write_atomic

    write_atomic(output, text.encode("utf-8"), mode=0o600 if private else 0o644)


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
        text = printable(str(exc))
        sys.stderr.write(f"{text}\n" if exc.names_its_file else f"clientscreen: {text}\n")
        sys.stderr.flush()
    except OSError:  # the terminal is gone (SIGHUP): the exit code still says what happened
        pass
    sys.exit(int(exc.exit_code))


# Failures of a write that reach the boundary: every file clientscreen opens itself turns its own
# OSError into a ClientscreenError, so these come from the standard streams (`report > /dev/full`).
_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


def _silence_stdout() -> None:
    """Point standard output at the null device, so that Python's flush at exit adds no second error."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


def _terminated(_signum: int, _frame: object) -> None:
    """SIGTERM unwinds like any other ending: temporary files go, worker processes stop, one line is printed.

    A second SIGTERM while unwinding is ignored, so the cleanup finishes.
    """
    from clientscreen.errors import ExitCode, Interrupted, disregard

    disregard(signal.SIGTERM)
    raise Interrupted("clientscreen: " + _("terminated by SIGTERM"), ExitCode.TERMINATED)


def only_the_named_command(argv: list[str]) -> None:
    """Keep registered only the command (or group) ``argv`` names, so Typer builds its options alone.

    Before it parses anything, Typer turns every registered function into a Click command, reading
    each signature and its types: for some forty commands that cost a run about a fifth of what a
    bare Typer app's ``--help`` costs in all. A run names one command; the others only matter to the
    root's ``--help``, to a mistyped name (answered with the close ones) and to shell completion,
    which all keep every command, as does anything this does not read with certainty. The caller
    puts the full lists back afterwards (``run`` does), so the app stays whole for a second run in
    the same process.
    """
    if os.environ.get("_CLIENTSCREEN_COMPLETE"):
        return
    words = iter(argv)
    name = None
    for word in words:
        if word == "--debug" or word.startswith("--lang="):
            continue
        if word == "--lang":
            next(words, None)
            continue
        name = word
        break
    if name is None or name.startswith("-"):
        return
    commands = [c for c in app.registered_commands
                if (c.name or typer.main.get_command_name(getattr(c.callback, "__name__", ""))) == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if len(commands) + len(groups) == 1:
        app.registered_commands = commands
        app.registered_groups = groups


def run() -> None:
    """The one error boundary: every command's expected errors become a message and an exit code."""
    from clientscreen import i18n
    from clientscreen.errors import ClientscreenError, ExitCode

    debug = "--debug" in sys.argv[1:]
    signal.signal(signal.SIGTERM, _terminated)
    every = (app.registered_commands, app.registered_groups)
    only_the_named_command(sys.argv[1:])
    try:
        app(prog_name="clientscreen")
    except ClientscreenError as exc:
        _fail(exc, debug)
    except KeyboardInterrupt:
        sys.exit(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(ExitCode.PROBLEMS)
    except OSError as exc:
        if debug or exc.errno not in _OUTPUT_ERRNOS:
            raise
        _silence_stdout()
        from clientscreen.atomic import WriteError
        from clientscreen.errors import os_reason

        message = i18n._("cannot write: {reason}", reason=os_reason(exc))
        _fail(WriteError(f"<stdout>: {message}"), debug)  # exit 3, as for an -o file that cannot be written
    except Exception as exc:
        if debug:
            raise
        sys.stderr.write(i18n._("clientscreen: internal error: {kind}: {error} (run with --debug for details)",
                                kind=type(exc).__name__, error=exc) + "\n")
        sys.exit(70)
    finally:
        app.registered_commands, app.registered_groups = every
