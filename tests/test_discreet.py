"""Discreet mode (issue 29): for someone who shares the computer with the person they
fear, nothing a glance could catch says what the app is: not the screen, the titles,
the list of programs or the data folder's name. F12 covers the screen at once."""

from __future__ import annotations

import argparse
import fcntl
import html
import os
import pty
import re
import select
import signal
import struct
import subprocess
import termios
import time
from pathlib import Path

import pytest
from textual.drivers.headless_driver import HeadlessDriver
from textual.widgets import Input

from tests.support.cases import PASSPHRASE
from tests.support.cli import RECLAIM
from tests.support.pilot import SIZE, settle, type_twice, unlock, wait_until
from tui.app import ReclaimApp
from tui.cli.terminal_app import case_folder
from tui.core.settings import DISCREET_MARK, Settings, load_settings
from tui.core.vault.layout import default_vault_dir, is_vault
from tui.core.vault.vault import Vault
from tui.discreet import title_sequence
from tui.screens.create import CreateScreen
from tui.screens.home import HomeScreen
from tui.screens.notes_cover import NotesCover
from tui.screens.unlock import UnlockScreen
from tui.widgets.tick import TickBox

#: Words that would tell a glance what this is.
TELLING = re.compile(r"reclaim|image|abuse|evidence|case", re.IGNORECASE)
DISCREET = Settings(discreet=True)


def on_screen(app: ReclaimApp) -> str:
    """Every character drawn on the terminal (footer and key line too), from the
    screenshot Textual would draw, and its title."""
    svg = app.export_screenshot()
    drawn = "".join(html.unescape(text) for text in re.findall(r">([^<]*)</text>", svg))
    return drawn.replace("\xa0", " ")


@pytest.fixture
def written(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the app writes to the terminal besides the screen (the title)."""
    seen: list[str] = []
    monkeypatch.setattr(HeadlessDriver, "write", lambda self, data: seen.append(data))
    return seen


def called(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names the app gives its process (`name_process`), instead of renaming this one."""
    named: list[str] = []

    def name_process(name: str = "notes") -> bool:
        named.append(name)
        return True

    monkeypatch.setattr("tui.discreet.name_process", name_process)
    return named


def test_the_setting_is_read_at_the_top_or_under_app(tmp_path: Path):
    top = tmp_path / "top.toml"
    top.write_text("discreet = true\n")
    under = tmp_path / "under.toml"
    under.write_text("[app]\ndiscreet = true\n")
    assert load_settings(top).discreet and load_settings(under).discreet
    assert not Settings().discreet
    wrong = tmp_path / "wrong.toml"
    wrong.write_text('discreet = "yes"\n')
    with pytest.raises(Exception, match="discreet must be true or false"):
        load_settings(wrong)


async def test_the_unlock_screen_and_titles_say_only_notes(vault: Vault, written: list[str]):
    vault.close()
    app = ReclaimApp(vault.path, DISCREET)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        shown = on_screen(app)
        assert "Notes" in shown and "passphrase" in shown
        assert not TELLING.search(shown), shown
        assert app.title == "Notes" and not TELLING.search(app.title + app.sub_title)
        assert title_sequence("Notes") in "".join(written)
        assert not TELLING.search("".join(written))
        await unlock(app, pilot, "not the passphrase")
        assert "does not open" in on_screen(app)
        assert not TELLING.search(on_screen(app)), on_screen(app)
        await pilot.press("ctrl+r")  # the recovery code's words too
        assert not TELLING.search(on_screen(app))


async def test_without_discreet_mode_nothing_changes(vault: Vault, written: list[str]):
    vault.close()
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.title == "Reclaim"
        assert "Your case is locked" in on_screen(app)
        assert title_sequence("Notes") not in "".join(written)


async def test_f12_covers_the_screen_at_once_and_closes_the_case(vault: Vault):
    vault.close()
    app = ReclaimApp(vault.path, DISCREET)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await unlock(app, pilot)
        assert isinstance(app.screen, HomeScreen) and app.vault is not None
        await pilot.press("f12")
        assert isinstance(app.screen, NotesCover), "at once, not after a frame"
        assert app.vault is None, "the case is closed behind the cover"
        await pilot.pause()
        shown = on_screen(app)
        assert "Notes" in shown and not TELLING.search(shown), shown
        assert "passphrase" not in shown.lower(), "a cover, not the unlock screen"
        # A curious key (Safety, the palette, a letter, Enter) finds only the notes.
        for key in ("a", "enter", "f1", "ctrl+p", "ctrl+l", "escape"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, NotesCover), key
        await pilot.press("f12")
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        assert not TELLING.search(on_screen(app))
        await unlock(app, pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_f12_covers_without_discreet_mode_too(vault: Vault):
    vault.close()
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("f12")
        assert isinstance(app.screen, NotesCover) and app.vault is None


async def test_chosen_when_made_a_new_install_gets_a_neutral_folder(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
):
    named = called(monkeypatch)
    usual = default_vault_dir()
    app = ReclaimApp(usual, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CreateScreen)
        await pilot.click("#discreet")
        await type_twice(app, pilot, PASSPHRASE)
        await wait_until(pilot, lambda: app.vault is not None)
        await settle(app, pilot)
        assert app.vault is not None
        made = app.vault.path
        assert app.vault_path == made and app.title == "Notes"
        assert named == ["notes"], "ps says 'notes' at once, not after a restart"
        assert not is_vault(usual) and not (isolated_home / "data" / "reclaim").exists()
        relative = made.relative_to(isolated_home / "data")
        assert not TELLING.search(str(relative)), relative
        assert (made / DISCREET_MARK).is_file()
        assert default_vault_dir() == made, "the commands find it too"
        assert "recovery code" in on_screen(app), "the code, right after the make screen"
        assert not TELLING.search(on_screen(app)), on_screen(app)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        assert not TELLING.search(on_screen(app))


async def test_made_elsewhere_the_mark_beside_the_record_keeps_it_discreet(tmp_path: Path):
    folder = tmp_path / "mine"
    app = ReclaimApp(folder, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#discreet")
        await type_twice(app, pilot, PASSPHRASE)
        await wait_until(pilot, lambda: app.vault is not None)
        assert app.vault is not None and app.vault.path == folder.absolute()
    again = ReclaimApp(folder, Settings())  # no setting: the mark alone
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.title == "Notes" and not TELLING.search(on_screen(again))


async def test_the_make_screen_in_discreet_mode_is_neutral_and_ticked(tmp_path: Path):
    app = ReclaimApp(tmp_path / "new", DISCREET)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#discreet", TickBox).value
        assert not TELLING.search(on_screen(app)), on_screen(app)
        assert app.screen.query_one("#first", Input).has_focus


def test_a_new_install_in_discreet_mode_has_a_neutral_data_folder(isolated_home: Path):
    args = argparse.Namespace(vault=None, kiosk=False)
    folder = case_folder(args, DISCREET)
    assert folder.is_relative_to(isolated_home / "data")
    assert not TELLING.search(str(folder.relative_to(isolated_home / "data")))
    assert case_folder(args, Settings()) == default_vault_dir()


def test_an_existing_case_is_not_moved(vault: Vault, isolated_home: Path):
    """A case already at the usual place stays there (the README says how to move it)."""
    usual = default_vault_dir()
    Vault.create(usual, PASSPHRASE)[0].close()
    assert case_folder(argparse.Namespace(vault=None, kiosk=False), DISCREET) == usual


def test_the_process_is_named_notes_in_ps(vault: Vault, tmp_path: Path):
    pytest.importorskip("setproctitle")
    vault.close()
    config = tmp_path / "settings.toml"
    config.write_text("discreet = true\n")
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="80", LINES="24")
    args = [str(RECLAIM), "--config", str(config), "--vault", str(vault.path)]
    pid, fd = pty.fork()
    if pid == 0:  # the child: the terminal's program, on a terminal of 80x24 (a size
        # never set, 0 x 0, has the app suggest plain mode instead)
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.execve(args[0], args, env)
    output = bytearray()
    try:
        deadline = time.monotonic() + 60
        while title_sequence("Notes").encode() not in output:
            assert time.monotonic() < deadline, bytes(output[-300:])
            if select.select([fd], [], [], 0.1)[0]:
                output += os.read(fd, 65536)
        listed = subprocess.run(
            ["ps", "-o", "comm=,args=", "-p", str(pid)], capture_output=True, text=True
        ).stdout
        assert listed.split() == ["notes", "notes"], listed
    finally:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
        os.close(fd)


async def test_a_discreet_kiosk_start_says_only_notes(tmp_path: Path):
    settings = Settings(discreet=True, kiosk_cases_dir=tmp_path / "kiosk")
    app = ReclaimApp(Path(), settings, kiosk=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.title == "Notes"
        assert "Notes" in on_screen(app) and not TELLING.search(on_screen(app)), on_screen(app)
        await pilot.press(*"12")  # too short: the number's sentence, in plain words
        await pilot.press("enter")
        await pilot.pause()
        assert "6 digits" in on_screen(app) and not TELLING.search(on_screen(app))
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, CreateScreen)
        assert not TELLING.search(on_screen(app)), on_screen(app)


async def test_made_without_discreet_the_process_keeps_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    named = called(monkeypatch)
    app = ReclaimApp(tmp_path / "case", Settings())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_twice(app, pilot, PASSPHRASE)
        await wait_until(pilot, lambda: app.vault is not None)
        await settle(app, pilot)
        assert named == [] and app.title == "Reclaim"


async def test_the_title_is_notes_in_the_language_spoken(vault: Vault, written: list[str]):
    """The same word as the lock box and the F12 cover: "Notas" in Spanish, also after
    choosing the language on the unlock screen; the process name stays ASCII "notes"."""
    from textual.widgets import OptionList, Static

    from tui.core.shared import i18n
    from tui.screens.language import LanguageScreen

    vault.close()
    app = ReclaimApp(vault.path, DISCREET)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.title == "Notes"
            app.action_language()
            await wait_until(pilot, lambda: isinstance(app.screen, LanguageScreen))
            app.screen.query_one(OptionList).highlighted = list(i18n.LANGUAGES).index("es")
            await pilot.press("enter")
            await settle(app, pilot)
            assert app.title == "Notas"
            assert title_sequence("Notas") in "".join(written)
            assert "Notas" in on_screen(app)
            await pilot.press("f12")
            await settle(app, pilot)
            assert str(app.screen.query_one("#notes-title", Static).render()) == app.title
    finally:
        i18n.set_language("en")


def test_a_discreet_case_s_backup_folder_says_nothing_and_is_found(vault: Vault, tmp_path: Path):
    from tui.core.copies.backup import make_backup
    from tui.core.copies.verify import find_backup, verify_backup

    (vault.path / DISCREET_MARK).touch()
    drive = tmp_path / "drive"
    drive.mkdir()
    (drive / "notes-shopping").mkdir()  # the person's own folder, not a backup
    result = make_backup(vault, drive)
    assert result.folder.parent == drive
    assert result.folder.name.startswith("notes-") and not TELLING.search(result.folder.name)
    assert find_backup(drive) == result.folder
    assert verify_backup(drive, PASSPHRASE).whole


def test_discreet_by_settings_the_backup_folder_is_neutral_too(vault: Vault, tmp_path: Path):
    from tui.core.copies.backup import make_backup

    assert make_backup(vault, tmp_path).folder.name.startswith("reclaim-backup-")
    neutral = make_backup(vault, tmp_path, neutral=True).folder.name
    assert neutral.startswith("notes-") and not TELLING.search(neutral)


def test_files_offered_in_discreet_mode_have_neutral_names(isolated_home: Path, tmp_path: Path):
    from datetime import UTC, datetime

    from tui.core.kiosk.save_folders import SaveFolders
    from tui.core.shared import clock

    with clock.fixed(datetime(2026, 3, 2, 10, tzinfo=UTC)):
        plain = SaveFolders(neutral=True)
        binder = plain.default_target("binder", ".pdf")
        assert binder == Path.home() / "notes-2026-03-02.pdf"
        binder.write_bytes(b"%PDF")
        letter = plain.default_target("declaration-us", ".pdf")
        assert letter == Path.home() / "notes-2026-03-02-2.pdf", "never the binder's name"
        kiosk = SaveFolders(kiosk=True, export_dir=tmp_path, neutral=True)
        offered = kiosk.default_target("binder", ".pdf")
        assert offered is not None and not TELLING.search(offered.name)
        usual = SaveFolders().default_target("binder", ".pdf")
        assert usual == Path.home() / "reclaim-binder-2026-03-02.pdf"


async def test_the_binder_is_offered_under_a_neutral_name(demo: Vault):
    app = ReclaimApp(demo.path, DISCREET, demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("7")
        await settle(app, pilot)
        offered = app.screen.query_one("#dest", Input).value
        assert Path(offered).name.startswith("notes-") and not TELLING.search(offered)


@pytest.mark.parametrize(
    ("code", "telling"),
    [
        ("en", r"reclaim|image|abuse|\bcase\b"),
        ("es", r"reclaim|imagen|abuso|\bcaso\b"),
        ("fr", r"reclaim|image|abus|\bdossier\b"),
    ],
)
async def test_the_open_home_names_no_images_nor_a_case(
    vault: Vault, code: str, telling: str
) -> None:
    """Issue 29: in discreet mode nothing on screen says Reclaim, images or abuse; a glance
    at the open home (the screen most often left on show) reads notes and files."""
    from tui.core.shared import i18n

    vault.close()
    i18n.set_language(code)
    try:
        app = ReclaimApp(vault.path, DISCREET)
        async with app.run_test(size=SIZE) as pilot:
            await unlock(app, pilot)
            assert isinstance(app.screen, HomeScreen)
            home = "\n".join(
                str(widget.render()) for widget in app.screen.query("#heading, #lead")
            )
            steps = app.screen.query_one("#steps")
            home += "\n".join(str(option.prompt) for option in steps.options)  # type: ignore[attr-defined]
            assert not re.search(telling, home, re.IGNORECASE), home
    finally:
        i18n.set_language("en")
