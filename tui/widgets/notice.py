"""One line of feedback under a form: a calm hint, or (in the error colour) what went
wrong. Its text is shown as written, never read as markup, since it may hold a path."""

from __future__ import annotations

from textual.widgets import Static


class Notice(Static):
    DEFAULT_CSS = """
    Notice { margin-top: 1; color: $text-muted; }
    Notice.error { color: $error; }
    """

    def __init__(self, text: str = "", *, id: str | None = None) -> None:
        super().__init__(text, id=id, markup=False)

    def say(self, text: str, error: bool = False) -> None:
        self.update(text)
        self.set_class(error, "error")
