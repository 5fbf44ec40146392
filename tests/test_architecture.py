"""The shape of the code: a pure core, a thin CLI, and a start-up that loads only what it needs."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import clientscreen

PACKAGE = Path(clientscreen.__file__).parent
MODULES = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__")
# The core: callable without a terminal, and must never print or pull in the CLI's libraries.
CORE = {
    "answers", "answersfile", "atomic", "batch", "batchrun", "csvinput", "csvoutput", "errors", "interview",
    "rulebook", "safeyaml", "scoring", "screening", "template", "textsafe",
}
EDGE_LIBRARIES = {"typer", "rich", "click"}


def imported_roots(module: str) -> set[str]:
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("module", sorted(CORE & set(MODULES)))
def test_core_modules_import_neither_typer_nor_rich(module: str) -> None:
    assert not imported_roots(module) & EDGE_LIBRARIES


@pytest.mark.parametrize("module", sorted(CORE & set(MODULES)))
def test_core_modules_do_not_print(module: str) -> None:
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)]
    assert not [c for c in calls if c.func.id in ("print", "input")]  # type: ignore[attr-defined]


@pytest.mark.parametrize("module", MODULES)
def test_every_module_imports_on_its_own(module: str) -> None:
    """Catches import cycles that only show when a module is the first one loaded."""
    done = subprocess.run(
        [sys.executable, "-c", f"import clientscreen.{module}"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


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
