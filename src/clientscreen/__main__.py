"""Console entry point: answer ``--version`` before importing anything heavy.

No ``from __future__ import annotations`` here: it is one more module to load before ``--version``
answers, and nothing in this file needs it on the Python versions clientscreen supports.
"""

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from clientscreen import __version__

        sys.stdout.write(f"clientscreen {__version__}\n")
        return
    import os

    # Pydantic looks for plugins in every installed package's entry points the first time it builds a
    # validator: a fifth of a bare Typer app's start-up, for hooks that have no part in this program.
    # The documented switch, as Typer sets it for its own adapters; a value the user set is kept.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from clientscreen import i18n

    i18n.set_language(i18n.from_command_line(sys.argv[1:], os.environ, _configured_language()))  # before --help's
    from clientscreen.cli import run

    run()


def _configured_language() -> str | None:
    """The settings file's language, for the help texts; a broken file is reported by the command itself."""
    import os
    from pathlib import Path

    from clientscreen import settings
    from clientscreen.errors import ClientscreenError

    try:
        found = settings.load({}, os.environ, Path.cwd(), settings.user_config_dir()).values["language"]
    except (ClientscreenError, OSError):
        return None
    return found.value if found.source == "file" else None


if __name__ == "__main__":
    main()
