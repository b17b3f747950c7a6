"""One checklist, step by step: the steps on the left (ticked or not), the highlighted
step's directions on the right. Space ticks, n/p move, e writes a note. Every change
is saved at once.

A step that blocks, reports or deletes first asks whether the evidence from that
platform is saved, and offers the Evidence step when the case holds none."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.privacy.checklists import Checklist, ChecklistStep
from tui.core.privacy.lockdown import (
    ACTION_EFFECTS,
    Progress,
    evidence_count,
    evidence_warning,
    progress_of,
    set_note,
    tick,
)
from tui.core.shared.display import shown
from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import N_, _, ngettext
from tui.dialogs.choice import ChoiceDialog
from tui.host import host
from tui.screens.case import case_is_open, checked_on, open_case
from tui.screens.conflicts import ask_which
from tui.widgets.fields import StoredInput


class ChecklistScreen(Screen[None]):
    #: How this form is named if what was typed could not be saved at a lock.
    FORM_NAME = N_("a checklist step's note")
    AUTO_FOCUS = "#step-list"
    CSS_PATH = "privacy.tcss"
    BINDINGS = [
        Binding(
            "escape", "back", N_("Back"), tooltip=N_("Back to the list of checklists"), id="back"
        ),
        Binding("space", "tick", N_("Tick"), tooltip=N_("Tick this step, or untick it")),
        Binding("n", "move(1)", N_("Next")),
        Binding("p", "move(-1)", N_("Previous")),
        Binding("e", "note", N_("Note"), tooltip=N_("Write a note for this step")),
    ]

    def __init__(self, checklist: Checklist) -> None:
        super().__init__()
        self.checklist = checklist
        self.progress = Progress(checklist)
        #: Notes as this window read them, where they differ from `progress` (a note
        #: kept over a lock): a save compares with these.
        self._read: dict[str, str] = {}
        #: A note kept over a lock, shown in place of the stored one until saved or left.
        self._typed: dict[str, str] = {}
        #: The last note not saved because it changed elsewhere: (step, typed, read).
        self._unsaved: tuple[str, str, str] = ("", "", "")

    def compose(self) -> ComposeResult:
        yield Static(
            _("Step 2: Privacy settings: {title}").format(title=self.checklist.title), id="heading"
        )
        yield Static(id="position", markup=False)
        with Horizontal(id="body"):
            yield OptionList(id="step-list")
            with Vertical(id="detail"):
                with VerticalScroll(id="directions"):
                    yield Static(self.checklist.intro, id="intro", markup=False)
                    yield Static(id="step-title", markup=False)
                    yield Static(id="warning", markup=False)
                    yield Static(id="evidence-first", markup=False)
                    yield Static(id="do")
                    yield Static(id="why")
                    yield Static(id="link", markup=False)
                    yield Static(self._checked(), id="source", markup=False)
                yield StoredInput(placeholder=_("Press e to add a note to this step"), id="note")
        yield Footer()

    def _checked(self) -> str:
        return _("Checked {date} against: {source}").format(
            date=checked_on(self.checklist.reviewed), source=self.checklist.source
        )

    def on_mount(self) -> None:
        self.progress = progress_of(open_case(self), self.checklist)
        step_list = self.query_one("#step-list", OptionList)
        step_list.add_options([self._option(n) for n in range(len(self.checklist.steps))])
        first_open = next(
            (n for n, s in enumerate(self.checklist.steps) if s.id not in self.progress.ticks), 0
        )
        kept = host(self).kept_for_case.typing(open_case(self), f"checklist:{self.checklist.id}")
        ids = [step.id for step in self.checklist.steps]
        if isinstance(kept, tuple) and kept[0] in ids:  # a note a lock could not save
            first_open = ids.index(kept[0])
            self._typed[kept[0]], self._read[kept[0]] = kept[1], kept[2]
            self.call_after_refresh(self._save_note)  # asks which note to keep
        step_list.highlighted = first_open
        self.show_step(first_open)

    # ---- showing ----------------------------------------------------------------

    def _option(self, index: int) -> Option:
        step = self.checklist.steps[index]
        mark = "✓" if step.id in self.progress.ticks else " "
        label = Content.assemble(
            (f"{mark} ", "$success bold"),  # i18n: not shown
            (f"{index + 1:>2} ", "dim"),
            step.title,
        )
        return Option(label, id=step.id)

    @property
    def index(self) -> int:
        highlighted = self.query_one("#step-list", OptionList).highlighted
        return highlighted or 0

    @property
    def step(self) -> ChecklistStep:
        return self.checklist.steps[self.index]

    @on(OptionList.OptionHighlighted, "#step-list")
    def highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_step(event.option_index)

    def show_step(self, index: int) -> None:
        step = self.checklist.steps[index]
        tick_ = self.progress.ticks.get(step.id)
        status = (
            _("done {moment} UTC").format(moment=tick_.done_at[:16].replace("T", " "))
            if tick_
            else _("not done yet")
        )
        self.query_one("#position", Static).update(
            _("Step {number} of {steps} · {status} · {done} of {total} done").format(
                number=index + 1,
                steps=len(self.checklist.steps),
                status=status,
                done=self.progress.done,
                total=self.progress.total,
            )
        )
        self.query_one("#intro").set_class(index != 0, "hidden")
        self.query_one("#step-title", Static).update(step.title)
        self._show("#warning", f"⚠ {step.warning}" if step.warning else "")
        evidence_note = evidence_warning(self.checklist, step.action) if step.action else ""
        self._show("#evidence-first", evidence_note)
        self.query_one("#do", Static).update(
            Content.assemble((_("What to do  "), "bold $primary"), step.do)
        )
        self.query_one("#why", Static).update(
            Content.assemble((_("Why it helps  "), "bold $primary"), step.why)
        )
        self._show("#link", _("More: {link}").format(link=step.link) if step.link else "")
        note = self._typed.get(step.id, self.progress.notes.get(step.id, ""))
        self.query_one("#note", StoredInput).show(note)
        self.query_one("#directions", VerticalScroll).scroll_home(animate=False)

    def _show(self, selector: str, text: str) -> None:
        widget = self.query_one(selector, Static)
        widget.update(text)
        widget.set_class(not text, "hidden")

    def _refresh_step(self, index: int) -> None:
        step_list = self.query_one("#step-list", OptionList)
        step_list.replace_option_prompt_at_index(index, self._option(index).prompt)
        self.show_step(index)

    # ---- changing -----------------------------------------------------------------

    def action_move(self, by: int) -> None:
        step_list = self.query_one("#step-list", OptionList)
        step_list.highlighted = max(0, min(len(self.checklist.steps) - 1, self.index + by))
        step_list.focus()

    def action_tick(self) -> None:
        index, step = self.index, self.step
        if step.id in self.progress.ticks:
            self._save_tick(index, done=False)
        elif step.action and self.checklist.kind == "privacy":
            self._ask_evidence_first(index, step)
        else:
            self._save_tick(index, done=True)

    def _ask_evidence_first(self, index: int, step: ChecklistStep) -> None:
        platform = self.checklist.platform
        count = evidence_count(open_case(self), self.checklist)
        effect = _(ACTION_EFFECTS[step.action])
        effect = effect[0].upper() + effect[1:]
        if count:
            question = _("Have you saved the evidence from {platform}?").format(platform=platform)
            explain = ngettext(
                "Your case holds {count} item from {platform}. {effect}, and you could not "
                "capture it any more.",
                "Your case holds {count} items from {platform}. {effect}, and you could not "
                "capture it any more.",
                count,
            ).format(count=count, platform=platform, effect=effect)
            answers = [("yes", _("Yes, tick it")), ("cancel", _("Not yet"))]
        else:
            question = _("No evidence from {platform} is saved yet.").format(platform=platform)
            explain = _(
                "{effect}, and you could not capture it any more. Save the posts, profile "
                "and messages first in the Evidence step, or tick it anyway if you have "
                "them somewhere else."
            ).format(effect=effect)
            answers = [
                ("evidence", _("Go to Evidence")),
                ("anyway", _("Tick anyway")),
                ("cancel", _("Not now")),
            ]

        def answered(answer: str | None) -> None:
            if answer in ("yes", "anyway"):
                self._save_tick(index, done=True, anyway=True)
            elif answer == "evidence":
                self.run_worker(self.app.run_action("open_step('evidence')"))

        self.app.push_screen(ChoiceDialog(question, explain, answers), answered)

    def _save_tick(self, index: int, *, done: bool, anyway: bool = False) -> None:
        step = self.checklist.steps[index]
        try:
            self.progress = tick(
                open_case(self), self.checklist, step.id, done=done, anyway=anyway
            )
        except ReclaimError as error:
            self.notify(str(error), severity="error")
            return
        self._refresh_step(index)

    def action_note(self) -> None:
        self.query_one("#note", Input).focus()

    @on(Input.Submitted, "#note")
    def note_written(self) -> None:
        if self._save_note():
            self.query_one("#step-list", OptionList).focus()

    @on(Input.Blurred, "#note")
    def note_left(self) -> None:
        if self.app.screen is self:  # not while the question about it is asked
            self._save_note()

    def save_now(self) -> bool | None:
        """Called by the app just before it locks, so a half-written note is kept: saved,
        or, when another window changed the same note meanwhile (nobody to ask now),
        kept in memory by `keep_over_lock` and asked about when the step is next shown."""
        return self._save_note(asking=False) or None

    def _save_note(self, *, asking: bool = True) -> bool:
        """Save the note over what this window read; True when saved (or unchanged).
        A note changed elsewhere meanwhile is asked about, never written over unasked."""
        from tui.core.vault.edits import EditConflict

        if not case_is_open(self):
            return True  # locked already: the note was saved by save_now, or there was none
        text, step_id = self.query_one("#note", StoredInput).kept.strip(), self.step.id
        read = self._read.get(step_id, self.progress.notes.get(step_id, ""))
        if text == read:
            return True
        try:
            self.progress = set_note(open_case(self), self.checklist, step_id, text, base=read)
        except EditConflict as conflict:
            self._unsaved = (step_id, text, read)
            if asking:
                ask_which(self, self.step.title, conflict, {"note": N_("Note")}, self._answered)
            return False
        except ReclaimError as error:
            self.notify(shown(str(error)), severity="error", markup=False)
            return False
        self._forget(step_id)
        return True

    def _forget(self, step_id: str) -> None:
        """The note kept over a lock for this step is saved or left: not shown again."""
        self._read.pop(step_id, None)
        self._typed.pop(step_id, None)

    def _answered(self, keep_mine: set[str] | None) -> None:
        """The person chose which note to keep (None: back to the note, nothing saved)."""
        step_id, text, _read = self._unsaved
        if keep_mine is None or not case_is_open(self):
            self.notify(_("Nothing was saved; your words are still in the note."))
            self.query_one("#note", Input).focus()
            return
        vault = open_case(self)
        if "note" in keep_mine:
            self.progress = set_note(vault, self.checklist, step_id, text)
        else:
            self.progress = progress_of(vault, self.checklist)
        self._forget(step_id)
        self.show_step(self.index)

    def keep_over_lock(self) -> None:
        """At a lock: a note `save_now` could not save (changed elsewhere too) is kept
        in memory for this case, and asked about when the checklist is next shown."""
        if case_is_open(self) and self._unsaved[0]:
            keep = host(self).kept_for_case.keep_typing
            keep(open_case(self), f"checklist:{self.checklist.id}", self._unsaved)

    def _note_changed(self) -> bool:
        text = self.query_one("#note", StoredInput).kept.strip()
        return text != self.progress.notes.get(self.step.id, "")

    def action_back(self) -> None:
        """Out of the note: at once when it is as saved; else ask Save / Keep editing /
        Discard, as every form does (the note is never kept unasked by Escape)."""
        from tui.dialogs.unsaved import ask_to_leave

        if not self.query_one("#note", Input).has_focus:
            self.app.pop_screen()
            return
        if not case_is_open(self) or not self._note_changed():
            self.query_one("#step-list", OptionList).focus()
            return

        def save(done: Callable[[], object]) -> None:
            self._save_note()
            if not self._note_changed():
                done()

        def leave() -> None:
            self._forget(self.step.id)
            self.query_one("#note", StoredInput).show(self.progress.notes.get(self.step.id, ""))
            self.query_one("#step-list", OptionList).focus()

        after = _("Discard leaves the note as it was last saved.")
        ask_to_leave(self, _("this step's note"), after, save=save, leave=leave)
