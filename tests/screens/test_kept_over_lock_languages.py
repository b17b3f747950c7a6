"""An event not complete at a lock comes back, said in the language spoken (Spanish
with Ctrl+L, French with the idle lock), and nothing is called lost after the unlock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from textual.widgets import Input

from tests.screens.test_event_kept_over_lock import lock, open_event
from tests.support.pilot import SIZE, said, settle, unlock
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.shared import i18n
from tui.core.vault.vault import Vault

BACK = {
    "es": "Lo que escribías aquí antes de que se bloqueara el caso ha vuelto.",
    "fr": "Ce que vous tapiez ici avant que le dossier se verrouille est revenu.",
}
LOST = {"es": "no se pudo guardar", "fr": "n'a pas pu être"}


@pytest.fixture
def speaking() -> Iterator[None]:
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(("code", "how"), [("es", "ctrl+l"), ("fr", "idle")])
async def test_the_event_comes_back_said_in_the_language(
    vault: Vault, speaking: None, code: str, how: str
) -> None:
    i18n.set_language(code)
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        form = await open_event(app, pilot, "a")
        form.query_one("#when", Input).value = "Smarch"
        form.query_one("#title", Input).value = "Il l'a envoyé"
        await lock(app, pilot, how)
        await unlock(app, pilot)
        await settle(app, pilot)
        assert LOST[code] not in said(app)
        again = await open_event(app, pilot, "a")
        assert again.query_one("#title", Input).value == "Il l'a envoyé"
        assert BACK[code] in said(app)
