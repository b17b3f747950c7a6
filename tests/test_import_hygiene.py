"""tui/core must never pull in Textual: the CLI and tests use it with no terminal."""

import pkgutil
import subprocess
import sys

import pytest

import tui.core

CORE_MODULES = sorted(
    info.name for info in pkgutil.walk_packages(tui.core.__path__, prefix="tui.core.")
)


def test_core_modules_are_found():
    assert {"tui.core.vault.vault", "tui.core.evidence.exhibits", "tui.core.vault.store"} <= set(
        CORE_MODULES
    )


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_textual(module: str):
    code = f"import sys, {module}; print('textual' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_cli_does_not_import_textual_for_commands():
    code = "import sys, tui.cli; tui.cli.build_parser(); print('textual' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
