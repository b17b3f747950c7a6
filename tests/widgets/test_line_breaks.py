"""French punctuation stays with its word when a line wraps (issue 29): no line starts
with ":", ";", "?", "!" or "»", and "«" never ends one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rich.console import Console
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import Static

import tui.widgets  # noqa: F401  (the app's line-breaking rule, as the app loads it)
from tests.support.pilot import SIZE, lines_of, settle
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.shared import i18n
from tui.core.vault.vault import Vault

SENTENCE = (
    "Il manque encore : la date, le lien ; et « le texte » ! Vraiment ? Oui, "
    "gardez tout\u00a0: même ce qui fait mal."
)


def badly_broken(lines: list[str]) -> list[str]:
    """The lines that begin with a French closing mark, or end with "«"."""
    return [
        line
        for line in lines
        if line.strip(" │").startswith(tuple(":;?!»")) or line.rstrip(" │").endswith("«")
    ]


@pytest.fixture
def speaking() -> Iterator[None]:
    yield
    i18n.set_language("en")


@pytest.mark.parametrize("width", range(11, 41))
def test_rich_text_keeps_each_mark_with_its_word(width: int) -> None:
    """At 11, 12 and 11 more widths of these 30, a line began with "!", "?" or ";"."""
    lines = Text(SENTENCE).wrap(Console(), width)
    assert not badly_broken([str(line) for line in lines])
    said = " ".join(str(line).strip() for line in lines)
    assert said.split() == SENTENCE.split()  # every word, in order, none cut


class Paragraph(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(SENTENCE, id="words")


@pytest.mark.parametrize("width", [12, 19, 23])
async def test_a_static_keeps_each_mark_with_its_word(width: int) -> None:
    """Textual's own text (a str in a Static) wraps by the same rule."""
    app = Paragraph()
    async with app.run_test(size=(width, 12)) as pilot:
        await pilot.pause()
        lines = lines_of(app.query_one("#words", Static))
        assert len(lines) > 3
        assert not badly_broken(lines), lines


@pytest.mark.parametrize(("keys", "where"), [(["f1"], "safety"), (["4", "g"], "capture guide")])
async def test_the_french_screens_never_start_a_line_with_a_mark(
    demo: Vault, speaking, keys: list[str], where: str
) -> None:
    """The Safety page had "; vos preuves ici vous aideront." and ": vous pouvez y
    revenir à tout moment." at the start of a line; the capture guide ": une fois qu'une
    publication…"."""
    i18n.set_language("fr")
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys)
        await settle(app, pilot)
        lines = [line for static in app.screen.query(Static) for line in lines_of(static)]
        assert len(lines) > 20, where
        assert not badly_broken(lines), where
