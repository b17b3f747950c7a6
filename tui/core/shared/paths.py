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
    """DejaVu Sans (regular, bold) and DejaVu Sans Mono, for hashes, ship inside the
    package under the DejaVu licence, so PDFs print most scripts as real, embedded text."""
    return Path(__file__).parents[2] / "fonts"
