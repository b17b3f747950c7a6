"""Textual's own words a person reads speak their language too: the palette's "No
matches found", and the footer's "Dismiss menu" while a list of choices is open (tester
w2's walk in Spanish and French)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette
from textual.widgets import Input, Select

from tests.support.pilot import SIZE, footer_keys, settle, wait_until
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.shared import i18n


@pytest.fixture(autouse=True)
def speaking() -> Iterator[None]:
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(("code", "words"), [("es", "No hay nada"), ("fr", "Rien ne corr")])
async def test_the_palette_says_nothing_matched_in_the_language(
    tmp_path: Path, settings: Settings, code: str, words: str
) -> None:
    i18n.set_language(code)
    app = ReclaimApp(tmp_path / "case", settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
        app.screen.query_one(Input).value = "qqqxxzz"

        def said() -> str:
            options = app.screen.query_one(CommandList).options
            return " ".join(str(getattr(o.prompt, "renderable", o.prompt)) for o in options)

        await wait_until(pilot, lambda: words in said())
        assert "No matches found" not in said()


async def test_an_open_list_of_choices_says_its_key_in_the_language(
    tmp_path: Path, settings: Settings
) -> None:
    i18n.set_language("es")
    app = ReclaimApp(tmp_path / "case", settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.screen.query_one("#place", Select).focus()
        await pilot.press("enter")  # the list of places opens
        await settle(app, pilot)
        assert "Cerrar la lista" in footer_keys(app)
        assert "Dismiss menu" not in footer_keys(app)


async def test_the_evidence_lead_breaks_between_its_parts_in_spanish(demo) -> None:
    """With a filter on, the line above the list is too long for 80 columns in Spanish:
    it breaks between its parts, never inside "orden (s): fecha de captura"."""
    from textual.widgets import Static

    from tests.support.pilot import screen_text

    i18n.set_language("es")
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        await pilot.press("/", *"reddit")

        def lead() -> str:
            return str(app.screen.query_one("#lead", Static).render())

        await wait_until(pilot, lambda: "visible" in lead())
        app.screen.query_one("#filter").blur()
        await pilot.press("s")  # by the time it was captured: longer still
        await wait_until(pilot, lambda: "fecha de captura" in lead())
        order = "orden (s): fecha de captura"
        assert order in lead(), lead()
        assert any(order in line for line in screen_text(app).splitlines())
        assert all(len(line) <= SIZE[0] - 2 for line in lead().splitlines())
