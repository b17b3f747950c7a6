"""Changing the language from the palette (Ctrl+P) on the Evidence step keeps the filter
the person typed and the order they chose (issue 29, w3: the step came back in French
with every exhibit shown and the filter empty)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from textual.widgets import Input, OptionList

from tests.support.pilot import SIZE, settle, wait_until
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.shared import i18n
from tui.core.vault.vault import Vault
from tui.screens.evidence import EvidenceScreen
from tui.screens.language import LanguageScreen


@pytest.fixture(autouse=True)
def speaking() -> Iterator[None]:
    yield
    i18n.set_language("en")


async def test_the_filter_and_the_sort_stay_through_the_palette(demo: Vault) -> None:
    i18n.set_language("es")
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        await pilot.press("/", *"Insta")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, EvidenceScreen)
        screen.action_sort()
        await settle(app, pilot)
        sort, shown = screen.sort_key, [e.id for e in screen.shown]
        assert sort != "id" and len(shown) < len(screen.exhibits)
        await pilot.press("ctrl+p")
        await settle(app, pilot)
        await pilot.press(*"Idioma", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, LanguageScreen))
        app.screen.query_one(OptionList).highlighted = list(i18n.LANGUAGES).index("fr")
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EvidenceScreen) and screen is not app.screen_stack[0]
        await wait_until(pilot, lambda: screen.query_one("#filter", Input).value == "Insta")
        await settle(app, pilot)
        assert screen.sort_key == sort
        assert [e.id for e in screen.shown] == shown
