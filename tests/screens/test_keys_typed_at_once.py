"""Keys typed in one burst with the key that opens a form all reach the form, in order:
none goes to the screen being left, none is lost while the new one is built. Ctrl+L
and F12 still act at once, and nothing typed before them reaches the unlock screen."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tests.support.burst import burst, keys_of
from tests.support.cases import PASSPHRASE
from tests.support.pictures import make_png
from tests.support.pilot import SIZE, open_evidence, settle, unlock
from tui.app import ReclaimApp
from tui.core.evidence.adding import add_file
from tui.core.settings import Settings
from tui.core.timeline.events import list_events
from tui.core.vault.vault import Vault
from tui.dialogs.ask import AskDialog
from tui.screens.event import EventScreen
from tui.screens.exhibit import ExhibitScreen
from tui.screens.letter import LetterScreen
from tui.screens.notes_cover import NotesCover
from tui.screens.timeline import TimelineScreen
from tui.screens.unlock import UnlockScreen


async def test_an_event_typed_with_the_key_that_opens_its_form(vault: Vault) -> None:
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await burst(app, pilot, "6", "a", *keys_of("32 March, then x"))
        screen = app.screen
        assert isinstance(screen, EventScreen)
        assert screen.query_one("#when", Input).value == "32 March, then x"
        assert screen.focused is screen.query_one("#when")
    with Vault.open(vault.path, passphrase=PASSPHRASE) as case:
        assert list_events(case) == []  # "x" typed, not taken as the timeline's "remove"


async def test_text_pasted_with_the_key_that_opens_a_form(vault: Vault) -> None:
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await burst(app, pilot, "6", "a", "paste:5 March", *keys_of(" 2024"))
        screen = app.screen
        assert isinstance(screen, EventScreen)
        assert screen.query_one("#when", Input).value == "5 March 2024"


async def test_exhibit_details_typed_with_the_enter_that_opens_them(
    vault: Vault, tmp_path: Path
) -> None:
    add_file(vault, make_png(tmp_path / "shot.png"))
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_evidence(app, pilot)
        await burst(app, pilot, "enter", *keys_of("his reply"))
        screen = app.screen
        assert isinstance(screen, ExhibitScreen)
        assert screen.query_one("#description", Input).value.endswith("his reply")


async def test_a_letter_typed_with_the_key_that_opens_it(vault: Vault) -> None:
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await burst(app, pilot, "8", "w", *keys_of("Ana Ruiz"), "tab", *keys_of("ana@x.example"))
        screen = app.screen
        assert isinstance(screen, LetterScreen)
        assert screen.query_one("#name", Input).value == "Ana Ruiz"
        assert screen.query_one("#contact", Input).value == "ana@x.example"


async def test_a_question_typed_with_the_key_that_asks_it(vault: Vault) -> None:
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await burst(app, pilot, "5", "b", *keys_of("/media/usb"))
        dialog = app.screen
        assert isinstance(dialog, AskDialog)
        assert dialog.query_one(Input).value == "/media/usb"


async def test_ctrl_l_locks_at_once_mid_burst_and_the_passphrase_typed_next_arrives(
    vault: Vault,
) -> None:
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("6")
        await settle(app, pilot)
        await burst(app, pilot, "a", *keys_of("met him"), "ctrl+l", *keys_of(PASSPHRASE))
        screen = app.screen
        assert isinstance(screen, UnlockScreen) and app.vault is None
        assert screen.query_one("#secret", Input).value == PASSPHRASE


async def test_f12_covers_at_once_mid_burst(vault: Vault) -> None:
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await burst(app, pilot, "6", "a", *keys_of("met him"), "f12", *keys_of("abc"))
        assert isinstance(app.screen, NotesCover) and app.vault is None
        await burst(app, pilot, "f12")
        screen = app.screen
        assert isinstance(screen, UnlockScreen)
        assert screen.query_one("#secret", Input).value == ""
        assert not isinstance(app.screen_stack[-2], TimelineScreen)
