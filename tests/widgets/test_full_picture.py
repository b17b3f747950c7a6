"""Full-detail pictures: only when the settings ask, only where the terminal can draw
them, only for a picture the person chose to show; half blocks otherwise."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.pictures import picture
from tests.support.pilot import SIZE, caption, open_first_exhibit
from tui.app import ReclaimApp
from tui.core.evidence.adding import add_file
from tui.core.settings import Settings
from tui.core.vault.vault import Vault
from tui.widgets import full_picture
from tui.widgets.preview import Preview


@pytest.fixture
def kitty() -> Iterator[Any]:
    """As on a terminal that speaks kitty's graphics protocol."""
    from textual_image.widget import TGPImage

    full_picture.use(TGPImage, "kitty")
    yield TGPImage
    full_picture.use(None)


async def test_a_shown_picture_is_drawn_in_full_and_a_blurred_one_never(
    vault: Vault, tmp_path: Path, kitty: type
) -> None:
    add_file(vault, picture(tmp_path / "p.png", seed=3))
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_first_exhibit(app, pilot)
        preview = app.screen.query_one(Preview)
        assert preview.image is not None and not preview.query(kitty), "blurred: half blocks"
        await pilot.press("ctrl+r")
        await pilot.pause()
        shown: list[Any] = list(preview.query(kitty))
        [full] = shown
        assert full.image.size == preview.image.size  # the picture itself, not the blur
        assert "Shown in full: Ctrl+R blurs" in str(preview.render())
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert not preview.query(kitty), "blurred again: the full picture is gone"
        await pilot.press("ctrl+r", "f1")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert not preview.query(kitty), "whatever covers the screen blurs it again"


async def test_without_the_setting_shown_pictures_stay_half_blocks(
    vault: Vault, tmp_path: Path
) -> None:
    add_file(vault, picture(tmp_path / "p.png", seed=5))
    full_picture.prepare(False)
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_first_exhibit(app, pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        preview = app.screen.query_one(Preview)
        assert preview.revealed and not preview.children
        assert caption(preview) == "Shown: Ctrl+R blurs"


def test_the_terminal_is_not_asked_unless_the_settings_say_so() -> None:
    """Off by default: textual-image (which writes a question to the terminal) is not even
    imported; asked with no terminal, the answer is half blocks."""
    code = (
        "import sys; from tui.widgets import full_picture as f; "
        "print(f.prepare(False) == '' and 'textual_image' not in sys.modules); "
        "print(repr(f.prepare(True)), f.picture_widget())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[0] == "True"
    assert out[1] == "'' None", "no terminal to draw on: half blocks"


def test_the_setting_is_off_unless_a_clinic_or_person_turns_it_on(tmp_path: Path) -> None:
    from tui.core.settings import load_settings
    from tui.core.shared.errors import InputError

    path = tmp_path / "config.toml"
    path.write_text("idle_minutes = 5\n")
    assert load_settings(path).full_detail_pictures is False
    path.write_text("[pictures]\nfull_detail = true\n")
    assert load_settings(path).full_detail_pictures is True
    for wrong in ("[pictures]\nfull_detail = 'yes'\n", "[pictures]\nsize = 3\n"):
        path.write_text(wrong)
        with pytest.raises(InputError, match="pictures"):
            load_settings(path)


async def test_without_colour_a_shown_picture_says_why_it_cant_be_drawn(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under NO_COLOR the half blocks are all one shade: a 'shown' picture would be a grey
    block that looks like a picture and shows nothing."""
    add_file(vault, picture(tmp_path / "p.png", seed=6))
    monkeypatch.setenv("NO_COLOR", "1")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_first_exhibit(app, pilot)
        preview = app.screen.query_one(Preview)
        assert caption(preview) == "Blurred: Ctrl+R shows"
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "show no colour (NO_COLOR)" in str(preview.render())
