"""Where what a person makes (a binder, a letter, a package, an account) is saved, and,
at a clinic's kiosk, making sure nothing of one client is left for the next.

On a person's own computer the defaults are their home folder with a dated name. On a
kiosk there is no shared default: files go to the clinic's `[kiosk] export_dir` (a
removable drive, say) or wherever the client types, names carry no date (a dated name
tells the next client someone made a binder today), the file browser looks only at the
clinic's import folders (removable media), and whatever was written to the kiosk's own
disk during the session is removed when the case locks (the kiosk's doors, doors.py,
already keep writes to the export folder and removable drives; this is the second line)."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.kiosk import mounts
from tui.core.shared import clock


def _free(path: Path) -> Path:
    """`path`, or with -2, -3… if a file of that name is there (discreet mode's names
    are all alike: a binder and a letter made the same day would share one)."""
    found, number = path, 1
    while os.path.lexists(found) and number < 100:
        number += 1
        found = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return found


@dataclass
class SaveFolders:
    kiosk: bool = False
    export_dir: Path | None = None
    import_dirs: tuple[Path, ...] = (Path("/media"), Path("/run/media"))
    cases_dir: Path | None = None
    """The kiosk's cases, each client's own: never read from or written to by a door."""
    written: list[Path] = field(default_factory=list)
    """What this session wrote (kiosk only, resolved), to clear from the kiosk's disk
    at lock."""
    neutral: bool = False
    """Discreet mode: names that say nothing of what the files are (`notes-…`); the
    app keeps it up to date (a case made discreet)."""

    def guard(self) -> None:
        """Install this kiosk's doors (`doors.py`), or, away from a kiosk, open them."""
        from tui.core.kiosk import doors

        rules = doors.Rules(self.import_dirs, self.export_dir, self.cases_dir)
        doors.install(rules if self.kiosk else None)

    def default_target(self, stem: str, suffix: str = "") -> Path | None:
        """Where to offer to save `reclaim-<stem>`, the stem in the person's language
        (`offered_names`; in discreet mode `notes-…`, saying nothing of what it is);
        None on a kiosk without an export folder: then the client types where (their
        own drive)."""
        from tui.core.kiosk.offered_names import APP, offered_stem

        name = "notes" if self.neutral else f"{APP}-{offered_stem(stem)}"
        if not self.kiosk:
            day = clock.utc_now().date().isoformat()
            target = Path.home() / f"{name}-{day}{suffix}"
            return _free(target) if self.neutral else target
        if self.export_dir is None:
            return None
        import secrets  # here, not at the top: it is not needed for the first frame

        return self.export_dir / f"{name}-{secrets.token_hex(3)}{suffix}"

    def browse_root(self) -> Path:
        """Where the file browser starts: home, or on a kiosk the first import folder
        that exists (an empty, harmless place when none does)."""
        if not self.kiosk:
            return Path.home()
        for folder in self.import_dirs:
            if folder.is_dir():
                return folder
        return self.import_dirs[0] if self.import_dirs else Path("/media")

    def remember(self, path: Path) -> None:
        """Note a file or folder this session wrote (only a kiosk needs to know), as
        where it really is: the folder above it resolved (links and `..` followed)."""
        if self.kiosk:
            path = path.expanduser().absolute()
            self.written.append(Path(os.path.realpath(path.parent)) / path.name)

    def clear_staged(self) -> list[Path]:
        """At a kiosk's lock: remove what this session wrote outside the clinic's export
        folder and off a removable drive (the kiosk's own disk), decided on resolved
        paths. The export folder (a print or outbox folder) is never emptied, and only
        files Reclaim wrote are touched."""
        import shutil

        removed = []
        for path in self.written:
            if self.kept(path):
                continue
            with contextlib.suppress(OSError):
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path)
                else:
                    path.unlink()
                removed.append(path)
        self.written.clear()
        return removed

    def kept(self, path: Path) -> bool:
        """Whether a file written at `path` stays after the lock: in the export folder
        or on a removable drive."""
        real = Path(os.path.realpath(path.parent)) / path.name
        if self.export_dir is not None:
            export = Path(os.path.realpath(self.export_dir.expanduser()))
            if real.is_relative_to(export):
                return True
        return mounts.is_removable(real.parent)
