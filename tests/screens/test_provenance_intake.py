"""Adding evidence asks where the files came from, once per batch: both files carry the
answers, the next add offers them again, and "skip for now" leaves it unsaid."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select

from tests.support.pictures import make_png
from tests.support.pilot import SIZE, open_evidence, said, screen_text, wait_until
from tui.app import ReclaimApp
from tui.core.evidence.model import list_exhibits
from tui.core.settings import Settings
from tui.core.vault import custody
from tui.core.vault.vault import Vault
from tui.screens.add_evidence import AddEvidenceScreen
from tui.screens.evidence import EvidenceScreen
from tui.screens.provenance_form import BatchProvenanceDialog


async def _choose(app: ReclaimApp, pilot, *files: Path) -> BatchProvenanceDialog:
    await pilot.press("a")
    screen = app.screen
    assert isinstance(screen, AddEvidenceScreen)
    screen.query_one("#paths", Input).value = " ".join(f'"{f}"' for f in files)
    await pilot.press("ctrl+s")
    await wait_until(pilot, lambda: isinstance(app.screen, BatchProvenanceDialog))
    assert isinstance(app.screen, BatchProvenanceDialog)
    return app.screen


async def _added(app: ReclaimApp, pilot, count: int) -> None:
    await wait_until(pilot, lambda: f"Added {count} item" in said(app))
    screen = app.screen
    assert isinstance(screen, EvidenceScreen)
    await wait_until(pilot, lambda: screen.job is None)


async def test_provenance_is_asked_once_per_batch_and_offered_again(
    vault: Vault, tmp_path: Path
) -> None:
    files = [tmp_path / f"shot-{color}.png" for color in ("red", "blue", "green", "teal")]
    for file, color in zip(files, ("red", "blue", "green", "teal"), strict=True):
        make_png(file, color=color)
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_evidence(app, pilot)
        dialog = await _choose(app, pilot, *files[:2])
        assert "Where did these files come from?" in screen_text(app)
        await pilot.press(*"Dana Ruiz")  # the name field has the focus
        dialog.query_one("#prov-role", Select).value = "helper"
        dialog.query_one("#prov-how", Select).value = "received"
        await pilot.press("ctrl+s")  # a name is still to be asked for: who sent it
        await pilot.pause()
        assert app.screen is dialog and app.focused is dialog.query_one("#prov-from_whom")
        await pilot.press(*"Sam")
        dialog.query_one("#prov-app", Input).value = "WhatsApp"
        await pilot.press("ctrl+s")
        await _added(app, pilot, 2)

        again = await _choose(app, pilot, files[2])
        assert again.query_one("#prov-captured_by", Input).value == "Dana Ruiz"
        assert again.query_one("#prov-how", Select).value == "received"
        await pilot.press("ctrl+n")  # skip for now
        await _added(app, pilot, 1)

    exhibits = list_exhibits(vault)
    assert [e.provenance for e in exhibits[:2]] == [
        {
            "captured_by": "Dana Ruiz",
            "role": "helper",
            "how": "received",
            "from_whom": "Sam",
            "app": "WhatsApp",
        }
    ] * 2
    assert exhibits[2].provenance == {}, "skipped: nothing said yet"
    log = custody.entries(vault.table(custody.TABLE))
    intakes = [entry["details"] for entry in log if entry["action"] == "intake"]
    assert len(intakes) == 3 and all("reclaim_version" in entry for entry in intakes)
