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

from tui.core.steps import STEPS
from tui.host import host


class HomeScreen(Screen[None]):
    AUTO_FOCUS = "#steps"
    CSS_PATH = "home.tcss"
    #: Shown in the footer as one group, "1…8 Open a step", so that the footer says
    #: what the home screen's keys are without a line per step.
    BINDINGS = [
        Binding(
            str(step.number),
            f"app.open_step('{step.key}')",
            step.title,
            group=Binding.Group("Open a step"),
        )
        for step in STEPS
    ]

    def __init__(self, demo: bool = False) -> None:
        super().__init__()
        self.demo = demo

    def compose(self) -> ComposeResult:
        heading = "Your case" + (" — a made-up sample case" if self.demo else "")
        yield Static(heading, id="heading")
        yield Static(
            "Take the steps in any order, at your own pace. Everything is saved as you go. "
            "Press a step's number to open it.",
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
        width = max(len(step.title) for step in STEPS)
        for step in STEPS:
            label = Content.assemble(
                (f" {step.number}  ", "bold"),
                (step.title.ljust(width), "bold"),
                "  ",
                (progress.get(step.key, ""), "$success"),
                "\n     ",
                (step.summary, "dim"),
            )
            options.append(Option(label, id=step.key))
        return options

    @on(OptionList.OptionSelected, "#steps")
    async def chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            host(self).action_open_step(event.option.id)
