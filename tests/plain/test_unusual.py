"""What a screen reader's user may type, and what plain mode says back, in English, Spanish
and French: a number as a word or in other digits, an arrow key pressed in the middle of
a line, a path too long for the computer, the app's keys named by a shipped text, "lock"
where leaving is being confirmed, and the end of input (Ctrl+D) at any question."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.plain.test_walk import walk
from tests.support.cases import FAST_KDF, PASSPHRASE
from tui.core.evidence.adding import add_file
from tui.core.passwords.changed_accounts import list_accounts
from tui.core.shared import i18n
from tui.core.shared.i18n import pgettext
from tui.core.timeline.events import list_events
from tui.core.vault.vault import Vault
from tui.plain import case as plain_case
from tui.plain import evidence, prompt, words
from tui.plain.walk import GOODBYE, LOCKED

SAFETY, PRIVACY, PASSWORDS, EVIDENCE, TIMELINE = "1", "2", "3", "4", "6"


@pytest.fixture
def case(tmp_path: Path) -> Path:
    path = tmp_path / "case"
    message = tmp_path / "message.txt"
    message.write_text("You will regret this.\n")
    vault = Vault.create(path, PASSPHRASE, FAST_KDF)[0]
    with vault:
        add_file(vault, message, {"description": "A threatening message"})
    return path


@pytest.fixture
def speaking() -> Iterator[None]:
    yield
    i18n.set_language("en")


def in_language(language: str, case: Path, lines: list[str]) -> str:
    i18n.set_language(language)
    status, said = walk(case, [PASSPHRASE, *lines])
    assert status == 0
    assert "Traceback" not in said
    return said


# ---- numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["²", "0", "99", "-1", "1.5", "½"])
def test_what_looks_like_a_number_but_is_not_a_choice_is_said_so(case: Path, typed: str) -> None:
    _, said = walk(case, [PASSPHRASE, typed, "quit"])  # "²" is a digit to Python, not a number
    assert "That is not one of the numbers. Type a number from 1 to 12." in said
    assert said.rstrip().endswith(GOODBYE)


@pytest.mark.usefixtures("speaking")
@pytest.mark.parametrize(
    ("language", "typed", "heading"),
    [
        (
            "en",
            "  four  ",
            "Evidence: save screenshots, pages and recordings before they disappear.",
        ),
        (
            "en",
            "\uff14",
            "Evidence: save screenshots, pages and recordings before they disappear.",
        ),  # full width
        ("es", "dos", "Privacidad: protege tus cuentas, sin borrar nada."),
        ("es", "Seis", "Cronología: escribe lo que pasó, en orden."),
        ("es", "dieciseis", "Ese no es uno de los números. Escribe un número del 1 al 12."),
        ("fr", "deux", "Confidentialité : protégez vos comptes, sans rien supprimer."),
        ("fr", "two", "Confidentialité : protégez vos comptes, sans rien supprimer."),
        ("en", "Four.", "Evidence: save screenshots, pages and recordings before they disappear."),
        ("es", "¿Dos?", "Privacidad: protege tus cuentas, sin borrar nada."),
        ("fr", "2.", "Confidentialité : protégez vos comptes, sans rien supprimer."),
    ],
)
def test_a_number_typed_as_a_word_chooses(
    case: Path, language: str, typed: str, heading: str
) -> None:
    said = in_language(language, case, [typed, "back", "quit"])
    assert f"\n{heading}\n" in said  # the step's own heading, not its name in the menu


@pytest.mark.usefixtures("speaking")
@pytest.mark.parametrize("language", ["es", "fr"])
def test_the_number_words_are_twenty_in_each_language(language: str) -> None:
    i18n.set_language(language)
    translated = pgettext(
        "numbers typed as words, one to twenty, spaced (a slash between two spellings)",
        "one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty",
    )
    assert tuple(translated.split()) != words.NUMBER_WORDS and len(translated.split()) == 20
    assert words.number_typed(translated.split()[-1]) == 20
    for one in {"es": ("uno", "una", "Una."), "fr": ("un", "une", "Une.")}[language]:
        assert words.number_typed(one) == 1


# ---- what is typed, and what is said -----------------------------------------------------


def test_an_arrow_key_in_a_line_is_neither_kept_nor_said(case: Path) -> None:
    """A terminal puts ESC [ A in the line for the up arrow, pressed to go back over what
    was typed: it is no part of the answer, and no escape sequence is ever written."""
    lines = [PASSWORDS, "3", "Insta\x1b[Agram\x07", "", "no", "4", "back", "quit"]
    status, said = walk(case, [PASSPHRASE, *lines])
    assert status == 0
    assert "Noted: Instagram." in said
    assert "\x1b" not in said and "\x07" not in said
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        assert [account.name for account in list_accounts(vault)] == ["Instagram"]


def test_nothing_said_holds_a_control_character() -> None:
    assert prompt.spoken("a\x1b[31mred\x1b[0m\tword\x1bOA\r") == "ared word"


def test_a_path_too_long_for_the_computer_is_no_file(case: Path) -> None:
    lines = [EVIDENCE, "1", "/" + "a" * 5000, "back", "back", "quit"]
    _, said = walk(case, [PASSPHRASE, *lines])
    assert evidence.NO_FILE in said
    assert "File name too long" not in said


@pytest.mark.usefixtures("speaking")
@pytest.mark.parametrize(
    ("language", "lock", "safety"),
    [
        ("en", "lock this app with the word lock, typed at any question.", "Safety screen"),
        ("es", "con la palabra bloquear, escrita en cualquier pregunta.", "Seguridad"),
        ("fr", "avec le mot verrouiller, tapé à n'importe quelle question.", "Sécurité"),
    ],
)
def test_the_apps_keys_are_said_as_what_does_the_same_here(
    case: Path, language: str, lock: str, safety: str
) -> None:
    said = in_language(language, case, [SAFETY, "", PRIVACY, "1", "back", "back", "quit"])
    assert lock in said
    assert "Ctrl+L" not in said and "(F1)" not in said
    step_one = i18n._(" (step 1 of the main menu)")
    assert f"{safety}{step_one}" in said.replace(" (F1)", "")


@pytest.mark.usefixtures("speaking")
@pytest.mark.parametrize(
    ("language", "now", "day"),
    [
        ("en", "Now: A threatening message.", "Now: 5 March 2024, 21:14."),
        ("es", "Ahora: A threatening message.", "Ahora: 5 de marzo de 2024, 21:14."),
        ("fr", "Actuellement : A threatening message.", "Actuellement : 5 mars 2024, 21:14."),
    ],
)
def test_changing_an_exhibit_says_what_it_says_now_in_the_language(
    case: Path, language: str, now: str, day: str
) -> None:
    answers = ["", "", "", "", "2024-03-05T21:14", "", ""]
    in_language(language, case, [EVIDENCE, "3", "1", *answers, "back", "quit"])
    said = in_language(language, case, [EVIDENCE, "3", "1", "back", "back", "quit"])
    assert now in said
    said = in_language(language, case, [EVIDENCE, "3", "1", "", "", "", "", "back", "quit"])
    assert day in said and "2024-03-05T21:14" not in said


@pytest.mark.usefixtures("speaking")
@pytest.mark.parametrize(
    ("language", "typed", "heard"),
    [
        ("en", "5 March 2024", "Instagram: changed on 5 March 2024,"),
        ("es", "5 de marzo de 2024", "Instagram: cambiada el 5 de marzo de 2024,"),
        ("fr", "2024-03-05", "Instagram : changé le 5 mars 2024,"),
    ],
)
def test_the_day_a_password_was_changed_is_read_and_said_the_languages_way(
    case: Path, language: str, typed: str, heard: str
) -> None:
    lines = [PASSWORDS, "3", "Instagram", "March 2024", typed, "no", "4", "back", "quit"]
    said = in_language(language, case, lines)
    assert heard in said
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        assert list_accounts(vault)[0].changed_on == "2024-03-05"


@pytest.mark.usefixtures("speaking")
@pytest.mark.parametrize(
    ("language", "example"),
    [("en", "5 March 2024"), ("es", "5 de marzo de 2024"), ("fr", "5 mars 2024")],
)
def test_the_password_date_question_gives_its_example_the_languages_way(
    case: Path, language: str, example: str
) -> None:
    """The question reads '5 de marzo de 2024' (it said 2024-03-05 in every language),
    and so does the sentence when a date is not understood."""
    lines = [PASSWORDS, "3", "Instagram", "last Tuesday", "", "no", "back", "quit"]
    said = in_language(language, case, lines)
    assert "2024-03-05" not in said
    assert said.count(f"{example}.") >= 3  # asked twice, and once refused


# ---- lock and the end of input -------------------------------------------------------------


def test_lock_where_leaving_is_being_confirmed_locks(case: Path) -> None:
    lines = [TIMELINE, "1", "5 March 2024", "quit", "lock", PASSPHRASE, "They posted it", ""]
    status, said = walk(case, [PASSPHRASE, *lines, "back", "quit"])
    assert status == 0
    assert said.count(prompt.UNSAVED) == 1 and LOCKED in said
    assert "Please type yes or no." not in said
    with Vault.open(case, passphrase=PASSPHRASE) as vault:  # the form came back after it
        assert [event.title for event in list_events(vault)] == ["They posted it"]


ENDS = {
    "the passphrase": [],
    "the main menu": [PASSPHRASE],
    "a step's menu": [PASSPHRASE, TIMELINE],
    "a form": [PASSPHRASE, TIMELINE, "1", "5 March 2024"],
    "a password checked": [PASSPHRASE, PASSWORDS, "2"],
    "a yes or no": [PASSPHRASE, PASSWORDS, "3", "Instagram", ""],
    "leaving anyway": [PASSPHRASE, TIMELINE, "1", "5 March 2024", "quit"],
    "a copy's passphrase": [PASSPHRASE, "5", "3", "/nowhere", "yes"],
    "the end of the Safety page": [PASSPHRASE, SAFETY],
}


@pytest.mark.parametrize("lines", ENDS.values(), ids=ENDS.keys())
def test_the_end_of_input_anywhere_leaves_cleanly(case: Path, lines: list[str]) -> None:
    """Ctrl+D (or input closed) at any question: goodbye, and what was saved is kept."""
    status, said = walk(case, lines)
    assert status == 0
    assert said.rstrip().endswith(GOODBYE) and "Traceback" not in said
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        assert list_events(vault) == []  # nothing half typed was saved


# ---- every question with its choices, every answer with what came of it -----------------


def test_which_exhibit_is_asked_after_the_exhibits_are_said(case: Path, tmp_path: Path) -> None:
    _, said = walk(case, [PASSPHRASE, EVIDENCE, "3", "back", "back", "quit"])
    listed = said.index("E-0001: message.txt. A threatening message")
    assert listed < said.index(evidence.WHICH_EXHIBIT)
    empty = tmp_path / "empty"
    Vault.create(empty, PASSPHRASE, FAST_KDF)[0].close()
    _, said = walk(empty, [PASSPHRASE, EVIDENCE, "3", "back", "quit"])
    assert evidence.NONE_YET in said and evidence.WHICH_EXHIBIT not in said


def test_a_privacy_step_left_as_it_was_says_so(case: Path) -> None:
    _, said = walk(case, [PASSPHRASE, PRIVACY, "1", "1", "no", "back", "back", "quit"])
    assert "Left as it was: not done yet." in said


def test_a_long_wait_at_the_passphrase_question_does_not_lock_again(case: Path) -> None:
    """Nothing is open while the passphrase is asked: a passphrase typed after a long
    wait opens the case (it was thrown away, and 'locked' said over and over)."""
    from datetime import UTC, datetime

    from tests.plain.test_walk import Typed
    from tui.core.settings import Settings
    from tui.core.shared import clock
    from tui.plain.walk import LOCKED_IDLE, run_plain

    with clock.fixed(datetime(2026, 12, 7, 9, 0, tzinfo=UTC)) as fixed:
        typed = Typed([PASSPHRASE, EVIDENCE, "2", "back", PASSPHRASE, "quit"], fixed)
        typed.waits[0] = 60 * 60  # an hour before the passphrase
        typed.waits[3] = 11 * 60  # more than the idle time before "back": locked
        typed.waits[4] = 60 * 60  # then an hour before the passphrase again
        out = io.StringIO()
        assert run_plain(case, Settings(idle_minutes=10), typed, out) == 0
    said = out.getvalue()
    assert said.count("Your case is open.") == 2
    assert said.count(LOCKED_IDLE) == 1  # the idle lock still works with the case open
    assert "E-0001: message.txt. A threatening message" in said


# ---- back where there is nothing before ----------------------------------------------------


@pytest.mark.usefixtures("speaking")
@pytest.mark.parametrize(("language", "back"), [("en", "back"), ("es", "Atrás"), ("fr", "retour")])
def test_back_at_the_passphrase_question_says_it_is_the_first(
    case: Path, language: str, back: str
) -> None:
    i18n.set_language(language)
    status, said = walk(case, [back, "code", back, PASSPHRASE, "quit"])
    assert status == 0 and "Traceback" not in said
    assert said.count(i18n._(plain_case.AT_THE_START)) == 1
    assert said.count(i18n._(plain_case.UNLOCK_QUESTION)) == 3  # back from the code too
    assert i18n._(plain_case.OPENED) in said


def test_back_at_a_new_passphrase_asks_the_first_question_again(tmp_path: Path) -> None:
    status, said = walk(tmp_path / "new", ["1", "back", "2"])
    assert status == 0 and "Traceback" not in said
    assert said.count("There is no case in") == 2
    assert not (tmp_path / "new").exists()


def test_lock_before_a_case_is_made_says_there_is_nothing_to_lock(tmp_path: Path) -> None:
    from tui.plain.walk import NOTHING_TO_LOCK

    status, said = walk(tmp_path / "new", ["1", "lock", "2"])
    assert status == 0
    assert NOTHING_TO_LOCK in said and LOCKED not in said
    assert said.count("There is no case in") == 2
    assert not (tmp_path / "new").exists()


@pytest.mark.usefixtures("speaking")
def test_words_with_the_full_stop_voice_typing_adds_are_understood(case: Path) -> None:
    lines = [PRIVACY, "1", "1", "Sí.", "Atrás.", "atrás", "Salir."]
    said = in_language("es", case, lines)
    assert "Marcado: hecho." in said
    assert said.rstrip().endswith("El caso está cerrado. Hasta pronto, y cuídate.")
