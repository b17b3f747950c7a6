"""An exhibit with no picture to show said so with its kind in English inside a Spanish
or French sentence: "No hay imagen que mostrar para an email."."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.pilot import SIZE, caption, open_first_exhibit, wait_until
from tui.app import ReclaimApp
from tui.core.evidence.adding import add_file
from tui.core.settings import Settings
from tui.core.shared import i18n
from tui.core.vault.vault import Vault
from tui.widgets.preview import Preview


@pytest.fixture
def spoken() -> Iterator[None]:
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("es", "No hay imagen que mostrar para este archivo (archivo de texto)."),
        ("fr", "Il n'y a pas d'image à montrer pour ce fichier (fichier texte)."),
    ],
)
async def test_no_picture_to_show_names_the_kind_in_the_language(
    code: str, words: str, vault: Vault, tmp_path: Path, spoken: None
) -> None:
    (tmp_path / "chat.txt").write_text("a chat")
    add_file(vault, tmp_path / "chat.txt")
    i18n.set_language(code)
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_exhibit(app, pilot)
        preview = screen.query_one(Preview)
        await wait_until(pilot, lambda: "." in caption(preview))
        assert caption(preview) == words
