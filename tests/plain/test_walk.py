"""Plain mode in this process, its standard input and output replaced: the words that
work at every question (lock, help, back, quit), the idle lock, a wrong passphrase, a bad
date, and the suggestion where the full-screen app can't be drawn."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.support.cases import FAST_KDF, PASSPHRASE
from tests.support.cli import run_reclaim
from tui.cli import terminal_app
from tui.core.evidence.model import list_exhibits
from tui.core.settings import Settings
from tui.core.shared import clock
from tui.core.timeline.events import list_events
from tui.core.vault.header import WRONG_PASSPHRASE
from tui.core.vault.vault import Vault
from tui.plain import hint, passwords, prompt
from tui.plain.hint import SUGGESTION
from tui.plain.walk import GOODBYE, LOCKED, LOCKED_IDLE, run_plain

#: Main menu numbers.
EVIDENCE, TIMELINE = "4", "6"


@pytest.fixture
def case(tmp_path: Path) -> Path:
    path = tmp_path / "case"
    Vault.create(path, PASSPHRASE, FAST_KDF)[0].close()
    return path


class Typed(io.StringIO):
    """Standard input holding `lines`, moving a fixed clock on by `waits[n]` seconds
    before the nth line is read (the time a person took to answer)."""

    def __init__(self, lines: list[str], fixed: clock.FixedClock | None = None) -> None:
        super().__init__("".join(line + "\n" for line in lines))
        self.fixed = fixed
        self.waits: dict[int, float] = {}
        self.read_count = 0

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        if self.fixed is not None:
            self.fixed.advance(self.waits.get(self.read_count, 1))
        self.read_count += 1
        return super().readline()


def walk(path: Path, lines: list[str], idle_minutes: float = 10) -> tuple[int, str]:
    typed = Typed(lines)
    out = io.StringIO()
    status = run_plain(path, Settings(idle_minutes=idle_minutes), typed, out)
    return status, out.getvalue()


def test_lock_typed_at_a_question_closes_the_case_and_asks_again(case: Path) -> None:
    status, said = walk(case, [PASSPHRASE, TIMELINE, "1", "lock", PASSPHRASE, "quit"])
    assert status == 0
    after_lock = said.split(LOCKED, 1)[1]
    assert "Type your passphrase" in after_lock  # asked again before anything else
    assert said.count("Your case is open.") == 2
    assert said.rstrip().endswith(GOODBYE)
    with Vault.open(case, passphrase=PASSPHRASE) as vault:  # the lock was let go
        assert list_events(vault) == []


def test_idle_time_locks_at_the_next_answer(case: Path) -> None:
    with clock.fixed(datetime(2026, 12, 7, 9, 0, tzinfo=UTC)) as fixed:
        typed = Typed([PASSPHRASE, EVIDENCE, "2", PASSPHRASE, "quit"], fixed)
        typed.waits[2] = 10 * 60 + 1  # a little more than the idle time before "2"
        out = io.StringIO()
        assert run_plain(case, Settings(idle_minutes=10), typed, out) == 0
    said = out.getvalue()
    assert LOCKED_IDLE in said
    assert "There is no evidence yet." not in said  # the late answer was not used
    assert said.split(LOCKED_IDLE, 1)[1].count("Type your passphrase") == 1


def test_an_answer_within_the_idle_time_does_not_lock(case: Path) -> None:
    with clock.fixed(datetime(2026, 12, 7, 9, 0, tzinfo=UTC)) as fixed:
        typed = Typed([PASSPHRASE, EVIDENCE, "2", "quit"], fixed)
        typed.waits[2] = 10 * 60 - 5
        out = io.StringIO()
        run_plain(case, Settings(idle_minutes=10), typed, out)
    assert LOCKED_IDLE not in out.getvalue()
    assert "There is no evidence yet." in out.getvalue()


def test_help_says_what_can_be_typed(case: Path) -> None:
    _, said = walk(case, [PASSPHRASE, "help", "quit"])
    assert prompt.EVERY_PROMPT_HELP in said.split("Your case is open.", 1)[1]
    for word in ("help", "back", "lock", "quit"):
        assert word in prompt.EVERY_PROMPT_HELP
    assert said.split("Your case is open.", 1)[1].count("Which step would you like?") == 2


def test_back_goes_up_one_level(case: Path) -> None:
    _, said = walk(case, [PASSPHRASE, TIMELINE, "1", "back", "back", "back", "quit"])
    after = said.split("When did it happen?", 1)[1]
    # back from the date question: the timeline's menu; back again: the main menu;
    # back at the main menu: it says it is the top.
    assert after.index("Timeline: write down") < after.index("Main menu.")
    assert "This is the main menu, the top level." in after


def test_quit_asks_first_when_something_typed_is_not_saved(case: Path, tmp_path: Path) -> None:
    picture = tmp_path / "shot.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    lines = [PASSPHRASE, EVIDENCE, "1", str(picture), "quit", "no", "quit", "yes"]
    status, said = walk(case, lines)
    assert status == 0
    assert said.count(prompt.UNSAVED) == 2
    assert said.rstrip().endswith(GOODBYE)
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        assert list_exhibits(vault) == []


def test_quit_with_nothing_typed_leaves_at_once(case: Path) -> None:
    status, said = walk(case, [PASSPHRASE, "quit"])
    assert status == 0
    assert prompt.UNSAVED not in said


def test_a_wrong_passphrase_is_one_sentence_and_asked_again(case: Path) -> None:
    status, said = walk(case, ["not-the-passphrase", PASSPHRASE, "quit"])
    assert status == 0
    first, rest = said.split("Type your passphrase", 2)[1:]
    assert first.splitlines()[1] == WRONG_PASSPHRASE  # the core's own words, on one line
    assert "Traceback" not in said
    assert "Your case is open." in rest


def test_a_bad_date_is_said_plainly_and_asked_again(case: Path) -> None:
    lines = [PASSPHRASE, TIMELINE, "1", "the thirty-second of Smarch", "5 March 2024"]
    lines += ["They posted it", "", "quit"]
    status, said = walk(case, lines)
    assert status == 0
    assert said.count("When did it happen?") == 2
    assert "Event T-0001 is saved." in said
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        (event,) = list_events(vault)
    assert event.title == "They posted it"


def test_a_bad_evidence_date_is_asked_again(case: Path, tmp_path: Path) -> None:
    picture = tmp_path / "shot.txt"
    picture.write_text("a message\n")
    answers = ["a screenshot", "", "", "", "32/13/2024", "March 2024", "", ""]
    _, said = walk(case, [PASSPHRASE, EVIDENCE, "1", str(picture), *answers, "quit"])
    assert said.count("When was it posted?") == 2
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        (exhibit,) = list_exhibits(vault)
    assert (exhibit.description, exhibit.posted_at) == ("a screenshot", "2024-03")


def test_no_case_yet_offers_to_make_one_or_leave(tmp_path: Path) -> None:
    status, said = walk(tmp_path / "none", ["2"])
    assert status == 0
    assert "There is no case in" in said
    assert not (tmp_path / "none").exists()


def a_terminal_of_80_by_24(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "get_terminal_size", lambda fd: os.terminal_size((80, 24)))


def test_a_real_terminal_gets_no_suggestion(monkeypatch: pytest.MonkeyPatch) -> None:
    a_terminal_of_80_by_24(monkeypatch)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert hint.plain_hint() == ""


def test_a_terminal_whose_size_was_never_set_gets_the_suggestion(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A pseudo-terminal nobody sized (0 x 0: a serial console, some screen readers'
    terminals): the app would draw at a guessed 80x24."""
    monkeypatch.setattr(os, "get_terminal_size", lambda fd: os.terminal_size((0, 0)))
    monkeypatch.delenv("COLUMNS", raising=False)  # the size a terminal gives, not one said
    monkeypatch.delenv("LINES", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert hint.plain_hint() == hint.SUGGESTION


def test_dumb_terminal_suggests_plain_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    a_terminal_of_80_by_24(monkeypatch)  # a size, but TERM=dumb draws nothing
    monkeypatch.setenv("TERM", "dumb")
    started: list[object] = []
    monkeypatch.setattr(terminal_app, "ReclaimApp", lambda *a, **k: started.append(a))
    done = run_reclaim()
    assert done.stderr.strip().splitlines() == [SUGGESTION]
    assert "--plain" in SUGGESTION
    assert done.returncode != 0 and started == []


def test_no_terminal_size_suggests_plain_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    started: list[object] = []
    monkeypatch.setattr(terminal_app, "ReclaimApp", lambda *a, **k: started.append(a))
    done = run_reclaim()  # standard output is no terminal here: no size to read
    assert done.stderr.strip().splitlines() == [SUGGESTION]
    assert started == []


def test_plain_flag_starts_the_walk(tmp_path: Path) -> None:
    done = run_reclaim("--plain", "--vault", str(tmp_path / "none"), stdin="2\n")
    assert done.returncode == 0
    assert "Reclaim, plain mode." in done.stdout
    assert "\x1b" not in done.stdout + done.stderr


def test_plain_mode_never_loads_textual() -> None:
    code = (
        "import sys, tui.plain.walk, tui.plain.hint\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_checklist_step_is_marked_done_and_a_changed_account_noted(case: Path) -> None:
    from tui.core.passwords.changed_accounts import list_accounts
    from tui.core.privacy.checklists import shipped
    from tui.core.privacy.lockdown import progress_of

    checklists = shipped()
    which, checklist = next(
        (i, c) for i, c in enumerate(checklists, 1) if any(not s.action for s in c.steps)
    )
    step = next(i for i, s in enumerate(checklist.steps, 1) if not s.action)
    lines = [PASSPHRASE, "2", str(which), str(step), "yes", "back", "back"]
    lines += ["3", "3", "Instagram", "last Tuesday", "today", "yes", "back", "quit"]
    status, said = walk(case, lines)
    assert status == 0
    assert "Marked done." in said
    assert "Noted: Instagram." in said
    assert passwords.NOT_A_DATE.format(example="5 March 2024") in said  # "last Tuesday"
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        assert checklist.steps[step - 1].id in progress_of(vault, checklist).ticks
        (account,) = list_accounts(vault)
    assert account.two_step and account.changed_on


def test_a_takedown_letter_asks_what_it_needs_and_is_read_out(case: Path) -> None:
    from tui.core.takedowns.letters import get_facts

    lines = [PASSPHRASE, "8", "1", "1", "https://example.com/a", "", "3", "1", "1"]
    lines += ["Sam Doe", "sam@example.com", "Sam Doe", "yes", "", "quit"]
    status, said = walk(case, lines)
    assert status == 0
    letter = said.split("The letter starts here.", 1)[1].split("The letter ends here.", 1)[0]
    assert "https://example.com/a" in letter and "/s/ Sam Doe" in letter
    asked = said.split("it needs a few things", 1)[1].splitlines()[1:5]
    assert asked == [  # whole sentences, each with its full stop
        "Please type your full name, then press Enter.",
        "Please type how to reach you, an email or postal address, then press Enter.",
        "Please type your full name typed as your signature, then press Enter.",
        "The letter needs your confirmation that the images were shared without your consent. "
        "Type yes or no.",
    ]
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        facts = get_facts(vault)
    assert (facts.name, facts.contact, facts.no_consent) == ("Sam Doe", "sam@example.com", True)


def test_symbols_that_carry_meaning_are_said_in_words() -> None:
    assert prompt.spoken("Open their profile → ⋯ → Block") == (
        "Open their profile, then three dots, then Block"
    )
    out = io.StringIO()
    prompt.Prompter(io.StringIO(), out).say("Account → ⚙ Settings · Privacy")
    assert out.getvalue() == "Account, then gear Settings, Privacy\n"


def test_privacy_checklists_are_read_without_arrows(case: Path) -> None:
    lines = [PASSPHRASE, "2", "2", "1", "no", "back", "back", "quit"]
    _, said = walk(case, lines)
    assert "What to do:" in said
    assert not set("→⋯⋮☰⚙·•") & set(said)


def test_waiting_on_a_terminal_locks_after_the_idle_time() -> None:
    """On a terminal the wait itself ends at the idle time (select), with nothing typed."""
    leader, follower = os.openpty()
    with os.fdopen(follower, "r") as terminal:
        out = io.StringIO()
        asking = prompt.Prompter(terminal, out, idle_seconds=0.05)
        with pytest.raises(prompt.Locked) as locked:
            asking.ask("What happened?")
    os.close(leader)
    assert locked.value.idle
    assert out.getvalue() == "What happened?\n"


def naming(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names the process is given (not given for real: that would rename pytest)."""
    named: list[str] = []

    def name_process(name: str = "notes") -> bool:
        named.append(name)
        return True

    monkeypatch.setattr("tui.process_name.name_process", name_process)
    return named


@pytest.mark.parametrize("how", ["setting", "mark"])
def test_discreet_mode_names_only_notes_before_the_passphrase(
    case: Path, how: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A discreet case (the setting, or the mark its making left) is 'Notes' in what is
    said before the passphrase and in the list of programs."""
    from tui.core.settings import DISCREET_MARK

    named = naming(monkeypatch)
    if how == "mark":
        (case / DISCREET_MARK).touch()
    out = io.StringIO()
    lines = ["not-the-passphrase", PASSPHRASE, "lock", PASSPHRASE, "quit"]
    run_plain(case, Settings(discreet=how == "setting"), Typed(lines), out)
    said = out.getvalue()
    # discreet words until the case is open: "Your notebook is open."
    before, after = said.split("Your notebook is open.", 1)
    locked = after.split("The notebook is locked.", 1)[1].split("Your notebook is open.", 1)[0]
    assert named == ["notes"]
    assert before.startswith("Notes, plain mode.")
    for telling in ("Reclaim", "image", "abuse", "evidence", "case"):
        assert telling not in before + locked
    assert "Main menu." in after  # once open, the walk is as ever


def test_a_case_that_is_not_discreet_keeps_its_name(
    case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    named = naming(monkeypatch)
    _, said = walk(case, [PASSPHRASE, "quit"])
    assert said.startswith("Reclaim, plain mode. Reclaim keeps the evidence")
    assert named == []


def test_takedown_requests_are_named_by_their_site_as_the_app_names_them(case: Path) -> None:
    """'R-001: Reddit', not the site's id 'reddit', when they are heard and when a letter
    asks which request it is for."""
    lines = [PASSPHRASE, "8", "1", "5", "https://example.com/a", "", "2", "3", "back"]
    _, said = walk(case, [*lines, "back", "quit"])
    heard = said.split("Hear the requests so far", 2)[2]
    assert "R-001: Reddit, drafted." in heard
    assert "1. R-001, Reddit" in heard  # which request the letter is for
    assert "reddit" not in heard


def test_back_while_adding_a_file_says_it_was_not_added(case: Path, tmp_path: Path) -> None:
    picture = tmp_path / "shot.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    _, said = walk(case, [PASSPHRASE, EVIDENCE, "1", str(picture), "A message", "back", "quit"])
    after = said.split("Which site or app was it on?", 1)[1]
    assert after.splitlines()[1] == (
        "shot.png was not added: nothing was saved. Add it again whenever you like."
    )
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        assert list_exhibits(vault) == []


def test_the_binder_says_which_language_it_is_written_in_and_how_to_change_it(
    case: Path,
) -> None:
    _, said = walk(case, [PASSPHRASE, "7", "1", "2", "back", "back", "quit"])
    after = said.split("Who is the binder for?", 1)[1]
    said_first = after.split("full path for the binder", 1)[0]
    assert "\nWritten in English (for a lawyer in " in said_first
    assert (
        '. To write it in another language, choose "Where you live, and the language of your '
        'documents" at the main menu, then change the language of your documents.' in said_first
    )


def test_the_steps_have_the_apps_numbers() -> None:
    """Copies 5 and Timeline 6, as in the app: a person who uses both finds the same numbers."""
    from tui.core.steps import STEPS as APP_STEPS
    from tui.plain.walk import STEP_KEYS, STEP_NAMES, STEPS

    assert STEP_KEYS[: len(APP_STEPS)] == tuple(step.key for step in APP_STEPS)
    assert len(STEP_KEYS) == len(STEP_NAMES) == len(STEPS)
    for key, name in zip(STEP_KEYS, STEP_NAMES, strict=True):
        assert name.casefold().startswith(key) or key == "place"


def test_the_sample_case_opens_in_plain_mode_too(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`reclaim --plain --demo` (the README's first look, for a screen reader's user)
    opens the made-up case, not an offer to make a real one; it is removed at the end."""
    from tui.cli import main
    from tui.core import demo

    made: list[Path] = []
    create = demo.create_demo_case

    def recorded() -> Vault:
        case = create()
        made.append(case.path)
        return case

    monkeypatch.setattr(demo, "create_demo_case", recorded)
    monkeypatch.setattr("sys.stdin", io.StringIO("sample case\n4\n2\nback\nquit\n"))
    assert main(["--plain", "--demo"]) == 0
    said = capsys.readouterr().out
    assert "Its passphrase is: sample case" in said and "There is no case" not in said
    assert "E-0001" in said  # the demo's evidence, listed
    assert made and not made[0].exists()


def test_plain_mode_refuses_to_be_a_kiosk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`reclaim --kiosk --plain` ignored --kiosk: a client's case went into the kiosk
    account's own folder, where the next client found it. Refused, in one sentence."""
    from tui.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO("1\n"))
    assert main(["--plain", "--kiosk"]) != 0
    said = capsys.readouterr()
    assert "does not run as a clinic's kiosk" in said.err and "Traceback" not in said.err
    assert not any(Path(os.environ["XDG_DATA_HOME"]).rglob("*.db"))
