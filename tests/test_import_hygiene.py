"""tui/core must never pull in Textual: the CLI and tests use it with no terminal. The
layer contracts in pyproject.toml forbid the imports (`lint-imports`); this proves it in
a real process, with every core module loaded at once."""

import pkgutil
import subprocess
import sys

import tui.core

CORE_MODULES = sorted(
    info.name for info in pkgutil.walk_packages(tui.core.__path__, prefix="tui.core.")
)


def test_core_modules_are_found():
    assert {"tui.core.vault.vault", "tui.core.evidence.model", "tui.core.vault.store"} <= set(
        CORE_MODULES
    )


def test_no_core_module_imports_textual():
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_cli_does_not_import_textual_for_commands():
    code = "import sys, tui.cli; tui.cli.build_parser(); print('textual' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
