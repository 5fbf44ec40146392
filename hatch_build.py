"""Build hook: compile every gettext catalog (``.po``) of the package to the ``.mo`` that ``gettext`` reads.

The ``.mo`` files are build output, never committed. They are written next to their ``.po`` in
the source tree, where an editable install (``pip install -e .``) finds them, and put into the
wheel explicitly (they are git-ignored, which hatch would otherwise honour). The compiler is
``clientscreen/i18n/po.py``, pure Python loaded by its path: a fresh machine needs neither
``msgfmt`` nor Babel, nor clientscreen's own dependencies, to build.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PACKAGE = Path("src") / "clientscreen"


class CatalogsHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        spec = importlib.util.spec_from_file_location("_clientscreen_po", root / PACKAGE / "i18n" / "po.py")
        if spec is None or spec.loader is None:
            raise RuntimeError("cannot load the catalog compiler src/clientscreen/i18n/po.py")
        compiler = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = compiler  # dataclasses look their module up while it executes
        try:
            spec.loader.exec_module(compiler)
        finally:
            del sys.modules[spec.name]
        for po in sorted((root / PACKAGE / "i18n" / "locales").glob("*/LC_MESSAGES/*.po")):
            mo = po.with_suffix(".mo")
            compiler.compile_file(po, mo)
            if self.target_name == "wheel" and version != "editable":
                build_data["force_include"][str(mo)] = mo.relative_to(root / "src").as_posix()
