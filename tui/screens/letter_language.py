"""The letter screen with the letter's language (issue 29): it says which language the
letter is written in and for whom ("Written in English (for those who read it in the
United States)"), F3 writes it in the next language Reclaim speaks, and when that is not
the person's language a copy to read in theirs is shown under the letter, plainly
marked, and saved beside it (letter.copy-to-read.docx). The copy is never sent. The
language chosen is kept for the letter while Reclaim runs (`tui.kept_for_case`): the
letter opened again, after a lock and the unlock or after leaving it, is still in it; so
are its words, as changed and not saved as a file when the case locked."""

from __future__ import annotations

from pathlib import Path

from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Input, Static

from tui.core.binder.documents_language import CHANGE_HINT, COPY_SAVED, KEY, KEY_HELP, KEY_LABEL
from tui.core.shared.display import shown
from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import LANGUAGES, _
from tui.core.takedowns.letters import Letter
from tui.host import host
from tui.screens.case import case_is_open, open_case
from tui.screens.letter import LetterScreen
from tui.widgets.fields import StoredTextArea


class LetterInLanguageScreen(LetterScreen):
    BINDINGS = [Binding(KEY, "language", KEY_LABEL, tooltip=KEY_HELP)]
    #: What a lock names if the letter's typing could not be saved (as the letter's).
    FORM_NAME = LetterScreen.FORM_NAME
    DEFAULT_CSS = """
    LetterInLanguageScreen #written { padding: 0 1; color: $text-muted; height: auto; }
    LetterInLanguageScreen #copy { color: $text-muted; height: auto; margin-top: 1; }
    """

    def __init__(self, kind: str, request_id: str = "") -> None:
        super().__init__(kind, request_id)
        #: The letter again in the person's language, when it is written in another.
        self.copy: Letter | None = None

    @property
    def document(self) -> str:
        """The letter, as what is kept of it for the case is named ("letter:takedown:R-001")."""
        return f"letter:{self.kind}:{self.request_id}"

    def on_mount(self) -> None:
        # Before the letter's own `on_mount` drafts it: in the language chosen before.
        self.language = self.language or host(self).kept_for_case.language(
            open_case(self), self.document
        )
        self.call_later(self._words_back)  # once the letter's own `on_mount` drafted it
        editor = self.query_one("#letter")
        if isinstance(editor.parent, Widget):  # the form's scroll: the copy reads under it
            editor.parent.mount(Static("", id="copy", markup=False), after=editor)
        self.mount(Static("", id="written", markup=False), after=self.query_one("#missing"))
        self.call_after_refresh(self._show_language)

    def _words_back(self) -> None:
        """The letter's words as changed here when the case last locked: still changed,
        not saved as a file, so leaving asks about them."""
        words = host(self).kept_for_case.typing(open_case(self), self.document)
        if isinstance(words, str) and self.letter is not None:
            self.query_one("#letter", StoredTextArea).show(words)

    def keep_over_lock(self) -> None:
        """At a lock (once `save_now` kept the facts): the letter's words changed here and
        not saved as a file are kept for when this letter is next opened in this case."""
        if case_is_open(self) and self._letter_changed():
            words = self.query_one("#letter", StoredTextArea).kept
            host(self).kept_for_case.keep_typing(open_case(self), self.document, words)

    def _draft(self, quiet: bool = False) -> None:
        super()._draft(quiet)
        if self.is_mounted and self.query("#written"):
            self._show_language()

    def _show_language(self) -> None:
        from tui.core.binder.documents_language import written_in
        from tui.core.takedowns.letters import copy_to_read

        if self.letter is None:
            return
        vault = open_case(self)
        try:
            self.copy = copy_to_read(vault, self.letter, self.language)
        except ReclaimError:  # what it needs is said above, in the person's words
            self.copy = None
        written = written_in(vault, "letter", self.language)
        self.query_one("#written", Static).update(_(CHANGE_HINT).format(written=written))
        self.query_one("#copy", Static).update(shown(self.copy.text) if self.copy else "")

    def action_language(self) -> None:
        """Write the letter in the next language Reclaim speaks, and draft it again (a
        letter whose words were changed is asked about first)."""
        from tui.core.binder.documents_language import documents_language

        codes = list(LANGUAGES)
        now = self.language or documents_language(open_case(self))
        self.language = codes[(codes.index(now) + 1) % len(codes)]
        host(self).kept_for_case.remember_language(open_case(self), self.document, self.language)
        self.action_draft()

    def _export(self) -> bool:
        """The letter, then its copy to read beside it."""
        from tui.core.takedowns.letter_files import copy_destination, export_letter

        if not super()._export():
            return False
        if self.copy is None:
            return True
        try:
            destination = Path(self.query_one("#dest", Input).value.strip()).expanduser()
            target = copy_destination(destination)
            export_letter(open_case(self), self.copy, self.copy.text, target)
        except ReclaimError as error:
            self.notify(shown(str(error)), severity="error", markup=False)
            return False
        self.notify(
            _(COPY_SAVED).format(path=shown(str(target))),
            timeout=10,
            markup=False,
        )
        return True
