"""A declaration the person can sign (opened from the binder step): asks for what the
draft needs (their full name, and the address, occupation or age the kind prints) rather
than leaving a blank, keeps those in the case, and saves the draft on its own as .pdf,
.docx or .txt through the core's writers. Signing and witnessing are left to the person.

It is written in the documents' language (the binder's, F3 changes it) where its form may
be signed in that language; where the law sets its words in another (a US, UK or
Australian form), the one to sign stays in that language and a copy to read is saved
beside it (declaration.copy-to-read.pdf), as one plain sentence on the screen says.

Returns True when the facts were kept (the binder can then include the declaration)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Static

from tui.core.binder.documents_language import KEY, KEY_HELP, KEY_LABEL
from tui.core.declarations.drafting import NEEDS, get_facts_for, save_facts
from tui.core.declarations.kinds import KINDS
from tui.core.shared.display import shown
from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import N_, _
from tui.core.shared.unwritable import not_written
from tui.dialogs.unsaved import cursor_at_end
from tui.screens.case import case_is_open, open_case, save_as_field, save_folders


def asked_fields(kind_code: str) -> tuple[str, ...]:
    """The person's facts this kind of declaration prints."""
    return ("name", *KINDS[kind_code].needs)


def what_else(needs: list[str]) -> str:
    """One sentence for what the draft needs beyond the person's own facts ('' if none):
    each exhibit not yet said where it came from."""
    exhibits = [key.split(":", 1)[1] for key in needs if key.startswith("provenance:")]
    if exhibits:
        return _(
            "Say who captured {join} and how first: open each on the Evidence step and press "
            "Ctrl+G."
        ).format(join=", ".join(exhibits))
    if "exhibits" in needs:
        return _("Add at least one exhibit first: a declaration lists the evidence it produces.")
    return ""


class DeclarationScreen(Screen[bool]):
    #: How this form is named if what was typed could not be saved at a lock.
    FORM_NAME = N_("your details for the declaration")
    DEFAULT_CSS = """
    DeclarationScreen #heading { padding: 0 1; text-style: bold; color: $primary;
                                 background: $boost; width: 100%; }
    DeclarationScreen #explain { padding: 0 1; color: $text-muted; height: auto; }
    DeclarationScreen #written { padding: 0 1; color: $text-muted; height: auto; }
    DeclarationScreen VerticalScroll { padding: 0 1; }
    DeclarationScreen Label { margin-top: 1; color: $text-muted; }
    DeclarationScreen Input { height: 1; border: none; background: $boost; padding: 0 1; }
    DeclarationScreen Input:focus { background: $primary 30%; border: none; }
    """
    BINDINGS = [
        Binding("ctrl+s", "keep", N_("Keep for the binder"), priority=True),
        Binding("ctrl+e", "export", N_("Save as a file"), priority=True),
        Binding("escape", "leave", N_("Back")),
        Binding(KEY, "language", KEY_LABEL, tooltip=KEY_HELP),
    ]

    def __init__(self, kind_code: str, why: str = "", language: str = "") -> None:
        super().__init__()
        self.kind = KINDS[kind_code]
        self.why = why
        #: The language of who reads it ('' for the case's documents' language).
        self.language = language
        self._saved: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        facts = get_facts_for(open_case(self))
        yield Static(_(self.kind.title), id="heading", markup=False)
        explain = self.why or (
            _(
                "A draft for you to check with a lawyer, then sign. {witness} What you type "
                "here is kept in the case."
            ).format(witness=_(self.kind.witness))
        )
        yield Static(explain, id="explain", markup=False)
        yield Static(self._written(), id="written", markup=False)
        with VerticalScroll():
            for name in asked_fields(self.kind.code):
                yield Label(_(NEEDS[name].question).capitalize())
                # Focus never selects a detail: the next key goes on after it, never over it.
                yield Input(getattr(facts, name), id=f"decl-{name}", select_on_focus=False)
            yield Label(_("Save it on its own as (.pdf, .docx or .txt)"))
            value, placeholder = save_as_field(self, "declaration", ".pdf")
            yield Input(value, placeholder=placeholder, id="decl-dest", select_on_focus=False)
        yield Footer()

    def _written(self) -> str:
        """Which language it is written in, and, where its law sets another, that the copy
        in the readers' language is only to read (one sentence, and the F3 hint)."""
        from tui.core.binder.documents_language import CHANGE_HINT, language_name
        from tui.core.declarations.drafting import languages

        signed, copy = languages(open_case(self), self.kind.code, self.language)
        name = language_name(signed)
        if copy:
            written = _(
                "The declaration to sign is in {signed}, a language its law accepts; a "
                "copy in {language} is saved beside it, only for reading, never for signing"
            ).format(signed=name, language=language_name(copy))
        else:
            written = _("Written in {language}").format(language=name)
        return _(CHANGE_HINT).format(written=written)

    def action_language(self) -> None:
        """Write it for readers of the next language Reclaim speaks."""
        from tui.core.binder.documents_language import documents_language
        from tui.core.shared.i18n import LANGUAGES

        codes = list(LANGUAGES)
        now = self.language or documents_language(open_case(self))
        self.language = codes[(codes.index(now) + 1) % len(codes)]
        self.query_one("#written", Static).update(self._written())

    def on_mount(self) -> None:
        self._saved = self._values()
        first = next(
            (f for f in self.query(Input) if not f.value and f.id != "decl-dest"),
            self.query_one(f"#decl-{asked_fields(self.kind.code)[0]}", Input),
        )
        first.focus()
        self.call_after_refresh(cursor_at_end, first)

    def _values(self) -> dict[str, str]:
        return {
            name: self.query_one(f"#decl-{name}", Input).value.strip()
            for name in asked_fields(self.kind.code)
        }

    def _keep(self) -> bool:
        """Keep the facts typed here; False (said in a sentence) when they can't be."""
        if not case_is_open(self):
            return False
        values = self._values()
        empty = [_(NEEDS[name].question) for name, value in values.items() if not value]
        if empty:
            self.notify(
                _("The declaration still needs {empty}.").format(empty=empty[0]),
                severity="warning",
            )
            return False
        try:
            save_facts(open_case(self), **self._changed(values))
        except ReclaimError as error:
            self.notify(shown(str(error)), severity="warning", markup=False)
            return False
        self._saved = values
        return True

    def _changed(self, values: dict[str, str]) -> dict[str, str]:
        """Only what was changed here: a detail another window kept meanwhile is never
        written back over with what this one read."""
        return {name: value for name, value in values.items() if value != self._saved.get(name)}

    def save_now(self) -> bool:
        """Before a lock: keep what was typed (False when it can't be kept as it is)."""
        if not case_is_open(self) or self._values() == self._saved:
            return True
        values = {name: value for name, value in self._values().items() if value}
        try:
            save_facts(open_case(self), **self._changed(values))
        except ReclaimError:
            return False
        return len(values) == len(self._values())

    def action_keep(self) -> None:
        if self._keep():
            self.dismiss(True)

    def action_export(self) -> None:
        from tui.core.declarations.drafting import copy_to_read, draft
        from tui.core.declarations.files import export_declaration
        from tui.core.takedowns.letter_files import copy_destination
        from tui.core.takedowns.letter_needs import MissingFacts

        if not self._keep():
            return
        vault = open_case(self)
        try:
            destination = Path(self.query_one("#decl-dest", Input).value.strip()).expanduser()
            declaration = draft(vault, self.kind.code, self.language)
            copy = copy_to_read(vault, self.kind.code, self.language)
            path = export_declaration(vault, declaration, destination)
            if copy is not None:
                export_declaration(vault, copy, copy_destination(destination))
        except MissingFacts as missing:
            said = what_else([need.key for need in missing.needs]) or str(missing)
            self.notify(shown(said), severity="warning", markup=False, timeout=10)
            return
        except ReclaimError as error:
            self.notify(shown(str(error)), severity="warning", markup=False, timeout=10)
            return
        except (OSError, ValueError, RuntimeError) as error:
            self.notify(not_written(error, _("saving the declaration")), severity="error")
            return
        save_folders(self).remember(path)
        saved = _(
            "Saved the draft to {shown}. It is not encrypted. Have a lawyer check it "
            "before you sign it."
        ).format(shown=shown(str(path)))
        if copy is not None:
            saved += " " + _("The copy to read beside it is not signed.")
        self.notify(
            saved,
            markup=False,
            timeout=10,
        )

    def action_leave(self) -> None:
        from tui.dialogs.unsaved import ask_to_leave

        if not case_is_open(self) or self._values() == self._saved:
            self.dismiss(False)
            return

        def save(leave: Callable[[], object]) -> None:
            if self._keep():
                self.dismiss(True)

        ask_to_leave(
            self,
            _("your details for the declaration"),
            _("Discard leaves them as they were last kept."),
            save=save,
            leave=lambda: self.dismiss(False),
        )
