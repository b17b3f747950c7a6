"""The names Reclaim offers for what it saves are in the person's language and safe on
every file system (`reclaim-carpeta-de-pruebas-…pdf`, `reclaim-pour-avocat-…`); discreet
mode's `notes-…` stays as it is."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui.core.kiosk.offered_names import backup_prefixes, offered_stem, safe
from tui.core.kiosk.save_folders import SaveFolders
from tui.core.shared import clock
from tui.core.shared.i18n import LANGUAGES, speaking

#: Every stem the app offers a name for (the letter's with what it is about).
STEMS = (
    "binder",
    "declaration",
    "for-lawyer",
    "takedown-R-001",
    "copyright",
    "cease-desist-R-002",
    "backup",
)


@pytest.mark.parametrize(
    ("code", "binder", "lawyer"),
    [
        ("en", "reclaim-binder-2026-03-02.pdf", "reclaim-for-lawyer-2026-03-02"),
        ("es", "reclaim-carpeta-de-pruebas-2026-03-02.pdf", "reclaim-para-abogado-2026-03-02"),
        ("fr", "reclaim-recueil-de-preuves-2026-03-02.pdf", "reclaim-pour-avocat-2026-03-02"),
    ],
)
def test_the_names_offered_are_in_the_persons_language(
    code: str, binder: str, lawyer: str, isolated_home: Path
) -> None:
    with clock.fixed(datetime(2026, 3, 2, 10, tzinfo=UTC)), speaking(code):
        folders = SaveFolders()
        assert folders.default_target("binder", ".pdf") == Path.home() / binder
        assert folders.default_target("for-lawyer") == Path.home() / lawyer
        # Discreet mode's names say nothing, in any language.
        assert SaveFolders(neutral=True).default_target("binder", ".pdf") == (
            Path.home() / "notes-2026-03-02.pdf"
        )


def test_a_letters_name_keeps_what_it_is_about() -> None:
    with speaking("es"):
        assert offered_stem("takedown-R-001") == "solicitud-de-retirada-R-001"
        assert offered_stem("declaration") == "declaracion"
    with speaking("fr"):
        assert offered_stem("cease-desist-R-002") == "mise-en-demeure-R-002"


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_every_name_offered_is_safe_on_every_file_system(code: str) -> None:
    with speaking(code):
        for stem in STEMS:
            said = offered_stem(stem)
            assert re.fullmatch(r"[A-Za-z0-9]+(-[A-Za-z0-9]+)*", said), (code, stem, said)


def test_accents_and_spaces_are_taken_off() -> None:
    assert safe("Déclaration sur l'honneur") == "declaration-sur-l-honneur"
    assert safe("  declaración  ") == "declaracion"
    assert offered_stem("¿qué?") == "que"


def test_reclaims_backup_folders_are_known_in_every_language() -> None:
    assert backup_prefixes() == ("reclaim-backup-", "reclaim-copia-", "reclaim-copie-")
