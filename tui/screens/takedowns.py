"""Step 8, Takedowns and legal options: first whether the person shown was under 18 (that
changes the route), then what is overdue or due today with the next route to take, the
requests, and from here the directions, the letters, the legal options and the lawyer
package.

The age answer decides whether a copyright letter is offered at all, so a stray Enter
must never give it: nothing is highlighted until the person moves to an answer, and the
answer given stays on the screen with the key that changes it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.shared.display import shown
from tui.core.shared.i18n import N_, SOURCE_LANGUAGE, _, language
from tui.core.shared.local_formats import dates_in, short_date, short_date_width, short_moment
from tui.screens.case import case_is_open, open_case

if TYPE_CHECKING:
    from tui.core.takedowns.requests import Request
    from tui.core.takedowns.sites import Site

AGE_QUESTION = N_(
    "First, one question, because it changes where to go: was the person in the images "
    "under 18 when they were taken?"
)
AGE_ANSWERS = [
    ("no", N_("No, 18 or over")),
    ("yes", N_("Yes, under 18")),
    ("unsure", N_("I'm not sure")),
]
AGE_HOW = N_("↑ ↓ to choose, Enter to answer.")
MINOR_LINE = N_(
    "The person shown may have been under 18: use Take It Down and report it to the "
    "police (d shows how, and who else helps where you live). Don't send the images to "
    "anyone, not even to prove it. There is no copyright letter for this."
)


def answer_line(under_18: str) -> str:
    """The age answer as given, and how to change it."""
    label = _(dict(AGE_ANSWERS).get(under_18, under_18))
    return _("Was the person shown under 18? You answered: {label}. u changes it.").format(
        label=label
    )


class AgeQuestion(OptionList):
    """The answers, none highlighted at first: ↑ or ↓ moves to one, Enter gives it. An
    Enter with nothing highlighted says so instead of answering."""

    def on_mount(self) -> None:
        self.highlighted = None

    def on_focus(self) -> None:
        # Asked again (u): the earlier answer is shown above, but not taken by a stray
        # Enter either.
        self.highlighted = None

    def action_select(self) -> None:
        if self.highlighted is None:
            self.notify(_("Move to an answer with ↑ or ↓, then press Enter."))
            return
        super().action_select()


def _when(stamp: str) -> str:
    """When a request was sent (UTC): its day and time in English, as it always was;
    only its day in other languages, whose words for it take more room."""
    if not stamp:
        return ""
    if language() == SOURCE_LANGUAGE:
        return stamp[:16].replace("T", " ")
    return short_date(date.fromisoformat(stamp[:10]))


def date_widths() -> tuple[int, int]:
    """The widths of the sent and due columns: "2024-03-07 09:30" twice in English;
    "7 mars 2024" and "28 sept. 2024 09:30" in French."""
    if language() == SOURCE_LANGUAGE:
        return 16, 16
    return max(13, short_date_width()), short_date_width() + 6


class TakedownsScreen(Screen[None]):
    AUTO_FOCUS = "DataTable"
    DEFAULT_CSS = """
    TakedownsScreen #heading { padding: 0 1; text-style: bold; color: $primary;
                               background: $boost; width: 100%; }
    TakedownsScreen #age { height: auto; padding: 0 1; border: round $warning;
                           display: none; }
    TakedownsScreen #age OptionList { height: auto; border: none; }
    TakedownsScreen #age-answer { padding: 0 1; height: auto; color: $text-muted;
                                  display: none; }
    TakedownsScreen #minor { padding: 0 1; color: $warning; text-style: bold;
                             height: auto; display: none; }
    TakedownsScreen #today { padding: 0 1; height: auto; max-height: 9; }
    TakedownsScreen #lead { padding: 0 1; color: $text-muted; height: auto; }
    TakedownsScreen #place { padding: 0 1; color: $text-muted; height: auto; }
    TakedownsScreen DataTable { height: 1fr; }
    """
    BINDINGS = [
        Binding("escape", "back", N_("Back")),
        Binding("a", "add", N_("Add")),
        Binding("enter", "edit", N_("Edit"), show=False),
        Binding("d", "directions", N_("Directions")),
        Binding("l", "letter('takedown')", N_("Letter")),
        Binding("c", "letter('copyright')", N_("Copyright"), show=False),
        Binding("w", "letter('cease-desist')", N_("Cease & desist")),
        Binding("o", "options", N_("Options")),
        Binding("p", "package", N_("Lawyer package")),
        Binding("u", "age", N_("Under 18?"), show=False),
        Binding("n", "next_steps", N_("Next steps"), show=False),
        Binding(
            "j",
            "place",
            N_("Where you live"),
            show=False,
            tooltip=N_("Say where you live: it decides the deadlines, laws and next steps"),
        ),
    ]

    def compose(self) -> ComposeResult:
        yield Static(_("Step 8: Takedowns & legal options"), id="heading")
        yield Static("", id="place", markup=False)
        with Vertical(id="age"):
            yield Static(f"{_(AGE_QUESTION)} {_(AGE_HOW)}", id="age-question", markup=False)
            yield AgeQuestion(*[Option(_(label), id=key) for key, label in AGE_ANSWERS])
        yield Static("", id="age-answer", markup=False)
        yield Static(_(MINOR_LINE), id="minor", markup=False)
        yield Static("", id="today")
        yield Static("", id="lead", markup=False)
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True)
        table.add_column(_("Request"), width=7, key="id")
        table.add_column(_("Site"), width=18, key="site")
        table.add_column(_("Status"), width=12, key="status")
        sent_width, due_width = date_widths()
        table.add_column(_("Sent (UTC)"), width=sent_width, key="sent")
        table.add_column(_("Due/follow-up"), width=due_width, key="due")
        yield table
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    @property
    def under_18(self) -> str:
        from tui.core.takedowns.letters import get_facts

        return get_facts(open_case(self)).under_18

    def reload(self, focus_id: str | None = None) -> None:
        from tui.core.takedowns.deadlines import due_at
        from tui.core.takedowns.requests import list_requests
        from tui.core.takedowns.sites import shipped

        if not case_is_open(self):
            return
        from tui.core.places.case_place import case_place

        self.query_one("#place", Static).update(
            _("Where you live: {case_place}. j changes it.").format(
                case_place=case_place(open_case(self))
            )
        )
        under_18 = self.under_18
        age = self.query_one("#age")
        age.display = not under_18
        self.query_one("#age-question", Static).update(f"{_(AGE_QUESTION)} {_(AGE_HOW)}")
        if not under_18:
            self.query_one(AgeQuestion).focus()
        answer = self.query_one("#age-answer", Static)
        answer.display = bool(under_18)
        answer.update(answer_line(under_18) if under_18 else "")
        self.query_one("#minor").display = under_18 in ("yes", "unsure")
        table = self.query_one(DataTable)
        focus_id = focus_id or self.current_id()
        requests = list_requests(open_case(self))
        directions = shipped()
        table.clear()
        for request in requests:
            due = due_at(request)
            due_text = short_moment(due) if due and request.status != "removed" else ""
            cells = (
                request.id,
                directions.route(request.site).name,
                _(request.status),  # kept in English, said in the language
                _when(request.sent_at),
                due_text or dates_in(request.follow_up.replace("T", " ")),
            )
            table.add_row(*(Text(shown(cell)) for cell in cells), key=request.id)
        if focus_id and any(request.id == focus_id for request in requests):
            table.move_cursor(row=table.get_row_index(focus_id))
        self.query_one("#today", Static).update(self._today(requests, under_18))
        lead = (
            _(
                "a adds a request to a site, Enter records what happened, l drafts its letter "
                "(c a copyright notice), w a cease-and-desist letter, u changes the age answer."
            )
            if requests
            else _("No requests yet. d shows where and how to ask each site; a adds a request.")
        )
        self.query_one("#lead", Static).update(lead)

    def _today(self, requests: Sequence[Request], under_18: str) -> RenderableType:
        from tui.core.takedowns.deadlines import (
            due_by_law,
            is_overdue,
            needs_follow_up,
            place_site,
        )
        from tui.core.takedowns.next_steps import suggestions
        from tui.core.takedowns.sites import Site

        text = Text()
        for request in requests:
            if is_overdue(request) and not due_by_law(request):
                # A regulator's guidance on when to go to it (Australia's eSafety: 48
                # hours), not a legal deadline: said as what it is.
                route = place_site(request)
                if isinstance(route, Site):
                    text.append(_("{label}:").format(label=request.id) + " ", style="bold")
                    text.append(f"{guidance_passed(route)}\n")
            elif is_overdue(request):
                said = _("{id} is overdue:").format(id=request.id)
                text.append(f"{said} ", style="bold red")  # i18n: not shown
                text.append(_("the site's deadline has passed without removal.") + "\n")
            elif needs_follow_up(request):
                text.append(_("{label}:").format(label=request.id) + " ", style="bold")
                text.append(_("time to follow it up today.") + "\n")
        # The first rung (the site's own report) is what was done: n shows it in full.
        from tui.core.places.case_place import case_code

        place = case_code(open_case(self))
        found = [s for s in suggestions(requests, under_18, place=place) if s.rung != 1]
        if not found:
            return text
        # The steps hang under their own words at any width (a wrapped step would
        # otherwise run back under the label).
        steps = Table.grid()
        steps.add_column(no_wrap=True)
        steps.add_column(no_wrap=True)
        steps.add_column(ratio=1)
        for number, suggestion in enumerate(found[:4]):
            about = f"{suggestion.request} " if suggestion.request else ""
            label = Text(_("Next (n explains): ") if number == 0 else "", style="bold")
            steps.add_row(label, "• ", Text(f"{about}{suggestion.title}"))
        text.rstrip()
        return Group(text, steps) if text else steps

    def current_id(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        value: str | None = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return value

    # ---- actions ----------------------------------------------------------------

    @on(OptionList.OptionSelected, "#age AgeQuestion")  # i18n: not shown
    def age_answered(self, event: OptionList.OptionSelected) -> None:
        from tui.core.takedowns.letters import save_facts

        save_facts(open_case(self), under_18=event.option.id)
        self.reload()
        self.query_one(DataTable).focus()

    def action_age(self) -> None:
        """Ask again, saying what the answer is now; it stays until another is given."""
        under_18 = self.under_18
        if under_18:
            label = _(dict(AGE_ANSWERS).get(under_18, under_18))
            self.query_one("#age-question", Static).update(
                _("{question} Your answer now: {label}. {how} Escape keeps it.").format(
                    question=_(AGE_QUESTION), label=label, how=_(AGE_HOW)
                )
            )
            self.query_one("#age-answer").display = False
        self.query_one("#age").display = True
        self.query_one(AgeQuestion).focus()

    def action_back(self) -> None:
        """Back out of the question asked again (the answer stays), else out of the step."""
        if self.under_18 and self.query_one("#age").display:
            self.reload()
            self.query_one(DataTable).focus()
            return
        self.app.pop_screen()

    def action_add(self) -> None:
        from tui.screens.takedown_request import RequestScreen

        self.app.push_screen(RequestScreen(None), lambda new: self.reload(new))

    @on(DataTable.RowSelected)
    def action_edit(self) -> None:
        from tui.screens.takedown_request import RequestScreen

        request_id = self.current_id()
        if request_id is not None:
            self.app.push_screen(
                RequestScreen(request_id), lambda _unused: self.reload(request_id)
            )

    def action_directions(self) -> None:
        from tui.core.places.case_place import case_code
        from tui.core.takedowns.deadlines import for_place
        from tui.screens.reading import ReadingScreen, directions_text

        directions = for_place(case_code(open_case(self)))
        self.app.push_screen(
            ReadingScreen(
                _("Where and how to ask for removal"), directions_text(self.under_18, directions)
            )
        )

    def action_place(self) -> None:
        """Where you live: kept in the case; the deadlines and next steps follow it."""
        from tui.core.places.case_place import stored
        from tui.core.takedowns.deadlines import set_case_place
        from tui.screens.place import PlaceScreen

        def chosen(code: str | None) -> None:
            if code is not None and case_is_open(self):
                place = set_case_place(open_case(self), code)
                self.notify(
                    _("Where you live: {name}. Deadlines and next steps follow it.").format(
                        name=place.name
                    )
                )
                self.reload()

        self.app.push_screen(PlaceScreen(stored(open_case(self))), chosen)

    def action_next_steps(self) -> None:
        from tui.core.takedowns.next_steps import suggestions
        from tui.core.takedowns.requests import list_requests
        from tui.screens.reading import ReadingScreen

        text = Text()
        from tui.core.places.case_place import case_code

        vault = open_case(self)
        found = suggestions(list_requests(vault), self.under_18, place=case_code(vault))
        for suggestion in found:
            about = _("{label}:").format(label=suggestion.request) if suggestion.request else ""
            about += " " if about else ""
            rung = f"{suggestion.rung}. " if suggestion.rung else ""
            text.append(f"{about}{rung}{suggestion.title}\n", style="bold")
            text.append(suggestion.how + "\n")
            if suggestion.bring:
                text.append(
                    _("Bring: {things}.").format(things="; ".join(suggestion.bring)) + "\n"
                )
            if suggestion.link:
                text.append(suggestion.link + "\n", style="dim")
            text.append("\n")
        if not found:
            text.append(_("Nothing to do next for now. d shows every route there is.") + "\n")
        self.app.push_screen(ReadingScreen(_("What to do next"), text))

    def action_options(self) -> None:
        from tui.core.places.case_place import case_jurisdiction
        from tui.screens.reading import ReadingScreen, legal_text

        place = case_jurisdiction(open_case(self))
        self.app.push_screen(ReadingScreen(_("Your legal options"), legal_text(place)))

    def action_letter(self, kind: str) -> None:
        from tui.screens.letter_language import LetterInLanguageScreen

        request_id = self.current_id()
        if kind != "cease-desist" and request_id is None:
            self.notify(_("Add a request first (a): a letter is drafted for one request."))
            return
        if kind == "copyright" and self.under_18 != "no":
            self.notify(_(MINOR_LINE if self.under_18 else AGE_QUESTION), severity="warning")
            if not self.under_18:
                self.action_age()
            return
        self.app.push_screen(
            LetterInLanguageScreen(kind, "" if kind == "cease-desist" else request_id or "")
        )

    def action_package(self) -> None:
        from tui.screens.lawyer_package import LawyerPackageScreen

        self.app.push_screen(LawyerPackageScreen())


def guidance_passed(site: Site) -> str:
    """A request late only by a regulator's guidance on when to go to it (Australia's
    eSafety: 48 hours), in words that don't call it a legal deadline."""
    who, guidance, _unused = site.deadline_rule.partition("'s guidance")
    regulator = who.strip() if guidance and who.strip() else _("the regulator")
    return _(
        "No reply after {deadline_hours} hours: {regulator} suggests reporting it to them now."
    ).format(deadline_hours=site.deadline_hours, regulator=regulator)
