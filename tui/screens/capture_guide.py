"""How to capture evidence well: what a screenshot should show, and how to take one on
each kind of device. The text is data, in `checklists/capture-guide.toml`."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static


def guide_text() -> Text:
    from tui.core.capture_guide import KIND_TITLES, KINDS, shipped

    guide = shipped()
    text = Text()
    text.append(guide.intro + "\n\n")
    text.append("Every capture should show\n", style="bold")
    for item in guide.should_show:
        text.append(f"  • {item}\n")
    for kind in KINDS:
        text.append(f"\n{KIND_TITLES[kind]}\n", style="bold underline")
        for method in guide.by_kind(kind):
            text.append(f"\n{method.device}: {method.title}\n", style="bold")
            for number, step in enumerate(method.steps, start=1):
                text.append(f"  {number}. {step}\n")
            if method.tip:
                text.append(f"  Tip: {method.tip}\n", style="italic")
    text.append(f"\nChecked {guide.reviewed.isoformat()}. {guide.source}\n", style="dim")
    return text


class CaptureGuideScreen(Screen[None]):
    AUTO_FOCUS = "VerticalScroll"
    DEFAULT_CSS = """
    CaptureGuideScreen #heading { padding: 0 1; text-style: bold; color: $primary;
                                  background: $boost; width: 100%; }
    CaptureGuideScreen VerticalScroll { padding: 0 2; }
    """
    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def compose(self) -> ComposeResult:
        from tui.core.capture_guide import shipped

        yield Static(shipped().title, id="heading", markup=False)
        with VerticalScroll():
            yield Static(guide_text())
        yield Footer()
