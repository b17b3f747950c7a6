"""The exhibit screen's Ctrl+F: the files inside a document listed with a box each (one
already in the case said so), the ticked ones taken in as exhibits of their own; and the
side panel saying which of its files is already an exhibit."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import SelectionList, Static

from tests.support import inner
from tests.support.pilot import SIZE, open_first_exhibit, said, screen_text, wait_until
from tui.app import ReclaimApp
from tui.core.evidence.adding import add_file
from tui.core.evidence.model import get_exhibit, list_exhibits
from tui.core.settings import Settings
from tui.core.vault.vault import Vault
from tui.dialogs.inner_files import InnerFilesDialog


async def test_ctrl_f_takes_the_ticked_files_inside_in(vault: Vault, tmp_path: Path):
    report = tmp_path / "report.docx"
    report.write_bytes(inner.docx({"image1.png": inner.RED, "image2.png": inner.BLUE}))
    saved = tmp_path / "saved.png"
    saved.write_bytes(inner.RED)
    assert add_file(vault, report).exhibit.id == "E-0001"
    assert add_file(vault, saved).exhibit.id == "E-0002"
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_exhibit(app, pilot)
        facts = str(screen.query_one("#facts", Static).render())
        assert "Also an exhibit: image1.png: identical to exhibit E-0002" in facts
        await pilot.press("ctrl+f")
        await wait_until(pilot, lambda: isinstance(app.screen, InnerFilesDialog))
        text = screen_text(app)
        assert "Files inside E-0001: tick those to keep as exhibits of their own." in text
        picked = app.screen.query_one(SelectionList)
        prompts = [str(picked.get_option_at_index(at).prompt) for at in range(2)]
        assert prompts == [
            f"image1.png  ({len(inner.RED)} bytes)  already in the case as E-0002",
            f"image2.png  ({len(inner.BLUE)} bytes)",
        ]
        await pilot.press("down", "space")  # the second: image2.png
        assert picked.selected == ["word/media/image2.png"]
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "Taken in as an exhibit of its own" in said(app))
        assert app.screen is screen
        assert "Taken in as an exhibit of its own: E-0003." in said(app)
    taken = get_exhibit(vault, "E-0003")
    assert taken.original_name == "image2.png" and taken.extra["taken_from"]["exhibit"] == "E-0001"
    assert len(list_exhibits(vault)) == 3


async def test_ctrl_f_on_a_file_that_holds_none_says_so(vault: Vault, tmp_path: Path):
    photo = tmp_path / "photo.png"
    photo.write_bytes(inner.RED)
    add_file(vault, photo)
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_exhibit(app, pilot)
        await pilot.press("ctrl+f")
        await wait_until(pilot, lambda: "holds no files" in said(app))
        assert "E-0001 is a PNG picture; it holds no files that can be taken out." in said(app)
        assert app.screen is screen
