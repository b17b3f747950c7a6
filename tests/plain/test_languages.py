"""Plain mode in Spanish and French: its questions and choices in the person's language,
and the words typed at them (lock, help, back, quit, yes and no) understood in that
language as well as in English."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.plain.test_pty import Terminal
from tests.plain.test_walk import TIMELINE, walk
from tests.support.cases import FAST_KDF, PASSPHRASE
from tui.core.shared import i18n
from tui.core.timeline.events import list_events
from tui.core.vault.vault import Vault
from tui.plain import prompt

#: Sentences of the walk that must not be left in English in another language.
ENGLISH = (
    "Type your passphrase",
    "Your case is open.",
    "Which step would you like?",
    "Main menu.",
    "The case is locked.",
    "At any question you can type",
    "Goodbye",
    "Type a number from 1 to",
    "Lock the case",
)


@pytest.fixture
def case(tmp_path: Path) -> Path:
    path = tmp_path / "case"
    Vault.create(path, PASSPHRASE, FAST_KDF)[0].close()
    return path


@pytest.fixture
def spanish() -> Iterator[None]:
    i18n.set_language("es")
    yield
    i18n.set_language("en")


@pytest.fixture
def french() -> Iterator[None]:
    i18n.set_language("fr")
    yield
    i18n.set_language("en")


def test_the_walk_speaks_spanish_and_understands_its_words(case: Path, spanish: None) -> None:
    status, said = walk(case, [PASSPHRASE, "ayuda", "Bloquear", PASSPHRASE, "SALIR"])
    assert status == 0
    for sentence in (
        "Escribe tu frase de contraseña y pulsa Enter. No se verá nada mientras escribes.",
        "Tu caso está abierto.",
        "Menú principal.",
        "¿Qué paso quieres?",
        "1. Primero, tu seguridad: qué hacer si te amenazan",
        "10. Bloquear el caso",
        "Escribe un número del 1 al 12 y pulsa Enter.",
        "Cada paso es una cosa que hacer.",  # the menu's own help, after "ayuda"
        "En cualquier pregunta puedes escribir: ayuda para oír esto otra vez",
        "El caso está bloqueado.",
        "El caso está cerrado. Hasta pronto, y cuídate.",
    ):
        assert sentence in said
    assert said.count("Tu caso está abierto.") == 2  # "bloquear" locked it
    for sentence in ENGLISH:
        assert sentence not in said


def test_back_and_yes_no_in_spanish(case: Path, spanish: None) -> None:
    lines = [PASSPHRASE, TIMELINE, "1", "2024-03-05", "salir", "x", "no", "atrás"]
    lines += ["1", "2024-03-05", "Publicaron mis fotos", "", "atras", "salir"]
    status, said = walk(case, lines)
    assert status == 0
    # Asked once, and again after "x", which is neither yes nor no.
    assert said.count("Algo de lo que escribiste aún no está guardado.") == 2
    assert "El suceso T-0001 está guardado." in said
    assert "Escribe sí o no, por favor." in said  # "x" is neither
    assert said.rstrip().endswith("Hasta pronto, y cuídate.")
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        assert [event.title for event in list_events(vault)] == ["Publicaron mis fotos"]


def test_quit_with_something_unsaved_asks_in_french(case: Path, french: None) -> None:
    lines = [PASSPHRASE, TIMELINE, "1", "2024-03-05", "quitter", "non", "QUITTER", "oui"]
    status, said = walk(case, lines)
    assert status == 0
    assert said.count("Une partie de ce que vous avez tapé n'est pas encore enregistrée.") == 2
    assert "Chronologie : écrivez ce qui s'est passé, dans l'ordre." in said
    assert said.rstrip().endswith("Le dossier est fermé. Au revoir, et prenez soin de vous.")
    for sentence in ENGLISH:
        assert sentence not in said


def test_english_words_still_work_in_another_language(case: Path, french: None) -> None:
    status, said = walk(case, [PASSPHRASE, "lock", PASSPHRASE, "verrouiller", PASSPHRASE, "quit"])
    assert status == 0
    assert said.count("Le dossier est verrouillé.") == 2


def test_the_recovery_code_word_is_understood_in_spanish(case: Path, spanish: None) -> None:
    status, said = walk(case, ["código", "not-a-code", PASSPHRASE, "salir"])
    assert status == 0
    assert "Escribe tu código de recuperación y pulsa Enter." in said


def test_typed_words_ignore_case_and_accents() -> None:
    assert prompt.folded("  Sí ") == prompt.folded("si") == "si"
    i18n.set_language("es")
    try:
        assert "atras" in prompt.special_words()[prompt.BACK]
        assert "back" in prompt.special_words()[prompt.BACK]
        assert {"yes", "y", "si", "s"} <= prompt.yes_words()
    finally:
        i18n.set_language("en")


def test_plain_mode_in_a_spanish_terminal(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The real command, its language from LANG, walked through a pseudo-terminal."""
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    term = Terminal("--plain", "--vault", str(case))
    term.answer("Escribe tu frase de contraseña", PASSPHRASE)
    term.wait_for("Tu caso está abierto.")
    term.answer("y pulsa Enter.", "bloquear")
    term.answer("El caso está bloqueado.", "")
    term.wait_for("No escribiste nada.")
    term.answer("Escribe tu frase de contraseña", PASSPHRASE)
    term.answer("¿Qué paso quieres?", "salir")
    term.wait_for("Hasta pronto, y cuídate.")
    assert term.finish() == 0
    assert b"\x1b" not in term.output
    text = term.output.decode()
    for sentence in ENGLISH:
        assert sentence not in text


@pytest.mark.parametrize("code", ["es", "fr"])
def test_every_step_is_walked_with_no_english_sentence_of_plain_mode(
    case: Path, code: str
) -> None:
    from tests.i18n import catalogues

    back = {"es": "atrás", "fr": "retour"}[code]
    lines = [PASSPHRASE, "help"]
    lines += ["1", ""]  # safety first, to its end
    lines += ["2", "1", "1", back, back, back]  # a checklist's first step, then back up
    lines += ["3", "4", back]  # passwords: the accounts noted
    lines += ["4", "2", back]  # evidence: what is saved
    lines += ["6", "2", back]  # the timeline
    lines += ["5", "4", back, "7", back]  # copies: where they are; the binder's menu
    lines += ["8", "2", "3", back]  # takedowns: the requests, a letter
    lines += ["9", back]  # where you live, and the documents' language
    lines += ["6", "3", back]  # the timeline: change an event (there are none)
    lines += ["7", "2", "Sam", back]  # a declaration (its name typed; no evidence yet)
    lines += ["quit"]
    i18n.set_language(code)
    try:
        status, said = walk(case, lines)
    finally:
        i18n.set_language("en")
    assert status == 0
    english = [
        message.id
        for message in catalogues.read(code, "plain")
        if isinstance(message.id, str) and len(message.id) > 12 and message.string != message.id
    ]
    left = [sentence for sentence in english if sentence in said]
    assert not left, left
    assert said.count({"es": "Menú principal.", "fr": "Menu principal."}[code]) == 12


def test_discreet_mode_says_notas_in_spanish(
    case: Path, spanish: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before the passphrase, a discreet case in Spanish is 'Notas', a notebook: never
    Reclaim, a case, evidence or images (a wrong passphrase's sentence too)."""
    import io

    from tests.plain.test_walk import Typed, naming
    from tui.core.settings import Settings
    from tui.plain.walk import run_plain

    named = naming(monkeypatch)
    out = io.StringIO()
    run_plain(case, Settings(discreet=True), Typed(["no-es-esta", PASSPHRASE, "salir"]), out)
    before = out.getvalue().split("Menú principal.", 1)[0]
    assert named == ["notes"]
    assert before.startswith("Notas, modo sencillo.")
    assert "no abre este cuaderno" in before
    for telling in ("Reclaim", "caso", "pruebas", "imágenes"):
        assert telling not in before
