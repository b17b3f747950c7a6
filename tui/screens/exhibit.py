"""One exhibit: its details form, what is still missing, and a preview that stays
blurred until the person asks to see it.

Details are saved with Ctrl+S, and just before a lock. Escape on a changed form asks
Save / Keep editing / Discard (only Keep editing / Discard, with the reason, when what is
typed can't be saved, such as a date that reads two ways); an unchanged form just closes.
The form opens with the cursor after the description's words. Times guessed from
the file are marked until the person confirms or changes them. Names, details and the
facts read from the file are shown in their visible form (see `tui.core.shared.display`); a
field left as shown saves the stored value unchanged."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, Static

from tui.core.evidence.completeness import LABELS
from tui.core.evidence.model import Exhibit
from tui.core.shared.display import shown, shown_block
from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import N_, _
from tui.screens.case import case_is_open, open_case
from tui.screens.exhibit_facts import WordsReadHere, facts_text, guess_label, reading_hint
from tui.screens.exhibit_form import FORM, LONG_FIELDS, shown_value, stored_details, visible_value
from tui.widgets.fields import StoredInput, StoredTextArea
from tui.widgets.preview import Preview

if TYPE_CHECKING:
    from PIL import Image

    from tui.core.vault.edits import EditConflict


class ExhibitScreen(WordsReadHere, Screen[None]):
    #: How this form is named if what was typed could not be saved at a lock.
    FORM_NAME = N_("an exhibit's details")
    CSS_PATH = "exhibit.tcss"
    BINDINGS = [
        Binding(
            "escape",
            "leave",
            N_("Back"),
            tooltip=N_("Go back (asks first if you changed anything)"),
        ),
        Binding("ctrl+s", "save", N_("Save"), priority=True),
        Binding("ctrl+r", "reveal", N_("Show/blur"), priority=True),
        Binding("ctrl+k", "confirm", N_("Confirm guess"), priority=True),
        Binding("ctrl+g", "provenance", N_("Where from"), priority=True),
        Binding(
            "ctrl+o",
            "history",
            N_("History"),
            priority=True,
            tooltip=N_("What changed, from what to what; put an old value back"),
        ),
        Binding("ctrl+f", "inner", N_("Files inside"), priority=True),
    ]

    def __init__(self, exhibit_id: str) -> None:
        super().__init__()
        self.exhibit_id = exhibit_id
        self.exhibit: Exhibit | None = None
        #: The form's values as last read or saved: Escape asks only when they changed,
        #: and a save sends only the fields that differ from them.
        self._saved: dict[str, str | None] = {}
        #: The stored details as this window last read them (see `tui.core.vault.edits`):
        #: a field changed elsewhere since is not overwritten without asking.
        self._base: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        from tui.core.evidence.model import get_exhibit

        exhibit = self.exhibit = get_exhibit(open_case(self), self.exhibit_id)
        self._base = stored_details(exhibit)
        yield Static(f"{exhibit.id} · {shown(exhibit.original_name)}", id="heading", markup=False)
        yield Static(reading_hint(exhibit), id="hint", markup=False)
        with Horizontal():
            with VerticalScroll(id="form"):
                for name, label, placeholder in FORM:
                    yield Label(self._label(name, label), id=f"label-{name}")
                    if name in LONG_FIELDS:
                        area = StoredTextArea(
                            getattr(exhibit, name), id=name, soft_wrap=True, tab_behavior="focus"
                        )
                        area.placeholder = _(placeholder)
                        yield area
                    else:
                        yield StoredInput(
                            shown_value(exhibit, name), placeholder=_(placeholder), id=name
                        )
            with Vertical(id="side"):
                yield Preview(None, _("Loading the preview…"), id="preview")
                yield Static(facts_text(open_case(self), exhibit), id="facts", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.run_worker(self._load_preview, thread=True, exit_on_error=False)
        self._saved = self._values()
        self.query_one("#description", StoredInput).focus()

    def _label(self, name: str, label: str) -> str:
        assert self.exhibit is not None
        source = self.exhibit.guesses.get(name)
        if source:
            return guess_label(_(label), source)
        return _(label)

    # ---- preview ----------------------------------------------------------------

    def _load_preview(self) -> None:
        """In a thread: decrypt into memory and shrink; nothing is written to disk."""
        from tui.core.evidence.export import read_original
        from tui.core.evidence.preview import load_image

        assert self.exhibit is not None
        exhibit = self.exhibit
        try:
            image = load_image(read_original(open_case(self), exhibit), exhibit.original_name)
        except (ReclaimError, OSError, AssertionError) as error:
            self.app.call_from_thread(self._show_preview, None, shown_block(str(error)))
            return
        from tui.core.evidence.formats.base import a_kind

        kind = str(exhibit.facts.get("kind") or "")
        why = (  # the problem itself is already in the details, said once
            _("There is no picture to show: see Problem in the details.")
            if exhibit.facts.get("problem")
            else _("There is no picture to show for {a_kind}.").format(a_kind=a_kind(kind))
            if kind
            else _("There is no picture to show for a file of this kind.")
        )
        self.app.call_from_thread(self._show_preview, image, shown_block(why))

    def _show_preview(self, image: Image.Image | None, why_none: str) -> None:
        if not self.is_attached:
            return
        preview = self.query_one(Preview)
        preview.image, preview.why_none = image, why_none
        preview.refresh()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "confirm":
            return bool(self.exhibit and self.exhibit.guesses)
        return True

    def action_reveal(self) -> None:
        preview = self.query_one(Preview)
        if preview.image is not None:
            preview.revealed = not preview.revealed

    def on_screen_suspend(self) -> None:
        """Whatever covers this screen (a dialog, the lock), the picture is blurred again."""
        for preview in self.query(Preview):
            preview.revealed = False

    # ---- saving -----------------------------------------------------------------

    def _values(self) -> dict[str, str | None]:
        values: dict[str, str | None] = {}
        for name, _unused, _unused in FORM:
            widget = self.query_one(f"#{name}")
            assert isinstance(widget, StoredInput | StoredTextArea)
            values[name] = widget.kept
        return values

    def _touched(self) -> dict[str, str | None]:
        """The fields this window changed since it last read or saved them."""
        return {k: v for k, v in self._values().items() if v != self._saved.get(k)}

    def _write(self, mine: dict[str, str | None], confirm: tuple[str, ...] = ()) -> None:
        """Save `mine` over what this window read; raises `EditConflict` (saving
        nothing) when a field in it changed elsewhere too. Afterwards the form shows
        what the case holds, keeping only what is typed and not yet saved."""
        from tui.core.evidence.changes import update_details

        assert self.exhibit is not None
        self.exhibit = update_details(
            open_case(self), self.exhibit.id, mine, confirm=confirm, base=self._base
        )
        self.show_saved(set(mine))

    def show_saved(self, saved: Collection[str] = ()) -> None:
        """Show the exhibit as the case now holds it: fields changed elsewhere (or put
        back from the history) appear, except those typed here and not yet saved, which
        keep what this window read before (so a later save still notices a conflict)."""
        assert self.exhibit is not None
        values = self._values()
        typed = {k for k, v in values.items() if v != self._saved.get(k) and k not in saved}
        for name, _unused, _unused in FORM:
            value = getattr(self.exhibit, name)
            if name in typed or name in saved or value == self._base.get(name):
                continue
            widget = self.query_one(f"#{name}")
            if isinstance(widget, StoredTextArea):
                widget.show(value)
            elif isinstance(widget, StoredInput):
                widget.show(shown_value(self.exhibit, name))
        stored = stored_details(self.exhibit)
        self._base = {k: self._base[k] if k in typed else v for k, v in stored.items()}
        self._saved = {k: self._saved[k] if k in typed else v for k, v in self._values().items()}
        self.query_one("#hint", Static).update(reading_hint(self.exhibit))
        for name, label, _unused in FORM:
            self.query_one(f"#label-{name}", Label).update(self._label(name, label))
        self.refresh_bindings()

    def save_now(self, confirm: tuple[str, ...] = ()) -> bool:
        """Save what was changed here, asking nothing (before a lock): a field also
        changed elsewhere is left as the other window saved it, and False says that
        not everything typed was saved. False (with a plain sentence) on any problem."""
        from tui.core.vault.edits import EditConflict

        if not case_is_open(self) or self.exhibit is None:
            return True
        mine = self._touched()
        try:
            try:
                self._write(mine, confirm)
            except EditConflict as conflict:
                for item in conflict.conflicts:
                    mine.pop(item.field, None)
                self._write(mine, confirm)
                return False
        except ReclaimError as error:
            self.notify(shown(str(error)), severity="error", markup=False)
            return False
        return True

    def _save(self, done: Callable[[], object], confirm: tuple[str, ...] = ()) -> bool:
        """Save what was changed here; True when saved at once (and `done` was called).
        A field changed elsewhere too opens the question that shows both values; once
        the person chooses, it is saved and `done` is called then."""
        from tui.core.vault.edits import EditConflict

        if not case_is_open(self) or self.exhibit is None:
            return False
        mine = self._touched()
        try:
            self._write(mine, confirm)
        except EditConflict as conflict:
            self._ask(conflict, mine, done, confirm)
            return False
        except ReclaimError as error:
            self.notify(shown(str(error)), severity="error", markup=False)
            return False
        done()
        return True

    def _ask(
        self,
        conflict: EditConflict,
        mine: dict[str, str | None],
        done: Callable[[], object],
        confirm: tuple[str, ...],
    ) -> None:
        from tui.core.vault.edits import resolved
        from tui.screens.conflicts import ask_which

        assert self.exhibit is not None

        def answered(keep_mine: set[str] | None) -> None:
            if keep_mine is None or not case_is_open(self) or self.exhibit is None:
                self.notify(_("Nothing was saved; your words are still in the form."))
                return
            base, _unused = resolved(self._base, mine, conflict.conflicts, keep_mine)
            # A field left to the other window shows its value and is no longer typed.
            for item in conflict.conflicts:
                if item.field not in keep_mine:
                    widget = self.query_one(f"#{item.field}")
                    if isinstance(widget, StoredTextArea):
                        widget.show(str(item.theirs or ""))
                    elif isinstance(widget, StoredInput):
                        widget.show(visible_value(item.field, item.theirs))
                    self._saved[item.field] = self._values()[item.field]
            self._base = base
            self._save(done, confirm)

        labels = {name: label for name, label, _unused in FORM}
        ask_which(self, self.exhibit.id, conflict, labels, answered, visible_value)

    def action_save(self) -> None:
        self._save(lambda: self.notify(_("Saved.")))

    def action_history(self) -> None:
        from tui.screens.exhibit_history import ExhibitHistoryScreen

        assert self.exhibit is not None

        def back(changed: bool | None) -> None:
            from tui.core.evidence.model import get_exhibit

            if changed and case_is_open(self) and self.exhibit is not None:
                self.exhibit = get_exhibit(open_case(self), self.exhibit.id)
                self.show_saved()

        self.app.push_screen(ExhibitHistoryScreen(self.exhibit.id), back)

    def action_inner(self) -> None:
        from tui.screens.exhibit_inner import take_inner_files

        assert self.exhibit is not None
        take_inner_files(self, self.exhibit.id)

    def action_provenance(self) -> None:
        from tui.screens.provenance_edit import edit_provenance

        edit_provenance(self)

    def action_confirm(self) -> None:
        """Confirm the guesses; one read from the file's own time only on its own, after
        a question that shows it (that time is often when the file was copied)."""
        from tui.core.evidence.guesses import confirmable

        assert self.exhibit is not None
        together, alone = confirmable(self.exhibit.guesses)
        if not together and not alone:
            self.notify(_("Nothing here is a guess."))
            return
        if together:

            def confirmed() -> None:
                names = ", ".join(_(LABELS.get(name, name)) for name in together)
                said = _("Confirmed: {names}.").format(names=names)
                if alone:
                    label = _(LABELS.get(alone[0], alone[0]))
                    said += " " + _(
                        "{field} came from the time the file was last changed: check it, "
                        "then Ctrl+K confirms it on its own."
                    ).format(field=label.capitalize())
                self.notify(said, markup=False)

            self._save(confirmed, confirm=tuple(together))
            return
        self._confirm_alone(alone[0])

    def _confirm_alone(self, name: str) -> None:
        from tui.dialogs.choice import ChoiceDialog

        label = _(LABELS.get(name, name))
        value = self.query_one(f"#{name}", StoredInput).value
        explain = _(
            "{time} is the time the file was last changed. That is often when it was copied, "
            "downloaded or sent, not when it was captured. Confirm it only if you know it is "
            "right; otherwise type the time you remember, or leave it as a guess (the binder "
            "marks it as estimated)."
        ).format(time=shown(value))

        def answered(answer: str | None) -> None:
            if answer == "confirm":
                self._save(
                    lambda: self.notify(
                        _("Confirmed: {label}.").format(label=label), markup=False
                    ),
                    (name,),
                )

        self.app.push_screen(
            ChoiceDialog(
                _("Confirm {label}?").format(label=label),
                explain,
                [("keep", _("Leave it as a guess")), ("confirm", _("Confirm this time"))],
            ),
            answered,
        )

    def changed(self) -> bool:
        """True when the form holds something other than what was last read or saved."""
        return bool(self._saved) and self._values() != self._saved

    def _problem(self) -> tuple[str, str] | None:
        """The first field that can't be saved as it is, and why; None when all can."""
        from tui.core.evidence.model import clean_details

        for name, value in self._values().items():
            try:
                clean_details({name: value})
            except ReclaimError as error:
                return name, str(error)
        return None

    def action_leave(self) -> None:
        """Go back: at once when nothing changed; else ask Save / Keep editing / Discard,
        or only Keep editing / Discard when the form can't be saved as it is."""
        from tui.dialogs.unsaved import unsaved_changes

        if not case_is_open(self) or not self.changed():
            self.dismiss(None)
            return
        assert self.exhibit is not None
        problem = self._problem()
        was = self.focused
        after = _("Discard leaves {id} as it was last saved.").format(id=self.exhibit.id)
        why = None if problem is None else shown(problem[1])

        def answered(answer: str | None) -> None:
            if answer == "discard":
                self.dismiss(None)
                return
            if answer == "save" and self._save(lambda: self.dismiss(None)):
                return
            field = was if problem is None else self.query_one(f"#{problem[0]}")
            if isinstance(field, StoredInput):
                field.focus()
                # The cursor after what was typed, nothing selected.
                field.call_after_refresh(
                    lambda: setattr(field, "cursor_position", len(field.value))
                )
            elif field is not None:
                field.focus()

        self.app.push_screen(unsaved_changes(self.exhibit.id, why, after), answered)
