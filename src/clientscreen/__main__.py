"""Console entry point: answer ``--version`` before importing anything heavy."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from clientscreen import __version__

        sys.stdout.write(f"clientscreen {__version__}\n")
        return
    import os

    from clientscreen import i18n

    i18n.set_language(i18n.from_command_line(sys.argv[1:], os.environ))  # before the help texts are read
    from clientscreen.cli import run

    run()


if __name__ == "__main__":
    main()
