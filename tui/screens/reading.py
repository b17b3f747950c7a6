"""A page of text to read and scroll: the takedown directions, the legal options."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.core.shared.i18n import N_, _
from tui.screens.case import checked_on
from tui.widgets.hanging import bullets

#: The legal options where the person hasn't said where they live (opened from the
#: Takedowns step, where j says it).
GENERAL_OPTIONS = N_(
    "You haven't said where you live, so these are general options. Press j on the "
    "Takedowns step to say where you live and see the laws of your place."
)

if TYPE_CHECKING:
    from tui.core.places.model import Jurisdiction
    from tui.core.takedowns.sites import Directions


class ReadingScreen(Screen[None]):
    AUTO_FOCUS = "VerticalScroll"
    DEFAULT_CSS = """
    ReadingScreen #heading { padding: 0 1; text-style: bold; color: $primary;
                             background: $boost; width: 100%; }
    ReadingScreen VerticalScroll { padding: 0 2; }
    """
    BINDINGS = [Binding("escape", "app.pop_screen", N_("Back"))]

    def __init__(self, title: str, text: RenderableType) -> None:
        super().__init__()
        self.title_text = title
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(self.title_text, id="heading", markup=False)
        with VerticalScroll():
            yield Static(self.text)
        yield Footer()


def directions_text(under_18: str, directions: Directions) -> Text:
    """Every site's route; the under-18 route first when a minor may be shown. `directions`
    are those of the case's place (`takedown_sites.for_place`), with its clocks."""
    text = Text()
    minor = under_18 in ("yes", "unsure")
    if minor:
        text.append(directions.under_18 + "\n\n", style="bold")
    text.append(directions.intro + "\n")
    for site in directions.sites:
        if minor and site.id == "copyright":
            continue
        text.append(f"\n{site.name}\n", style="bold underline")  # i18n: not shown
        text.append(f"{site.route}\n", style="bold")
        text.append(site.how + "\n")
        text.append(_("It asks for: {things}.").format(things="; ".join(site.asks_for)) + "\n")
        text.append(_("What to expect: {expect}").format(expect=site.expect) + "\n")
        if site.deadline_hours:
            text.append(site.deadline_rule + "\n", style="italic")
        if site.link:
            text.append(site.link + "\n", style="dim")
    heading = "\n" + _("Hash-matching services") + "\n"
    text.append(heading, style="bold underline")  # i18n: not shown
    for service in directions.hash_services:
        text.append(f"\n{service.name}", style="bold")
        text.append(" " + _("(for {who})").format(who=service.who))
        text.append(f"\n{service.how}\n{service.link}\n")
    if not minor:
        text.append("\n" + directions.under_18 + "\n", style="italic")
    text.append(
        "\n"
        + _("Checked {date}. {source} Forms change: recheck on the site.").format(
            date=checked_on(directions.reviewed), source=directions.source
        )
        + "\n",
        style="dim",
    )
    return text


def legal_text(place: Jurisdiction) -> Group:
    """Each option, its points to keep in mind as a list with a hanging indent, after the
    laws where the person lives."""
    from tui.core.takedowns.legal_options import place_lines, shipped

    options = shipped()
    parts: list[RenderableType] = [Text(options.intro)]
    laws = place_lines(place) or [_(GENERAL_OPTIONS)]
    parts.append(Text("\n" + "\n".join(laws)))
    for option in options.options:
        text = Text()
        text.append(f"\n{option.title}\n", style="bold underline")  # i18n: not shown
        text.append(option.what + "\n")
        text.append(_("Good for: "), style="bold")
        text.append(option.good_for)
        parts += [text, bullets(option.keep_in_mind)]
        if option.next:
            parts.append(Text(_("Next: {next}").format(next=option.next), style="italic"))
    parts.append(
        Text(
            "\n"
            + _("Checked {date}. {source}").format(
                date=checked_on(options.reviewed), source=options.source
            ),
            style="dim",
        )
    )
    return Group(*parts)
