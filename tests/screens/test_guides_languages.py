"""The guides' words on the screens in Spanish and French: the capture guide (Step 4, g)
and the password-manager guidance (Step 3) are the data files' texts in the language
spoken, with no English sentence of theirs left."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from textual.widgets import TabbedContent

from tests.support.pilot import SIZE, open_evidence, screen_text, settle, unlock
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.shared import i18n
from tui.core.vault.vault import Vault
from tui.screens.capture_guide import CaptureGuideScreen
from tui.screens.passwords import PasswordsScreen


@pytest.fixture
def speaking() -> Iterator[None]:
    """Whatever language a test starts the app in, the next test starts in English."""
    yield
    i18n.set_language("en")


def _flat(text: str) -> str:
    return " ".join(text.split())


async def test_the_capture_guide_speaks_spanish(vault: Vault, speaking) -> None:
    i18n.set_language("es")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_evidence(app, pilot)
        await pilot.press("g")
        await settle(app, pilot)
        assert isinstance(app.screen, CaptureGuideScreen)
        text = _flat(screen_text(app))
        for words in (
            "Guárdalo todo antes de denunciar, bloquear o borrar nada",
            "La publicación, la imagen o el mensaje en sí.",
            "Los mensajes justo antes y después, para que se entienda el contexto.",
            "Pulsa Mayúsculas + Comando + 3 para toda la pantalla.",
        ):
            assert words in text
        for english in (
            "Save everything before you report",
            "The post, image or message itself.",
            "Press Shift + Command + 3",
            "Take a screenshot",
            "Android phone",
        ):
            assert english not in text


async def test_the_password_manager_guidance_speaks_french(vault: Vault, speaking) -> None:
    i18n.set_language("fr")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("3")
        await settle(app, pilot)
        assert isinstance(app.screen, PasswordsScreen)
        app.screen.query_one(TabbedContent).active = "managers"
        await settle(app, pilot)
        text = _flat(screen_text(app))
        for words in (
            "Un gestionnaire de mots de passe est une application qui retient vos mots de passe",
            "Chiffrement de bout en bout : l'entreprise ne peut pas lire vos mots de passe",
            "gratuit ; les offres payantes ajoutent des options en plus",
            "Le gestionnaire intégré de votre téléphone",
        ):
            assert words in text
        for english in (
            "A password manager is an app",
            "End-to-end encryption",
            "free; paid plans add extras",
            "Your phone's built-in manager",
        ):
            assert english not in text
