"""The app in Spanish and French (issue 29): its screens, keys and dialogs speak the
person's language; a case keeps the language its person chose and opens in it; a kiosk
starts each client in its own language, and F2 there lets a client choose theirs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.widgets import Button, OptionList

from tests.support.cases import PASSPHRASE
from tests.support.pilot import SIZE, footer_keys, screen_text, settle, unlock, wait_until
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.shared import i18n
from tui.core.vault.case_language import case_language
from tui.core.vault.vault import Vault
from tui.screens.home import HomeScreen
from tui.screens.kiosk import ChooseCaseScreen
from tui.screens.language import LanguageScreen
from tui.screens.unlock import UnlockScreen
from tui.widgets.always_keys import AlwaysKeys


@pytest.fixture
def speaking() -> Iterator[None]:
    """Whatever language a test starts the app in, the next test starts in English."""
    yield
    i18n.set_language("en")


async def choose(app: ReclaimApp, pilot, code: str) -> None:
    """Open the choice of language from the palette's action and pick `code`."""
    app.action_language()
    await wait_until(pilot, lambda: isinstance(app.screen, LanguageScreen))
    options = app.screen.query_one(OptionList)
    options.highlighted = list(i18n.LANGUAGES).index(code)
    await pilot.press("enter")
    await settle(app, pilot)


async def test_the_unlock_screen_speaks_french(vault: Vault, speaking) -> None:
    vault.close()
    i18n.set_language("fr")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        text = screen_text(app)
        assert "Tapez votre phrase secrète pour ouvrir votre dossier." in text
        assert "Enter your passphrase" not in text
        assert "Utiliser le code" in footer_keys(app)
        assert "Use recovery code" not in footer_keys(app)
        always = app.screen.query_one(AlwaysKeys).text()
        assert "F1 Sécurité" in always and "Ctrl+Q Quitter" in always
        assert "Safety" not in always


async def test_home_and_a_step_speak_spanish(demo: Vault, speaking) -> None:
    i18n.set_language("es")
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        text = screen_text(app)
        assert "Tu caso — un caso de ejemplo inventado" in text
        assert "Sigue los pasos en el orden que quieras, a tu ritmo." in text
        assert "Take the steps in any order" not in text
        assert "Abrir un paso" in footer_keys(app)
        await pilot.press("5")
        await settle(app, pilot)
        text = screen_text(app)
        assert "Paso 5: Copias" in text
        assert "Guarda copias en más de un lugar seguro" in text
        assert "Keep copies in more than one safe place" not in text
        keys = footer_keys(app)
        assert "Copia de seguridad" in keys and "Back up" not in keys


async def test_the_delete_question_speaks_french(demo: Vault, speaking) -> None:
    i18n.set_language("fr")
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        await pilot.press("D")
        await settle(app, pilot)
        text = screen_text(app)
        assert "pour de bon ?" in text and "Une pièce supprimée maintenant" in text
        assert "for good?" not in text
        buttons = [str(button.label) for button in app.screen.query(Button)]
        assert buttons == ["Supprimer pour de bon", "La garder"]


async def test_choosing_a_language_redraws_at_once_and_the_case_keeps_it(
    vault: Vault, speaking
) -> None:
    vault.close()
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("3")
        await settle(app, pilot)
        assert "Step 3: Passwords" in screen_text(app)
        await choose(app, pilot, "es")
        # The step on show is drawn again in Spanish, over a Spanish home.
        assert "Paso 3: Contraseñas" in screen_text(app)
        assert "Step 3: Passwords" not in screen_text(app)
        assert isinstance(app.screen_stack[-2], HomeScreen)
        assert app.vault is not None and case_language(app.vault) == "es"
        await pilot.press("ctrl+l")
        await settle(app, pilot)
        i18n.set_language("en")  # another start of the app, in English
    with Vault.open(vault.path, passphrase=PASSPHRASE) as opened:
        assert case_language(opened) == "es"
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "Enter your passphrase to open your case." in screen_text(app)
        await unlock(app, pilot)
        assert i18n.person_language() == "es"
        assert "Tu caso" in screen_text(app)


def offered(app: ReclaimApp) -> str:
    """The palette's choices on show."""
    return " | ".join(str(option.prompt) for option in app.screen.query_one(OptionList).options)


async def test_the_palette_offers_the_language_on_home_and_a_step(vault: Vault) -> None:
    """Ctrl+P, typed "lang": the choice is there (Reclaim's own palette once hid it)."""
    from textual.command import CommandPalette

    vault.close()
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        for step in ("", "4"):
            if step:
                await pilot.press(step)
                await settle(app, pilot)
            await pilot.press("ctrl+p")
            await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
            await pilot.press(*"lang")
            await wait_until(pilot, lambda: "Idioma" in offered(app))
            await pilot.press("enter")
            await wait_until(pilot, lambda: isinstance(app.screen, LanguageScreen))
            await pilot.press("escape")
            await settle(app, pilot)


async def test_a_form_is_not_redrawn_under_the_person(demo: Vault, speaking) -> None:
    """With a form open, choosing a language is not offered: redrawing would lose what
    was typed."""
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.check_action("language", ())
        await pilot.press("6", "a")
        await settle(app, pilot)
        assert not app.check_action("language", ())


def kiosk(tmp_path: Path, language: str) -> ReclaimApp:
    settings = Settings(kiosk_cases_dir=tmp_path / "cases", kiosk_language=language)
    return ReclaimApp(tmp_path / "unused", settings, kiosk=True)


async def test_a_kiosk_starts_each_client_in_its_language_and_f2_chooses(
    tmp_path: Path, speaking
) -> None:
    app = kiosk(tmp_path, "fr")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ChooseCaseScreen)
        text = screen_text(app)
        assert "Le dossier de chaque personne est gardé à part" in text
        assert "Each person's case" not in text
        assert "Language / Idioma / Langue" in footer_keys(app)
        assert "Nouveau dossier" in footer_keys(app)
        await pilot.press("f2")
        await wait_until(pilot, lambda: isinstance(app.screen, LanguageScreen))
        await pilot.press("up", "enter")  # from Français to Español
        await settle(app, pilot)
        assert isinstance(app.screen, ChooseCaseScreen)
        assert "El caso de cada persona se guarda por separado" in screen_text(app)
        assert "Caso nuevo" in footer_keys(app)
        # The client leaves (the kiosk locks): the next one starts in French again.
        app.action_lock()
        await settle(app, pilot)
        assert "Le dossier de chaque personne est gardé à part" in screen_text(app)


async def test_a_new_case_made_after_choosing_keeps_that_language(
    tmp_path: Path, speaking
) -> None:
    from tests.support.pilot import type_twice

    app = kiosk(tmp_path, "fr")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await choose(app, pilot, "es")
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        assert "Reclaim guarda cifrado en este equipo" in screen_text(app)
        await type_twice(app, pilot, PASSPHRASE)
        await wait_until(pilot, lambda: app.vault is not None)
        assert app.vault is not None and case_language(app.vault) == "es"


async def test_the_footer_keys_follow_a_change_of_language(vault: Vault, speaking) -> None:
    """The keys' words are kept in English in the classes and said in the language
    spoken when a screen shows."""
    vault.close()
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, UnlockScreen)
        assert "Use recovery code" in footer_keys(app)
        await choose(app, pilot, "fr")
        assert isinstance(app.screen, UnlockScreen)
        assert "Utiliser le code" in footer_keys(app)
        first = UnlockScreen.BINDINGS[0]
        assert isinstance(first, Binding) and first.description == "Use recovery code"


def test_a_kiosk_names_its_language_in_its_settings(tmp_path: Path) -> None:
    from tui.core.settings import load_settings
    from tui.core.shared.errors import InputError

    config = tmp_path / "reclaim.toml"
    config.write_text('[kiosk]\nlanguage = "FR"\n')
    assert load_settings(config).kiosk_language == "fr"
    for written in ("es_MX", "es-MX", "es_ES.UTF-8"):  # as --language reads them
        config.write_text(f'[kiosk]\nlanguage = "{written}"\n')
        assert load_settings(config).kiosk_language == "es"
    config.write_text('[kiosk]\nlanguage = "de"\n')
    with pytest.raises(InputError, match="language must be one of en, es, fr"):
        load_settings(config)


async def test_a_discreet_unlock_says_notes_in_spanish_too(vault: Vault, speaking) -> None:
    """Discreet mode's neutral words hold in every language: a wrong passphrase never
    says "caso"."""
    vault.close()
    i18n.set_language("es")
    app = ReclaimApp(vault.path, Settings(discreet=True))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await unlock(app, pilot, "not the passphrase at all")
        said_here = screen_text(app)
        assert "Esa frase de contraseña no abre estas notas." in said_here
        assert "caso" not in said_here.lower()


@pytest.mark.parametrize("code", ["es", "fr"])
async def test_the_exhibit_screens_keys_fit_at_80_columns(
    vault: Vault, speaking, code: str, tmp_path: Path
) -> None:
    """Every key of the exhibit screen's footer is whole on an 80-column screen, with a
    guess to confirm (the French one ended '^f Co')."""
    from textual.widgets._footer import FooterKey

    from tests.support.pictures import make_png
    from tests.support.pilot import open_first_exhibit
    from tui.core.evidence.adding import add_file

    add_file(
        vault, make_png(tmp_path / "capture.png")
    )  # its time is the file's: a guess to confirm
    vault.close()
    i18n.set_language(code)
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_first_exhibit(app, pilot)
        keys = list(app.screen.query(FooterKey))
        assert "ctrl+k" in [key.key for key in keys]
        assert all(key.region.right <= SIZE[0] and key.region.width > 0 for key in keys), [
            (key.description, key.region) for key in keys
        ]


async def test_language_asked_on_the_command_line_wins_over_the_cases(
    vault: Vault, speaking
) -> None:
    """`reclaim --language es` on a case whose person chose French opens in Spanish, as
    every command does; without it, the case's French."""
    from tui.core.vault.case_language import set_case_language

    set_case_language(vault, "fr")
    vault.close()
    for asked, expected in ((True, "Tu caso"), (False, "Votre dossier")):
        i18n.set_language("es")
        app = ReclaimApp(vault.path, Settings())
        app.language_asked = asked
        async with app.run_test(size=SIZE) as pilot:
            await unlock(app, pilot)
            assert expected in screen_text(app)


def test_the_terminal_app_tells_the_app_language_was_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.cli import main, terminal_app

    started: list[ReclaimApp] = []

    class Recorded(ReclaimApp):
        async def run_async(self, *args: object, **kwargs: object) -> None:
            started.append(self)  # and nothing shown

    monkeypatch.setattr(terminal_app, "ReclaimApp", Recorded)
    monkeypatch.setattr(terminal_app, "plain_hint", lambda: "")
    main(["--vault", str(tmp_path / "case"), "--language", "es-MX"])
    main(["--vault", str(tmp_path / "case")])
    assert [app.language_asked for app in started] == [True, False]
