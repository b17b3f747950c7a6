"""The "About you" form of the Passwords step: the profile's words, saved per field.

It remembers the profile as it read it; Save keeps only the fields changed here, and a
field also changed elsewhere meanwhile (another window) is shown both ways to choose
from (see `tui.core.vault.edits`). Fields changed elsewhere and untouched here appear
after the save."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui.core.passwords import profile
from tui.core.shared.display import shown
from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import _
from tui.screens.case import case_is_open, open_case
from tui.widgets.fields import StoredInput
from tui.widgets.notice import Notice

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.screen import Screen

    from tui.core.vault.edits import EditConflict


def _text(entries: object) -> str:
    return ", ".join(map(str, entries)) if isinstance(entries, list) else str(entries or "")


class ProfileForm:
    """The profile fields (`#profile-<field>`) and `#profile-message` of one screen."""

    def __init__(self, screen: Screen[Any]) -> None:
        self.screen = screen
        #: The profile as this form last read or saved it.
        self.base: dict[str, list[str]] = {}
        #: What each field showed then.
        self.loaded: dict[str, str] = {}

    def _field(self, name: str) -> StoredInput:
        return self.screen.query_one(f"#profile-{name}", StoredInput)

    def load(self) -> None:
        self.base = profile.load(open_case(self.screen)).to_record()
        for name in profile.LABELS:
            self._field(name).show(_text(self.base.get(name, [])))
        self.loaded = {name: self._field(name).kept for name in profile.LABELS}

    def _typed(self) -> dict[str, str]:
        return {
            name: self._field(name).kept
            for name in profile.LABELS
            if self._field(name).kept != self.loaded.get(name)
        }

    def changed(self) -> bool:
        """Whether a field holds words not saved yet."""
        return bool(self.loaded) and bool(self._typed())

    def focus_changed(self) -> None:
        """The focus on the first field changed here, the cursor after its words."""
        from tui.dialogs.unsaved import cursor_at_end

        for name in self._typed():
            field = self._field(name)
            field.focus()
            cursor_at_end(field)
            return

    def save(self, done: Callable[[], object] | None = None) -> None:
        """Keep the fields changed here; asks first about any changed elsewhere too.
        `done` once saved (not when nothing could be)."""
        from tui.core.vault.edits import EditConflict

        if not case_is_open(self.screen):
            return
        typed = self._typed()
        changes = {name: profile.split_entries(text) for name, text in typed.items()}
        read = self.base
        try:
            saved = profile.change(open_case(self.screen), changes, base=read).to_record()
        except EditConflict as conflict:
            self._ask(conflict, done)
            return
        except ReclaimError as error:
            self._say(shown(str(error)), error=True)
            return
        for name in profile.LABELS:  # changed elsewhere only: shown
            if name not in typed and saved.get(name) != read.get(name):
                self._field(name).show(_text(saved.get(name, [])))
        self.base = saved
        self.loaded = {name: self._field(name).kept for name in profile.LABELS}
        self._say(_("Saved in your case."))
        if done is not None:
            done()

    def _ask(self, conflict: EditConflict, done: Callable[[], object] | None) -> None:
        from tui.core.vault.edits import resolved
        from tui.screens.conflicts import ask_which

        found = conflict.conflicts

        def answered(keep_mine: set[str] | None) -> None:
            if keep_mine is None or not case_is_open(self.screen):
                self._say(_("Nothing was saved; what you typed is still in the form."))
                return
            self.base, _unused = resolved(self.base, {}, found, keep_mine)
            for item in found:
                if item.field not in keep_mine:  # the other window's words, shown
                    self._field(item.field).show(_text(item.theirs))
                    self.loaded[item.field] = self._field(item.field).kept
            self.save(done)

        ask_which(
            self.screen,
            _("your profile"),
            conflict,
            profile.LABELS,
            answered,
            lambda _unused, v: _text(v),
        )

    def _say(self, text: str, error: bool = False) -> None:
        self.screen.query_one("#profile-message", Notice).say(text, error=error)
