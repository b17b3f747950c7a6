"""An exhibit's side panel says what kind of file it is ("PNG picture") and its media
type ("image/png"): in Spanish and French the two were both "Tipo"/"Type", so the
panel showed two lines with one label. Each label of the panel is its own word."""

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


@pytest.mark.parametrize(("code", "kind"), [("es", "Tipo"), ("fr", "Type"), ("en", "Kind")])
async def test_the_copies_steps_kind_column_is_said_once(
    code: str, kind: str, demo: Vault
) -> None:
    """Its headings went through the catalogue twice: French "Type" (kind) came back as
    "Format" (a file's media type)."""
    from textual.widgets import DataTable

    from tests.support.pilot import SIZE, settle
    from tui.app import ReclaimApp
    from tui.core.settings import Settings
    from tui.core.shared import i18n

    i18n.set_language(code)
    try:
        app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("5")
            await settle(app, pilot)
            table = app.screen.query_one(DataTable)
            labels = [str(column.label) for column in table.columns.values()]
            assert labels[1] == kind, labels
    finally:
        i18n.set_language("en")
