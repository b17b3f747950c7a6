"""Where you live, in the app with Pilot: the create screen's question, the change on the
Takedowns and Safety steps, and a request screen that asks for a regulator's notice
where the place's clock runs from one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from textual.widgets import DataTable, Input, OptionList, Select

from tests.support.cases import PASSPHRASE
from tests.support.pilot import SIZE, screen_text, settle, type_twice
from tests.support.pilot import open_takedowns as open_step
from tui.app import ReclaimApp
from tui.core.places.case_place import stored
from tui.core.settings import Settings
from tui.core.takedowns.deadlines import due_at, set_case_place
from tui.core.takedowns.letters import save_facts
from tui.core.takedowns.requests import add_request, get_request, update_request
from tui.core.vault.vault import Vault
from tui.dialogs.choice import ChoiceDialog
from tui.screens.create import CreateScreen
from tui.screens.place import PlaceScreen
from tui.screens.safety import SafetyScreen
from tui.screens.takedown_request import RequestScreen


async def test_the_create_screen_asks_where_you_live(vault_dir: Path, tmp_path: Path):
    app = ReclaimApp(vault_dir, Settings(kiosk_cases_dir=tmp_path / "k"))
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, CreateScreen)
        assert "Where do you live?" in screen_text(app)
        place = app.screen.query_one("#place", Select)
        assert place.value == "none"  # nobody is given a place's law by a stray Enter
        place.value = "au"
        await type_twice(app, pilot, PASSPHRASE)
        await settle(app, pilot)
    with Vault.open(vault_dir, passphrase=PASSPHRASE) as made:
        assert stored(made) == "au"


async def test_the_place_changes_on_the_takedowns_step_and_on_safety(vault: Vault):
    save_facts(vault, under_18="no")
    sent = add_request(vault, "meta", ["https://f.example/1"])
    update_request(vault, sent.id, status="submitted", sent="2026-06-01 10:00")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot)
        assert "Where you live: United States (assumed" in screen_text(app)
        assert "overdue" in screen_text(app)
        await pilot.press("j")
        await settle(app, pilot)
        assert isinstance(app.screen, PlaceScreen)
        options = app.screen.query_one(OptionList)
        options.highlighted = [o.id for o in options._options].index("gb")
        await pilot.press("enter")
        await settle(app, pilot)
        assert "Where you live: United Kingdom. j changes it." in screen_text(app)
        assert "overdue" not in screen_text(app), "no removal clock in force in the UK"
        assert get_request(vault, sent.id).place == "gb"
        await pilot.press("f1")
        await settle(app, pilot)
        assert isinstance(app.screen, SafetyScreen)
        assert "Emergency: 999" in screen_text(app)
        await pilot.press("j")
        await settle(app, pilot)
        options = app.screen.query_one(OptionList)
        options.highlighted = [o.id for o in options._options].index("au")
        await pilot.press("enter")
        await settle(app, pilot)
        assert "Emergency: 000" in screen_text(app) and "1800RESPECT" in screen_text(app)
        assert stored(vault) == "au"


async def test_an_australian_request_takes_the_time_of_esafetys_notice(vault: Vault):
    """Australia's clock runs from the regulator's removal notice: the request screen asks
    when it came, and the deadline is 24 hours from then; a US request has no such field."""
    save_facts(vault, under_18="no")
    us = add_request(vault, "reddit", ["https://r.example/1"])
    set_case_place(vault, "au")
    sent = add_request(vault, "meta", ["https://f.example/1"])
    update_request(vault, sent.id, status="submitted", sent="2026-11-30 09:00")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step(app, pilot)
        table = screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(sent.id))
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, RequestScreen)
        assert "removal notice (24 hours from the notice" in screen_text(app)
        app.screen.query_one("#notice", Input).value = "2026-12-01 14:30"
        await pilot.press("escape")  # a changed form asks first (issue 25): Save
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")
        await settle(app, pilot)
        # What the screen saved, read from the case on disk as another window would.
        with Vault.open(vault.path, passphrase=PASSPHRASE) as case:
            request = get_request(case, sent.id)
            noticed = datetime(2026, 12, 1, 14, 30).astimezone(UTC)
            assert due_at(request) == noticed + timedelta(hours=24)
            set_case_place(case, "us")
        assert app.screen_stack[-1] is screen, "back on the Takedowns step"
        table.move_cursor(row=table.get_row_index(us.id))
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, RequestScreen) and get_request(vault, us.id).place == "us"
        assert not app.screen.query("#notice")
