"""Choosing files to add: a field that takes typed or pasted paths (over SSH the files
are on the helper's machine, so pasting a path is often easiest), and a file browser.

The screen opens in the path field, and no single-letter key acts while the person is
typing there: the browser's own keys (f, Backspace) belong to the browser and only work
when it has the focus. A whole folder is never chosen without saying first how many
files it holds and asking (the answer offered first is No).

Once files are chosen, Ctrl+S asks where they came from (once for the whole batch, the
last answers offered again; see `tui.screens.provenance_form`). Returns the chosen paths
with those answers; the evidence screen copies them into the case."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rich.text import Text, TextType
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DirectoryTree, Footer, Input, Static

from tui.core.evidence.intake import FolderCount
from tui.core.kiosk import doors
from tui.core.shared import text as words
from tui.core.shared.display import shown
from tui.core.shared.errors import InputError
from tui.core.shared.i18n import N_, _, ngettext
from tui.screens.add_evidence_kept import keep_choice, kept_choice
from tui.screens.case import open_case, save_folders
from tui.screens.provenance_form import ADD_THEM, add_words
from tui.widgets.key_words import speak_keys

HINT = N_(
    "Type or paste paths (put quotes around a name with spaces) and press Enter, or press "
    "Tab to browse: there Enter chooses a file and f a whole folder. Ctrl+S copies them "
    "into the case."
)


def folder_question(folders: list[Path], count: FolderCount) -> str:
    """'Add 1,204 files (3.1 GB) from /home/sam, and its subfolders?'"""
    number, size = f"{count.files:,}", words.size(count.bytes)
    if count.more:
        files = ngettext("more than {count} file", "more than {count} files", count.files).format(
            count=number
        )
        size = _("over {size}").format(size=size)
    else:
        files = ngettext("{count} file", "{count} files", count.files).format(count=number)
    if len(folders) == 1:
        return _("Add {files} ({size}) from {folder}, and its subfolders?").format(
            files=files, size=size, folder=shown(str(folders[0]))
        )
    names = ", ".join(shown(str(folder)) for folder in folders[:3])
    if len(folders) > 3:
        names = _("{names} and {count} more").format(names=names, count=len(folders) - 3)
    return _("Add {files} ({size}) from {count} folders ({names}), and their subfolders?").format(
        files=files, size=size, count=len(folders), names=names
    )


@dataclass
class Chosen:
    """The files to add, and where the person said they came from ({}: not said yet)."""

    paths: list[Path]
    provenance: dict[str, str] = field(default_factory=dict)


class QuietDirectoryTree(DirectoryTree):
    """Hidden files and folders are left out, as a file manager does; names are shown
    as written (never read as markup) with control characters made visible.

    Its keys live here, not on the screen, so that they act only while the browser has
    the focus: an f typed in the path field is a letter of a path, never "whole folder"."""

    BINDINGS = [
        Binding(
            "f", "screen.folder", N_("Whole folder"), tooltip=N_("Add every file in this folder")
        ),
        Binding(
            "backspace", "screen.undo", N_("Drop last"), tooltip=N_("Take the last choice off")
        ),
    ]

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        # On a kiosk, a link to a place its doors refuse (another client's case) is left out.
        return [path for path in paths if not path.name.startswith(".") and doors.passes(path)]

    def process_label(self, label: TextType) -> Text:
        if isinstance(label, str):
            return Text(shown(label))
        return Text(shown(label.plain), style=label.style)


class AddEvidenceScreen(Screen[Chosen | None]):
    AUTO_FOCUS = "#paths"
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
        Binding("ctrl+s", "done", ADD_THEM, priority=True, tooltip=N_("Copy into the case")),
        Binding("escape", "cancel", N_("Cancel")),
        Binding("tab", "app.focus_next", N_("Next field"), show=False),
    ]

    def __init__(self, start: Path | None = None) -> None:
        super().__init__()
        self.start = start
        self.chosen: list[Path] = []
        self.asking = False
        """True while a folder is being counted or asked about: nothing else is chosen
        (or added) until the person has answered."""

    def compose(self) -> ComposeResult:
        yield Static(_("Add evidence"), id="heading")
        yield Static(_(HINT), classes="hint")
        yield Input(
            placeholder=_("Paste or type paths, e.g. ~/Pictures/Screenshots"),
            id="paths",
        )
        # On a kiosk the browser looks only at the clinic's import folders (removable
        # media): never at the kiosk's own disk, where an earlier client may have saved.
        yield QuietDirectoryTree(self.start or save_folders(self).browse_root())
        yield Static(_("Nothing chosen yet."), id="chosen", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """What this screen held at the case's last lock, if anything: given back."""
        if kept := kept_choice(self):
            typed, chosen = kept
            field = self.query_one("#paths", Input)
            field.value = typed
            field.cursor_position = len(typed)
            self.choose(chosen)

    def keep_over_lock(self) -> None:
        keep_choice(self, self.query_one("#paths", Input).value, self.chosen)

    # ---- choosing ---------------------------------------------------------------

    def choose(self, paths: Iterable[Path]) -> None:
        for path in paths:
            if path not in self.chosen:
                self.chosen.append(path)
        self._show_chosen()

    def key_words(self, english: str) -> str:
        return add_words(english, len(self.chosen))

    def _show_chosen(self) -> None:
        speak_keys(self)  # "Add it" once one is chosen, "Add them" for more
        self.refresh_bindings()
        if not self.chosen:
            text = _("Nothing chosen yet.")
        else:
            names = [f"{p.name or p}/" if p.is_dir() else p.name for p in self.chosen]
            listed = ", ".join(shown(name) for name in names[-4:])
            if len(names) > 4:
                listed = _("{count} more, {names}").format(count=len(names) - 4, names=listed)
            folders = sum(1 for p in self.chosen if p.is_dir())
            chosen = len(self.chosen)
            count = ngettext("{count} chosen", "{count} chosen", chosen).format(count=chosen)
            if folders:
                count = ngettext(
                    "{chosen} ({folders} whole folder)",
                    "{chosen} ({folders} whole folders)",
                    folders,
                ).format(chosen=count, folders=folders)
            text = ngettext(
                "{count}: {names}. Ctrl+S adds it to the case.",
                "{count}: {names}. Ctrl+S adds them to the case.",
                chosen,
            ).format(count=count, names=listed)
        self.query_one("#chosen", Static).update(text)

    @on(DirectoryTree.FileSelected)
    def file_selected(self, event: DirectoryTree.FileSelected) -> None:
        if not self.asking:
            self.choose([event.path])

    @on(Input.Submitted, "#paths")
    def paths_typed(self) -> None:
        self._take_typed()

    def _take_typed(self, then_done: bool = False) -> None:
        """Choose the paths in the field (a sentence instead when one is wrong). Folders
        among them are counted and asked about first; `then_done`: once chosen, go on to
        add everything (Ctrl+S pressed with paths still in the field)."""
        from tui.core.evidence.intake import parse_paths
        from tui.core.shared.unwritable import not_found

        if self.asking:
            return
        field = self.query_one("#paths", Input)
        try:
            paths = parse_paths(field.value)
            missing = [path for path in paths if not path.exists()]
        except InputError as error:
            self.notify(shown(str(error)), severity="warning", markup=False)
            return
        except (OSError, ValueError, RuntimeError) as error:  # a name too long, ~nobody…
            self.notify(not_found(error), severity="warning")
            return
        if missing:
            self.notify(
                _("There is no file or folder at {shown}. Check the path and try again.").format(
                    shown=shown(str(missing[0]))
                ),
                severity="warning",
                markup=False,
            )
            return
        folders = [path for path in paths if path.is_dir()]
        if folders:
            self.ask_about_folders(paths, folders, clear=True, then_done=then_done)
            return
        self.choose(paths)
        field.value = ""
        if then_done:
            self._finish()

    def action_folder(self) -> None:
        if self.asking:
            return
        tree = self.query_one(DirectoryTree)
        node = tree.cursor_node
        if node is None or node.data is None:
            return
        path = node.data.path
        folder = path if path.is_dir() else path.parent
        if folder in self.chosen:
            self.notify(
                _("{shown} is chosen already.").format(shown=shown(str(folder))), markup=False
            )
            return
        self.ask_about_folders([folder], [folder])

    @work(exclusive=True, group="folder")
    async def ask_about_folders(
        self, paths: list[Path], folders: list[Path], clear: bool = False, then_done: bool = False
    ) -> None:
        """Count what the folders hold (in a thread, bounded in files and time: a home
        folder can hold millions), say it, and choose `paths` only on a yes. A folder with
        nothing to add is said so and not chosen."""
        from tui.core.evidence.intake import count_folder
        from tui.dialogs.choice import ChoiceDialog

        self.asking = True
        line = self.query_one("#chosen", Static)
        try:
            line.update(
                _("Counting the files in {shown}… (Esc stops)").format(
                    shown=shown(str(folders[0]))
                )
            )
            counts = [await asyncio.to_thread(count_folder, folder) for folder in folders]
            self._show_chosen()
            empty = [
                folder for folder, count in zip(folders, counts, strict=True) if not count.files
            ]
            if empty:
                self.notify(
                    _(
                        "The folder {folder} has no files in it (hidden files are left out). "
                        "Nothing was chosen from it."
                    ).format(folder=shown(str(empty[0]))),
                    severity="warning",
                    markup=False,
                )
                return
            total = FolderCount(
                sum(count.files for count in counts),
                sum(count.bytes for count in counts),
                any(count.more for count in counts),
            )
            answer = await self.app.push_screen_wait(
                ChoiceDialog(
                    folder_question(folders, total),
                    _(
                        "Every one of them will be copied into the case, untouched. If you "
                        "meant only some files, choose No and pick them one by one."
                    ),
                    [("no", _("No, go back")), ("yes", _("Yes, add them"))],
                )
            )
        finally:
            self.asking = False
            if line.is_attached:
                self._show_chosen()
        if answer != "yes":
            return
        self.choose(paths)
        if clear:
            self.query_one("#paths", Input).value = ""
        if then_done:
            self._finish()

    def action_undo(self) -> None:
        if self.chosen and not self.asking:
            self.chosen.pop()
            self._show_chosen()

    def action_done(self) -> None:
        if self.asking:
            return
        if self.query_one("#paths", Input).value.strip():
            self._take_typed(then_done=True)
            return
        self._finish()

    def _finish(self) -> None:
        if not self.chosen:
            self.notify(_("Choose at least one file or folder first."), severity="warning")
            return
        from tui.screens.provenance_form import BatchProvenanceDialog, remember, remembered

        vault = open_case(self)

        def answered(answers: dict[str, str] | None) -> None:
            if answers is None:  # back to choosing
                return
            if answers:
                remember(vault, answers)
            self.dismiss(Chosen(list(self.chosen), answers))

        self.app.push_screen(BatchProvenanceDialog(len(self.chosen), remembered(vault)), answered)

    def action_cancel(self) -> None:
        """Back out; while a folder is still being counted, stop the counting only (the
        question never comes, nothing is chosen)."""
        if self.asking:
            self.workers.cancel_group(self, "folder")
            self.asking = False
            self._show_chosen()
            return
        self.dismiss(None)
