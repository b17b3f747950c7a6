"""Where Reclaim's shipped data lives, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path


def checklists_dir() -> Path:
    """The wheel installs the checklists inside the package; a checkout keeps them at the
    top of the repository."""
    installed = Path(__file__).parents[2] / "checklists"
    if installed.is_dir():
        return installed
    return Path(__file__).parents[3] / "checklists"


def fonts_dir() -> Path:
    """DejaVu Sans (regular, bold), DejaVu Sans Mono for hashes, and the Noto faces for
    every other script and emoji (tui/fonts/README.md) ship inside the package, so PDFs
    print what was written as real, embedded, searchable text."""
    return Path(__file__).parents[2] / "fonts"
