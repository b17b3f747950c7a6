"""Safety (F1, or Step 1): its lists keep a hanging indent at 80 columns, and a helpline's
note wraps under its own words."""

from __future__ import annotations

from textual.widgets import Static

from tests.support.pilot import SIZE, lines_of, settle
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.vault.vault import Vault


async def test_safety_bullets_keep_a_hanging_indent(demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        lines = lines_of(app.screen.query_one(".steps", Static))
        assert lines[0].startswith("• ")
        continued = [line for line in lines if not line.startswith("• ")]
        assert continued and all(line.startswith("  ") for line in continued)


async def test_a_helplines_note_wraps_under_its_own_words(demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await settle(app, pilot)
        notes = list(app.screen.query(".contact-note"))
        assert notes, "the place's helplines have notes"
        wrapped = [lines_of(note) for note in notes if len(lines_of(note)) > 1]
        assert wrapped, "at 80 columns some note wraps"
        for lines in wrapped:
            assert all(line.startswith("  ") for line in lines if line.strip()), lines
