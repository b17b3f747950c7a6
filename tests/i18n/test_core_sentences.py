"""The core's sentences in Spanish and French: what a person reads when a case won't
open, a passphrase is weak, a file can't be written, and in the words of the steps and
the written account. English stays the default."""

from pathlib import Path

import pytest

from tui.core import steps
from tui.core.passwords.changed_accounts import kind_name, list_accounts, record_account, summary
from tui.core.passwords.strength import weakness
from tui.core.shared import i18n
from tui.core.shared.errors import WrongPassphrase, explain
from tui.core.shared.unwritable import not_written
from tui.core.timeline import written_account
from tui.core.timeline.events import add_event
from tui.core.vault.vault import Vault


@pytest.mark.parametrize(
    ("code", "sentence"),
    [
        (
            "es",
            "Esa frase de contraseña no abre este caso. Revísala e inténtalo de nuevo "
            "(o usa tu código de recuperación).",
        ),
        (
            "fr",
            "Cette phrase secrète n'ouvre pas ce dossier. Vérifiez-la et réessayez "
            "(ou utilisez votre code de récupération).",
        ),
    ],
)
def test_a_wrong_passphrase_is_said_in_the_language(
    vault: Vault, vault_dir: Path, code: str, sentence: str
) -> None:
    vault.close()
    with i18n.speaking(code), pytest.raises(WrongPassphrase) as refused:
        Vault.open(vault_dir, passphrase="not-the-passphrase-at-all")
    assert str(refused.value) == sentence


def test_a_weak_passphrase_is_explained_in_the_language() -> None:
    with i18n.speaking("es"):
        said = weakness("short")
    assert said == (
        "Esta frase de contraseña es demasiado corta para proteger tu caso: usa al menos 10 "
        "caracteres. Prueba con cuatro o cinco palabras que no tengan relación."
    )
    with i18n.speaking("fr"):
        said = weakness("correct horse battery")
    assert said.startswith("Cette phrase secrète pourrait être vite devinée : ")
    assert "common" not in said and "Try" not in said


def test_failures_are_one_sentence_in_the_language() -> None:
    with i18n.speaking("es"):
        assert explain(ValueError("x"), "añadir las pruebas") == (
            "Algo inesperado falló al añadir las pruebas (ValueError). El caso quedó como estaba."
        )
        assert not_written(OSError(21, "Is a directory")) == (
            "Ese nombre es el de una carpeta; no se escribió nada. "
            "Indica un archivo dentro de ella."
        )
    with i18n.speaking("fr"):
        assert not_written(OSError(28, "No space left")) == (
            "Il n'y a pas assez de place sur le disque pour l'enregistrement du fichier ; rien "
            "n'a été modifié. Libérez de la place et réessayez."
        )


def test_the_steps_and_their_progress_in_the_language(vault: Vault) -> None:
    record_account(vault, "Gmail", "email", "2024-03-05")
    add_event(vault, "5 March 2024", "The photos were posted")
    with i18n.speaking("es"):
        titles = [i18n._(step.title) for step in steps.STEPS]
        words = steps.progress(vault)
        assert kind_name("phone carrier") == "compañía telefónica"
    assert titles[:4] == ["Seguridad", "Privacidad", "Contraseñas", "Pruebas"]
    assert words["timeline"] == "1 suceso"
    assert words["evidence"] == "aún no hay nada guardado"
    assert words["safety"] == "siempre a una tecla: F1"
    assert words["binder"] == "aún no está hecha"
    with i18n.speaking("fr"):
        words = steps.progress(vault)
        accounts = summary(list_accounts(vault))
    assert words["timeline"] == "1 événement"
    assert accounts == "1 sur 1 compte changé · 0 en deux étapes"
    english = steps.progress(vault)
    assert english["timeline"] == "1 event" and english["evidence"] == "nothing saved yet"


def test_the_written_account_is_written_in_the_language(vault: Vault) -> None:
    add_event(vault, "about March 2024", "The photos were posted", details="On a forum.")
    with i18n.speaking("es"):
        text = written_account.as_text(vault)
    assert text.startswith("Lo que pasó: mi relato escrito\n")
    assert "hacia marzo de 2024: The photos were posted" in text
    assert "Qué pasó: On a forum." in text
    assert "Prepared with" not in text and "What happened" not in text
    with i18n.speaking("fr"):
        text = written_account.as_markdown(vault)
    assert text.startswith("# Ce qui s'est passé : mon récit écrit")
    assert "vers mars 2024" in text


def test_an_exhibits_facts_are_kept_in_english_and_said_in_the_language(
    vault: Vault, tmp_path: Path
) -> None:
    from tests.support.pictures import make_png
    from tui.core.evidence.adding import add_file
    from tui.core.evidence.formats import fact_lines

    with i18n.speaking("es"):
        exhibit = add_file(vault, make_png(tmp_path / "a.png")).exhibit
    assert exhibit.facts["kind"].isascii()  # kept in English
    english = dict(fact_lines(exhibit.facts))
    with i18n.speaking("es"):
        spanish = dict(fact_lines(exhibit.facts))
    with i18n.speaking("fr"):
        french = dict(fact_lines(exhibit.facts))
    assert "Kind" in english and "Tipo" in spanish and "Type" in french
    assert "Píxeles" in spanish and "Pixels" not in spanish


def test_an_exhibits_history_and_provenance_in_the_language(vault: Vault, tmp_path: Path) -> None:
    from tests.support.pictures import make_png
    from tui.core.evidence.adding import add_file
    from tui.core.evidence.changes import set_excluded, update_details
    from tui.core.evidence.history import history, what
    from tui.core.evidence.model import get_exhibit
    from tui.core.evidence.provenance import lines, update_provenance

    add_file(vault, make_png(tmp_path / "a.png"), {"description": "Direct messages"})
    update_details(vault, "E-0001", {"description": "also"})
    set_excluded(vault, "E-0001", True)
    update_provenance(vault, "E-0001", {"how": "screenshot", "role": "self"})
    steps = history(vault, "E-0001")
    change = next(
        step for step in steps if step.action == "change" and step.field == "description"
    )
    with i18n.speaking("es"):
        assert what(change) == 'Qué muestra: de "Direct messages" a "also".'
        assert what(next(s for s in steps if s.action == "exclude")) == (
            "Dejada fuera de la carpeta de pruebas."
        )
    with i18n.speaking("fr"):
        said = dict(lines(get_exhibit(vault, "E-0001")))
    assert said == {"Son rôle": "la personne à qui c'est arrivé", "Comment": "une capture d'écran"}
    assert what(change) == 'What it shows: "Direct messages" to "also".'


def test_zxcvbns_own_feedback_is_said_in_the_language() -> None:
    from tui.core.passwords.strength import assess

    with i18n.speaking("fr"):
        found = assess("password1")
        assert found.words == "très faible"
    assert found.warning == "C'est un mot de passe très courant."
    with i18n.speaking("es"):
        assert assess("password1").suggestions == (
            "Añade una o dos palabras más. Mejor si son poco comunes.",
        )
    assert assess("password1").warning == "This is a very common password."


def test_a_documents_and_a_chats_printout_in_the_language(tmp_path: Path) -> None:
    import io
    import json

    from docx import Document

    from tui.core.evidence.formats import printable
    from tui.core.evidence.formats.base import Text

    empty = io.BytesIO()
    Document().save(empty)
    chat = json.dumps({"type": "personal_chat", "messages": []}).encode()
    with i18n.speaking("es"):
        blocks, _reason = printable(empty.getvalue(), "empty.docx")
        said = [block.text for block in blocks if isinstance(block, Text)]
        assert said == ["(El documento no tiene texto.)"]
        blocks, _reason = printable(chat, "result.json")
        assert "No contiene mensajes." in repr(blocks)
        assert "sin nombre" in repr(blocks)
