"""The files inside an exhibit (a document's pictures, an email's or a PDF's attachments),
each with a box to tick: those ticked are taken in as exhibits of their own, linked to
the exhibit they came from (`tui.core.evidence.inner_exhibits`; the exhibit screen's
Ctrl+F, `tui.screens.exhibit_inner`)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, SelectionList, Static
from textual.widgets.selection_list import Selection

from tui.core.evidence.inner_exhibits import InnerChoice, InnerResult
from tui.core.shared.display import shown
from tui.core.shared.i18n import N_, _, ngettext
from tui.core.shared.text import size


def choice_words(choice: InnerChoice) -> str:
    """One file as its line in the list: its name, size and whether it is taken already."""
    text = f"{shown(choice.name)}  ({size(choice.size)})"
    if not choice.readable:
        return text + "  " + _("can't be read")
    if choice.already:
        return text + "  " + _("already in the case as {id}").format(id=choice.already)
    return text


class InnerFilesDialog(ModalScreen[list[str] | None]):
    """Space ticks a file; Ctrl+S takes the ticked ones in; Escape takes none."""

    DEFAULT_CSS = """
    InnerFilesDialog { align: center middle; }
    InnerFilesDialog > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 90%; padding: 1 2;
        border: round $accent; background: $surface;
    }
    InnerFilesDialog #inner-question { text-style: bold; }
    InnerFilesDialog SelectionList { height: auto; max-height: 14; margin-top: 1; }
    """
    AUTO_FOCUS = "#inner-files"
    BINDINGS = [
        Binding("escape", "dismiss(None)", N_("Back"), id="inner.cancel"),
        Binding("ctrl+s", "take", N_("Take in the ticked"), priority=True, id="inner.take"),
    ]

    def __init__(self, exhibit_id: str, choices: list[InnerChoice]) -> None:
        super().__init__()
        self.exhibit_id = exhibit_id
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical():
            question = _("Files inside {id}: tick those to keep as exhibits of their own.")
            yield Static(question.format(id=self.exhibit_id), id="inner-question", markup=False)
            yield Static(
                _("Space ticks a file, Ctrl+S takes them in. The original stays as it is."),
                id="inner-explain",
                markup=False,
            )
            yield SelectionList[str](
                *(
                    Selection(
                        choice_words(choice), choice.where, False, disabled=not choice.readable
                    )
                    for choice in self.choices
                ),
                id="inner-files",
            )
        yield Footer()

    def action_take(self) -> None:
        self.dismiss(list(self.query_one("#inner-files", SelectionList).selected))


def result_words(result: InnerResult) -> str:
    """What taking the files in did, a sentence for each kind of outcome."""
    said: list[str] = []
    if result.added:
        ids = ", ".join(exhibit.id for exhibit in result.added)
        said.append(
            ngettext(
                "Taken in as an exhibit of its own: {ids}.",
                "Taken in as exhibits of their own: {ids}.",
                len(result.added),
            ).format(ids=ids)
        )
    for name, exhibit in result.already:
        said.append(
            _("{name} is already in the case as {id}.").format(name=shown(name), id=exhibit.id)
        )
    said += [shown(problem) for problem in result.problems]
    return "\n".join(said) or _("Nothing was taken in.")
