"""Choosing files to add: a file browser, and a field that takes typed or pasted paths
(over SSH the files are on the helper's machine, so pasting a path is often easiest).

Returns the chosen paths; the evidence screen copies them into the case."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rich.text import Text, TextType
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DirectoryTree, Footer, Input, Static

from tui.core.display import shown
from tui.core.errors import InputError
from tui.screens.case import places


class QuietDirectoryTree(DirectoryTree):
    """Hidden files and folders are left out, as a file manager does; names are shown
    as written (never read as markup) with control characters made visible."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [path for path in paths if not path.name.startswith(".")]

    def process_label(self, label: TextType) -> Text:
        if isinstance(label, str):
            return Text(shown(label))
        return Text(shown(label.plain), style=label.style)


class AddEvidenceScreen(Screen[list[Path] | None]):
    AUTO_FOCUS = "DirectoryTree"
    DEFAULT_CSS = """
    AddEvidenceScreen #heading { padding: 0 1; text-style: bold; color: $primary;
                                 background: $boost; width: 100%; }
    AddEvidenceScreen .hint { padding: 0 1; color: $text-muted; }
    AddEvidenceScreen #paths { margin: 0 1; }
    AddEvidenceScreen DirectoryTree { height: 1fr; margin: 0 1; border: round $surface-lighten-1; }
    AddEvidenceScreen DirectoryTree:focus { border: round $accent; }
    AddEvidenceScreen #chosen { padding: 0 1; height: auto; max-height: 4; }
    """
    BINDINGS = [
        Binding("ctrl+s", "done", "Add them", priority=True, tooltip="Copy into the case"),
        Binding("escape", "cancel", "Cancel"),
        Binding("f", "folder", "Whole folder", tooltip="Add every file in this folder"),
        Binding("backspace", "undo", "Drop last", tooltip="Take the last choice off the list"),
        Binding("tab", "app.focus_next", "Next field", show=False),
    ]

    def __init__(self, start: Path | None = None) -> None:
        super().__init__()
        self.start = start
        self.chosen: list[Path] = []

    def compose(self) -> ComposeResult:
        yield Static("Add evidence", id="heading")
        yield Static(
            "Enter on a file chooses it; f chooses the whole highlighted folder. Or type "
            "or paste paths below and press Enter. Ctrl+S copies what you chose into the case.",
            classes="hint",
        )
        yield Input(
            placeholder="Paste or type paths, e.g. ~/Pictures/Screenshots (quote names with "
            "spaces)",
            id="paths",
        )
        # On a kiosk the browser looks only at the clinic's import folders (removable
        # media): never at the kiosk's own disk, where an earlier client may have saved.
        yield QuietDirectoryTree(self.start or places(self).browse_root())
        yield Static("Nothing chosen yet.", id="chosen", markup=False)
        yield Footer()

    # ---- choosing ---------------------------------------------------------------

    def choose(self, paths: Iterable[Path]) -> None:
        for path in paths:
            if path not in self.chosen:
                self.chosen.append(path)
        self._show_chosen()

    def _show_chosen(self) -> None:
        if not self.chosen:
            text = "Nothing chosen yet."
        else:
            names = [f"{p.name or p}/" if p.is_dir() else p.name for p in self.chosen]
            listed = ", ".join(shown(name) for name in names[-4:])
            more = f"{len(names) - 4} more, " if len(names) > 4 else ""
            folders = sum(1 for p in self.chosen if p.is_dir())
            count = f"{len(self.chosen)} chosen"
            if folders:
                count += f" ({folders} whole folder{'s' if folders != 1 else ''})"
            text = f"{count}: {more}{listed}. Ctrl+S adds them to the case."
        self.query_one("#chosen", Static).update(text)

    @on(DirectoryTree.FileSelected)
    def file_selected(self, event: DirectoryTree.FileSelected) -> None:
        self.choose([event.path])

    @on(Input.Submitted, "#paths")
    def paths_typed(self) -> None:
        self._take_typed()

    def _take_typed(self) -> bool:
        """Choose the paths in the field; False (and a sentence) when one is wrong."""
        from tui.core.evidence.intake import parse_paths

        field = self.query_one("#paths", Input)
        try:
            paths = parse_paths(field.value)
        except InputError as error:
            self.notify(shown(str(error)), severity="warning", markup=False)
            return False
        missing = [path for path in paths if not path.exists()]
        if missing:
            self.notify(
                f"There is no file or folder at {shown(str(missing[0]))}. Check the path "
                "and try again.",
                severity="warning",
                markup=False,
            )
            return False
        self.choose(paths)
        field.value = ""
        return True

    def action_folder(self) -> None:
        tree = self.query_one(DirectoryTree)
        node = tree.cursor_node
        if node is None or node.data is None:
            return
        path = node.data.path
        self.choose([path if path.is_dir() else path.parent])

    def action_undo(self) -> None:
        if self.chosen:
            self.chosen.pop()
            self._show_chosen()

    def action_done(self) -> None:
        if self.query_one("#paths", Input).value.strip() and not self._take_typed():
            return
        if not self.chosen:
            self.notify("Choose at least one file or folder first.", severity="warning")
            return
        self.dismiss(list(self.chosen))

    def action_cancel(self) -> None:
        self.dismiss(None)
