"""The shape of the code: a pure core, a thin CLI, and a start-up that loads only what it needs.

The package is arranged by concern, and each concern's rule is written here once: which subpackages may talk
to a person (rich, typer) and which must stay callable from any program without a terminal.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import clientscreen

PACKAGE = Path(clientscreen.__file__).parent


def _dotted(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(p for p in parts if p != "__init__")


MODULES = sorted(_dotted(p) for p in PACKAGE.rglob("*.py") if p.parent.name != "locales" and p.stem != "__init__")
# Per room: the core rooms are callable without a terminal and never print or pull in the CLI's libraries.
# `interview.terminal` asks a person and `report` renders with Rich: they are the edge, with `cli`.
CORE = {
    "answers", "scoring", "errors", "atomic", "textsafe", "settings", "frozen",  # the pure heart, what rooms share
    "rulebook.*",                                                    # the model, loader and every rulebook tool
    "interview.engine", "interview.answersfile", "interview.drafts", "interview.listing",  # without a terminal
    "batch.compiled", "batch.read", "batch.rows", "batch.run", "batch.header",  # all but its table writer
    "ledger.*",                                                      # the record of every screening
    "report.compare",                                                # two screenings weighed: the command renders
}
EDGE_LIBRARIES = {"typer", "rich", "click"}


def is_core(module: str) -> bool:
    return module in CORE or any(c.endswith(".*") and module.startswith(c[:-1]) for c in CORE)


CORE_MODULES = [m for m in MODULES if is_core(m)]


def source(module: str) -> ast.Module:
    path = PACKAGE.joinpath(*module.split("."))
    file = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    return ast.parse(file.read_text(encoding="utf-8"))


def imported_roots(module: str) -> set[str]:
    roots = set()
    for node in ast.walk(source(module)):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_every_room_is_a_subpackage_and_the_heart_stays_at_the_top() -> None:
    top = sorted(p.name for p in PACKAGE.iterdir() if not p.name.startswith(("_", ".")) and p.name != "py.typed")
    rooms = {"batch", "cli", "i18n", "interview", "ledger", "report", "rulebook"}
    assert rooms <= set(top)
    assert {"answers.py", "scoring.py"} <= set(top)
    assert not [name for name in top if name.endswith(".py") and name[:-3] not in {
        "answers", "scoring", "errors", "atomic", "textsafe", "settings", "frozen"}], "a module outside every room"


def test_the_core_rules_cover_real_modules() -> None:
    """A room renamed without this file would silently exempt it."""
    for rule in CORE:
        assert any(m == rule or (rule.endswith(".*") and m.startswith(rule[:-1])) for m in MODULES), rule


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_modules_import_neither_typer_nor_rich(module: str) -> None:
    assert not imported_roots(module) & EDGE_LIBRARIES


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_modules_do_not_print(module: str) -> None:
    calls = [n for n in ast.walk(source(module)) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)]
    assert not [c for c in calls if c.func.id in ("print", "input")]  # type: ignore[attr-defined]


def outside_names() -> list[tuple[str, str]]:
    """What our modules import from outside the package, stdlib or third-party: (module, name) pairs, with an
    empty name for a plain ``import module``."""
    names = set()
    for module in MODULES:
        for node in ast.walk(source(module)):
            if isinstance(node, ast.Import):
                names |= {(alias.name, "") for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names |= {(node.module, alias.name) for alias in node.names}
    return sorted(n for n in names if n[0].split(".")[0] not in {"clientscreen", "__future__"})


ALONE = """
import importlib, os, sys, traceback
for module, name in outside:  # the names too: pydantic and others load their parts when first asked for
    try:
        loaded = importlib.import_module(module)
        if name and not hasattr(loaded, name):
            importlib.import_module(f"{module}.{name}")
    except ImportError:
        pass  # an optional library, or a name that is not a submodule
assert not [m for m in sys.modules if m.split(".")[0] == "clientscreen"], "one of ours was loaded before the forks"
bad = []
for m in mods:
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            importlib.import_module("clientscreen." + m)
        except BaseException:
            traceback.print_exc()
            code = 1
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    if os.waitpid(pid, 0)[1]:
        bad.append(m)
print(bad)
sys.exit(1 if bad else 0)
"""


def test_every_module_imports_on_its_own() -> None:
    """Catches import cycles that only show when a module is the first one loaded (one interpreter each).

    A fresh interpreter per module spent most of its time importing typer, rich and pydantic again. One
    interpreter imports the outside libraries our modules name, none of ours, and forks a child per module:
    each child starts with no clientscreen module loaded and imports just the one, as a fresh interpreter
    would, since an import cycle can only run through our own modules.
    """
    script = f"mods, outside = {MODULES!r}, {outside_names()!r}\n" + ALONE
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def loaded_after(args: list[str]) -> set[str]:
    script = (
        "import sys\n"
        f"sys.argv = ['clientscreen', *{args!r}]\n"
        "from clientscreen.__main__ import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted(m.split('.')[0] for m in sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    return set(done.stderr.split())


def test_version_imports_nothing_heavy() -> None:
    loaded = loaded_after(["--version"])
    assert "clientscreen" in loaded
    assert not loaded & {"typer", "click", "rich", "pydantic", "yaml"}


def test_help_does_not_import_the_core_libraries() -> None:
    loaded = loaded_after(["--help"])
    assert "typer" in loaded
    assert not loaded & {"pydantic", "yaml"}
