"""The terminal app driven with Textual's Pilot, at 80x24, against real vaults on disk."""

from pathlib import Path

import pytest
from textual.widgets import Checkbox, DataTable, Input, OptionList, Static

from tests.support.cases import PASSPHRASE
from tests.support.pictures import make_png
from tests.support.pilot import SIZE, screen_text, settle, type_text, type_twice, unlock
from tui.app import ReclaimApp
from tui.core.demo import create_demo_case, remove_demo_case
from tui.core.evidence.adding import add_file
from tui.core.settings import Contact, Settings
from tui.core.vault.vault import Vault
from tui.host import AppHost
from tui.screens.create import CreateScreen
from tui.screens.evidence import EvidenceScreen
from tui.screens.home import HomeScreen
from tui.screens.kiosk import ChooseCaseScreen
from tui.screens.new_passphrase import NewPassphraseScreen
from tui.screens.recovery import RecoveryScreen
from tui.screens.safety import SafetyScreen
from tui.screens.takedowns import TakedownsScreen
from tui.screens.unlock import UnlockScreen


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(kiosk_cases_dir=tmp_path / "kiosk-cases")


async def test_a_new_person_makes_a_case_and_sees_the_recovery_code_once(
    vault_dir: Path, settings: Settings
):
    app = ReclaimApp(vault_dir, settings)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, CreateScreen)
        await type_text(pilot, PASSPHRASE)
        await pilot.press("enter")
        await type_text(pilot, "not the same")
        await pilot.press("enter")
        assert "not the same" in screen_text(app)
        assert not vault_dir.exists()
        second = app.screen.query_one("#second", Input)
        second.value = PASSPHRASE
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, RecoveryScreen)
        code = str(app.screen.query_one("#code", Static).render())
        assert "write this down" in (app.screen.query_one(".form").border_title or "").lower()
        await pilot.press("enter")  # ticks "I have written it down"
        assert app.screen.query_one("#written", Checkbox).value
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    Vault.open(vault_dir, passphrase=PASSPHRASE).close()
    Vault.open(vault_dir, recovery_code=code).close()


async def test_a_weak_passphrase_is_refused_with_advice(vault_dir: Path, settings: Settings):
    app = ReclaimApp(vault_dir, settings)
    async with app.run_test(size=SIZE) as pilot:
        await type_twice(app, pilot, "password123")
        await pilot.pause()
        assert "too short" in screen_text(app) or "could be guessed" in screen_text(app)
        assert not vault_dir.exists()


async def test_strength_is_shown_while_typing(vault_dir: Path, settings: Settings):
    app = ReclaimApp(vault_dir, settings)
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "password")
        await settle(app, pilot)
        assert "very weak" in screen_text(app)
        app.screen.query_one("#first", Input).value = PASSPHRASE
        await settle(app, pilot)
        assert "very strong" in screen_text(app)


async def test_unlock_asks_for_the_passphrase_and_explains_a_wrong_one(
    vault: Vault, settings: Settings
):
    app = ReclaimApp(vault.path, settings)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, UnlockScreen)
        assert "passphrase" in screen_text(app)
        await unlock(app, pilot, "wrong horse")
        assert isinstance(app.screen, UnlockScreen)
        assert "does not open this case" in screen_text(app)
        assert app.vault is None
        await unlock(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.vault is not None


async def test_the_recovery_code_opens_the_case_too(vault_dir: Path, settings: Settings):
    created, code = Vault.create(vault_dir, PASSPHRASE)
    created.close()
    app = ReclaimApp(vault_dir, settings)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        assert "recovery code" in screen_text(app)
        await unlock(app, pilot, code.lower())
        assert isinstance(app.screen, NewPassphraseScreen), "a new passphrase is asked at once"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_home_lists_every_step_and_numbers_open_them(
    vault: Vault, settings: Settings, tmp_path: Path
):
    add_file(vault, make_png(tmp_path / "a.png"), {"description": "the first post"})
    app = ReclaimApp(vault.path, settings)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        options = app.screen.query_one("#steps", OptionList)
        text = "\n".join(str(options.get_option_at_index(i).prompt) for i in range(8))
        for number, word in enumerate(
            ["Safety", "Privacy", "Passwords", "Evidence", "Copies", "Timeline", "binder",
             "Takedowns"], start=1
        ):  # fmt: skip
            assert f"{number}  " in text and word in text
        assert "1 item saved" in text

        await pilot.press("4")
        assert isinstance(app.screen, EvidenceScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 1
        row = [str(cell) for cell in table.get_row_at(0)]
        assert (row[1], row[5]) == ("E-0001", "the first post")
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)

        await pilot.press("8")
        assert isinstance(app.screen, TakedownsScreen)
        assert "No requests yet" in screen_text(app)
        await pilot.press("escape")
        await pilot.press("1")
        assert isinstance(app.screen, SafetyScreen)


async def test_safety_is_one_key_away_everywhere_with_clinic_contacts(
    vault: Vault, tmp_path: Path
):
    clinic = Settings(clinic_contacts=(Contact("Riverside Legal Clinic", "555-0100"),))
    app = ReclaimApp(vault.path, clinic)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, SafetyScreen)
        text = screen_text(app)
        assert "Riverside Legal Clinic" in text and "emergency" in text.lower()
        await pilot.press("f1")
        assert isinstance(app.screen, UnlockScreen)
        await unlock(app, pilot)
        await pilot.press("4", "f1")
        assert isinstance(app.screen, SafetyScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, EvidenceScreen)


def test_the_app_is_the_host_its_screens_ask(tmp_path: Path):
    """mypy checks that the app has all that `AppHost` promises the screens."""
    app: AppHost = ReclaimApp(tmp_path)
    assert app.vault is None and not app.kiosk and app.step_progress() == {}


async def test_kiosk_starts_neutral_and_returns_there_on_lock(settings: Settings):
    app = ReclaimApp(Path(), settings, kiosk=True)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, ChooseCaseScreen)
        await pilot.click("#new")
        await pilot.pause()
        assert isinstance(app.screen, CreateScreen)
        number = app.screen.case_number
        await type_twice(app, pilot, PASSPHRASE)
        await settle(app, pilot)
        assert isinstance(app.screen, RecoveryScreen)
        assert number in screen_text(app)
        # Written down: a code not yet confirmed makes the start name its case (that is
        # tested with the locking).
        await pilot.press("space")
        await pilot.click("#continue")
        await settle(app, pilot)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, ChooseCaseScreen)
        assert app.vault is None
        assert number not in screen_text(app)

        # A number with no case is not told apart: it asks for the passphrase too.
        app.screen.query_one("#number", Input).value = "000000" if number != "000000" else "1" * 6
        await pilot.press("enter")
        await pilot.pause()
        await unlock(app, pilot)
        assert "do not open a case" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ChooseCaseScreen)
        app.screen.query_one("#number", Input).value = number
        await pilot.press("enter")
        await pilot.pause()
        await unlock(app, pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_kiosk_quitting_asks_first(settings: Settings):
    app = ReclaimApp(Path(), settings, kiosk=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert "Close Reclaim" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ChooseCaseScreen)
        assert app.is_running
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
        assert not app.is_running


async def test_the_demo_opens_on_home_with_sample_evidence(settings: Settings):
    demo = create_demo_case()
    try:
        app = ReclaimApp(demo.path, settings, demo_vault=demo, demo_hint="passphrase: sample")
        async with app.run_test(size=SIZE) as pilot:
            assert isinstance(app.screen, HomeScreen)
            assert "sample case" in screen_text(app)
            await pilot.press("4")
            assert app.screen.query_one(DataTable).row_count >= 4
            await pilot.press("ctrl+l")
            await pilot.pause()
            assert "passphrase: sample" in screen_text(app)
    finally:
        remove_demo_case(demo)
    assert not demo.path.exists()


@pytest.fixture
def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A real keyring backend (a JSON file) in place of the machine's."""
    import keyring

    from tests.support.keyring_backend import FileKeyring

    monkeypatch.setenv("RECLAIM_TEST_KEYRING", str(tmp_path / "keyring.json"))
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())  # type: ignore[no-untyped-call]
    yield
    keyring.set_keyring(previous)


async def test_without_a_keyring_remember_is_not_offered(vault: Vault, settings: Settings):
    app = ReclaimApp(vault.path, settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert not app.screen.query_one("#remember", Checkbox).display


async def test_remember_on_this_device_opens_at_launch_but_not_after_a_lock(
    vault: Vault, settings: Settings, file_keyring: None
):
    app = ReclaimApp(vault.path, settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        remember = app.screen.query_one("#remember", Checkbox)
        assert remember.display
        remember.value = True
        await unlock(app, pilot)
        assert isinstance(app.screen, HomeScreen)

    again = ReclaimApp(vault.path, settings)
    async with again.run_test(size=SIZE) as pilot:
        await settle(again, pilot)
        assert isinstance(again.screen, HomeScreen), "the remembered key opened the case"
        await pilot.press("ctrl+l")
        await settle(again, pilot)
        assert isinstance(again.screen, UnlockScreen), "a lock always asks again"


async def test_kiosk_never_offers_to_remember(settings: Settings, file_keyring: None):
    from tui.core.kiosk.cases import new_case_dir

    path, number = new_case_dir(settings.kiosk_cases_dir)
    Vault.create(path, PASSPHRASE)[0].close()
    app = ReclaimApp(Path(), settings, kiosk=True)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#number", Input).value = number
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, UnlockScreen)
        assert not app.screen.query_one("#remember", Checkbox).display


async def test_every_textual_theme_renders_the_home_screen(settings: Settings):
    demo = create_demo_case()
    try:
        app = ReclaimApp(demo.path, settings, demo_vault=demo)
        async with app.run_test(size=SIZE) as pilot:
            for theme in sorted(app.available_themes):
                app.theme = theme
                await pilot.pause()
                assert isinstance(app.screen, HomeScreen)
                assert "Evidence" in app.export_screenshot()
    finally:
        remove_demo_case(demo)
