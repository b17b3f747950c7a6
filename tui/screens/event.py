"""One event of the timeline: a forgiving date field that says how it reads, the guide's
questions as prompts, and pickers for witnesses and evidence.

Saved with Ctrl+S and just before a lock. Escape always leaves: an unchanged form just
closes; a changed one asks Save / Keep editing / Discard, never saving silently; when the
form can't be saved as it is (a date Reclaim can't read, no title), the dialog says why and
offers to keep editing or to discard, never a refusal that traps the person in the form.
The form opens with the cursor after the date's words, nothing selected.
An event can't be saved without a date (`timeline.add_event` needs one), so no date is
ever made up for it."""

from __future__ import annotations

from dataclasses import asdict
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, SelectionList, Static

from tui.core.shared.display import shown
from tui.core.shared.errors import InputError, ReclaimError
from tui.core.shared.i18n import N_, _
from tui.core.timeline.events import PROMPTS, Event
from tui.screens.case import case_is_open, open_case
from tui.screens.event_fields import (
    LABELS,
    WHEN_LABEL,
    exhibit_choices,
    heading,
    person_label,
    show_lists,
    show_value,
    ticks_label,
    visible_value,
)
from tui.screens.event_kept import give_back, keep
from tui.widgets.fields import StoredInput, StoredTextArea

if TYPE_CHECKING:
    from collections.abc import Callable, Collection

    from tui.core.vault.edits import EditConflict


class EventScreen(Screen[None]):
    #: How this form is named if what was typed could not be saved at a lock.
    FORM_NAME = N_("the timeline event")
    AUTO_FOCUS = "#when"
    DEFAULT_CSS = """
    EventScreen #heading { padding: 0 1; text-style: bold; color: $primary;
                           background: $boost; width: 100%; }
    EventScreen VerticalScroll { padding: 0 1; }
    EventScreen Label { margin-top: 1; color: $text-muted; }
    EventScreen VerticalScroll > Label:first-child { margin-top: 0; }
    EventScreen Input { height: 1; border: none; background: $boost; padding: 0 1; }
    EventScreen Input:focus { background: $primary 30%; border: none; }
    EventScreen TextArea { height: 4; border: none; background: $boost; }
    EventScreen TextArea:focus { background: $primary 30%; border: none; }
    EventScreen SelectionList { height: auto; min-height: 1; max-height: 6; border: none;
                                background: $boost; }
    EventScreen SelectionList:focus { border: none; background: $primary 20%; }
    EventScreen #when-label { margin: 0 1; }
    EventScreen #when { margin: 0 1; }
    EventScreen #reads-as { color: $success; padding: 0 1; height: auto; }
    EventScreen #reads-as.problem { color: $warning; }
    EventScreen .nothing-yet { color: $text-muted; text-style: italic; height: auto; }
    """
    BINDINGS = [
        Binding("escape", "leave", N_("Back"),
                tooltip=N_("Go back (asks first if you changed anything)")),
        Binding("ctrl+s", "save", N_("Save"), priority=True),
    ]  # fmt: skip

    def __init__(self, event_id: str | None) -> None:
        super().__init__()
        self.event_id = event_id
        #: The form as last read or saved: Escape asks only when it changed, and a save
        #: sends only the fields that differ from it.
        self._saved: dict[str, object] | None = None
        #: The event's stored fields as this window last read them (see
        #: `tui.core.vault.edits`): a field changed elsewhere since is not overwritten
        #: without asking.
        self._base: dict[str, Any] = {}

    def _form(self) -> dict[str, object]:
        """Everything the form holds, to tell whether anything changed."""
        form: dict[str, object] = {
            name: self.query_one(f"#{name}", StoredInput).kept
            for name in ("when", "title", "place")
        }
        for name in ("details", "response"):
            form[name] = self.query_one(f"#{name}", StoredTextArea).kept
        for name in ("witnesses", "evidence"):
            form[name] = sorted(self.query_one(f"#{name}", SelectionList).selected)
        # A name typed in the line for someone new, Enter not yet pressed, is a change too.
        form["new-person"] = self.query_one("#new-person", Input).value.strip()
        return form

    def _touched(self) -> set[str]:
        """The fields this window changed since it last read or saved them."""
        saved = self._saved or {}
        return {name for name, value in self._form().items() if value != saved.get(name)}

    def changed(self) -> bool:
        return self._saved is not None and self._form() != self._saved

    def compose(self) -> ComposeResult:
        from tui.core.evidence.model import list_exhibits
        from tui.core.timeline.events import get_event, list_people

        vault = open_case(self)
        event = get_event(vault, self.event_id) if self.event_id else None
        self._base = asdict(event) if event else {}
        people = list_people(vault)
        yield Static(heading(event) if event else _("A new event"), id="heading", markup=False)
        yield Label(_(WHEN_LABEL), id="when-label")
        yield StoredInput(
            event.moment.text() if event else "",
            placeholder=_('e.g. "5 March 2024", "March 2024", "about 2023"'),
            id="when",
        )
        yield Static("", id="reads-as", markup=False)
        # The form scrolls, but is no stop of its own for Tab: focus goes from one field
        # to the next, and what is typed next always lands in a field.
        with VerticalScroll(can_focus=False):
            yield Label(_("Title"))
            yield StoredInput(
                event.title if event else "", placeholder=_(PROMPTS["title"]), id="title"
            )
            yield Label(_("Where"))
            yield StoredInput(
                event.place if event else "", placeholder=_(PROMPTS["place"]), id="place"
            )
            yield Label(_("What happened"))
            details = StoredTextArea(event.details if event else "", id="details", soft_wrap=True)
            details.placeholder = _(PROMPTS["details"])
            yield details
            yield Label(_("What I did"))
            response = StoredTextArea(
                event.response if event else "", id="response", soft_wrap=True
            )
            response.placeholder = _(PROMPTS["response"])
            yield response
            yield Label(ticks_label("witnesses"))
            chosen = set(event.witnesses) if event else set()
            yield SelectionList[str](
                *[(person_label(p), p.id, p.id in chosen) for p in people], id="witnesses"
            )
            yield Static(
                _("Nobody in the list yet: add someone in the line below."),
                id="no-witnesses",
                classes="nothing-yet",
            )
            yield Input(
                placeholder=_("Someone new: name, how to reach them, who they are; Enter adds"),
                id="new-person",
            )
            yield Label(ticks_label("evidence"))
            linked = set(event.evidence) if event else set()
            yield SelectionList[str](*exhibit_choices(list_exhibits(vault), linked), id="evidence")
            yield Static(
                _("No evidence in this case yet: it can be added in Step 4."),
                id="no-evidence",
                classes="nothing-yet",
            )
        yield Footer()

    def on_mount(self) -> None:
        show_lists(self)
        self._saved = self._form()
        give_back(self)  # what a lock kept of this event's typing, if anything

    def keep_over_lock(self) -> None:
        """At a lock, after `save_now`: what it could not save is kept in memory."""
        keep(self)

    # ---- the date field ---------------------------------------------------------

    @on(Input.Changed, "#when")
    def when_changed(self, event: Input.Changed) -> None:
        from tui.core.shared.fuzzy_dates import When

        reads_as = self.query_one("#reads-as", Static)
        if not event.value.strip():
            reads_as.update("")
            return
        try:
            moment = When.parse(event.value)
        except InputError as error:
            reads_as.update(shown(str(error)))
            reads_as.add_class("problem")
            return
        reads_as.remove_class("problem")
        reads_as.update(_("Reads as: {shown}").format(shown=shown(moment.text())))

    @on(Input.Submitted, "#new-person")
    def new_person(self) -> None:
        self._add_person()

    def _add_person(self) -> bool:
        """Add the person typed in the line for someone new, ticked (Enter, and a save
        first): True when added or nobody was typed; False (said) when they can't be."""
        from tui.core.timeline.events import save_person

        line = self.query_one("#new-person", Input)
        if not line.value.strip():
            return True
        name, contact, role = ([*line.value.split(",", 2), "", ""])[:3]
        try:
            person = save_person(open_case(self), name, contact, role)
        except ReclaimError as error:
            self.notify(shown(str(error)), severity="warning", markup=False)
            return False
        witnesses: SelectionList[str] = self.query_one("#witnesses", SelectionList)
        known = [witnesses.get_option_at_index(i).value for i in range(witnesses.option_count)]
        if person.id not in known:
            witnesses.add_option((person_label(person), person.id, True))
        else:
            witnesses.select(person.id)
        show_lists(self)
        line.value = ""
        if self._saved is not None:  # the line's words are now a ticked witness
            self._saved["new-person"] = ""
        self.notify(
            _("{shown} is in the list of people, ticked for this event.").format(
                shown=shown(person.name)
            ),
            markup=False,
        )
        return True

    # ---- saving -----------------------------------------------------------------

    def _names(self) -> list[str]:
        from tui.core.timeline.events import list_people

        people = {p.id: p.name for p in list_people(open_case(self))}
        chosen: SelectionList[str] = self.query_one("#witnesses", SelectionList)
        return [people[pid] for pid in chosen.selected if pid in people]

    def save_now(self) -> bool | None:
        """Save the form, asking nothing (before a lock): a field also changed elsewhere
        is left as the other window saved it. None when not all could be saved (it was
        not complete): `keep_over_lock` then keeps the rest, so it is not named lost."""
        from tui.core.vault.edits import EditConflict

        if case_is_open(self) and not self._add_person():
            return None
        try:
            try:
                self._write()
            except EditConflict as conflict:
                self._write(drop={item.field for item in conflict.conflicts})
                return None
        except ReclaimError:
            return None
        return True

    def _write(self, drop: Collection[str] = ()) -> None:
        """Add the event, or save the fields changed here over what this window read
        (`drop`: fields not to save). Raises `EditConflict` (saving nothing) when one of
        them changed elsewhere too; then the form shows the case as it now is."""
        from tui.core.timeline.events import add_event, update_event

        if not case_is_open(self):
            return
        form = self._form()
        when, title = str(form["when"]), str(form["title"])
        texts = {name: str(form[name]) for name in ("place", "details", "response")}
        evidence_list: SelectionList[str] = self.query_one("#evidence", SelectionList)
        evidence = list(evidence_list.selected)
        if self.event_id is None:
            if not when.strip() and not title.strip() and not any(texts.values()):
                return  # an untouched new form: nothing to keep
            saved: Event = add_event(
                open_case(self), when, title, witnesses=self._names(), evidence=evidence, **texts
            )
            self.event_id = saved.id
            self._show_saved(saved, set(form))
            return
        touched = self._touched() - set(drop)
        given: dict[str, Any] = {k: v for k, v in texts.items() if k in touched}
        if "when" in touched:
            given["when"] = when
        if "title" in touched:
            given["title"] = title
        if "witnesses" in touched:
            given["witnesses"] = self._names()
        if "evidence" in touched:
            given["evidence"] = evidence
        saved = update_event(open_case(self), self.event_id, base=self._base, **given)
        self._show_saved(saved, touched)

    def _show_saved(self, saved: Event, written: set[str]) -> None:
        """Show the event as the case now holds it: fields changed elsewhere appear,
        except those typed here and not saved, which keep what this window read before
        (so a later save still notices a conflict)."""
        typed = self._touched() - written
        stored = asdict(saved)
        for name, value in stored.items():
            if name in LABELS and name not in typed | written and value != self._base.get(name):
                show_value(self, name, value)
        saved_form = self._saved or {}
        self._base = {k: self._base.get(k) if k in typed else v for k, v in stored.items()}
        self._saved = {k: saved_form.get(k) if k in typed else v for k, v in self._form().items()}
        self.query_one("#heading", Static).update(heading(saved))

    def _save_asking(self, done: Callable[[], object], failed: Callable[[str], object]) -> None:
        """Save; a field also changed elsewhere opens the question that shows both
        values, and once the person chooses, it is saved. `done` once saved; `failed`
        with the sentence when it can't be."""
        from tui.core.vault.edits import EditConflict

        if not self._add_person():
            return
        try:
            self._write()
        except EditConflict as conflict:
            self._ask(conflict, done, failed)
            return
        except ReclaimError as error:
            failed(str(error))
            return
        done()

    def _ask(
        self, conflict: EditConflict, done: Callable[[], object], failed: Callable[[str], object]
    ) -> None:
        from tui.core.vault.edits import resolved
        from tui.screens.conflicts import ask_which

        def answered(keep_mine: set[str] | None) -> None:
            if keep_mine is None or not case_is_open(self):
                self.notify(_("Nothing was saved; your words are still in the form."))
                return
            base, _unused = resolved(self._base, {}, conflict.conflicts, keep_mine)
            saved = self._saved or {}
            for item in conflict.conflicts:
                if item.field not in keep_mine:  # the other window's value, shown
                    show_value(self, item.field, item.theirs)
                    saved[item.field] = self._form()[item.field]
            self._saved, self._base = saved, base
            self._save_asking(done, failed)

        what = self.event_id or _("this event")
        ask_which(self, what, conflict, LABELS, answered, partial(visible_value, open_case(self)))

    def action_save(self) -> None:
        def failed(problem: str) -> None:
            self.notify(shown(problem), severity="error", markup=False)

        self._save_asking(lambda: self.notify(_("Saved.")), failed)

    def _problem(self) -> str | None:
        """Why the form can't be saved as it is (the date, then the title), or None."""
        from tui.core.shared.fuzzy_dates import When

        try:
            When.parse(self.query_one("#when", StoredInput).kept)
        except InputError as error:
            return str(error)
        if not self.query_one("#title", StoredInput).kept.strip():
            return _("Give the event a short title. {title}").format(title=_(PROMPTS["title"]))
        return None

    def action_leave(self, problem: str | None = None) -> None:
        """Go back: at once when nothing changed; else ask Save / Keep editing / Discard,
        or, when the form can't be saved as it is, Keep editing (first, and what Escape
        gives) or Discard, with the reason."""
        from tui.dialogs.unsaved import unsaved_changes

        if not case_is_open(self) or not self.changed():
            self.dismiss(None)
            return
        if problem is None:
            problem = self._problem()
        if self.event_id is None:
            what, discard = _("this event"), _("Discard this event")
            after = _("Discard leaves the timeline as it was, without this event.")
        else:
            what, discard = self.event_id, _("Discard changes")
            after = _("Discard leaves {id} as it was last saved.").format(id=self.event_id)
        why = None
        if problem is not None:
            sure = ""
            if self._date_problem():
                sure = " " + _("If you're not sure of the day, a month or a year is enough.")
            why = f"{shown(problem)}{sure}"
        was = self.focused

        def answered(answer: str | None) -> None:
            if answer == "discard":
                self.dismiss(None)
            elif answer == "save":
                # Something only the case could tell (a removed exhibit, ...) asks again.
                self._save_asking(lambda: self.dismiss(None), self.action_leave)
            elif problem is not None:
                self._focus_problem()
            elif was is not None:
                was.focus()

        self.app.push_screen(unsaved_changes(what, why, after, discard), answered)

    def _date_problem(self) -> bool:
        """True when the date is what keeps the form from being saved."""
        from tui.core.shared.fuzzy_dates import When

        try:
            When.parse(self.query_one("#when", StoredInput).kept)
        except InputError:
            return True
        return False

    def _focus_problem(self) -> None:
        """Back in the form: the field to put right gets the focus (the date, unless it
        reads well; then the title), the cursor at the end of what is there."""
        field = self.query_one("#when" if self._date_problem() else "#title", StoredInput)
        field.focus()
        # With the cursor after what was typed, not the whole of it selected: the next key
        # goes on with the words, never over them.
        field.call_after_refresh(lambda: setattr(field, "cursor_position", len(field.value)))
