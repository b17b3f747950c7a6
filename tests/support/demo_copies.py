"""The sample case for tests, built once per language in each test process and handed to
each test as its own copy.

Building it draws four pictures, hashes and encrypts them and writes some eighty
changes: about a tenth of a screen test's time. Every build at the same fixed moment in
the same language holds the same case (only its random keys differ), so a test gets a
copy of one already built: its own folder, made and marked as `create_demo_case` makes
one (a `reclaim-demo-` folder, its marker written and locked, the case inside), unlocked
with the same key, and removed by `remove_demo_case` as usual. A test changes only its
copy."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from tui.core import demo as demo_module
from tui.core.shared import i18n
from tui.core.vault.vault import Vault


class DemoCopies:
    """Sample cases built in this process, by language, and copies of them."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._built: dict[str, tuple[Path, bytes]] = {}
        """language: (the built case's folder, its data key)."""

    def copy(self) -> Vault:
        """A new sample case in the language spoken now, as `create_demo_case()` would
        build it at the moment the clock says (the caller fixes it, always the same)."""
        case, data_key = self._built.get(i18n.language()) or self._build()
        base = Path(tempfile.mkdtemp(prefix=demo_module.PREFIX))
        try:
            shutil.copytree(case, base / case.name, symlinks=True)
            demo_module._mark(base)
            return Vault.open(base / case.name, data_key=data_key)
        except BaseException:
            shutil.rmtree(base, ignore_errors=True)
            demo_module._release(base)
            raise

    def _build(self) -> tuple[Path, bytes]:
        language = i18n.language()
        base = self.folder / language
        built = demo_module.create_demo_case(base)
        built.close()
        demo_module._release(base)  # no demo runs from here: its marker is let go
        (base / demo_module.MARKER).unlink()
        self._built[language] = (built.path, built.data_key)
        return self._built[language]
