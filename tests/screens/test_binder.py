"""Step 7 in the app: the contents are previewed, the choices are used, the binder is
made in the background with progress, and a bad destination is said plainly."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
from textual.widgets import Checkbox, Input, OptionList, Select, Static

from tests.support.pictures import make_png
from tests.support.pilot import SIZE, said, screen_text, unlock, wait_until
from tui.app import ReclaimApp
from tui.core.evidence.adding import add_file
from tui.core.evidence.changes import set_excluded
from tui.core.settings import Settings
from tui.core.vault.vault import Vault
from tui.screens.binder import BinderScreen
from tui.screens.home import HomeScreen


def home_text(app: ReclaimApp) -> str:
    options = app.screen.query_one("#steps", OptionList)
    return "\n".join(
        str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
    )


async def wait_for_binder(app: ReclaimApp, pilot) -> None:
    screen = app.screen
    assert isinstance(screen, BinderScreen)
    await wait_until(pilot, lambda: screen.job is None)


async def test_the_binder_is_made_with_the_choices_given(vault: Vault, tmp_path: Path):
    add_file(vault, make_png(tmp_path / "a.png"), {"description": "the post"})
    add_file(vault, make_png(tmp_path / "b.png", color="red"))
    set_excluded(vault, "E-0002", True)
    target = tmp_path / "binder.pdf"
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        assert "not made yet" in home_text(app)
        await pilot.press("7")
        assert isinstance(app.screen, BinderScreen)
        assert "(1 exhibit; 1 removed, left out)" in screen_text(app)
        assert "no longer PDF/A" in " ".join(screen_text(app).split()), "said at the choice"
        app.screen.query_one("#for", Select).value = "lawyer"
        app.screen.query_one("#paper", Select).value = "letter"
        app.screen.query_one("#attach", Checkbox).value = True
        app.screen.query_one("#password", Input).value = "long binder password"
        app.screen.query_one("#dest", Input).value = str(target)
        await pilot.press("ctrl+s")
        await wait_for_binder(app, pilot)
        assert f"Wrote {target}" in said(app) and "encrypted, so it is not PDF/A" in said(app)
        assert app.screen.query_one("#password", Input).value == "", "the password is not kept"
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        assert "last made" in home_text(app)
    with pikepdf.open(io.BytesIO(target.read_bytes()), password="long binder password") as pdf:
        assert float(pdf.pages[0].mediabox[2]) == 612
        assert list(pdf.attachments) == ["E-0001-a.png"]


async def test_an_existing_file_is_refused_plainly(vault: Vault, tmp_path: Path):
    add_file(vault, make_png(tmp_path / "a.png"))
    taken = tmp_path / "taken.pdf"
    taken.write_bytes(b"mine")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("7")
        app.screen.query_one("#dest", Input).value = str(taken)
        await pilot.press("ctrl+s")
        await wait_for_binder(app, pilot)
        assert "already exists; nothing was written" in said(app)
    assert taken.read_bytes() == b"mine"


async def test_one_exhibit_is_counted_as_one(vault: Vault, tmp_path: Path):
    add_file(vault, make_png(tmp_path / "a.png"), {"description": "first"})
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("7")
        await pilot.pause()
        assert isinstance(app.screen, BinderScreen)
        contents = str(app.screen.query_one("#contents", Static).render())
        assert "evidence index (1 exhibit)" in contents and "(0 events)" in contents
