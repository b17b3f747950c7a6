"""The capture guide (Step 4, g): one key away from the evidence list, and its lists keep
a hanging indent at 80 columns."""

from __future__ import annotations

from textual.widgets import Static

from tests.support.pilot import SIZE, lines_of, screen_text
from tests.support.pilot import open_evidence as open_step
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.vault.vault import Vault
from tui.screens.capture_guide import CaptureGuideScreen
from tui.screens.evidence import EvidenceScreen


async def test_capture_guide_bullets_keep_a_hanging_indent(demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "g")
        await pilot.pause()
        shown = [line for s in app.screen.query(Static) for line in lines_of(s)]
        start = shown.index("Every capture should show")
        listed = shown[start + 1 : start + 8]
        assert any(line.startswith("  • ") for line in listed)
        assert all(line.startswith(("  • ", "    ")) for line in listed if line)
        assert any(line.startswith("    ") for line in listed), "some wrap at 80 columns"


async def test_the_capture_guide_is_one_key_away(vault: Vault):
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot)
        await pilot.press("g")
        assert isinstance(app.screen, CaptureGuideScreen)
        assert "Every capture should show" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, EvidenceScreen)
