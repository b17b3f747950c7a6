"""Step 7, Police binder: what will be in it, the choices, and making it in the
background with a progress bar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Checkbox, Footer, Input, Label, Select, Static

from tui.core.binder.documents_language import CHANGE_HINT, KEY, KEY_HELP, KEY_LABEL
from tui.core.shared.display import shown, shown_block
from tui.core.shared.errors import explain
from tui.core.shared.i18n import N_, _, ngettext
from tui.core.shared.unwritable import not_written
from tui.host import host
from tui.jobs import Job
from tui.screens.case import case_is_open, open_case, save_as_field, save_folders
from tui.widgets.tick import TickBox
from tui.widgets.work_bar import WorkBar, exhibit_count

if TYPE_CHECKING:
    from tui.core.binder.choices import BinderResult

AUDIENCE_CHOICES = [
    (N_("the police"), "police"),
    (N_("a lawyer"), "lawyer"),
    (N_("the court"), "court"),
]
PAPER_CHOICES = [("A4", "a4"), (N_("Letter (US)"), "letter")]
ORDER_CHOICES = [(N_("by exhibit number"), "exhibit"), (N_("by time"), "time")]

#: Each kind of declaration as the choice names it (the titles alone repeat).
KIND_NAMES = {
    "us-1746": N_("US declaration (28 U.S.C. 1746)"),
    "uk-s9": N_("UK witness statement (s 9)"),
    "ca-affidavit": N_("Canadian solemn declaration (s. 41)"),
    "au-statdec": N_("Australian statutory declaration"),
    "plain": N_("Plain witness statement"),
}


def declaration_kinds() -> list[tuple[str, str]]:
    from tui.core.declarations.kinds import KINDS

    return [(_(KIND_NAMES.get(code, kind.title)), code) for code, kind in KINDS.items()]


def choices(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A list of choices in the language spoken now."""
    return [(_(words), value) for words, value in pairs]


class BinderScreen(Screen[None]):
    DEFAULT_CSS = """
    BinderScreen #heading { padding: 0 1; text-style: bold; color: $primary;
                            background: $boost; width: 100%; }
    BinderScreen #contents, BinderScreen #written {
        padding: 0 1; color: $text-muted; height: auto;
    }
    BinderScreen VerticalScroll { padding: 0 1; }
    BinderScreen Label { margin-top: 1; color: $text-muted; }
    BinderScreen Input { height: 1; border: none; background: $boost; padding: 0 1; }
    BinderScreen Input:focus { background: $primary 30%; border: none; }
    BinderScreen Select { width: 40; }
    """
    BINDINGS = [
        Binding("escape", "back", N_("Back")),
        Binding("ctrl+s", "make", N_("Make the binder"), priority=True),
        Binding("ctrl+d", "declaration", N_("Declaration"), priority=True),
        Binding(KEY, "language", KEY_LABEL, tooltip=KEY_HELP),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.work = WorkBar()
        #: The binder's language as chosen here (F3); '' for the case's documents' one.
        self.language = ""

    @property
    def job(self) -> Job[Any] | None:
        return self.work.job

    def compose(self) -> ComposeResult:
        yield Static(_("Step 7: Police binder"), id="heading")
        yield Static(self._contents(), id="contents", markup=False)
        yield Static(self._written("police"), id="written", markup=False)
        with VerticalScroll():
            yield Label(_("Prepared for"))
            yield Select(
                choices(AUDIENCE_CHOICES),
                value="police",
                allow_blank=False,
                id="for",
                compact=True,
            )
            yield Label(_("Prepared by (your name, or the helper's; may stay empty)"))
            # Focus never selects what was typed: the next key goes on after it.
            yield Input(id="by", select_on_focus=False)
            yield Label(_("Paper and order"))
            yield Select(
                choices(PAPER_CHOICES),
                value=self._paper(),
                allow_blank=False,
                id="paper",
                compact=True,
            )
            yield Select(
                choices(ORDER_CHOICES),
                value="exhibit",
                allow_blank=False,
                id="order",
                compact=True,
            )
            yield TickBox(
                _("Attach the original files inside the PDF, byte for byte"),
                id="attach",
                compact=True,
            )
            yield TickBox(
                _("Include a declaration for you to sign, after the cover (Ctrl+D)"),
                id="declare",
                compact=True,
            )
            yield Select(
                declaration_kinds(), value=self._kind(), allow_blank=False, id="kind", compact=True
            )
            yield Label(
                _(
                    "Password for the PDF (optional): it encrypts the PDF, which is then no "
                    "longer PDF/A, the kind courts' filing systems ask for"
                )
            )
            yield Input(password=True, id="password")
            yield Label(_("Save as"))
            value, placeholder = save_as_field(self, "binder", ".pdf")
            yield Input(value, placeholder=placeholder, id="dest", select_on_focus=False)
        yield self.work
        yield Footer()

    def _contents(self) -> str:
        from tui.core.binder.choices import BinderChoices, chosen_exhibits
        from tui.core.evidence.model import list_exhibits
        from tui.core.timeline.events import list_events

        vault = open_case(self)
        exhibits = chosen_exhibits(vault, BinderChoices())
        removed = len(list_exhibits(vault)) - len(exhibits)
        events = len(list_events(vault))
        index = ngettext("{count} exhibit", "{count} exhibits", len(exhibits)).format(
            count=len(exhibits)
        )
        if removed:
            index = _("{exhibits}; {removed} removed, left out").format(
                exhibits=index, removed=removed
            )
        return _(
            "In the binder: cover, contents, evidence index ({exhibits}), timeline ({events}), "
            "each exhibit with its details, then the hashes and the custody log. "
            "Every page numbered."
        ).format(
            exhibits=index,
            events=ngettext("{count} event", "{count} events", events).format(count=events),
        )

    def _written(self, reader: str) -> str:
        """ "Written in English (for the police in United States). F3 changes it." """
        from tui.core.binder.documents_language import written_in

        return _(CHANGE_HINT).format(written=written_in(open_case(self), reader, self.language))

    def _code(self) -> str:
        from tui.core.binder.documents_language import documents_language

        return self.language or documents_language(open_case(self))

    def action_language(self) -> None:
        """Write the binder in the next language Reclaim speaks."""
        from tui.core.shared.i18n import LANGUAGES

        codes = list(LANGUAGES)
        self.language = codes[(codes.index(self._code()) + 1) % len(codes)]
        self.show_language()

    def show_language(self) -> None:
        """Say which language the binder is written in (also once carried over a change
        of the app's language: `tui.screens.carry`)."""
        reader = str(self.query_one("#for", Select).value)
        self.query_one("#written", Static).update(self._written(reader))

    def _paper(self) -> str:
        from tui.core.binder.choices import default_paper

        return default_paper(open_case(self))

    def _kind(self) -> str:
        from tui.core.declarations.drafting import default_kind

        return default_kind(open_case(self)).code

    def action_declaration(self, why: str = "", then_make: bool = False) -> None:
        from tui.screens.declaration import DeclarationScreen

        def back(kept: bool | None) -> None:
            if kept and then_make:
                self.action_make()

        kind = str(self.query_one("#kind", Select).value)
        self.app.push_screen(DeclarationScreen(kind, why, self._code()), back)

    def _declaration(self) -> str | None:
        """The declaration's text when one is asked for ('' when not); None when it still
        needs something (asked for on the declaration screen, or said in a sentence)."""
        from tui.core.declarations.drafting import draft
        from tui.core.takedowns.letter_needs import MissingFacts
        from tui.screens.declaration import what_else

        if not self.query_one("#declare", Checkbox).value:
            return ""
        try:
            kind = str(self.query_one("#kind", Select).value)
            # In the binder's language where its form may be signed in it, else in the one
            # its law sets; what it still needs is said in the person's words.
            return draft(open_case(self), kind, self._code()).text
        except MissingFacts as missing:
            keys = [need.key for need in missing.needs]
            if other := what_else(keys):
                self.notify(other, severity="warning", timeout=10, markup=False)
            else:
                asked = "; ".join(need.question for need in missing.needs)
                self.action_declaration(
                    _("Before the declaration can be drafted it needs: {asked}.").format(
                        asked=asked
                    ),
                    True,
                )
            return None

    def action_make(self) -> None:
        from tui.core.binder.build import write_binder
        from tui.core.binder.choices import BinderChoices

        if self.job is not None:
            return
        declaration = self._declaration()
        if declaration is None:
            return
        password = self.query_one("#password", Input).value
        choices = BinderChoices(
            prepared_for=str(self.query_one("#for", Select).value),
            prepared_by=self.query_one("#by", Input).value.strip(),
            paper=str(self.query_one("#paper", Select).value),
            order=str(self.query_one("#order", Select).value),
            attach_originals=self.query_one("#attach", Checkbox).value,
            password=password or None,
            declaration=declaration,
            language=self._code(),
        )
        try:
            destination = Path(self.query_one("#dest", Input).value.strip()).expanduser()
        except RuntimeError as error:  # ~someone this computer doesn't know
            self.notify(not_written(error, _("making the binder")), severity="error", timeout=10)
            return
        job: Job[BinderResult] = Job(
            _("Making the binder"),
            still=_("The binder is still being made."),
            if_locked=binder_if_locked,
            step="binder",
        )
        vault = open_case(self)

        def progress(done: int, total: int) -> None:
            job.progress(done, total, done, total)

        self.work.start(
            job,
            lambda: write_binder(vault, destination, choices, progress),
            self._made,
            describe=exhibit_count,
        )

    def _made(self, job: Job[BinderResult]) -> None:
        if isinstance(job.error, OSError | ValueError | RuntimeError):  # where it goes
            self.notify(
                not_written(job.error, _("making the binder")), severity="error", timeout=10
            )
        elif job.error is not None:
            self.notify(
                shown(explain(job.error, _("making the binder"))),
                severity="error",
                timeout=10,
                markup=False,
            )
        else:
            result = job.result
            save_folders(self).remember(result.path)
            note = (
                _("It is encrypted, so it is not PDF/A.")
                if self.query_one("#password", Input).value
                else _("It is PDF/A and not encrypted.")
            )
            count = len(result.exhibits)
            self.notify(
                ngettext(
                    "Wrote {path}: {pages} pages, {count} exhibit. {note}",
                    "Wrote {path}: {pages} pages, {count} exhibits. {note}",
                    count,
                ).format(path=shown(str(result.path)), pages=result.pages, count=count, note=note),
                timeout=10,
                markup=False,
            )
            if lines := result.notice_lines():
                self.notify(
                    shown_block("\n".join(lines)), severity="warning", timeout=20, markup=False
                )
            self.query_one("#password", Input).value = ""

    def on_mount(self) -> None:
        """What was chosen and typed here as the case last locked comes back."""
        from tui.screens.carry import Held, carry_into

        kept = host(self).kept_for_case.typing(open_case(self), "binder")
        if isinstance(kept, Held):
            self.call_after_refresh(carry_into, self, kept)

    def keep_over_lock(self) -> None:
        """At a lock: the choices and what was typed (never the PDF's password) are kept
        for when the binder is next opened in this case (`tui.kept_for_case`)."""
        from tui.screens.carry import held

        if case_is_open(self):
            kept = held(self)
            kept.values.pop("password", None)
            host(self).kept_for_case.keep_typing(open_case(self), "binder", kept)

    def stop_work(self) -> None:
        """Before a lock: the app has taken the binder's work over (`WorkBar.let_go`);
        anything still here is stopped and waited for."""
        self.work.stop_and_wait()

    def action_back(self) -> None:
        if self.job is None:
            self.app.pop_screen()

    def on_unmount(self) -> None:
        if case_is_open(self):
            self.work.stop_and_wait()


def binder_if_locked(job: Job[BinderResult]) -> str:
    """What is said after the next unlock when a lock stopped the binder."""
    if job.error is None:
        return _("The binder was finished as the case locked: {shown}.").format(
            shown=shown(str(job.result.path))
        )
    return _(
        "The binder was being made when the case locked; it was not made. "
        "Make it again from step 7."
    )
