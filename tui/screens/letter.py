"""Drafting a letter: the facts it needs (kept in the case once given), the draft in an
editor to change freely, and saving it as text, DOCX or PDF.

Nothing is drafted while a fact is missing; the screen says which, and Ctrl+D drafts
again once they are filled in. Escape leaves at once when no fact was changed; else it
asks Save / Keep editing / Discard (the words of the exhibit and event forms), never
keeping the facts silently; a drafted letter whose words were changed and not saved as a
file is asked about too (Save then saves it where the form says), and Ctrl+D never drafts
over changed words unasked. The form opens with the cursor at the end of its field."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import asdict
from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Checkbox, Footer, Input, Label, Static

from tui.core.shared.display import shown
from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import N_, _
from tui.core.takedowns.letters import Letter
from tui.screens.case import case_is_open, open_case, save_folders
from tui.widgets.fields import StoredInput, StoredTextArea
from tui.widgets.tick import TickBox

#: A fact this screen has no field for, asked for with where it is given in the app.
ASKED_HERE = {"events": N_("at least one event in your written account (step 6)")}

SCREEN_NOTICE = N_("A draft, not legal advice: check every line before you send it.")
SAFETY_FIRST = N_(
    "If they have threatened violence, go to the police first and don't send this yourself."
)
TITLES = {
    "takedown": N_("Takedown request"),
    "copyright": N_("Copyright notice"),
    "cease-desist": N_("Cease-and-desist letter"),
}
#: (fact, label) for the text fields each letter asks for.
FIELDS = {
    "takedown": [
        ("name", N_("Your full name")),
        ("contact", N_("How to reach you (email or postal address)")),
        ("signature", N_("Your signature: your full name, typed")),
        ("acting_for", N_("If you write for someone else: their name (else leave empty)")),
    ],
    "cease-desist": [
        ("name", N_("Your full name")),
        ("contact", N_("How to reach you (email or postal address)")),
        ("signature", N_("Your signature: your full name, typed")),
        ("acting_for", N_("If you write for someone else: their name (else leave empty)")),
        ("recipient", N_("The person it is to: their name")),
        ("recipient_contact", N_("Their address or account (optional)")),
        ("respond_by", N_("By when must they do it (a date, e.g. 2026-12-15)")),
    ],
}
FIELDS["copyright"] = FIELDS["takedown"][:3]
#: What a copyright notice's form keeps in its request rather than in the facts.
REQUEST_FIELDS = ("self_taken", "work")
#: The facts without a text field of their own, as a conflict names them.
LABELS = {
    "no_consent": N_("Shared without consent"),
    "demands": N_("What they must do"),
    "self_taken": N_("I took these pictures myself"),
    "work": N_("Your original"),
}


def visible_value(name: str, value: object) -> str:
    """A stored value as the person reads it, for the question about a conflict."""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return str(value or "")


class LetterScreen(Screen[None]):
    #: How this form is named if what was typed could not be saved at a lock.
    FORM_NAME = N_("the letter")
    DEFAULT_CSS = """
    LetterScreen #heading { padding: 0 1; text-style: bold; color: $primary;
                            background: $boost; width: 100%; }
    LetterScreen #notice { padding: 0 1; color: $warning; height: auto; }
    LetterScreen #missing { padding: 0 1; color: $warning; height: auto; }
    LetterScreen VerticalScroll { padding: 0 1; }
    LetterScreen Label { margin-top: 1; color: $text-muted; }
    LetterScreen VerticalScroll > Label:first-child { margin-top: 0; }
    LetterScreen Input { height: 1; border: none; background: $boost; padding: 0 1; }
    LetterScreen Input:focus { background: $primary 30%; border: none; }
    LetterScreen TextArea { height: 4; border: none; background: $boost; }
    LetterScreen TextArea:focus { background: $primary 30%; border: none; }
    LetterScreen #letter { height: 16; }
    """
    BINDINGS = [
        Binding(
            "escape",
            "leave",
            N_("Back"),
            tooltip=N_("Go back (asks first if you changed anything)"),
        ),
        Binding("ctrl+d", "draft", N_("Draft"), priority=True),
        Binding("ctrl+s", "export", N_("Save as file"), priority=True),
    ]

    def __init__(self, kind: str, request_id: str = "") -> None:
        super().__init__()
        self.kind = kind
        self.request_id = request_id
        self.letter: Letter | None = None
        #: The letter's words as last drafted or saved as a file: changed words are asked
        #: about before the form is left.
        self._letter_kept = ""
        #: The form as last read or saved: a save sends only what differs from it.
        self._loaded: dict[str, object] = {}
        #: The facts (and, for a copyright notice, the request) as this window last read
        #: them (see `tui.core.vault.edits`): what changed elsewhere since is not
        #: overwritten without asking.
        self._base: dict[str, Any] = {}
        self._request_base: dict[str, Any] = {}
        self.language = ""  # the letter's language ('' the case's documents'): F3

    def compose(self) -> ComposeResult:
        from tui.core.takedowns.letters import get_facts
        from tui.core.takedowns.requests import get_request

        vault = open_case(self)
        facts = get_facts(vault)
        self._base = asdict(facts)
        heading = _(TITLES[self.kind])
        if self.request_id:
            heading = _("{letter} for {request}").format(letter=heading, request=self.request_id)
        yield Static(heading, id="heading", markup=False)
        notice = _(SCREEN_NOTICE)
        if self.kind == "cease-desist":
            notice = f"{notice} {_(SAFETY_FIRST)}"
        yield Static(notice, id="notice", markup=False)
        yield Static("", id="missing", markup=False)
        # The form scrolls, but is no stop of its own: it opens in its first field.
        with VerticalScroll(can_focus=False):
            for key, label in FIELDS[self.kind]:
                yield Label(_(label))
                yield StoredInput(str(getattr(facts, key)), id=key)
            if self.kind != "copyright":
                yield TickBox(
                    _("I confirm the images were shared without consent"),
                    facts.no_consent,
                    id="no_consent",
                    compact=True,
                )
            if self.kind == "copyright":
                request = get_request(vault, self.request_id)
                self._request_base = asdict(request)
                yield TickBox(
                    _("I took these pictures myself"), request.self_taken, id="self_taken",
                    compact=True,
                )  # fmt: skip
                yield Label(_("Your original: a short description (e.g. a selfie, June 2023)"))
                yield StoredInput(request.work, id="work")
            if self.kind == "cease-desist":
                yield Label(_("What they must do: one thing per line"))
                yield StoredTextArea("\n".join(facts.demands), id="demands")
            yield Label(_("The letter: change anything before saving (Ctrl+D drafts it again)"))
            yield StoredTextArea("", id="letter", soft_wrap=True)
            yield Label(_("Save as (.docx, .pdf or .txt; the file is not encrypted)"))
            target = self._default_destination()
            yield Input(
                str(target) if target else "",
                placeholder=""
                if target
                else _("where to save it: your own drive, e.g. /media/usb"),
                id="dest",
                select_on_focus=False,  # Tab puts the cursor after the path, nothing selected
            )
        yield Footer()

    def _default_destination(self) -> Path | None:
        about = f"-{self.request_id}" if self.request_id else ""
        return save_folders(self).default_target(f"{self.kind}{about}", ".docx")

    def on_mount(self) -> None:
        self._loaded = self._form()
        self._draft(quiet=True)
        self.call_after_refresh(self._cursor_at_end)

    def _cursor_at_end(self) -> None:
        from tui.dialogs.unsaved import cursor_at_end

        if self.focused is not None:
            cursor_at_end(self.focused)

    # ---- facts and drafting -----------------------------------------------------

    def _form(self) -> dict[str, object]:
        """The facts (and the request's fields) as the form holds them."""
        typed: dict[str, object] = {
            key: self.query_one(f"#{key}", StoredInput).kept for key, _unused in FIELDS[self.kind]
        }
        if self.kind != "copyright":
            typed["no_consent"] = self.query_one("#no_consent", Checkbox).value
        if self.kind == "cease-desist":
            typed["demands"] = self.query_one("#demands", StoredTextArea).kept.splitlines()
        if self.kind == "copyright":
            typed["self_taken"] = self.query_one("#self_taken", Checkbox).value
            typed["work"] = self.query_one("#work", StoredInput).kept
        return typed

    def _show(self, name: str, value: Any) -> None:
        """Put a stored value into its field (the other window's, kept by the person)."""
        if name in ("no_consent", "self_taken"):
            self.query_one(f"#{name}", Checkbox).value = bool(value)
        elif name == "demands":
            self.query_one("#demands", StoredTextArea).show("\n".join(value or []))
        else:
            self.query_one(f"#{name}", StoredInput).show(str(value or ""))

    def _write(self, drop: Collection[str] = ()) -> None:
        """Save the fields changed here over what this window read (`drop`: fields not
        to save); raises `EditConflict` (saving nothing more) when one of them changed
        elsewhere too."""
        from tui.core.takedowns.letters import change_facts
        from tui.core.takedowns.requests import update_request

        vault = open_case(self)
        form = self._form()
        changed = {k: v for k, v in form.items() if v != self._loaded.get(k) and k not in drop}
        of_request: dict[str, Any] = {k: changed.pop(k) for k in REQUEST_FIELDS if k in changed}
        if changed:
            read = self._base
            stored = asdict(change_facts(vault, changed, base=read))
            self._loaded.update(changed)
            typed = {k for k, v in form.items() if v != self._loaded.get(k)}
            for name in set(form) & set(stored) - typed:  # changed elsewhere only: shown
                if stored[name] != read.get(name) and name not in changed:
                    self._show(name, stored[name])
                    self._loaded[name] = self._form()[name]
            self._base = {k: read.get(k) if k in typed else v for k, v in stored.items()}
        if of_request:
            request = update_request(vault, self.request_id, base=self._request_base, **of_request)
            self._request_base = asdict(request)
            self._loaded.update(of_request)

    def save_now(self) -> bool:
        """Keep what was typed in the fact fields, asking nothing (before a lock): a fact
        also changed elsewhere is left as saved there, and False says not all was kept.
        False with the sentence when it can't be saved."""
        from tui.core.vault.edits import EditConflict

        if not case_is_open(self):
            return True
        try:
            try:
                self._write()
            except EditConflict as conflict:
                self._write(drop={item.field for item in conflict.conflicts})
                return False
        except ReclaimError as error:
            self.notify(shown(str(error)), severity="error", markup=False)
            return False
        return True

    def _save_asking(self, done: Callable[[], object]) -> None:
        """Keep what was typed; a fact also changed elsewhere opens the question that
        shows both values, and once the person chooses it is kept; then `done`."""
        from tui.core.vault.edits import EditConflict
        from tui.screens.conflicts import ask_which

        if not case_is_open(self):
            return
        try:
            self._write()
        except EditConflict as conflict:
            found = conflict.conflicts

            def answered(keep_mine: set[str] | None) -> None:
                if keep_mine is None or not case_is_open(self):
                    self.notify(_("Nothing was saved; what you typed is still in the form."))
                    return
                for item in found:
                    if item.field in REQUEST_FIELDS:
                        self._request_base[item.field] = item.theirs
                    else:
                        self._base[item.field] = item.theirs
                    if item.field not in keep_mine:  # the other window's value, shown
                        self._show(item.field, item.theirs)
                        self._loaded[item.field] = self._form().get(item.field)
                self._save_asking(done)

            labels = {key: label for key, label in FIELDS[self.kind]}
            labels.update(LABELS)
            ask_which(self, _("the letter's facts"), conflict, labels, answered, visible_value)
            return
        except ReclaimError as error:
            self.notify(shown(str(error)), severity="error", markup=False)
            return
        done()

    def _draft(self, quiet: bool = False) -> None:
        from tui.core.takedowns.letter_needs import MissingFacts
        from tui.core.takedowns.letters import draft

        missing = self.query_one("#missing", Static)
        try:
            self.letter = draft(open_case(self), self.kind, self.request_id, self.language)
        except MissingFacts as error:
            needs = "; ".join(_(ASKED_HERE.get(need.key, need.question)) for need in error.needs)
            missing.update(
                _(
                    "To draft it, fill in: {needs}. Then Ctrl+D. What you give is kept for "
                    "the next letter."
                ).format(needs=needs)
            )
            ids = [need.key for need in error.needs]
            for key in ids:
                for widget in self.query(f"#{key}"):
                    widget.focus()
                    return
            return
        except ReclaimError as error:
            missing.update(shown(str(error)))
            return
        missing.update("")
        editor = self.query_one("#letter", StoredTextArea)
        editor.show(self.letter.text)  # it quotes names and addresses as they were given
        self._letter_kept = editor.kept
        if not quiet:
            editor.focus()
            editor.scroll_visible()
            self.notify(_("Drafted. Read it through and change what is not right."))

    def action_draft(self) -> None:
        """Keep the facts and draft again; a letter whose words were changed (and not
        saved as a file) is not replaced without asking."""
        from tui.dialogs.choice import ChoiceDialog

        if not self._letter_changed():
            self._save_asking(self._draft)
            return

        def answered(answer: str | None) -> None:
            if answer == "draft":
                self._save_asking(self._draft)

        question = ChoiceDialog(
            _("Draft the letter again?"),
            _(
                "A new draft replaces your changes to the letter. To keep them, save it as a "
                "file first (Ctrl+S)."
            ),
            [("keep", _("Keep my changes")), ("draft", _("Draft again"))],
        )
        self.app.push_screen(question, answered)

    def action_export(self) -> None:
        self._export()

    def _export(self) -> bool:
        """Save the letter as a file where the form says; False (said) when it can't be."""
        from tui.core.shared.unwritable import not_written
        from tui.core.takedowns.letter_files import export_letter

        if self.letter is None:
            self.notify(_("Draft the letter first (Ctrl+D)."), severity="warning")
            return False
        text = self.query_one("#letter", StoredTextArea).kept
        try:
            destination = Path(self.query_one("#dest", Input).value.strip()).expanduser()
            target = export_letter(open_case(self), self.letter, text, destination)
        except ReclaimError as error:
            self.notify(shown(str(error)), severity="error", markup=False)
            return False
        except (OSError, ValueError, RuntimeError) as error:  # a name too long, a folder…
            self.notify(not_written(error, _("saving the letter")), severity="error")
            return False
        save_folders(self).remember(target)
        self._letter_kept = text
        self.notify(
            _("Saved to {shown}. It is not encrypted there: keep it safe.").format(
                shown=shown(str(target))
            ),
            timeout=10,
            markup=False,
        )
        return True

    def changed(self) -> bool:
        return self._form() != self._loaded or self._letter_changed()

    def _letter_changed(self) -> bool:
        """Whether the drafted letter's words were changed and not saved as a file."""
        return (
            self.letter is not None
            and self.query_one("#letter", StoredTextArea).kept != self._letter_kept
        )

    def _save_all(self, done: Callable[[], object]) -> None:
        """Keep the facts; then, if the letter's words were changed, save it as a file
        (staying in the form, its words kept, when it can't be); then `done`."""

        def facts_kept() -> None:
            if not self._letter_changed() or self._export():
                done()

        self._save_asking(facts_kept)

    def action_leave(self) -> None:
        """Go back: at once when no fact and no word of the drafted letter changed; else
        ask Save / Keep editing / Discard."""
        from tui.dialogs.unsaved import ask_to_leave

        if not case_is_open(self) or not self.changed():
            self.dismiss()
            return
        if self._letter_changed():
            what = _("the letter")
            after = _(
                "Save also saves the letter as a file where the form says. Discard leaves "
                "the letter unsaved and the facts as they were last saved."
            )
        else:
            what, after = (
                _("the letter's facts"),
                _("Discard leaves the facts as they were last saved."),
            )
        ask_to_leave(self, what, after, save=self._save_all, leave=self.dismiss)
