"""Long output on a terminal goes through a pager, the way git does it.

``CLIENTSCREEN_PAGER``, else ``PAGER``, else ``less``; ``LESS=FRX`` unless ``LESS`` is set (quit if one
screen, keep colours, leave the text on screen). Never when standard output is not a terminal, never
for output that fits the terminal's height, and never with ``--no-pager`` or an empty or ``cat`` pager.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


def pager_command(environ: dict[str, str] | os._Environ[str]) -> str | None:
    """The pager to run, or None for none."""
    command = environ.get("CLIENTSCREEN_PAGER", environ.get("PAGER", "less")).strip()
    if command in ("", "cat"):
        return None
    if command == "less" and shutil.which("less") is None:
        return None
    return command


def show(console: Console, renderable: RenderableType, *, use_pager: bool) -> None:
    """Print ``renderable``; through the pager when it is longer than the terminal is high."""
    import io

    from rich.console import Console as RichConsole

    command = pager_command(os.environ) if use_pager and console.is_terminal else None
    if command is None:
        console.print(renderable)
        return
    buffer = io.StringIO()
    RichConsole(file=buffer, width=console.width, force_terminal=True, markup=False, emoji=False, highlight=False,
                no_color=console.no_color).print(renderable)
    text = buffer.getvalue()
    if text.count("\n") < console.height:
        console.file.write(text)
        console.file.flush()
        return
    environ = dict(os.environ)
    environ.setdefault("LESS", "FRX")
    environ.setdefault("LV", "-c")
    sys.stdout.flush()
    # shell=True as git does: PAGER may carry options ("less -S"); it is the user's own setting.
    with subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=environ) as proc:  # noqa: S602
        assert proc.stdin is not None  # noqa: S101 - stdin=PIPE
        with contextlib.suppress(BrokenPipeError):  # quitting the pager early is not an error
            proc.stdin.write(text.encode("utf-8", "replace"))
            proc.stdin.close()
        proc.wait()
