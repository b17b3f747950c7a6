"""An exhibit's side panel says what kind of file it is ("PNG picture") and its media
type ("image/png"): in Spanish and French the two were both "Tipo"/"Type", so the
panel showed two lines with one label. Each label of the panel is its own word (the
Copies step's "Kind" column: tests/i18n/test_walk_words.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.pictures import make_png
from tui.core.evidence.adding import add_file
from tui.core.shared.i18n import speaking
from tui.core.vault.vault import Vault
from tui.screens.exhibit_facts import facts_text


@pytest.mark.parametrize(
    ("code", "kind", "media"),
    [
        ("es", "Tipo: ", "Formato: image/png"),
        ("fr", "Type : ", "Format : image/png"),
        ("en", "Kind: ", "Type: image/png"),
    ],
)
def test_the_side_panels_labels_are_all_different(
    code: str, kind: str, media: str, vault: Vault, tmp_path: Path
) -> None:
    exhibit = add_file(vault, make_png(tmp_path / "shot.png"), {}).exhibit
    with speaking(code):
        lines = facts_text(vault, exhibit).splitlines()
    assert any(line.startswith(kind) for line in lines), lines
    assert media in lines
    labels = [line.split(":")[0] for line in lines if ": " in line]
    assert len(labels) == len(set(labels)), labels
