"""One takedown request: the site, where the content is, the exhibits that show it, and
once sent its status, the site's reference, a PIN, when to follow up and notes (and,
where the place's clock runs from a regulator's notice, when that came). The
parts a valid request needs are listed with a tick or what is still missing.

Saved with Ctrl+S and just before a lock. Escape always leaves: an unchanged form just
closes; a changed one asks Save / Keep editing / Discard (the words of the exhibit and
event forms), never saving silently. The form opens with the cursor after the web
addresses, nothing selected."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Select, SelectionList, Static, TextArea

from tui.core.shared.display import shown
from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import N_, _
from tui.dialogs.unsaved import cursor_at_end
from tui.screens.case import case_is_open, open_case
from tui.screens.takedown_request_fields import LABELS, local_time, visible_value
from tui.widgets.fields import StoredInput, StoredTextArea

if TYPE_CHECKING:
    from collections.abc import Callable, Collection

    from tui.core.takedowns.requests import Request


def notice_clock(request: Request) -> str | None:
    """The clock that runs from a regulator's notice for this request where the person
    lives, in words for the label ("24 hours from the notice"), or None."""
    from tui.core.takedowns.deadlines import notice_site
    from tui.core.takedowns.sites import Site

    site = notice_site(request)
    if not isinstance(site, Site) or site.deadline_starts != "notice" or not site.deadline_hours:
        return None
    return _("{hours} hours from the notice").format(hours=site.deadline_hours)


class RequestScreen(Screen[str | None]):
    """Returns the request's id once it exists."""

    #: How this form is named if what was typed could not be saved at a lock.
    FORM_NAME = N_("the takedown request")
    DEFAULT_CSS = """
    RequestScreen #heading { padding: 0 1; text-style: bold; color: $primary;
                             background: $boost; width: 100%; }
    RequestScreen VerticalScroll { padding: 0 1; }
    RequestScreen Label { margin-top: 1; color: $text-muted; }
    RequestScreen VerticalScroll > Label:first-child { margin-top: 0; }
    RequestScreen Input { height: 1; border: none; background: $boost; padding: 0 1; }
    RequestScreen Input:focus { background: $primary 30%; border: none; }
    RequestScreen TextArea { height: 4; border: none; background: $boost; }
    RequestScreen TextArea:focus { background: $primary 30%; border: none; }
    RequestScreen SelectionList { height: auto; max-height: 6; border: none;
                                  background: $boost; }
    RequestScreen Select { width: 100%; }
    RequestScreen #asks, RequestScreen #parts { color: $text-muted; height: auto; }
    """
    BINDINGS = [
        Binding(
            "escape",
            "leave",
            N_("Back"),
            tooltip=N_("Go back (asks first if you changed anything)"),
        ),
        Binding("ctrl+s", "save", N_("Save"), priority=True),
        Binding("ctrl+r", "reveal", N_("Show PIN")),
    ]

    def __init__(self, request_id: str | None) -> None:
        super().__init__()
        self.request_id = request_id
        self.site_id = ""
        #: The form as last read or saved, by stored field: a save sends only what differs.
        self._loaded: dict[str, object] = {}
        #: The request's stored fields as this window last read them (see
        #: `tui.core.vault.edits`): a field changed elsewhere since is not overwritten
        #: without asking.
        self._base: dict[str, Any] = {}

    def compose(self) -> ComposeResult:
        from tui.core.evidence.model import list_exhibits
        from tui.core.takedowns.letters import helpline_sentence
        from tui.core.takedowns.requests import get_request
        from tui.core.takedowns.sites import shipped
        from tui.core.takedowns.states import STATUSES

        vault = open_case(self)
        request = get_request(vault, self.request_id) if self.request_id else None
        self._base = asdict(request) if request else {}
        directions = shipped()
        heading = _("A new takedown request")
        if request:
            heading = _("{label}: {value}").format(  # French: "R-002 : Reddit"
                label=request.id, value=directions.route(request.site).name
            )
        yield Static(heading, id="heading", markup=False)
        with VerticalScroll():
            if request is None:
                yield Label(_("Where to ask (d on the step shows every site's directions)"))
                choices = [(s.name, s.id) for s in directions.sites]
                choices += [
                    (_("{name} (hash-matching)").format(name=s.name), s.id)
                    for s in directions.hash_services
                ]
                yield Select(choices, prompt=_("Choose the site"), id="site", compact=True)
            yield Static("", id="asks", markup=False)
            yield Label(_("Where the content is: one web address per line"))
            yield StoredTextArea("\n".join(request.urls) if request else "", id="urls")
            yield Label(_("Evidence that shows it (Space ticks)"))
            linked = set(request.evidence) if request else set()
            yield SelectionList[str](
                *[
                    (
                        Content(f"{e.id}  {shown(e.description or e.original_name)}"),
                        e.id,
                        e.id in linked,
                    )
                    for e in list_exhibits(vault)
                ],
                id="evidence",
            )
            if request is not None:
                yield Label(_("Status (sent: choose submitted; the deadline runs from then)"))
                yield Select(
                    [(_(status), status) for status in STATUSES],
                    value=request.status,
                    allow_blank=False,
                    id="status",
                    compact=True,
                )
                yield Label(_("The site's reference or case number"))
                yield StoredInput(request.reference, id="reference")
                if (clock := notice_clock(request)) is not None:
                    yield Label(
                        _(
                            "When the regulator gave its removal notice ({clock}; leave empty "
                            "until it does), e.g. 2026-12-01 14:30"
                        ).format(clock=clock)
                    )
                    yield StoredInput(local_time(request.notice_at), id="notice")
                if sentence := helpline_sentence(vault):
                    yield Label(
                        _(
                            "Did you ask the helpline for help with this? Only after yes does "
                            'the letter say: "{sentence}"'
                        ).format(sentence=sentence)
                    )
                    yield Select(
                        [(_("Not said"), ""), (_("Yes"), "yes"), (_("No"), "no")],
                        value=request.helpline,
                        allow_blank=False,
                        id="helpline",
                        compact=True,
                    )
                yield Label(_("PIN, if the service gave one (it can't be recovered; kept here)"))
                yield StoredInput(request.pin, password=True, id="pin")
                yield Label(_("Follow up on (a date, e.g. 2026-12-01)"))
                yield StoredInput(request.follow_up, id="follow-up")
                yield Label(_("Notes"))
                yield StoredTextArea(request.notes, id="notes")
            yield Static("", id="parts")
        yield Footer()

    def on_mount(self) -> None:
        from tui.core.takedowns.requests import get_request

        if self.request_id:
            self._describe(get_request(open_case(self), self.request_id).site)
            urls = self.query_one("#urls", TextArea)
            urls.focus()
            cursor_at_end(urls)
            self._loaded = self._form()
        else:
            self.query_one("#site", Select).focus()

    @on(Select.Changed, "#site")
    def site_chosen(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self._describe(event.value)

    @on(TextArea.Changed, "#urls")
    def links_changed(self) -> None:
        if self.site_id:
            self._describe(self.site_id)

    def _describe(self, site_id: str) -> None:
        from tui.core.takedowns.letters import get_facts, request_parts
        from tui.core.takedowns.requests import Request
        from tui.core.takedowns.sites import HashService, shipped

        self.site_id = site_id
        route = shipped().route(site_id)
        if isinstance(route, HashService):
            asks = f"{route.how} {route.link}"
        else:
            asks = _("{route}. It asks for: {join}.").format(
                route=route.route,
                join=_("; ").join(route.asks_for),  # French: " ; "
            )
        self.query_one("#asks", Static).update(asks)
        urls = self.query_one("#urls", StoredTextArea).kept.split()
        parts = request_parts(Request("", site_id, urls), get_facts(open_case(self)))
        lines = [f"{'✓' if ok else '·'} {what}" for what, ok in parts]
        self.query_one("#parts", Static).update(
            "\n".join(
                [_("A valid request has:"), *lines, _("The letter (l) asks for what is missing.")]
            )
        )

    def action_reveal(self) -> None:
        if self.request_id:
            pin = self.query_one("#pin", Input)
            pin.password = not pin.password

    # ---- saving -----------------------------------------------------------------

    def _form(self) -> dict[str, object]:
        """An existing request's form, by the stored field each value goes to."""
        evidence: SelectionList[str] = self.query_one("#evidence", SelectionList)
        form: dict[str, object] = {
            "urls": self.query_one("#urls", StoredTextArea).kept.split(),
            "evidence": sorted(evidence.selected),
            "status": str(self.query_one("#status", Select).value),
            "reference": self.query_one("#reference", StoredInput).kept,
            "pin": self.query_one("#pin", StoredInput).kept,
            "follow_up": self.query_one("#follow-up", StoredInput).kept,
            "notes": self.query_one("#notes", StoredTextArea).kept,
        }
        for notice in self.query("#notice").results(StoredInput):
            form["notice_at"] = notice.kept.strip()
        for helpline in self.query("#helpline").results(Select):
            form["helpline"] = str(helpline.value)
        return form

    def _show(self, name: str, value: Any) -> None:
        """Put a stored value into its field (the other window's, kept by the person)."""
        if name == "urls":
            self.query_one("#urls", StoredTextArea).show("\n".join(value or []))
        elif name == "evidence":
            picker: SelectionList[str] = self.query_one("#evidence", SelectionList)
            picker.deselect_all()
            listed = {picker.get_option_at_index(i).value for i in range(picker.option_count)}
            for chosen in value or []:
                if chosen in listed:
                    picker.select(chosen)
        elif name == "status":
            self.query_one("#status", Select).value = value
        elif name == "notice_at":
            self.query_one("#notice", StoredInput).show(local_time(value))
        elif name == "helpline":
            self.query_one("#helpline", Select).value = value or ""
        elif name in ("reference", "pin", "notes", "follow_up"):
            widget = self.query_one("#follow-up" if name == "follow_up" else f"#{name}")
            if isinstance(widget, StoredInput | StoredTextArea):
                widget.show(value or "")

    def _write(self, drop: Collection[str] = ()) -> bool:
        """Add the request, or save the fields changed here over what this window read
        (`drop`: fields not to save); raises `EditConflict` (saving nothing) when one of
        them changed elsewhere too. False (said) when the site is still to be chosen."""
        from tui.core.takedowns.requests import add_request, update_request

        urls = self.query_one("#urls", StoredTextArea).kept.split()
        evidence_list: SelectionList[str] = self.query_one("#evidence", SelectionList)
        evidence = list(evidence_list.selected)
        if self.request_id is None:
            site = self.query_one("#site", Select).value
            if not isinstance(site, str):
                if not urls and not evidence:
                    return True  # an untouched new form: nothing to keep
                self.notify(_("Choose the site first."), severity="error")
                return False
            self.request_id = add_request(open_case(self), site, urls, evidence).id
            return True
        form = self._form()
        touched = {k for k, v in form.items() if v != self._loaded.get(k)} - set(drop)
        given: dict[str, Any] = {
            {"notice_at": "notice"}.get(k, k): v for k, v in form.items() if k in touched
        }
        if "evidence" in given:
            given["evidence"] = evidence
        saved = update_request(open_case(self), self.request_id, base=self._base, **given)
        typed = {k for k, v in form.items() if v != self._loaded.get(k)} - touched
        stored, read = asdict(saved), self._base
        for name in set(form) - typed - touched:  # changed elsewhere only: shown
            if stored.get(name) != read.get(name):
                self._show(name, stored.get(name))
        self._base = {k: read.get(k) if k in typed else v for k, v in stored.items()}
        loaded = self._loaded
        self._loaded = {k: loaded.get(k) if k in typed else v for k, v in self._form().items()}
        return True

    def save_now(self) -> bool:
        """Save, asking nothing (before a lock): a field also changed elsewhere is left as
        the other window saved it, and False says not all was saved."""
        from tui.core.vault.edits import EditConflict

        if not case_is_open(self):
            return True
        try:
            try:
                return self._write()
            except EditConflict as conflict:
                self._write(drop={item.field for item in conflict.conflicts})
                return False
        except ReclaimError as error:
            self.notify(shown(str(error)), severity="error", markup=False)
            return False

    def _save_asking(self, done: Callable[[], object]) -> None:
        """Save; a field also changed elsewhere opens the question that shows both
        values, and once the person chooses it is saved; then `done`."""
        from tui.core.vault.edits import EditConflict, resolved
        from tui.screens.conflicts import ask_which

        if not case_is_open(self):
            return
        try:
            if not self._write():
                return
        except EditConflict as conflict:
            found = conflict.conflicts

            def answered(keep_mine: set[str] | None) -> None:
                if keep_mine is None or not case_is_open(self):
                    self.notify(_("Nothing was saved; what you typed is still in the form."))
                    return
                self._base, _unused = resolved(self._base, {}, found, keep_mine)
                for item in found:
                    if item.field not in keep_mine:  # the other window's value, shown
                        self._show(item.field, item.theirs)
                        self._loaded[item.field] = self._form().get(item.field)
                self._save_asking(done)

            what = self.request_id or _("this request")
            ask_which(self, what, conflict, LABELS, answered, visible_value)
            return
        except ReclaimError as error:
            self.notify(shown(str(error)), severity="error", markup=False)
            return
        done()

    def action_save(self) -> None:
        was_new = self.request_id is None

        def saved() -> None:
            if self.request_id:
                self.notify(_("{request_id} saved.").format(request_id=self.request_id))
                if was_new:
                    self.dismiss(self.request_id)

        self._save_asking(saved)

    def changed(self) -> bool:
        """Whether the form holds anything not saved: for a new request, a site chosen,
        an address typed or evidence ticked."""
        if self.request_id is None:
            evidence: SelectionList[str] = self.query_one("#evidence", SelectionList)
            typed = self.query_one("#urls", StoredTextArea).kept.strip()
            return self._site_chosen() or bool(typed) or bool(evidence.selected)
        return self._form() != self._loaded

    def _site_chosen(self) -> bool:
        return any(isinstance(s.value, str) for s in self.query("#site").results(Select))

    def action_leave(self) -> None:
        """Go back: at once when nothing changed; else ask Save / Keep editing / Discard
        (a new request without its site: Keep editing or Discard, with the reason)."""
        from tui.dialogs.unsaved import ask_to_leave

        if not case_is_open(self) or not self.changed():
            self.dismiss(self.request_id)
            return
        problem = None
        if self.request_id is None:
            what, discard = _("this request"), _("Discard this request")
            after = _("Discard leaves the requests as they were, without this one.")
            if not self._site_chosen():
                problem = _("Choose the site first: a request is kept only with its site.")
        else:
            what, discard = self.request_id, _("Discard changes")
            after = _("Discard leaves {request_id} as it was last saved.").format(
                request_id=self.request_id
            )
        ask_to_leave(
            self,
            what,
            after,
            save=self._save_asking,
            leave=lambda: self.dismiss(self.request_id),
            problem=problem,
            discard=discard,
        )
