"""Where one exhibit came from, to read and change (opened from its screen with Ctrl+G).

Each changed field is saved on its own through `update_provenance`, over what this form
read: a field changed elsewhere since asks which value to keep (as the details form
does). A device or system read from the file is marked until the person confirms it
(Ctrl+K) or changes it. Escape on a changed form asks Save / Keep editing / Discard."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any, Protocol, runtime_checkable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Label, Static

from tui.core.evidence.model import Exhibit
from tui.core.evidence.provenance import FIELDS, LABELS, said
from tui.core.shared.display import shown
from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import N_, _
from tui.screens.case import case_is_open, open_case
from tui.screens.provenance_form import FORM_CSS, field_rows, read_fields, still_to_ask


@runtime_checkable
class ShowsExhibit(Protocol):
    """An exhibit's screen, as this form needs it (`tui.screens.exhibit.ExhibitScreen`)."""

    exhibit: Exhibit | None

    def show_saved(self, saved: Collection[str] = ()) -> None: ...


def _visible(name: str, value: object) -> str:
    return said(name, str(value or "")) or _("not said")


class ProvenanceScreen(ModalScreen[bool]):
    """Returns True when something was saved."""

    #: How this form is named if what was typed could not be saved at a lock.
    FORM_NAME = N_("where an exhibit came from")

    DEFAULT_CSS = (
        """
    ProvenanceScreen { align: center middle; }
    ProvenanceScreen > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 100%; padding: 0 1;
        border: round $accent; background: $surface;
    }
    ProvenanceScreen #question { text-style: bold; }
    ProvenanceScreen #explain { color: $text-muted; margin-bottom: 1; }
    """
        + FORM_CSS
        + "ProvenanceScreen .prov-row { margin-bottom: 0; }"  # eight rows fit in 24 lines
    )
    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), priority=True),
        Binding("ctrl+k", "confirm", N_("Confirm guess"), priority=True),
        Binding("escape", "leave", N_("Back")),
    ]

    def __init__(self, exhibit: Exhibit) -> None:
        super().__init__()
        self.exhibit = exhibit
        self._base = self._stored()
        self._saved: dict[str, str] = {}
        self.saved_any = False

    def _stored(self) -> dict[str, str]:
        return {name: self.exhibit.provenance.get(name, "") for name in FIELDS}

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                _("Where {id} came from").format(id=self.exhibit.id), id="question", markup=False
            )
            yield Static(self._explain(), id="explain", markup=False)
            yield from field_rows(FIELDS, self._base, self.exhibit.provenance_guesses)
        yield Footer(compact=True)

    def _explain(self) -> str:
        if self.exhibit.provenance_guesses:
            return _(
                "Fields marked (from file) were read from the file itself: check them, then "
                "Ctrl+K confirms them. Ctrl+S saves."
            )
        return _("Ctrl+S saves what you change; Escape goes back.")

    def on_mount(self) -> None:
        self._saved = read_fields(self, FIELDS)
        self.query_one("#prov-captured_by").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "confirm":
            return bool(self.exhibit.provenance_guesses)
        return True

    def _touched(self) -> dict[str, str]:
        return {k: v for k, v in read_fields(self, FIELDS).items() if v != self._saved.get(k)}

    def _show(self) -> None:
        """After a save: the labels and words say what the case holds now."""
        self._base = self._stored()
        self._saved = read_fields(self, FIELDS)
        for name in FIELDS:
            label = _(LABELS[name])
            if name in self.exhibit.provenance_guesses:
                label = _("{label} (from file)").format(label=label)
            self.query_one(f"#prov-label-{name}", Label).update(label)
        self.query_one("#explain", Static).update(self._explain())
        self.refresh_bindings()

    def _save(self, done: Callable[[], object], confirm: tuple[str, ...] = ()) -> bool:
        """Save the changed fields; True when saved at once (then `done` is called)."""
        from tui.core.evidence.provenance import update_provenance
        from tui.core.vault.edits import EditConflict

        if not case_is_open(self):
            return False
        mine = self._touched()
        if question := still_to_ask(read_fields(self, FIELDS)):
            self.notify(question, severity="warning", markup=False)
            return False
        try:
            self.exhibit = update_provenance(
                open_case(self), self.exhibit.id, mine, confirm=confirm, base=self._base
            )
        except EditConflict as conflict:
            self._ask(conflict, mine, done, confirm)
            return False
        except ReclaimError as error:
            self.notify(shown(str(error)), severity="error", markup=False)
            return False
        self.saved_any = self.saved_any or bool(mine or confirm)
        self._show()
        done()
        return True

    def _ask(
        self,
        conflict: object,
        mine: dict[str, str],
        done: Callable[[], object],
        confirm: tuple[str, ...],
    ) -> None:
        from textual.widgets import Input, Select

        from tui.core.vault.edits import EditConflict, resolved
        from tui.screens.conflicts import ask_which

        assert isinstance(conflict, EditConflict)

        def answered(keep_mine: set[str] | None) -> None:
            if keep_mine is None or not case_is_open(self):
                self.notify(_("Nothing was saved; your words are still in the form."))
                return
            base, _unused = resolved(self._base, mine, conflict.conflicts, keep_mine)
            for item in conflict.conflicts:
                if item.field not in keep_mine:  # the other window's value, shown
                    widget = self.query_one(f"#prov-{item.field}")
                    theirs = str(item.theirs or "")
                    if isinstance(widget, Input):
                        widget.value = theirs
                    elif isinstance(widget, Select):
                        widget.value = theirs or Select.NULL
                    self._saved[item.field] = theirs
            self._base = base
            self._save(done, confirm)

        ask_which(self, self.exhibit.id, conflict, LABELS, answered, _visible)

    def save_now(self) -> bool:
        """Before a lock: save what was changed, asking nothing; a field also changed
        elsewhere is left as saved there. False when not all of it could be saved."""
        from tui.core.evidence.provenance import update_provenance
        from tui.core.vault.edits import EditConflict

        mine = self._touched()
        if not case_is_open(self) or not mine:
            return True
        if still_to_ask(read_fields(self, FIELDS)):
            return False
        vault = open_case(self)
        try:
            update_provenance(vault, self.exhibit.id, mine, base=self._base)
        except EditConflict as conflict:
            for item in conflict.conflicts:
                mine.pop(item.field, None)
            update_provenance(vault, self.exhibit.id, mine, base=self._base)
            return False
        return True

    def action_save(self) -> None:
        self._save(lambda: self.notify(_("Saved.")))

    def action_confirm(self) -> None:
        guesses = tuple(self.exhibit.provenance_guesses)
        names = ", ".join(_(LABELS[name]).lower() for name in guesses)
        self._save(
            lambda: self.notify(_("Confirmed: {names}.").format(names=names), markup=False),
            guesses,
        )

    def action_leave(self) -> None:
        from tui.dialogs.unsaved import ask_to_leave

        if not case_is_open(self) or not self._touched():
            self.dismiss(self.saved_any)
            return
        problem = still_to_ask(read_fields(self, FIELDS)) or None
        ask_to_leave(
            self,
            _("where {id} came from").format(id=self.exhibit.id),
            _("Discard leaves where {id} came from as it was last saved.").format(
                id=self.exhibit.id
            ),
            save=lambda leave: self._save(leave),
            leave=lambda: self.dismiss(self.saved_any),
            problem=problem,
        )


def edit_provenance(screen: Screen[Any]) -> None:
    """Open the form from an exhibit's screen; once something is saved, that screen
    shows the exhibit as the case now holds it."""
    from tui.core.evidence.model import get_exhibit
    from tui.screens.exhibit_facts import facts_text

    assert isinstance(screen, ShowsExhibit)
    exhibit = screen.exhibit
    assert exhibit is not None

    def back(changed: bool | None) -> None:
        if changed and case_is_open(screen) and screen.exhibit is not None:
            screen.exhibit = get_exhibit(open_case(screen), exhibit.id)
            screen.query_one("#facts", Static).update(
                facts_text(open_case(screen), screen.exhibit)
            )
            screen.show_saved()

    screen.app.push_screen(ProvenanceScreen(exhibit), back)
