"""What the screens look like at 80x24. Update after a deliberate change with
`python -m pytest tests/test_snapshots.py --snapshot-update`, and look at the SVGs."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.app import ReclaimApp
from tui.core.demo import create_demo_case, remove_demo_case
from tui.core.settings import Settings
from tui.core.vault import Vault

SIZE = (80, 24)


@pytest.fixture
def demo() -> Iterator[Vault]:
    case = create_demo_case()
    yield case
    remove_demo_case(case)


def test_unlock_screen(snap_compare, vault: Vault):
    assert snap_compare(ReclaimApp(vault.path, Settings()), terminal_size=SIZE)


def test_home_screen(snap_compare, demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    assert snap_compare(app, terminal_size=SIZE)


def test_evidence_list(snap_compare, demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    assert snap_compare(app, press=["4"], terminal_size=SIZE)


def test_create_screen(snap_compare, tmp_path: Path):
    app = ReclaimApp(tmp_path / "new-case", Settings())
    assert snap_compare(app, terminal_size=SIZE)


def test_safety_screen(snap_compare, vault: Vault):
    assert snap_compare(ReclaimApp(vault.path, Settings()), press=["f1"], terminal_size=SIZE)


def test_privacy_checklists(snap_compare, demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    assert snap_compare(app, press=["2"], terminal_size=SIZE)


def test_one_checklist_step(snap_compare, demo: Vault):
    """Instagram in the sample case: the first step not yet done is shown."""
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    assert snap_compare(app, press=["2", "down", "down", "down", "enter"], terminal_size=SIZE)


def test_passwords_step(snap_compare, demo: Vault):
    """The sample case's profile (a pet's name) counts against a password."""
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)

    async def type_password(pilot) -> None:
        await pilot.press("3", *"biscuit94")
        for _ in range(100):  # the meter fills in once the judging worker is done
            await pilot.pause(0.05)
            await pilot.app.workers.wait_for_complete()
            if "profile" in str(pilot.app.screen.query_one("#meter").render()):
                break
        await pilot.pause()

    assert snap_compare(app, run_before=type_password, terminal_size=SIZE)
