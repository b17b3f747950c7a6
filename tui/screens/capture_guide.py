"""How to capture evidence well: what a screenshot should show, and how to take one on
each kind of device. The text is data, in `checklists/capture-guide.toml`."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.core.shared.i18n import N_, _
from tui.screens.case import checked_on
from tui.widgets.hanging import bullets, hanging


def guide_parts() -> list[RenderableType]:
    """The guide, part by part (each shown in its own Static): paragraphs and headings
    as text, lists as grids that keep a hanging indent when they wrap at 80 columns."""
    from tui.core.evidence.capture_guide import KIND_TITLES, KINDS, shipped

    guide = shipped()
    parts: list[RenderableType] = [
        Text(guide.intro + "\n"),
        Text(_("Every capture should show"), style="bold"),
        bullets(guide.should_show),
    ]
    for kind in KINDS:
        heading = f"\n{_(KIND_TITLES[kind])}"
        parts.append(Text(heading, style="bold underline"))  # i18n: not shown
        for method in guide.by_kind(kind):
            heading = _("{label}: {value}").format(label=method.device, value=method.title)
            parts.append(Text("\n" + heading, style="bold"))
            rows: list[tuple[str, str | Text]] = [
                (f"{number}.", step) for number, step in enumerate(method.steps, start=1)
            ]
            if method.tip:
                rows.append(("", Text(_("Tip: {tip}").format(tip=method.tip), style="italic")))
            parts.append(hanging(rows))
    parts.append(
        Text(
            "\n"
            + _("Checked {date}. {source}").format(
                date=checked_on(guide.reviewed), source=guide.source
            ),
            style="dim",
        )
    )
    return parts


class CaptureGuideScreen(Screen[None]):
    AUTO_FOCUS = "VerticalScroll"
    DEFAULT_CSS = """
    CaptureGuideScreen #heading { padding: 0 1; text-style: bold; color: $primary;
                                  background: $boost; width: 100%; }
    CaptureGuideScreen VerticalScroll { padding: 0 2; }
    """
    BINDINGS = [Binding("escape", "app.pop_screen", N_("Back"))]

    def compose(self) -> ComposeResult:
        from tui.core.evidence.capture_guide import shipped

        yield Static(shipped().title, id="heading", markup=False)
        with VerticalScroll():
            for part in guide_parts():
                yield Static(part)
        yield Footer()
