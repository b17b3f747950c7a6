"""The binder step includes a declaration after the cover: what the draft needs (the
person's name) is asked for in the app, never left blank; the declaration can also be
saved on its own, and an unwritable place is said in one sentence."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input

from tests.support.pictures import make_png
from tests.support.pilot import SIZE, said, screen_text, unlock, wait_until
from tui.app import ReclaimApp
from tui.core.evidence.adding import add_file
from tui.core.evidence.provenance import update_provenance
from tui.core.settings import Settings
from tui.core.vault.vault import Vault
from tui.screens.binder import BinderScreen
from tui.screens.declaration import DeclarationScreen


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
async def test_a_binder_with_a_declaration_asked_for_in_the_app(vault: Vault, tmp_path: Path):
    exhibit = add_file(vault, make_png(tmp_path / "a.png")).exhibit
    update_provenance(vault, exhibit.id, {"captured_by": "Alex Morgan", "how": "screenshot"})
    target, alone = tmp_path / "binder.pdf", tmp_path / "declaration.txt"
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("7")
        binder = app.screen
        assert isinstance(binder, BinderScreen)
        binder.query_one("#declare", Checkbox).value = True
        binder.query_one("#dest", Input).value = str(target)
        await pilot.press("ctrl+s")  # the draft needs a name: asked here, not left blank
        await wait_until(pilot, lambda: isinstance(app.screen, DeclarationScreen))
        assert "needs: your full name" in " ".join(screen_text(app).split())
        form = app.screen
        await pilot.press(*"Alex Morgan")
        form.query_one("#decl-dest", Input).value = str(tmp_path / "no" / "such" / "d.txt")
        await pilot.press("ctrl+e")
        await wait_until(pilot, lambda: "There is no folder" in said(app))
        form.query_one("#decl-dest", Input).value = str(alone)
        await pilot.press("ctrl+e")
        await wait_until(pilot, lambda: "Saved the draft" in said(app))
        await pilot.press("ctrl+s")  # kept: back, and the binder is made
        await wait_until(pilot, lambda: f"Wrote {target}" in said(app))
    assert "Alex Morgan" in alone.read_text() and exhibit.sha256 in alone.read_text()
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "WITNESS STATEMENT OF ALEX MORGAN" in text and "I, Alex Morgan, say:" in text
    assert text.index("I, Alex Morgan") < text.index("Evidence index"), "after the cover"
