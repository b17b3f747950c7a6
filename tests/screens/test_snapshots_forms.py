"""The forms and dialogs at 80x24 in Spanish and French (and in English where
`test_snapshots.py` has no picture of them): nothing cut off, no English left (issue 29).
Each is reached on the sample case built in the language shown, as `LANG=es_ES.UTF-8
reclaim --demo` builds it. Update after a deliberate change with `python -m pytest
tests/screens/test_snapshots_forms.py --snapshot-update`, and look at every SVG."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input

from tests.support import inner
from tests.support.pilot import settle, wait_until
from tui.app import ReclaimApp
from tui.core.kiosk.save_folders import SaveFolders
from tui.core.settings import Settings
from tui.core.shared import i18n
from tui.core.vault.vault import Vault

SIZE = (80, 24)
#: A recovery code as Reclaim shows one (made up: the snapshot must not change).
CODE = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789"

#: A description saved in another window, and the one typed here (the words a person
#: would write, in their language).
WORDS = {
    "en": ("Messages from Alex, saved in the other window", "Messages from Alex"),
    "es": ("Mensajes de Alex, guardados en la otra ventana", "Mensajes de Alex"),
    "fr": ("Messages d'Alex, enregistrés dans l'autre fenêtre", "Messages d'Alex"),
}
#: Where a printed copy is kept.
PRINTED = {"en": "At Sam's flat", "es": "En casa de Sam", "fr": "Chez Sam"}

Reach = Callable[[Pilot[None], Vault, Path], Awaitable[None]]


async def _settle(pilot: Pilot[None]) -> None:
    app = pilot.app
    assert isinstance(app, ReclaimApp)
    await settle(app, pilot)


async def _keys(pilot: Pilot[None], *keys: str) -> None:
    await pilot.press(*keys)
    await _settle(pilot)


async def _exhibit(pilot: Pilot[None], *keys: str) -> None:
    """The evidence step, then an exhibit's details once its preview is drawn."""
    from tui.screens.exhibit import ExhibitScreen

    await pilot.press("4", *keys, "enter")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, ExhibitScreen))
    await wait_until(pilot, lambda: getattr(pilot.app.screen, "job", None) is None)
    await _settle(pilot)


async def _push(pilot: Pilot[None], make: Callable[[], Screen[Any]]) -> None:
    await pilot.app.push_screen(make())
    await _settle(pilot)


async def letter(pilot: Pilot[None], case: Vault, tmp: Path) -> None:
    await _keys(pilot, "8", "down", "enter", "l")


def letter_facts(case: Vault, tmp: Path) -> None:
    """Everything a letter needs: it is drafted at once, in the language its reader
    reads (the sample case is in the United States: English), with a copy to read."""
    from tui.core.takedowns.letters import save_facts

    save_facts(
        case, name="Jordan Lee", contact="jordan@example.org", signature="Jordan Lee",
        no_consent=True,
    )  # fmt: skip


async def takedown_request(pilot: Pilot[None], case: Vault, tmp: Path) -> None:
    await _keys(pilot, "8", "down", "enter", "enter")


async def lawyer_package(pilot: Pilot[None], case: Vault, tmp: Path) -> None:
    await _keys(pilot, "8", "down", "enter", "p")


async def event(pilot: Pilot[None], case: Vault, tmp: Path) -> None:
    await _keys(pilot, "6", "down", "down", "enter")


async def exhibit(pilot: Pilot[None], case: Vault, tmp: Path) -> None:
    await _exhibit(pilot, "down", "down")


async def provenance_edit(pilot: Pilot[None], case: Vault, tmp: Path) -> None:
    await _exhibit(pilot)
    await _keys(pilot, "ctrl+g")


async def provenance_form(pilot: Pilot[None], case: Vault, tmp: Path) -> None:
    from tui.screens.provenance_form import BatchProvenanceDialog

    await _keys(pilot, "4")
    await _push(pilot, lambda: BatchProvenanceDialog(2, {}))


async def unsaved(pilot: Pilot[None], case: Vault, tmp: Path) -> None:
    await _exhibit(pilot)
    pilot.app.screen.query_one("#description", Input).value = "Changed words"
    await _keys(pilot, "escape")


async def conflict(pilot: Pilot[None], case: Vault, tmp: Path) -> None:
    from tui.core.evidence.changes import update_details

    await _exhibit(pilot)
    theirs, mine = WORDS[i18n.person_language()]
    # Both windows changed what it shows; here the poster was emptied, there renamed.
    update_details(case, "E-0001", {"description": theirs, "poster": "alex.r"})
    pilot.app.screen.query_one("#description", Input).value = mine
    pilot.app.screen.query_one("#poster", Input).value = ""
    await _keys(pilot, "ctrl+s")


def add_report(case: Vault, tmp: Path) -> None:
    """A Word file with two pictures inside (added before the app opens the case)."""
    from tui.core.evidence.adding import add_file

    report = tmp / "report.docx"
    report.write_bytes(inner.docx({"image1.png": inner.RED, "image2.png": inner.BLUE}))
    add_file(case, report)


async def inner_files(pilot: Pilot[None], case: Vault, tmp: Path) -> None:
    from tui.core.evidence.model import list_exhibits
    from tui.dialogs.inner_files import InnerFilesDialog
    from tui.screens.exhibit import ExhibitScreen

    await _keys(pilot, "4")
    await pilot.app.push_screen(ExhibitScreen(list_exhibits(case)[-1].id))
    await wait_until(pilot, lambda: getattr(pilot.app.screen, "job", None) is None)
    await pilot.press("ctrl+f")
    # Not `settle`: the worker that opened the dialog waits for its answer.
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, InnerFilesDialog))


async def profile(pilot: Pilot[None], case: Vault, tmp: Path) -> None:
    """The Passwords step's tab 'About you', reached as a person would: on the tabs, Right."""
    from textual.widgets import Tabs

    await _keys(pilot, "3")
    pilot.app.screen.query_one(Tabs).focus()
    await _keys(pilot, "right", "right", "right")


async def declaration(pilot: Pilot[None], case: Vault, tmp: Path) -> None:
    await _keys(pilot, "7", "ctrl+d")


async def place(pilot: Pilot[None], case: Vault, tmp: Path) -> None:
    await _keys(pilot, "8", "down", "enter", "j")


async def new_passphrase(pilot: Pilot[None], case: Vault, tmp: Path) -> None:
    from tui.screens.new_passphrase import NewPassphraseScreen

    await _push(pilot, NewPassphraseScreen)


async def recovery(pilot: Pilot[None], case: Vault, tmp: Path) -> None:
    from tui.screens.recovery import RecoveryScreen

    await _push(pilot, lambda: RecoveryScreen(CODE))


async def recovery_quit(pilot: Pilot[None], case: Vault, tmp: Path) -> None:
    """Ctrl+Q while a recovery code is on screen, not yet written down."""
    await recovery(pilot, case, tmp)
    await _keys(pilot, "ctrl+q")


async def recovery_unconfirmed(pilot: Pilot[None], case: Vault, tmp: Path) -> None:
    """After an unlock, a case whose recovery code was never said to be written down."""
    from tui.core.vault.recovery_flag import set_code_confirmed
    from tui.screens.recovery_asks import offer_new_code

    set_code_confirmed(case, False)
    offer_new_code(pilot.app, case)
    await _settle(pilot)


async def language(pilot: Pilot[None], case: Vault, tmp: Path) -> None:
    from tui.screens.language import LanguageScreen

    pilot.app.action_language()  # type: ignore[attr-defined]
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, LanguageScreen))


async def reading_settings(pilot: Pilot[None], case: Vault, tmp: Path) -> None:
    from tui.screens.reading_settings import ReadingSettingsScreen

    await _push(pilot, ReadingSettingsScreen)


async def capture_guide(pilot: Pilot[None], case: Vault, tmp: Path) -> None:
    await _keys(pilot, "4", "g")


async def ask(pilot: Pilot[None], case: Vault, tmp: Path) -> None:
    await _keys(pilot, "5", "b")


async def choice(pilot: Pilot[None], case: Vault, tmp: Path) -> None:
    await _keys(pilot, "5", "a")


def add_printed(case: Vault, tmp: Path) -> None:
    from tui.core.copies.register import add_copy

    add_copy(case, "printed", PRINTED[i18n.person_language()])


async def confirm(pilot: Pilot[None], case: Vault, tmp: Path) -> None:
    await _keys(pilot, "5", "x")


async def delete(pilot: Pilot[None], case: Vault, tmp: Path) -> None:
    await _keys(pilot, "4", "D")


EVERY = ("en", "es", "fr")
#: Those `test_snapshots.py` already shows in English.
TRANSLATED = ("es", "fr")
SCREENS: dict[str, tuple[Reach, tuple[str, ...]]] = {
    "letter": (letter, TRANSLATED),
    "letter-drafted": (letter, TRANSLATED),
    "takedown-request": (takedown_request, TRANSLATED),
    "lawyer-package": (lawyer_package, EVERY),
    "event": (event, TRANSLATED),
    "exhibit": (exhibit, TRANSLATED),
    "provenance-edit": (provenance_edit, EVERY),
    "provenance-form": (provenance_form, EVERY),
    "unsaved": (unsaved, EVERY),
    "conflict": (conflict, EVERY),
    "inner-files": (inner_files, EVERY),
    "profile": (profile, EVERY),
    "declaration": (declaration, EVERY),
    "place": (place, EVERY),
    "new-passphrase": (new_passphrase, EVERY),
    "recovery": (recovery, EVERY),
    "recovery-quit": (recovery_quit, EVERY),
    "recovery-unconfirmed": (recovery_unconfirmed, EVERY),
    "language": (language, EVERY),
    "reading-settings": (reading_settings, EVERY),
    "capture-guide": (capture_guide, TRANSLATED),
    "ask": (ask, EVERY),
    "choice": (choice, EVERY),
    "confirm": (confirm, EVERY),
    "delete": (delete, ("en",)),  # Spanish and French: test_snapshots_languages.py
}
#: What a screen needs in the case before the app opens it.
PREPARE: dict[str, Callable[[Vault, Path], None]] = {
    "inner-files": add_report,
    "letter-drafted": letter_facts,
    "confirm": add_printed,
}
CASES = [
    pytest.param(code, name, id=f"{name}-{code}")
    for name, (_reach, codes) in SCREENS.items()
    for code in codes
]


@pytest.fixture
def speaking(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


@pytest.fixture(autouse=True)
def usb_drive(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where a letter, a declaration or a package would be saved: the same on every run."""
    monkeypatch.setattr(
        SaveFolders,
        "default_target",
        lambda self, stem, suffix="": Path(f"/media/usb/{stem}{suffix}"),
    )


@pytest.mark.parametrize(("speaking", "name"), CASES, indirect=["speaking"])
def test_form(snap_compare, speaking: str, demo: Vault, tmp_path: Path, name: str):
    """`speaking` comes first: the sample case is built in that language."""
    reach = SCREENS[name][0]
    if name in PREPARE:
        PREPARE[name](demo, tmp_path)
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)

    async def run_before(pilot: Pilot[None]) -> None:
        await reach(pilot, demo, tmp_path)

    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)
