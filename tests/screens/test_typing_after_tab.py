"""Back in a field with Shift+Tab, the next key goes on after what it holds, never over
it: the binder's "Prepared by" and the Save as fields of the binder, the lawyer's package
and the declaration (focus selected the whole field, and one key replaced it)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tests.support.pilot import SIZE, open_takedowns, settle, unlock, wait_until
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.takedowns.deadlines import set_case_place
from tui.core.vault.vault import Vault
from tui.screens.binder import BinderScreen
from tui.screens.declaration import DeclarationScreen
from tui.screens.lawyer_package import LawyerPackageScreen


async def back_and_type(app: ReclaimApp, pilot, field: Input, text: str) -> str:
    """Type `text` in `field`, Tab away, Shift+Tab back, type "!"; what it holds then."""
    field.focus()
    await pilot.press("end", *text, "tab", "shift+tab")
    assert app.focused is field
    await pilot.press("exclamation_mark")
    return field.value


async def test_the_binders_fields(vault: Vault, tmp_path: Path) -> None:
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("7")
        await settle(app, pilot)
        binder = app.screen
        assert isinstance(binder, BinderScreen)
        assert await back_and_type(app, pilot, binder.query_one("#by", Input), "Sam") == "Sam!"
        dest = binder.query_one("#dest", Input)
        dest.value = str(tmp_path)
        assert await back_and_type(app, pilot, dest, "/b.pdf") == f"{tmp_path}/b.pdf!"


async def test_the_lawyers_package_and_the_declarations_save_as(
    vault: Vault, tmp_path: Path
) -> None:
    set_case_place(vault, "au")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_takedowns(app, pilot)
        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(app.screen, LawyerPackageScreen))
        dest = app.screen.query_one("#dest", Input)
        dest.value = str(tmp_path)
        assert await back_and_type(app, pilot, dest, "/pkg") == f"{tmp_path}/pkg!"
        await pilot.press("escape", "escape", "7", "ctrl+d")
        await wait_until(pilot, lambda: isinstance(app.screen, DeclarationScreen))
        dest = app.screen.query_one("#decl-dest", Input)
        dest.value = str(tmp_path)
        assert await back_and_type(app, pilot, dest, "/d.pdf") == f"{tmp_path}/d.pdf!"
