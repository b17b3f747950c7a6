"""The letter screen says which language the letter is in, shows a copy to read in the
person's language when it is in another, and F3 changes it (issue 29)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from tests.support.pilot import SIZE, open_takedowns, settle
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.shared import i18n
from tui.core.takedowns.deadlines import set_case_place
from tui.core.takedowns.letters import save_facts
from tui.core.takedowns.requests import add_request
from tui.core.vault.vault import Vault
from tui.screens.letter import LetterScreen


def _said(screen: LetterScreen, name: str) -> str:
    return str(screen.query_one(f"#{name}", Static).render())


async def test_a_spanish_speakers_letter_to_a_us_site_is_english_with_a_copy_to_read(
    vault: Vault, tmp_path: Path
):
    set_case_place(vault, "us")
    save_facts(
        vault, name="Ana Pérez", contact="ana@example.org", signature="Ana Pérez", no_consent=True
    )
    add_request(vault, "reddit", ["https://reddit.example/p/1"])
    i18n.set_language("es")
    try:
        app = ReclaimApp(vault.path, Settings())
        async with app.run_test(size=SIZE) as pilot:
            await open_takedowns(app, pilot)
            await pilot.press("l")
            await settle(app, pilot)
            screen = app.screen
            assert isinstance(screen, LetterScreen) and screen.letter is not None
            assert screen.letter.text.startswith("DRAFT prepared with Reclaim")
            assert "Escrito en inglés" in _said(screen, "written")
            copy = _said(screen, "copy")
            assert copy.startswith("COPIA PARA LEER: envía la versión en inglés, no esta.")
            assert "Asunto: Solicitud de retirada" in copy and "Subject:" not in copy
            screen.query_one("#dest", Input).value = str(tmp_path / "reddit.txt")
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert (tmp_path / "reddit.txt").read_text().startswith("DRAFT prepared")
            saved_copy = (tmp_path / "reddit.copia-para-leer.txt").read_text()
            assert saved_copy.startswith("COPIA PARA LEER")
            await pilot.press("f3")  # English -> Spanish
            await settle(app, pilot)
            assert screen.letter.text.startswith("BORRADOR hecho con Reclaim")
            assert "Escrito en español" in _said(screen, "written")
            assert _said(screen, "copy") == "", "no copy when she reads the letter itself"
    finally:
        i18n.set_language("en")


async def test_the_binder_step_says_its_language_and_f3_changes_it(vault: Vault):
    from tests.support.pilot import unlock
    from tui.screens.binder import BinderScreen

    set_case_place(vault, "ca")
    i18n.set_language("fr")
    try:
        app = ReclaimApp(vault.path, Settings())
        async with app.run_test(size=SIZE) as pilot:
            await unlock(app, pilot)
            await pilot.press("7")
            await settle(app, pilot)
            screen = app.screen
            assert isinstance(screen, BinderScreen)
            written = str(screen.query_one("#written", Static).render())
            assert written == "Rédigé en français (pour la police, Canada). F3 pour changer."
            await pilot.press("f3")  # French -> English (the languages in turn)
            written = str(screen.query_one("#written", Static).render())
            assert written.startswith("Rédigé en anglais") and screen.language == "en"
    finally:
        i18n.set_language("en")
