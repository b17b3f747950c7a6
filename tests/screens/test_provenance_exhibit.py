"""An exhibit's screen shows where it came from, the device read from the file marked as
such; Ctrl+G changes it (a logged change, old and new), Ctrl+K confirms the guess, and
Escape on a changed form asks first; a lock keeps what was typed."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from textual.widgets import Input, Static

from tests.support.pilot import SIZE, open_first_exhibit, screen_text, wait_until
from tui.app import ReclaimApp
from tui.core.evidence.adding import add_file
from tui.core.evidence.model import get_exhibit
from tui.core.evidence.provenance import update_provenance
from tui.core.settings import Settings
from tui.core.vault import custody
from tui.core.vault.vault import Vault
from tui.dialogs.choice import ChoiceDialog
from tui.screens.provenance_edit import ProvenanceScreen


def phone_photo(path: Path) -> Path:
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x0131] = "Apple", "iPhone 13", "17.1"
    Image.new("RGB", (32, 24), "navy").save(path, "JPEG", exif=exif.tobytes())
    return path


async def test_the_exhibit_screen_shows_and_edits_provenance(vault: Vault, tmp_path: Path):
    exhibit = add_file(vault, phone_photo(tmp_path / "photo.jpg")).exhibit
    update_provenance(vault, exhibit.id, {"captured_by": "Sam", "how": "screenshot"})
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_exhibit(app, pilot)
        facts = str(screen.query_one("#facts", Static).render())
        assert "Captured by: Sam" in facts and "How: a screenshot" in facts
        assert "On the device: Apple iPhone 13 (read from the file, not yet confirmed)" in facts
        await pilot.press("ctrl+g")
        await wait_until(pilot, lambda: isinstance(app.screen, ProvenanceScreen))
        form = app.screen
        assert "On the device (from file)" in screen_text(app)
        form.query_one("#prov-captured_by", Input).value = "Sam Reyes"
        await pilot.press("escape")  # changed: asks first
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        assert "Save the changes to where E-0001 came from?" in screen_text(app)
        await pilot.press("escape")  # keep editing
        await pilot.pause()
        assert app.screen is form
        await pilot.press("ctrl+s", "ctrl+k")  # save, then confirm the device and system
        await pilot.pause()
        assert "On the device (from file)" not in screen_text(app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen)
        facts = str(screen.query_one("#facts", Static).render())
        assert "Captured by: Sam Reyes" in facts and "not yet confirmed" not in facts
        await pilot.press("ctrl+g")  # typed, not saved, then locked: kept
        await wait_until(pilot, lambda: isinstance(app.screen, ProvenanceScreen))
        app.screen.query_one("#prov-app", Input).value = "Signal"
        await pilot.press("ctrl+l")
        await wait_until(pilot, lambda: app.vault is None)

    saved = get_exhibit(vault, exhibit.id)
    assert saved.provenance["captured_by"] == "Sam Reyes" and not saved.provenance_guesses
    assert saved.provenance["app"] == "Signal"
    log = [e["details"] for e in custody.entries(vault.table(custody.TABLE))]
    changes = [e["changes"] for e in log if "changes" in e and "captured_by" in e["changes"]]
    assert changes[-1] == {"captured_by": {"from": "Sam", "to": "Sam Reyes"}}
    assert [e.get("confirmed") for e in log if "confirmed" in e] == [["device", "system"]]
