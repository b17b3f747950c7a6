"""`reclaim --plain` walked end to end in a pseudo-terminal, as a screen reader's user
would: lines typed, lines read. It must never write an escape sequence (no cursor
movement, no alternate screen, no colour: no ESC at all), and what it made (evidence, an
event changed after it was added, a takedown request, where the person lives, a
declaration) must be in the case when the core opens it, and in the full app."""

from __future__ import annotations

import io
import os
import pty
import re
import select
import sys
import time
from pathlib import Path

import pytest

from tests.support.cases import PASSPHRASE
from tests.support.pilot import SIZE, screen_text, settle, unlock
from tui.app import ReclaimApp
from tui.core.declarations.drafting import get_facts_for
from tui.core.evidence.model import list_exhibits
from tui.core.places.case_place import stored
from tui.core.settings import Settings
from tui.core.takedowns.requests import list_requests
from tui.core.takedowns.sites import HashService, Site, shipped
from tui.core.timeline.events import list_events
from tui.core.vault.vault import Vault
from tui.plain.place import listed_places

TIMEOUT = 30.0
#: The installed command line, with the same fast KDF the tests' own cases use (the real
#: one is calibrated to take about a second on this machine).
BOOT = (
    "import sys\n"
    "from tui.core.vault import keys\n"
    "keys.calibrate = lambda *a, **k: keys.Argon2Params(time_cost=1, memory_kib=1024, "
    "parallelism=1)\n"
    "from tui.cli import main\n"
    "raise SystemExit(main(sys.argv[1:]))\n"
)
CODE = re.compile(rb"\b((?:[0-9A-Z]{4}-){5}([0-9A-Z]{4}))\b")


class Terminal:
    """A child process on a pseudo-terminal; what it writes is kept, and read from a
    cursor so that the same question asked twice is waited for twice."""

    def __init__(self, *args: str, boot: str = BOOT) -> None:
        env = dict(os.environ, TERM="xterm-256color")
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child
            os.execve(sys.executable, [sys.executable, "-c", boot, *args], env)
        self.output = bytearray()
        self.cursor = 0

    @classmethod
    def booting(cls, boot: str, *args: str) -> Terminal:
        """The child runs `boot` (Python) instead of the command line."""
        return cls(*args, boot=boot)

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:  # the child has gone and its end is closed
            return False
        self.output += chunk
        return bool(chunk)

    def wait_for(self, text: str) -> bytes:
        """Everything up to and including `text`, written after the last thing waited for."""
        wanted = text.encode()
        deadline = time.monotonic() + TIMEOUT
        while (found := self.output.find(wanted, self.cursor)) < 0:
            if time.monotonic() > deadline or not self._read(0.1):
                tail = bytes(self.output[-600:])
                raise AssertionError(f"{text!r} never came; the end was: {tail!r}")
        seen = bytes(self.output[self.cursor : found + len(wanted)])
        self.cursor = found + len(wanted)
        return seen

    def type(self, line: str) -> None:
        os.write(self.fd, line.encode() + b"\n")

    def answer(self, question: str, line: str) -> bytes:
        seen = self.wait_for(question)
        self.type(line)
        return seen

    def finish(self) -> int:
        deadline = time.monotonic() + TIMEOUT
        while self._read(0.1) and time.monotonic() < deadline:
            pass
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        return os.waitstatus_to_exitcode(status)


def tables(app: ReclaimApp) -> str:
    """Every row of every table on the screen, one line each."""
    from textual.widgets import DataTable

    return "\n".join(
        " ".join(str(cell) for cell in table.get_row_at(row))
        for table in app.screen.query(DataTable)
        for row in range(table.row_count)
    )


async def test_plain_walk_end_to_end_in_a_terminal(tmp_path: Path) -> None:
    case = tmp_path / "case"
    declaration = tmp_path / "declaration.txt"
    place_number = {place.code: str(i) for i, place in enumerate(listed_places(), 1)}
    message = tmp_path / "message.txt"
    message.write_text("You will regret this.\n")
    binder = tmp_path / "binder.pdf"
    routes: list[Site | HashService] = [*shipped().sites, *shipped().hash_services]
    site_number = str(next(i for i, route in enumerate(routes, 1) if isinstance(route, Site)))
    MENU = "Which step would you like?"
    CHOOSE = "then press Enter."

    term = Terminal("--plain", "--vault", str(case))
    term.answer("What would you like to do?", "1")  # no case yet: make one
    term.answer("Choose a passphrase", PASSPHRASE)
    term.answer("same passphrase again", PASSPHRASE)
    term.answer("Discreet mode", "no")
    shown = term.wait_for("type the last group")
    code = CODE.search(shown)
    assert code is not None, shown
    term.type("WRONG")  # not the last group: asked again, with the code shown again
    term.answer("type the last group", code.group(2).decode())
    term.wait_for("The recovery code is confirmed.")
    term.wait_for("Where do you live?")
    term.answer(CHOOSE, place_number["us"])
    term.wait_for("Where you live: United States.")

    term.answer(MENU, "1")  # safety first
    term.answer("end of the Safety page", "")

    term.answer(MENU, "4")  # evidence
    term.answer("What would you like to do?", "1")
    term.answer("full path of the file", str(message))
    term.answer("what does it show?", "A threatening message")
    for question in ("site or app", "web address", "user name", "posted", "save it", "else"):
        term.answer(question, "")
    term.wait_for("Saved as exhibit E-0001.")
    term.answer("What would you like to do?", "back")

    term.answer(MENU, "6")  # the timeline
    term.answer("What would you like to do?", "1")
    term.answer("When did it happen?", "5 March 2024")
    term.answer("what happened?", "They posted my pictures")
    term.answer("in your own words?", "")
    term.wait_for("Event T-0001 is saved.")
    term.answer("What would you like to do?", "3")  # change it
    term.wait_for("Which event?")
    term.answer(CHOOSE, "1")
    term.answer("When did it happen?", "")  # Enter alone keeps each part
    term.answer("what happened?", "They posted my pictures on a forum")
    term.answer("in your own words?", "")
    term.answer("What did you do about it?", "I reported it")
    term.answer("Where did it happen?", "")
    term.wait_for("Event T-0001 is saved with your changes.")
    term.answer("What would you like to do?", "back")

    term.answer(MENU, "8")  # takedowns
    term.answer("What would you like to do?", "1")
    term.wait_for("Which site or service is it on?")
    term.answer(CHOOSE, site_number)
    term.answer("one web address", "https://example.com/post/1")
    term.answer("no more, press Enter alone", "")
    term.wait_for("is saved as a draft.")
    term.answer("What would you like to do?", "back")

    term.answer(MENU, "7")  # the binder
    term.answer("What would you like to do?", "1")
    term.wait_for("Who is the binder for?")
    term.answer(CHOOSE, "1")
    term.answer("ending in .pdf", str(binder))
    term.wait_for("The binder is saved in")
    term.answer("What would you like to do?", "2")  # a declaration
    term.answer("Type your full name", "Sam Doe")
    term.wait_for("Where did exhibit E-0001 come from?")
    term.wait_for("Who captured it")
    term.answer(CHOOSE, "1")
    term.wait_for("How was it captured?")
    term.answer(CHOOSE, "1")
    term.answer("to hear it here.", str(declaration))
    term.wait_for("The draft declaration is saved in")
    term.answer("What would you like to do?", "back")

    term.answer(MENU, "9")  # where you live: Canada now
    term.answer("What would you like to do?", "1")
    term.wait_for("Where do you live?")
    term.answer(CHOOSE, place_number["ca"])
    term.wait_for("Where you live: Canada.")
    term.answer("What would you like to do?", "back")
    term.answer(MENU, "quit")
    term.wait_for("Goodbye")
    assert term.finish() == 0

    written = bytes(term.output)
    assert b"\x1b" not in written  # no cursor movement, alternate screen or colour at all
    assert PASSPHRASE.encode() not in written  # never echoed
    assert binder.read_bytes().startswith(b"%PDF")
    assert "Sam Doe" in declaration.read_text()
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        (exhibit,) = list_exhibits(vault)
        (event,) = list_events(vault)
        (request,) = list_requests(vault)
        assert (stored(vault), get_facts_for(vault).name) == ("ca", "Sam Doe")
    assert (exhibit.original_name, exhibit.description) == ("message.txt", "A threatening message")
    assert exhibit.provenance["how"] == "screenshot"
    assert (event.title, event.when) == ("They posted my pictures on a forum", "2024-03-05")
    assert event.response == "I reported it"
    assert request.urls == ["https://example.com/post/1"]
    assert request.site == routes[int(site_number) - 1].id

    # The same case in the full app: the same evidence, event and request on its steps.
    app = ReclaimApp(case, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        on_step: dict[str, str] = {}
        for step in ("4", "6", "8"):  # evidence, the timeline, takedowns
            await pilot.press(step)
            await settle(app, pilot)
            on_step[step] = screen_text(app) + "\n" + tables(app)
            await pilot.press("escape")
            await settle(app, pilot)
    assert "E-0001" in on_step["4"] and "A threatening message" in on_step["4"]
    assert "5 March 2024 They posted my pictures on a forum" in on_step["6"]
    assert request.id in on_step["8"]


#: Plain mode on a case with a ten-minute idle time, whose passing the test decides: the
#: wait for an answer (select, as the walk does it) also ends when a byte comes on the
#: pipe named by argv[2], and then reports no line typed, as when the idle time is over.
#: No moment depends on how fast a busy machine runs the child or the test.
IDLE_BOOT = (
    "import os, select, sys\n"
    "from pathlib import Path\n"
    "from types import SimpleNamespace\n"
    "from tui.core.settings import Settings\n"
    "from tui.core.shared.i18n import set_language\n"
    "from tui.plain import prompt\n"
    "from tui.plain.walk import run_plain\n"
    "tick = int(sys.argv[2])\n"
    "def waiting(read, write, error, timeout):\n"
    "    ready = select.select([*read, tick], write, error, timeout)[0]\n"
    "    if tick in ready:\n"
    "        os.read(tick, 1)\n"
    "        return [], [], []\n"
    "    return ready, [], []\n"
    "prompt.select = SimpleNamespace(select=waiting)\n"
    "set_language('en')\n"
    "raise SystemExit(run_plain(Path(sys.argv[1]), Settings(idle_minutes=10)))\n"
)


def test_idle_lock_takes_a_half_typed_line_out_of_the_terminal_and_offers_it_back(
    tmp_path: Path,
) -> None:
    """A line typed without Enter when the idle lock comes is not joined to the passphrase
    typed next (the terminal keeps it in its line buffer), and is offered back after the
    unlock at the same question; Enter alone keeps it."""
    from tests.support.cases import FAST_KDF
    from tui.plain.walk import STEP_NAMES, TIMELINE_STEP

    case = tmp_path / "case"
    Vault.create(case, PASSPHRASE, FAST_KDF)[0].close()
    assert STEP_NAMES[TIMELINE_STEP].startswith("Timeline")
    idle_over, tick = os.pipe()
    os.set_inheritable(idle_over, True)
    term = Terminal.booting(IDLE_BOOT, str(case), str(idle_over))
    os.close(idle_over)
    term.answer("Type your passphrase", PASSPHRASE)
    term.answer("Which step would you like?", str(TIMELINE_STEP + 1))
    term.answer("What would you like to do?", "1")  # add an event
    term.answer("When did it happen?", "5 March 2024")
    term.wait_for("what happened?")
    os.write(term.fd, b"half typed words")  # no Enter: then nothing more for a while
    term.wait_for("half typed words")  # echoed: the terminal holds it in its line buffer
    os.write(tick, b"x")  # the idle time is over
    assert term.wait_for("nothing was typed").startswith(b"\r\nThe case was locked")
    term.answer("Press Enter when you are ready", "")  # then the passphrase is asked
    term.answer("Type your passphrase", PASSPHRASE)
    opened = term.wait_for("You had started typing: half typed words.")
    assert b"does not open" not in opened and b"Your case is open." in opened
    term.type("")  # Enter alone keeps it
    term.answer("in your own words?", "")
    term.wait_for("Event T-0001 is saved.")
    term.answer("What would you like to do?", "back")
    term.answer("Which step would you like?", "quit")
    term.wait_for("Goodbye")
    assert term.finish() == 0
    os.close(tick)
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        (event,) = list_events(vault)
    assert (event.title, event.when) == ("half typed words", "2024-03-05")


def test_the_rest_of_a_line_typed_after_the_idle_lock_is_never_read_as_the_passphrase(
    tmp_path: Path,
) -> None:
    """'7 March 20' typed, a pause past the idle time, then '24' and Enter typed before the
    person knew of the lock: '24' is not tried as the passphrase (it was, and refused);
    the passphrase is asked once Enter says the person is ready, and the half-typed words
    are offered back after the unlock."""
    from tests.support.cases import FAST_KDF
    from tui.plain.walk import TIMELINE_STEP

    case = tmp_path / "case"
    Vault.create(case, PASSPHRASE, FAST_KDF)[0].close()
    idle_over, tick = os.pipe()
    os.set_inheritable(idle_over, True)
    term = Terminal.booting(IDLE_BOOT, str(case), str(idle_over))
    os.close(idle_over)
    term.answer("Type your passphrase", PASSPHRASE)
    term.answer("Which step would you like?", str(TIMELINE_STEP + 1))
    term.answer("What would you like to do?", "1")  # add an event
    term.wait_for("When did it happen?")
    os.write(term.fd, b"7 March 20")  # no Enter, then a pause past the idle time
    term.wait_for("7 March 20")
    os.write(tick, b"x")
    term.wait_for("nothing was typed")
    term.type("24")  # the rest of the date, typed before the lock was heard
    term.wait_for("not used")
    term.answer("Type your passphrase", PASSPHRASE)
    opened = term.wait_for("You had started typing: 7 March 20.")
    assert b"does not open" not in bytes(term.output) and b"Your case is open." in opened
    term.type("7 March 2024")
    term.answer("what happened?", "It was posted")
    term.answer("in your own words?", "")
    term.wait_for("Event T-0001 is saved.")
    term.answer("What would you like to do?", "back")
    term.answer("Which step would you like?", "quit")
    term.wait_for("Goodbye")
    assert term.finish() == 0
    os.close(tick)
    # Once the question is asked, what is typed is not shown (typed before it, the
    # terminal itself may have shown it, as any terminal does before a program reads).
    asked = bytes(term.output).split(b"ready to unlock it.", 1)[1]
    assert b"24" not in asked.split(b"not used")[0]
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        (event,) = list_events(vault)
    assert (event.title, event.when) == ("It was posted", "2024-03-07")


def test_on_a_terminal_no_line_within_the_idle_time_locks_and_a_line_does_not() -> None:
    """The wait itself (select on the terminal, as the walk does it): nothing typed for
    the idle time locks; a line typed in time is the answer."""
    from tui.plain.prompt import Locked, Prompter

    master, slave = pty.openpty()
    with open(slave, encoding="utf-8") as typed:
        said = io.StringIO()
        with pytest.raises(Locked) as locked:
            Prompter(typed, said, idle_seconds=0.05).ask("When did it happen?")
        assert locked.value.idle and said.getvalue() == "When did it happen?\n"
        os.write(master, b"5 March 2024\n")
        answer = Prompter(typed, io.StringIO(), idle_seconds=60).ask("When did it happen?")
    os.close(master)
    assert answer == "5 March 2024"


@pytest.mark.parametrize(
    ("lang", "code", "six", "day"),
    [
        ("es_ES.UTF-8", "es", "seis", "5 de marzo de 2024"),
        ("fr_FR.UTF-8", "fr", "six", "5 mars 2024"),
    ],
)
def test_plain_mode_in_spanish_and_french_in_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, code: str, six: str, day: str
) -> None:
    """LANG chooses the language; a number typed as a word, a date written the language's
    way and an arrow key pressed in a line are understood; Ctrl+D in the middle of a form
    leaves cleanly, keeping what was saved; no escape sequence, no passphrase shown."""
    from tests.support.cases import FAST_KDF
    from tui.core.shared import i18n
    from tui.core.timeline.events import PROMPTS
    from tui.plain import case as plain_case
    from tui.plain import prompt, timeline, walk

    case = tmp_path / "case"
    Vault.create(case, PASSPHRASE, FAST_KDF)[0].close()
    monkeypatch.setenv("LANG", lang)
    term = Terminal("--plain", "--vault", str(case))
    i18n.set_language(code)
    try:
        term.answer(i18n._(plain_case.UNLOCK_QUESTION), PASSPHRASE)
        term.answer(i18n._(walk.WHICH_STEP), six)  # the timeline
        term.answer(i18n._(prompt.WHAT_NEXT), "1")
        term.answer(i18n._(timeline.WHEN), day + "\x1b[D")  # the left arrow, pressed
        term.answer(i18n._(PROMPTS["title"]), "Zed")
        term.answer(i18n._(PROMPTS["details"]), "")
        term.wait_for(i18n._(timeline.ADDED).format(id="T-0001"))
        term.answer(i18n._(prompt.WHAT_NEXT), "1")
        term.answer(i18n._(timeline.WHEN), "2024")
        term.wait_for(i18n._(PROMPTS["title"]))
        os.write(term.fd, b"\x04")  # Ctrl+D: the end of input
        term.wait_for(i18n._(walk.GOODBYE))
    finally:
        i18n.set_language("en")
    assert term.finish() == 0
    written = bytes(term.output)
    assert b"\x1b" not in written and PASSPHRASE.encode() not in written
    assert b"Traceback" not in written and b"Type your passphrase" not in written
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        (event,) = list_events(vault)
    assert (event.title, event.when) == ("Zed", "2024-03-05")
