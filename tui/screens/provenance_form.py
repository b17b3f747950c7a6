"""Where evidence came from, as a small form: who captured it and in what role, how, from
whom when it was received, with which app, on what device and system, and whose clock
its time comes from (see `tui.core.evidence.provenance`).

`BatchProvenanceDialog` asks it once for the files of one add; the answers are
remembered for the next add while the case stays open (never written anywhere but the
case, and forgotten at a lock). "Skip for now" adds the files with nothing said of
where they came from."""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Mapping

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Footer, Input, Label, Select, Static

from tui.core.evidence.provenance import CHOICES, CLOCKS, LABELS
from tui.core.shared.i18n import N_, _, ngettext
from tui.core.vault.vault import Vault

#: The key that adds what was chosen, as the class names it (said through `add_words`).
ADD_THEM = N_("Add them")


def add_words(english: str, count: int) -> str:
    """A key's words where `count` files or folders were chosen: "Add it" for one ("Añadirlo",
    "L'ajouter"), "Add them" for more; any other key as the language says it."""
    if english == ADD_THEM:
        return ngettext("Add it", "Add them", max(count, 1))
    return _(english)


#: What is asked for a batch (the device and system are read from each file).
BATCH_FIELDS = ("captured_by", "role", "how", "from_whom", "app", "clock")
PLACEHOLDERS = {
    "captured_by": N_("a name, e.g. Sam Lee"),
    "from_whom": N_("only if someone sent it to you"),
    "app": N_("e.g. Instagram, the Photos app"),
    "device": N_("e.g. Apple iPhone 13"),
    "system": N_("e.g. iOS 17.1"),
}
#: What to ask when "received from someone else" is chosen with no name.
FROM_WHOM = N_("Who sent it to you? Type their name (or how you know them) in Received from.")

FORM_CSS = (
    "\n.prov-row { height: 1; margin-bottom: 1; }\n"  # i18n: not shown
    ".prov-row Label { width: 20; color: $text-muted; }\n"
    ".prov-row Input { width: 1fr; height: 1; border: none; background: $boost; padding: 0 1; }\n"
    ".prov-row Input:focus { background: $primary 30%; }\n"
    ".prov-row Select { width: 1fr; }\n"
)

_remembered: weakref.WeakKeyDictionary[Vault, dict[str, str]] = weakref.WeakKeyDictionary()


def remembered(vault: Vault) -> dict[str, str]:
    """The answers given for the last add in this open case ({} when none)."""
    return dict(_remembered.get(vault, {}))


def remember(vault: Vault, answers: Mapping[str, str]) -> None:
    _remembered[vault] = dict(answers)


def _options(name: str, value: str) -> list[tuple[str, str]]:
    choices = dict(CLOCKS if name == "clock" else CHOICES[name])
    if value and value not in choices:  # the person's own words for a clock
        choices[value] = value
    return [(_(words), key) for key, words in choices.items()]


def field_rows(
    names: Iterable[str], values: Mapping[str, str], guessed: Iterable[str] = ()
) -> ComposeResult:
    """One row per field: its label and an input, or a list for role, how and clock."""
    guesses = set(guessed)
    for name in names:
        value = values.get(name, "")
        label = _(LABELS[name])
        if name in guesses:
            label = _("{label} (from file)").format(label=label)
        with Horizontal(classes="prov-row"):
            yield Label(label, id=f"prov-label-{name}")
            if name in CHOICES or name == "clock":
                yield Select(
                    _options(name, value),
                    value=value or Select.NULL,
                    prompt=_("not said"),
                    compact=True,
                    id=f"prov-{name}",
                )
            else:
                yield Input(
                    value,
                    placeholder=_(PLACEHOLDERS.get(name, "")),
                    compact=True,
                    id=f"prov-{name}",
                )


def read_fields(screen: Widget | ModalScreen[object], names: Iterable[str]) -> dict[str, str]:
    """What the rows hold now, "" for a field left empty."""
    values: dict[str, str] = {}
    for name in names:
        widget = screen.query_one(f"#prov-{name}")
        if isinstance(widget, Select):
            chosen = widget.value
            values[name] = chosen if isinstance(chosen, str) else ""
        elif isinstance(widget, Input):
            values[name] = " ".join(widget.value.split())
    return values


def still_to_ask(values: Mapping[str, str]) -> str:
    """The one thing missing from the answers ('' when nothing is)."""
    if values.get("how") == "received" and not values.get("from_whom"):
        return _(FROM_WHOM)
    return ""


class BatchProvenanceDialog(ModalScreen[dict[str, str] | None]):
    """Where the chosen files came from: returns the answers (only those given), {} to
    skip for now, or None to go back to choosing files."""

    DEFAULT_CSS = (
        """
    BatchProvenanceDialog { align: center middle; }
    BatchProvenanceDialog > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 100%; padding: 0 1;
        border: round $accent; background: $surface;
    }
    BatchProvenanceDialog #question { text-style: bold; }
    BatchProvenanceDialog #explain { color: $text-muted; margin-bottom: 1; }
    """
        + FORM_CSS
    )
    BINDINGS = [
        Binding("ctrl+s", "use", ADD_THEM, priority=True),
        Binding("ctrl+n", "skip", N_("Skip for now"), priority=True),
        Binding("escape", "dismiss(None)", N_("Back")),
    ]

    def __init__(self, count: int, answers: Mapping[str, str]) -> None:
        """`count`: how many files or folders were chosen."""
        super().__init__()
        self.count = count
        self.answers = dict(answers)

    def key_words(self, english: str) -> str:
        return add_words(english, self.count)

    def compose(self) -> ComposeResult:
        question = (
            _("Where did this file come from?")
            if self.count == 1
            else _("Where did these files come from?")
        )
        with Vertical():
            yield Static(question, id="question", markup=False)
            yield Static(
                ngettext(
                    "It helps the evidence stand up. Ctrl+S adds it with these answers "
                    "(used again for your next files); Ctrl+N skips this for now.",
                    "It helps the evidence stand up. Ctrl+S adds them with these answers "
                    "(used again for your next files); Ctrl+N skips this for now.",
                    self.count,
                ),
                id="explain",
                markup=False,
            )
            yield from field_rows(BATCH_FIELDS, self.answers)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#prov-captured_by", Input).focus()

    def action_use(self) -> None:
        values = read_fields(self, BATCH_FIELDS)
        if question := still_to_ask(values):
            self.notify(question, severity="warning", markup=False)
            self.query_one("#prov-from_whom", Input).focus()
            return
        self.dismiss({name: value for name, value in values.items() if value})

    def action_skip(self) -> None:
        self.dismiss({})


def taken_in_by(vault: Vault) -> str:
    """Who is taking files into this case, as `reclaim evidence add` says it: the name
    given for letters, else the first of the profile's names ('' when neither is known)."""
    from tui.core.passwords.profile import load
    from tui.core.takedowns.letters import get_facts

    name = get_facts(vault).name
    if name:
        return name
    names = load(vault).names
    return names[0] if names else ""
