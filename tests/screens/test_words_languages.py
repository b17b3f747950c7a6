"""Small words in Spanish and French that read wrong (issue 29): a key that said "add
them" for one file, the written account said feminine in Spanish, the copies' "Cloud"
left in English in French."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Button, Input, Static

from tests.support.pictures import make_png
from tests.support.pilot import SIZE, footer_says, said, settle, wait_until
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.shared import i18n
from tui.core.vault.vault import Vault
from tui.screens.add_evidence import AddEvidenceScreen
from tui.screens.provenance_form import BatchProvenanceDialog


@pytest.fixture
def speaking() -> Iterator[None]:
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(
    ("code", "one", "two"), [("es", "Añadirlo", "Añadirlos"), ("fr", "L'ajouter", "Les ajouter")]
)
async def test_the_add_key_agrees_with_how_many_are_chosen(
    demo: Vault, speaking, isolated_home: Path, code: str, one: str, two: str
) -> None:
    """ "Añadirlos" was said for one file chosen, on the screen and in the question after."""
    first = make_png(isolated_home / "a.png")
    second = make_png(isolated_home / "b.png", color="blue")
    i18n.set_language(code)
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "a")
        await wait_until(pilot, lambda: isinstance(app.screen, AddEvidenceScreen))
        screen = app.screen
        assert isinstance(screen, AddEvidenceScreen)
        screen.query_one("#paths", Input).value = str(first)
        await pilot.press("enter")
        await wait_until(pilot, lambda: len(screen.chosen) == 1)
        assert footer_says(app, "ctrl+s") == one
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, BatchProvenanceDialog))
        assert footer_says(app, "ctrl+s") == one
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen)
        screen.query_one("#paths", Input).value = str(second)
        await pilot.press("enter")
        await wait_until(pilot, lambda: len(screen.chosen) == 2)
        assert footer_says(app, "ctrl+s") == two


async def test_the_written_account_is_saved_in_the_masculine_in_spanish(
    demo: Vault, speaking, tmp_path: Path
) -> None:
    """It said "Guardada … cifrada" (as for a letter); it is "el relato"."""
    i18n.set_language("es")
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "e")
        await settle(app, pilot)
        app.screen.query_one(Input).value = str(tmp_path / "relato.docx")
        await pilot.press("enter")
        await wait_until(pilot, lambda: "relato" in said(app))
        assert "Tu relato está guardado en" in said(app)
        assert "Allí no está cifrado: guárdalo en un lugar seguro." in said(app)


@pytest.mark.parametrize(("code", "online"), [("fr", "En ligne"), ("es", "Nube")])
async def test_the_kind_of_copy_is_named_in_the_language_and_fits(
    demo: Vault, speaking, code: str, online: str
) -> None:
    i18n.set_language(code)
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "a")
        await settle(app, pilot)
        buttons = list(app.screen.query(Button))
        labels = [str(button.label) for button in buttons]
        assert online in labels and "Cloud" not in labels
        for button in buttons:  # each label whole on its button
            assert button.content_region.width >= len(str(button.label)), labels


def test_the_paper_is_named_plainly_in_french() -> None:
    with i18n.speaking("fr"):
        assert i18n._("Letter (US)") == "Lettre (format américain)"


async def test_french_puts_a_space_before_its_colons_and_semicolons(demo: Vault, speaking) -> None:
    """The account read on screen said "Où: Instagram", a request "R-002: Reddit" and
    "chaque publication; que vous êtes…", an event "T-0002: We broke up", as English
    does."""
    i18n.set_language("fr")
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "r")
        await settle(app, pilot)
        account = str(app.screen.query_one("#reading-text", Static).render())
        assert "\nOù : Instagram\n" in account and "Où:" not in account
        await pilot.press("escape", "escape", "8", "down", "enter", "down", "enter")
        await settle(app, pilot)
        assert str(app.screen.query_one("#heading", Static).render()) == "R-002 : Reddit"
        asks = str(app.screen.query_one("#asks", Static).render())
        assert "chaque publication ; que vous" in asks
        await pilot.press("escape", "escape", "6", "down", "enter")  # T-0002
        await settle(app, pilot)
        assert str(app.screen.query_one("#heading", Static).render()) == "T-0002 : We broke up"
