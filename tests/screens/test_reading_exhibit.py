"""One exhibit's screen and the words read in its picture (issue 30): what the picture
shows of what the guide asks and what it doesn't, the details it filled marked "read from
the picture" until Ctrl+K confirms them, and a form open while its picture is read showing
them as they come, never over what is typed. The settings switch (in the palette) turns
reading off and on. The recogniser is a stand-in (tests/support/reading_fake.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette
from textual.widgets import Label, Switch

from tests.support.pictures import picture
from tests.support.pilot import (
    SIZE,
    open_first_exhibit,
    screen_text,
    settle,
    type_text,
    unlock,
    wait_until,
)
from tests.support.reading_fake import ADDRESS, HANDLE, FakeReader
from tui.app import ReclaimApp
from tui.core.evidence.adding import add_file
from tui.core.evidence.model import get_exhibit
from tui.core.evidence.reading import read_exhibit, unread_exhibits
from tui.core.evidence.reading.setting import reading_on
from tui.core.settings import Settings
from tui.core.vault.vault import Vault
from tui.reading_work import reading
from tui.screens.reading_settings import ReadingSettingsScreen
from tui.widgets.always_keys import AlwaysKeys
from tui.widgets.fields import StoredInput


@pytest.fixture
def shot(vault: Vault, tmp_path: Path) -> Vault:
    add_file(vault, picture(tmp_path / "post.png", seed=3), {"description": "The post"})
    return vault


async def test_the_exhibit_says_what_its_picture_shows_and_the_guesses_are_confirmed(
    shot: Vault, monkeypatch: pytest.MonkeyPatch
):
    FakeReader(monkeypatch)
    read_exhibit(shot, "E-0001")
    app = ReclaimApp(shot.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_exhibit(app, pilot)
        text = " ".join(screen_text(app).split())
        assert f"The picture shows a username ({HANDLE})" in text
        assert "it does not show the date the screenshot was taken" in text
        label = screen.query_one("#label-poster", Label)
        assert "read from the picture; Ctrl+K confirms" in str(label.render())
        assert screen.query_one("#poster", StoredInput).value == HANDLE
        assert screen.query_one("#url", StoredInput).value == ADDRESS
        await pilot.press("ctrl+k")
        await settle(app, pilot)
        assert app.vault is not None
        exhibit = get_exhibit(app.vault, "E-0001")
        assert "poster" not in exhibit.guesses and exhibit.poster == HANDLE, "confirmed"
        assert "read from the picture" not in str(label.render())


async def test_an_open_exhibit_shows_what_its_picture_says_once_read_keeping_what_is_typed(
    shot: Vault, monkeypatch: pytest.MonkeyPatch
):
    reader = FakeReader(monkeypatch, held=True)
    app = ReclaimApp(shot.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_exhibit(app, pilot)
        assert reading(app).start()
        await wait_until(pilot, reader.started.is_set)
        await pilot.press("space", *"with", "space", *"my", "space", *"photo")  # while it reads
        assert "Reading pictures 1/1" in screen.query_one(AlwaysKeys).text()
        reader.gate.set()
        await wait_until(pilot, lambda: screen.query_one("#poster", StoredInput).value == HANDLE)
        assert "(read from the picture" in str(screen.query_one("#label-poster", Label).render())
        assert f"({HANDLE})" in " ".join(screen_text(app).split()), "what it shows, said"
        typed = screen.query_one("#description", StoredInput).value
        assert typed == "The post with my photo", "what was typed is kept"
        assert screen.changed(), "and still to be saved"


async def test_the_setting_turns_reading_off_stopping_it_and_on_again(
    shot: Vault, monkeypatch: pytest.MonkeyPatch
):
    reader = FakeReader(monkeypatch, held=True)
    app = ReclaimApp(shot.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_first_exhibit(app, pilot)
        assert reading(app).start()
        await wait_until(pilot, reader.started.is_set)
        job = reading(app).job
        assert job is not None
        await app.push_screen(ReadingSettingsScreen())
        await pilot.pause()
        switch = app.screen.query_one(Switch)
        assert switch.value is True and switch.has_focus
        await pilot.press("space")
        await wait_until(pilot, lambda: job.finished)
        assert app.vault is not None and not reading_on(app.vault)
        assert reader.stopped == 1 and unread_exhibits(app.vault) == [], "off: none to read"
        reader.gate.set()
        await pilot.press("space")
        await wait_until(pilot, lambda: reader.read == ["E-0001"])
        assert reading_on(app.vault)
        await pilot.press("escape")
        assert not isinstance(app.screen, ReadingSettingsScreen)


async def test_the_palette_opens_the_words_in_pictures_setting(vault: Vault):
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "Words in pictures")
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        listed = palette.query_one(CommandList)
        await wait_until(pilot, lambda: listed.option_count > 0)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadingSettingsScreen))
        assert app.screen.query_one(Switch).value is True, "on unless turned off"
