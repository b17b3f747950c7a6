"""A made-up sample case for a first look (`reclaim --demo`). Everything in it is
invented; it lives in a temporary folder that the app removes on exit.

A demo stopped without a chance to clean up (SIGKILL, a power cut) leaves its folder in
the temporary folder, so the next start sweeps such leftovers (`sweep_stale_demos`). Only
a folder Reclaim itself marked is ever swept: its marker file, written and locked by the
demo that made it, holds a fixed sentence; a folder that merely looks alike (the same
name, someone else's, no marker, a marker that is a link) is never touched, and a demo
still running holds its marker's lock, so another Reclaim leaves it alone."""

from __future__ import annotations

import fcntl
import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.shared import clock
from tui.core.shared.atomic import make_private_dir
from tui.core.shared.i18n import N_, _

if TYPE_CHECKING:  # imported when a demo is made: every start sweeps, few make one
    from tui.core.vault.vault import Vault

#: Said in the language the demo is made in ("caso de ejemplo"), and shown on its unlock
#: screen in the same words.
DEMO_PASSPHRASE = N_("sample case")
#: The details of a sample written in the language the demo is made in (the rest are
#: names, addresses and times, the same in every language).
SAID = frozenset({"description", "significance", "caption", "poster"})

SAMPLES = (
    {
        "name": "chat-1.png",
        "lines": [
            N_("alex_r: you'll regret leaving"),
            N_("alex_r: everyone will see them"),
            N_("(sample)"),
        ],
        "details": {
            "platform": "Instagram",
            "poster": "alex_r",
            "posted_at": "2024-03-02 22:41",
            "captured_at": "2024-03-03 08:15",
            "description": N_("Direct messages threatening to share photos"),
            "significance": N_("Shows the threat, two days before the post"),
        },
    },
    {
        "name": "post.png",
        "lines": [
            N_("alex_r posted a photo"),
            N_("caption: 'look who it is'"),
            N_("14 comments (sample)"),
        ],
        "details": {
            "platform": "Instagram",
            "url": "https://instagram.example/p/SAMPLE1",
            "poster": "alex_r",
            "posted_at": "2024-03-05 21:14",
            "captured_at": "2024-03-05 21:30",
            "caption": N_("look who it is"),
            "description": N_("The post with the photo, username and date visible"),
            "significance": N_("The image shared without consent"),
        },
    },
    {
        "name": "Screenshot_20240306-093012.png",
        "lines": [N_("throwaway_8812 reposted"), N_("'found this lol'"), N_("(sample)")],
        "details": {
            "platform": "Reddit",
            "url": "https://reddit.example/r/sample/comments/abc",
            "poster": "throwaway_8812",
            "posted_at": "2024-03-06",
            "description": N_("A repost of the same photo on a forum"),
        },
    },
    {
        "name": "friend-message.png",
        "lines": [
            N_("sam: someone sent me a link"),
            N_("sam: I'm so sorry, call me"),
            N_("(sample)"),
        ],
        "details": {
            "platform": "WhatsApp",
            "poster": N_("sam (a friend)"),
            "posted_at": "2024-03-05 22:02",
            "captured_at": "2024-03-05 22:10",
            "description": N_("A friend telling me the post was going round"),
        },
    },
)


def _picture(lines: list[str], path: Path, hue: int) -> None:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (540, 360), (240, 242, 245))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=22)
    draw.rectangle((0, 0, 540, 48), fill=(hue, 90, 160))
    draw.text((16, 12), _("SAMPLE - made up for the demo"), fill="white", font=font)
    for row, line in enumerate(lines):
        top = 80 + row * 80
        draw.rounded_rectangle((24, top, 516, top + 56), radius=16, fill="white")
        draw.text((40, top + 16), line, fill=(30, 30, 30), font=font)
    image.save(path, "PNG")


#: How a demo's temporary folder is named: `reclaim-demo-` and mkdtemp's random part.
PREFIX = "reclaim-demo-"
#: The marker file at the top of a demo folder, and what it says (checked byte for byte).
MARKER = ".reclaim-demo"
MARKER_TEXT = (
    b"Reclaim made this folder for its made-up sample case (reclaim --demo).\n"
    b"It holds nothing real; Reclaim removes it when the demo closes.\n"
)
#: Where a marker cannot be locked (no flock): a folder this old is taken to be left over.
STALE_AFTER = 24 * 60 * 60
_held: dict[Path, int] = {}
"""Each open demo's folder, and the open (locked) marker that says it is still in use."""


def create_demo_case(root: Path | None = None) -> Vault:
    """Build the sample case in a new temporary folder (or in `root`) and return it,
    unlocked. If the building stops half-way (an error, a signal), a folder it made goes
    too; a `root` that was there before is left."""
    made = root is None or not os.path.lexists(root)
    if root is None:
        base = Path(tempfile.mkdtemp(prefix=PREFIX))
    else:
        base = Path(root)
        make_private_dir(base)
    try:
        _mark(base)
        return _build(base)
    except BaseException:
        if made:
            shutil.rmtree(base, ignore_errors=True)
        _release(base)
        raise


def _mark(base: Path) -> None:
    """Write the marker and keep it open and locked while the demo runs: the lock tells
    a sweeping Reclaim that this folder is still in use."""
    fd = os.open(base / MARKER, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    _held[base.resolve()] = fd
    _try_lock(fd)  # locked before the sentence is written: a marked folder is always locked
    os.write(fd, MARKER_TEXT)


def _release(base: Path) -> None:
    fd = _held.pop(base.resolve(), None)
    if fd is not None:
        os.close(fd)  # closing lets go of the lock


def _try_lock(fd: int) -> bool | None:
    """Take the marker's lock without waiting: True if taken, False if a running demo
    holds it, None where this file system has no locks."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        return None
    return True


def sweep_stale_demos(folder: Path | None = None) -> list[Path]:
    """Remove demo folders left behind by a demo that could not clean up (killed, or the
    power went), from `folder` (the temporary folder). Returns the folders removed."""
    where = Path(folder) if folder is not None else Path(tempfile.gettempdir())
    try:
        with os.scandir(where) as entries:
            names = [entry.name for entry in entries if entry.name.startswith(PREFIX)]
    except OSError:
        return []
    removed = []
    for name in sorted(names):
        base = where / name
        fd = _open_stale_marker(base)
        if fd is None:
            continue
        try:  # the lock is held while removing, so no other Reclaim takes it meanwhile
            shutil.rmtree(base, ignore_errors=True)
        finally:
            os.close(fd)
        if not os.path.lexists(base):
            removed.append(base)
    return removed


def _open_stale_marker(base: Path) -> int | None:
    """The open, locked marker of `base` if it is a left-over demo folder of this user's;
    None for anything else (left alone)."""
    try:
        folder = os.lstat(base)
        if not stat.S_ISDIR(folder.st_mode) or folder.st_uid != os.getuid():
            return None
        fd = os.open(base / MARKER, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        marker = os.fstat(fd)
        mine = stat.S_ISREG(marker.st_mode) and marker.st_uid == os.getuid()
        if mine and os.read(fd, len(MARKER_TEXT) + 1) == MARKER_TEXT:
            locked = _try_lock(fd)
            if locked or (
                locked is None and clock.epoch_seconds() - marker.st_mtime > STALE_AFTER
            ):
                return fd
    except OSError:
        pass
    os.close(fd)
    return None


def _build(base: Path) -> Vault:
    from tui.core.evidence.adding import add_file
    from tui.core.vault import keys
    from tui.core.vault.vault import Vault

    # The demo's content is invented, so its key derivation can be quick.
    kdf = keys.Argon2Params(time_cost=1, memory_kib=8 * 1024, parallelism=1)
    vault, _code = Vault.create(base / "case", _(DEMO_PASSPHRASE), kdf)
    try:
        drafts = base / "drafts"
        drafts.mkdir(mode=0o700)
        for index, sample in enumerate(SAMPLES):
            source = drafts / str(sample["name"])
            _picture([_(line) for line in sample["lines"]], source, hue=60 + 40 * index)
            given: dict[str, str] = dict(sample["details"])  # type: ignore[arg-type]
            details = {key: _(value) if key in SAID else value for key, value in given.items()}
            add_file(vault, source, details)
        shutil.rmtree(drafts)
        from tui.core.takedowns.deadlines import set_case_place

        set_case_place(vault, "us")  # the made-up case lives in the United States
        _tick_half_the_checklists(vault)
        _passwords(vault)
        _timeline(vault)
        _takedowns(vault)
    except BaseException:
        vault.close()
        raise
    return vault


def _takedowns(vault: Vault) -> None:
    """One request sent long ago and never answered (so it shows as overdue), one drafted."""
    from tui.core.takedowns.requests import add_request, update_request

    sent = add_request(vault, "meta", ["https://instagram.example/p/sample"], ["E-0002"])
    update_request(vault, sent.id, status="submitted", reference="IG-2026-118")
    # Sent at a fixed moment in UTC (not local time), so the demo reads the same anywhere.
    vault.table("takedowns").update({"sent_at": "2026-06-01T10:00:00Z"})
    add_request(vault, "reddit", ["https://reddit.example/r/sample/1"], ["E-0003"])


def _timeline(vault: Vault) -> None:
    from tui.core.timeline.events import add_event, save_person

    sam, dana = "Sam Okafor", "Dana Reyes"  # i18n: not shown
    save_person(vault, sam, "sam@example.org", _("friend"))
    save_person(vault, dana, "", _("colleague"))
    add_event(
        vault,
        "about 2023",
        _("Alex took photos during our relationship"),
        details=_(
            "Alex took private photos of me and kept them. I never agreed to them being shared."
        ),
    )
    add_event(
        vault,
        "February 2024",
        _("We broke up"),
        response=_("I ended the relationship and stopped replying to Alex."),
        witnesses=[sam],
    )
    add_event(
        vault,
        "2024-03-02 22:41",
        _("Alex threatened to share the photos"),
        details=_("Alex sent direct messages saying everyone would see the photos."),
        response=_("I took screenshots and told Sam."),
        place="Instagram",
        witnesses=[sam],
        evidence=["E-0001"],
    )
    add_event(
        vault,
        "2024-03-05 21:14",
        _("The photo was posted"),
        details=_("alex_r posted one of the photos with the caption 'look who it is'."),
        response=_("I saved the post and reported it to Instagram."),
        place="Instagram",
        witnesses=[sam, dana],
        evidence=["E-0002", "E-0004"],
    )
    add_event(
        vault,
        "2024-03-06",
        _("The photo was reposted on a forum"),
        place="Reddit",
        evidence=["E-0003"],
    )


def _passwords(vault: Vault) -> None:
    from tui.core.passwords import changed_accounts as accounts
    from tui.core.passwords import profile

    profile.save(
        vault,
        profile.Profile(names=["Jordan Lee", "Jo"], pets=["Biscuit"], dates=["1994-07-12"]),
    )
    accounts.record_account(vault, "Gmail", "email", "2024-03-06", two_step=True)
    accounts.record_account(vault, "Instagram", "social media", "2024-03-06")
    accounts.record_account(vault, "iCloud", "cloud")


#: The sample person's accounts; about half of each list is done.
DEMO_ACCOUNTS = ("accounts-security", "instagram", "whatsapp", "reddit")


def _tick_half_the_checklists(vault: Vault) -> None:
    from tui.core.privacy.checklists import find
    from tui.core.privacy.lockdown import set_mine, set_not_relevant, tick

    for checklist_id in DEMO_ACCOUNTS:
        checklist = find(checklist_id)
        set_mine(vault, checklist, True)
        for step in checklist.steps[: len(checklist.steps) // 2]:
            tick(vault, checklist, step.id, anyway=True)
    set_not_relevant(vault, find("tumblr"), True)


def remove_demo_case(vault: Vault) -> None:
    """Close the sample case and remove its whole folder. Safe to call twice (a signal
    may arrive while the app is already closing)."""
    vault.close()
    shutil.rmtree(vault.path.parent, ignore_errors=True)
    _release(vault.path.parent)
