"""The keys that must never be out of sight: F1 for Safety, Ctrl+L to lock, Ctrl+P for
every other key. On a line of their own under each screen's footer.

A step's own keys fill the footer at 80 columns and Textual's footer simply cuts what
does not fit, so the way to safety and the lock were the first to go. The app adds
this line to every screen that has a footer (`add_always_keys`), so the
screens need not know about it and no screen can push it off.
"""

from __future__ import annotations

from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from tui.core.shared.i18n import _
from tui.host import host
from tui.jobs import app_work

#: How a key Textual names is written for a person (the footer's "^l" reads as noise).
KEY_NAMES = {
    "escape": "Esc",
    "enter": "Enter",
    "space": "Space",
    "slash": "/",
    "tab": "Tab",
    "delete": "Delete",
    "backspace": "Backspace",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
}


def key_name(key: str) -> str:
    """ "ctrl+s" → "Ctrl+S", "escape" → "Esc", "f1" → "F1", "D" → "D" (a capital)."""
    parts = key.split("+")
    *modifiers, last = parts
    if last in KEY_NAMES:
        name = KEY_NAMES[last]
    elif len(last) > 1:
        name = last.upper() if last[0] == "f" and last[1:].isdigit() else last.capitalize()
    else:
        name = last.upper() if modifiers else last
    return "+".join([*(modifier.capitalize() for modifier in modifiers), name])


class AlwaysKeys(Widget):
    """One line: F1 Safety · Ctrl+L Lock (only while a case is open) · Ctrl+Q Quit ·
    Ctrl+P every key. Each part can be clicked too; the keys work everywhere anyway."""

    DEFAULT_CSS = """
    AlwaysKeys {
        dock: bottom;
        height: 1;
        width: 100%;
        background: $panel;
        color: $text-muted;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        link-style: none;
        link-color: $text;
        link-background: $panel;
    }
    """

    def render(self) -> Content:
        """Read afresh at each draw: the Lock key is offered only while a case is open."""
        parts = [("F1", _("Safety"), "app.safety")]
        if host(self).vault is not None:
            parts.append(("Ctrl+L", _("Lock"), "app.lock"))
        parts += [
            ("Ctrl+Q", _("Quit"), "app.quit"),
            ("Ctrl+P", _("Every key"), "app.command_palette"),
        ]
        pieces: list[Content | str] = []
        for key, what, action in parts:
            if pieces:
                pieces.append(" · ")
            pieces.append(Content.assemble((key, "bold"), " ", what).stylize(f"@click={action}"))
        if working := app_work.status():  # the app's own work: "Reading pictures 3/12"
            pieces += [" · ", working]
        return Content.assemble(*pieces)

    def text(self) -> str:
        """What the line says, as plain text (for tests and for reading aloud)."""
        return self.render().plain


def add_always_keys(screen: Screen[object]) -> None:
    """Put the F1 / Ctrl+L / Ctrl+P line under a screen's footer (once), and take
    those keys and the palette's out of the footer, to leave it the step's keys.
    Footers are compact: one space between keys lets eight of them fit 80 columns."""
    footers = screen.query_children(Footer)
    if not footers:
        return
    for footer in footers:
        footer.show_command_palette = False
        footer.compact = True
    found = screen.query_children(AlwaysKeys)
    if found:
        found.refresh()
        return
    # The class styles only the screen's footer and its toasts (app.tcss:
    # `.-always-keys > Footer`, `> #textual-toastrack`): those are restyled, not the
    # whole screen, which the unlock screen's first frame would wait for.
    screen.add_class("-always-keys", update=False)
    for styled in screen.query_children("Footer, #textual-toastrack"):  # i18n: not shown
        styled.update_node_styles()
    screen.mount(AlwaysKeys())
