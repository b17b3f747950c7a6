"""Safety first: the emergency number where the person lives, what to do if threatened
with violence, and who can help (the clinic's contacts on top, then the place's helplines
and reporting services). F1 opens it from anywhere; Escape or F1 closes it again; j says
where you live."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from tui.core.places.model import with_the
from tui.core.safety import Safety, safety_page
from tui.core.shared.display import shown
from tui.core.shared.i18n import N_, _
from tui.host import host
from tui.widgets.hanging import bullets


def _plain(text: str) -> str:
    """A contact from the clinic's settings file, inside markup: shown as written."""
    return escape(shown(text))


class SafetyScreen(ModalScreen[None]):
    CSS_PATH = "safety.tcss"
    BINDINGS = [
        Binding(
            "escape,f1",
            "dismiss",
            N_("Close"),
            tooltip=N_("Back to where you were"),
            id="safety.close",
        ),
        Binding(
            "j",
            "place",
            N_("Where you live"),
            tooltip=N_("Say where you live: it decides the emergency number and helplines shown"),
            id="safety.place",
        ),
    ]

    def __init__(self, safety: Safety | None = None) -> None:
        """`safety` as given, else the app's settings' general advice."""
        super().__init__()
        self._given = safety

    @property
    def safety(self) -> Safety:
        if self._given is None:
            self._given = safety_page(host(self).settings)
        return self._given

    def on_mount(self) -> None:
        """With a case open, its place decides what is shown."""
        from tui.core.places.case_place import case_code

        vault = host(self).vault
        if vault is not None:
            self.show(safety_page(host(self).settings, case_code(vault)))

    def show(self, safety: Safety) -> None:
        self._given = safety
        panel = self.query_one("#safety-panel", VerticalScroll)
        panel.remove_children()
        panel.mount_all(self._parts())

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="safety-panel") as panel:
            panel.border_title = self.safety.title
            yield from self._parts()
        yield Footer()

    def _parts(self) -> list[Static]:
        safety = self.safety
        parts = []
        if safety.emergency is not None:
            parts.append(
                Static(
                    _("Emergency: [b]{plain}[/]  [dim]{plain2}[/]").format(
                        plain=_plain(safety.emergency.how), plain2=_plain(safety.emergency.note)
                    ),
                    classes="emergency",
                )
            )
        parts.append(Static(safety.intro, classes="intro"))
        # A hanging indent: a wrapped line stays under its words, not the bullet.
        parts.append(
            Static(bullets((shown(step) for step in safety.steps), indent=0), classes="steps")
        )
        heading = (
            _("Who can help · j says where you live")
            if safety.general
            else _("Who can help in {place}").format(place=_plain(with_the(safety.place)))
        )
        parts.append(Static(heading, classes="heading"))
        for contact in safety.contacts:
            parts.append(
                Static(f"[b]{_plain(contact.name)}[/]: {_plain(contact.how)}", classes="contact")
            )
            if contact.note:  # its own block, so its wrapped lines keep the indent
                parts.append(
                    Static(
                        _("[dim]{plain}[/]").format(plain=_plain(contact.note)),
                        classes="contact-note",
                    )
                )
        return parts

    def action_place(self) -> None:
        from tui.core.places.case_place import case_code
        from tui.core.takedowns.deadlines import set_case_place
        from tui.screens.place import PlaceScreen

        vault = host(self).vault
        current = case_code(vault) if vault is not None else ""

        def chosen(code: str | None) -> None:
            if code is None:
                return
            if vault is not None:
                set_case_place(vault, code)  # kept in the case: the other steps follow it
            self.show(safety_page(host(self).settings, code))

        self.app.push_screen(PlaceScreen(current), chosen)
