"""Form fields for a value the case already holds.

A stored name or note can hold control characters (see `tui.core.shared.display`), and an
`Input` or a `TextArea` would send them to the terminal as they are. These fields show
the visible form instead and, while the person leaves it as shown, give back the stored
value exactly, so that saving a form never rewrites what was kept."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, TextArea

from tui.core.shared.display import kept, shown, shown_block


class StoredInput(Input):
    """One line: `kept` is the stored value, or what the person typed over it."""

    def __init__(self, stored: str = "", **options: Any) -> None:
        # Focus never selects what is there: the cursor stays where it was (at the end
        # when the form opens), so the next key goes on with the words, never over them.
        options.setdefault("select_on_focus", False)
        super().__init__(shown(stored), **options)
        self.stored = stored

    def show(self, stored: str) -> None:
        self.stored = stored
        self.value = shown(stored)

    @property
    def kept(self) -> str:
        return kept(self.stored, self.value)


class StoredTextArea(TextArea):
    """Several lines: real newlines and tabs, every other control shown visibly."""

    def __init__(self, stored: str = "", **options: Any) -> None:
        super().__init__(shown_block(stored), **options)
        self.stored = stored

    def show(self, stored: str) -> None:
        self.stored = stored
        self.text = shown_block(stored)

    @property
    def kept(self) -> str:
        return kept(self.stored, self.text, block=True)
