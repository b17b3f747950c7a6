"""Home: the eight steps of the guide, numbered, each with how far along it is.
A step's number opens it; so does Enter on the highlighted step."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.shared.i18n import N_, _, ngettext
from tui.core.shared.neutral_words import neutral_words
from tui.core.steps import STEPS
from tui.host import host


def strays_found(count: int) -> str:
    """What opening a case says when evidence is in its folder but not in its record."""
    return ngettext(
        "{count} exhibit is in the case folder but missing from its record "
        "(an older copy of the record may have been put back, or a save was interrupted). "
        "Nothing is lost: “Take back missing evidence” (Ctrl+P) takes them back.",
        "{count} exhibits are in the case folder but missing from its record "
        "(an older copy of the record may have been put back, or a save was interrupted). "
        "Nothing is lost: “Take back missing evidence” (Ctrl+P) takes them back.",
        count,
    ).format(count=count)


class HomeScreen(Screen[None]):
    AUTO_FOCUS = "#steps"
    CSS_PATH = "home.tcss"
    #: Shown in the footer as one group, "1…8 Open a step", so that the footer says
    #: what the home screen's keys are without a line per step.
    BINDINGS = [
        Binding(
            str(step.number),
            f"app.open_step('{step.key}')",
            step.title,  # core's N_(): shown through _() with the other keys
            group=Binding.Group(N_("Open a step")),
        )
        for step in STEPS
    ]

    def __init__(self, demo: bool = False) -> None:
        super().__init__()
        self.demo = demo

    def said(self, text: str) -> str:
        """`text` as home says it: in discreet mode in its neutral words ("Your notebook",
        "remove the files"), so that a glance at the open home names no images nor a case."""
        return neutral_words(text) if getattr(host(self), "discreet", False) else text

    def compose(self) -> ComposeResult:
        heading = _("Your case — a made-up sample case") if self.demo else _("Your case")
        yield Static(self.said(heading), id="heading")
        yield Static(
            self.said(
                _(
                    "Take the steps in any order, at your own pace. Everything is saved as you "
                    "go. Press a step's number to open it."
                )
            ),
            id="lead",
        )
        yield OptionList(id="steps")
        yield Footer()

    def on_screen_resume(self) -> None:
        """Progress is read afresh each time home shows: a step may have changed it."""
        steps = self.query_one("#steps", OptionList)
        highlighted = steps.highlighted
        steps.clear_options()
        steps.add_options(self._options(host(self).step_progress()))
        steps.highlighted = highlighted or 0

    def _options(self, progress: dict[str, str]) -> list[Option]:
        options = []
        width = max(len(self.said(_(step.title))) for step in STEPS)
        for step in STEPS:
            label = Content.assemble(
                (f" {step.number}  ", "bold"),
                (self.said(_(step.title)).ljust(width), "bold"),
                "  ",
                (self.said(progress.get(step.key, "")), "$success"),
                "\n     ",
                (self.said(_(step.summary)), "dim"),
            )
            options.append(Option(label, id=step.key))
        return options

    @on(OptionList.OptionSelected, "#steps")
    async def chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            host(self).action_open_step(event.option.id)
