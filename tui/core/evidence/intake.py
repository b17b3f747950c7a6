"""Adding many files at once (several chosen files, or whole folders), with overall
progress in bytes and files, and a clean stop when the person cancels.

Each file is copied into its blob (written and fsynced) on its own; the record takes them
in batches (`Batcher`: a few hundred files, or a second of work, per transaction), so a
folder of thousands costs a few saves of the record, not thousands. What was copied
before a stop is recorded, and the file being copied at that moment leaves nothing
behind."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.evidence.adding import (
    IntakeResult,
    Staged,
    discard_staged,
    record_staged,
    stage_file,
)
from tui.core.evidence.model import Exhibit
from tui.core.kiosk import doors
from tui.core.kiosk.doors import DoorClosed
from tui.core.shared import clock
from tui.core.shared.errors import Cancelled, InputError, ReclaimError, explain
from tui.core.shared.i18n import _, ngettext
from tui.core.vault.vault import Vault

#: A batch is recorded once it holds this many files or this much work has gone by,
#: and before a file this big is copied (what is copied is acknowledged before a long
#: copy starts; next to such a file, one more save of the record costs nothing).
BATCH_FILES = 500
BATCH_SECONDS = 1.0
BATCH_BIG_FILE = 4 * 1024 * 1024

#: (bytes done, bytes in all, files done, files in all); may raise Cancelled.
BatchProgress = Callable[[int, int, int, int], None]


@dataclass
class BatchResult:
    added: list[Exhibit] = field(default_factory=list)
    already: list[tuple[Path, Exhibit]] = field(default_factory=list)
    """Files whose exact bytes were already in the case."""
    problems: list[str] = field(default_factory=list)
    """One sentence per file that could not be added."""
    cancelled: bool = False

    def summary(self) -> str:
        """One or two sentences, in the language spoken."""
        added = len(self.added)
        parts = [ngettext("Added {count} item", "Added {count} items", added).format(count=added)]
        if self.already:
            already = len(self.already)
            parts.append(
                ngettext(
                    "{count} already in the case", "{count} already in the case", already
                ).format(count=already)
            )
        if self.problems:
            unread = len(self.problems)
            parts.append(
                ngettext("{count} could not be read", "{count} could not be read", unread).format(
                    count=unread
                )
            )
        text = ", ".join(parts) + "."
        if self.cancelled:
            text = _(
                "Stopped. {said} The file being copied when you stopped was not kept."
            ).format(said=text)
        return text


def _visible_files(folder: Path) -> Iterator[Path]:
    """Every file under `folder`, hidden files and folders left out, in name order."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            # On a kiosk, a link to a place its doors refuse is left out, like a hidden file.
            if not name.startswith(".") and doors.passes(Path(root) / name):
                yield Path(root) / name


def expand(paths: Iterable[Path]) -> tuple[list[Path], list[str]]:
    """Files to add (folders opened up, repeats dropped) and a sentence per bad path."""
    files: list[Path] = []
    problems: list[str] = []
    seen: set[Path] = set()
    for path in paths:
        path = path.expanduser()
        try:
            doors.check_readable(path)
        except DoorClosed as error:
            problems.append(str(error))
            continue
        if path.is_dir():
            found = list(_visible_files(path))
            if not found:
                problems.append(_("The folder {path} has no files in it.").format(path=path))
            candidates = found
        elif path.exists():
            candidates = [path]
        else:
            problems.append(_("There is no file or folder at {path}.").format(path=path))
            continue
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                files.append(candidate)
    return files, problems


class Batcher:
    """Gathers staged files and records them a batch at a time: one transaction per
    `BATCH_FILES` files or `BATCH_SECONDS` of work. `recorded` hears of each file once
    the record holding it is saved (only then is it acknowledged); `failed`, of each file
    that could not be recorded (without it, the error is raised)."""

    def __init__(
        self,
        vault: Vault,
        recorded: Callable[[Path, IntakeResult], None],
        failed: Callable[[Path, Exception], None] | None = None,
    ) -> None:
        self._vault = vault
        self._recorded = recorded
        self._failed = failed
        self._batch: list[tuple[Path, Staged]] = []
        self._started = 0.0

    def ahead(self, size: int) -> None:
        """Say how big the next file is: before a big one, what is staged is recorded."""
        if size >= BATCH_BIG_FILE:
            self.flush()

    def add(self, path: Path, staged: Staged) -> None:
        if not self._batch:
            self._started = clock.monotonic()
        self._batch.append((path, staged))
        if len(self._batch) >= BATCH_FILES or clock.monotonic() - self._started >= BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        batch, self._batch = self._batch, []
        if not batch:
            return
        try:
            outcomes = self._record(batch)
        finally:
            discard_staged(staged for _path, staged in batch)
        for (path, _staged), outcome in zip(batch, outcomes, strict=True):
            if isinstance(outcome, IntakeResult):
                self._recorded(path, outcome)
            elif self._failed is not None:
                self._failed(path, outcome)
            else:
                raise outcome

    def discard(self) -> None:
        """Drop what is staged and not recorded (work stopped by an error)."""
        batch, self._batch = self._batch, []
        discard_staged(staged for _path, staged in batch)

    def _record(self, batch: list[tuple[Path, Staged]]) -> list[IntakeResult | Exception]:
        try:
            return list(record_staged(self._vault, [staged for _, staged in batch]))
        except ReclaimError as error:  # the case busy or damaged: the same for every file
            return [error] * len(batch)
        except OSError as error:
            if len(batch) == 1:
                return [error]
        # A disk problem: one file at a time, so that one bad file costs only itself.
        outcomes: list[IntakeResult | Exception] = []
        for _path, staged in batch:
            try:
                outcomes.append(record_staged(self._vault, [staged])[0])
            except (OSError, ReclaimError) as error:
                outcomes.append(error)
        return outcomes


def add_many(
    vault: Vault,
    paths: Iterable[Path],
    progress: BatchProgress | None = None,
    provenance: Mapping[str, str] | None = None,
    taken_in_by: str = "",
) -> BatchResult:
    """`provenance`: where the files came from, said once for all of them (see
    `stage_file`); `taken_in_by`: who is adding them, for the custody entries."""
    files, problems = expand(paths)
    result = BatchResult(problems=problems)

    def recorded(path: Path, outcome: IntakeResult) -> None:
        if outcome.duplicate:
            result.already.append((path, outcome.exhibit))
        else:
            result.added.append(outcome.exhibit)

    def failed(path: Path, error: Exception) -> None:
        result.problems.append(f"{path.name}: {explain(error, _('adding it'))}")

    batcher = Batcher(vault, recorded, failed)
    sizes = []
    for path in files:
        try:
            sizes.append(path.stat().st_size)
        except OSError:
            sizes.append(0)
    total = sum(sizes)
    before = 0
    try:
        for index, (path, size) in enumerate(zip(files, sizes, strict=True)):
            if progress is not None:
                progress(before, total, index, len(files))

            def one(done: int, _size: int, start: int = before, index: int = index) -> None:
                if progress is not None:
                    progress(start + done, max(total, start + done), index, len(files))

            try:
                batcher.ahead(size)
                staged = stage_file(
                    vault, path, progress=one, provenance=provenance, taken_in_by=taken_in_by
                )
                batcher.add(path, staged)
            except Cancelled:
                result.cancelled = True
                break
            except InputError as error:
                result.problems.append(str(error))
            except (ReclaimError, OSError) as error:
                failed(path, error)
            before += size
        batcher.flush()  # what was copied before a stop is kept
    except BaseException:
        batcher.discard()
        raise
    if progress is not None and not result.cancelled:
        progress(total, total, len(files), len(files))
    return result


def parse_paths(text: str) -> list[Path]:
    """Paths typed or pasted by the person: one per line, or several separated by spaces
    with quotes or backslashes around spaces in names (as terminals paste dropped files),
    or `file://` addresses."""
    import shlex
    from urllib.parse import unquote, urlparse

    text = text.strip()
    if not text:
        return []
    whole = Path(text).expanduser()
    try:
        one_name = whole.exists()  # one name with spaces, typed without quotes
    except OSError:  # a name too long for the system is not one name
        one_name = False
    if one_name:
        return through_doors([whole])
    try:
        parts = shlex.split(text)
    except ValueError:
        raise InputError(
            _("A quote in those paths is not closed. Put quotes around each name with spaces.")
        ) from None
    paths = []
    for part in parts:
        if part.startswith("file://"):
            part = unquote(urlparse(part).path)
        paths.append(Path(part).expanduser())
    return through_doors(paths)


def through_doors(paths: list[Path]) -> list[Path]:
    """`paths`, once each has passed the kiosk's doors (DoorClosed otherwise): on a
    clinic's computer only its import folders and a client's own drive. Checked before
    anything is said of a path (whether it exists, what a folder holds)."""
    for path in paths:
        doors.check_readable(path)
    return paths


#: Where counting a folder stops: enough to tell "a few hundred" from "your whole disk",
#: without walking a home folder of millions of files before the question can be asked.
COUNT_LIMIT = 100_000
COUNT_SECONDS = 2.0


@dataclass(frozen=True)
class FolderCount:
    """What adding a whole folder would add: its visible files and their size."""

    files: int
    bytes: int
    more: bool = False
    """True when counting stopped early: there are more files than `files`."""


def count_folder(
    folder: Path, limit: int = COUNT_LIMIT, seconds: float = COUNT_SECONDS
) -> FolderCount:
    """Count the files (and bytes) that `expand` would take from `folder`, subfolders
    included, so that the person can be told what a whole folder holds before it is
    copied into the case. Stops after `limit` files or `seconds` (a slow or huge disk),
    whichever comes first: by then the answer is "more than this", which is enough to
    decide. Files that can't be read count as empty; a folder that can't be opened is
    skipped, as `expand` would."""
    doors.check_readable(folder)  # on a kiosk, nothing is said of a folder it refuses
    deadline = clock.monotonic() + seconds
    files = 0
    size = 0
    for path in _visible_files(folder.expanduser()):
        if files >= limit or (files % 256 == 0 and files and clock.monotonic() > deadline):
            return FolderCount(files, size, more=True)
        files += 1
        with contextlib.suppress(OSError):
            size += path.stat().st_size
    return FolderCount(files, size)
