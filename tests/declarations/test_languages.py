"""Declarations in the language of who reads them (issue 29): Canada's solemn declaration
in French is the Canada Evidence Act's own French formula (s. 41); the plain statement is
written in Spanish or French; a form whose words a law sets in English (US, UK, Australia)
stays English to sign, with a copy to read, headed as not to be signed. The exhibits, their
SHA-256, where each came from and the sources' addresses are the same in every language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.pictures import make_png
from tui.core.declarations.drafting import Declaration, copy_to_read, draft, save_facts
from tui.core.evidence.adding import add_file
from tui.core.evidence.provenance import update_provenance
from tui.core.shared import i18n
from tui.core.takedowns.deadlines import set_case_place
from tui.core.vault.vault import Vault

#: The Canada Evidence Act, s. 41, in its official French text (Justice Canada's XML).
S41_FR = (
    "je fais cette déclaration solennelle, la croyant consciencieusement vraie et sachant "
    "qu\u2019elle a la même force et le même effet que si elle était faite sous serment."
)
S41_EN = (
    "I make this solemn declaration conscientiously believing it to be true, and knowing "
    "that it is of the same force and effect as if made under oath."
)
US_1746 = (
    "I declare under penalty of perjury under the laws of the United States of America "
    "that the foregoing is true and correct."
)
URL = re.compile(r"https://\S+")


@pytest.fixture
def case(vault: Vault, tmp_path: Path) -> Vault:
    for number, colour in enumerate(("teal", "red"), 1):
        add_file(vault, make_png(tmp_path / f"{number}.png", color=colour))
        update_provenance(
            vault,
            f"E-{number:04d}",
            {"captured_by": "Ana Pérez", "role": "self", "how": "received", "from_whom": "Dana"},
        )
    save_facts(vault, name="Ana Pérez", address="12 rue Longue, Montréal", occupation="nurse")
    save_facts(vault, age="over 18")
    return vault


@pytest.fixture
def person():
    """Speak to the person in a language; English again after the test."""
    yield i18n.set_language
    i18n.set_language("en")


def hashes(vault: Vault) -> list[str]:
    return [doc["sha256"] for doc in vault.table("exhibits").all()]


def same_evidence(vault: Vault, english: Declaration, other: Declaration) -> None:
    """Every exhibit's SHA-256, where it came from, and every source's address: unchanged."""
    for sha in hashes(vault):
        assert f"SHA-256: {sha}" in english.text and f"SHA-256: {sha}" in other.text
    assert "Dana" in other.text and "Ana Pérez" in other.text
    assert URL.findall(english.text) == URL.findall(other.text)


def test_a_french_case_in_canada_is_declared_in_the_acts_own_french(case: Vault, person):
    set_case_place(case, "ca")
    english = draft(case)
    person("fr")
    french = draft(case)
    assert french.language == "fr" and french.to_sign
    assert french.text.startswith("DÉCLARATION SOLENNELLE DE ANA PÉREZ")
    assert "Je, Ana Pérez, de 12 rue Longue, Montréal, déclare solennellement que :" in (
        french.text
    )
    assert f"Et {S41_FR}" in french.text
    assert "https://laws-lois.justice.gc.ca/fra/lois/c-5/section-41.html" in french.text
    assert "Loi sur la preuve au Canada, art. 41" in french.text
    assert S41_EN not in french.text and "solemnly declare" not in french.text
    assert copy_to_read(case) is None, "signed in French: nothing else to read"
    same_evidence(case, english, french)


def test_a_spanish_case_in_spain_gives_a_plain_statement_in_spanish(case: Vault, person):
    set_case_place(case, "eu")
    english = draft(case)
    person("es")
    spanish = draft(case)
    assert spanish.language == "es" and spanish.kind == "plain"
    assert spanish.text.startswith("DECLARACIÓN ESCRITA DE ANA PÉREZ")
    assert "Yo, Ana Pérez, declaro:" in spanish.text
    assert "Creo que los hechos que cuento en esta declaración son ciertos." in spanish.text
    assert "I believe that the facts stated" not in spanish.text
    assert "no lo ha revisado un abogado" in spanish.text, "its translation is not reviewed"
    assert "attestation" not in draft(case, language="fr").text.lower()
    assert copy_to_read(case) is None
    same_evidence(case, english, spanish)


def test_a_spanish_case_in_the_us_signs_english_with_a_spanish_copy_to_read(case: Vault, person):
    set_case_place(case, "us")
    alone = draft(case)
    assert "version to sign" not in alone.text, "an English reader: no copy, no note"
    person("es")
    declaration = draft(case)
    assert declaration.language == "en" and declaration.to_sign
    assert US_1746 in declaration.text
    assert (
        "This is the version to sign. A translation of it into Spanish is only for reading "
        "and is not signed."
    ) in declaration.text
    copy = copy_to_read(case)
    assert copy is not None and copy.language == "es" and not copy.to_sign
    assert copy.title == "Copia para leer (no para firmar): Declaración de Ana Pérez"
    assert copy.text.startswith("COPIA PARA LEER, NO PARA FIRMAR")
    assert "la que se firma es la versión en inglés" in copy.text
    assert "Declaro bajo pena de perjurio" in copy.text and US_1746 not in copy.text
    same_evidence(case, declaration, copy)
    asked = draft(case, language="es")  # asked for in Spanish: still signed in English
    assert asked.language == "en" and copy_to_read(case, language="es") is not None


@pytest.mark.parametrize(("place", "kind"), [("gb-eng", "uk-s9"), ("au", "au-statdec")])
@pytest.mark.parametrize("language", ["es", "fr"])
def test_uk_and_australian_forms_are_signed_in_english(
    case: Vault, person, place: str, kind: str, language: str
):
    set_case_place(case, place)
    person(language)
    declaration = draft(case)
    copy = copy_to_read(case)
    assert declaration.kind == kind and declaration.language == "en"
    assert copy is not None and copy.language == language and not copy.to_sign
    assert copy.text.startswith(("COPIA PARA LEER, NO PARA FIRMAR", "COPIE À LIRE, À NE PAS"))
    same_evidence(case, declaration, copy)


def test_canada_in_english_or_french_for_a_spanish_speaker(case: Vault, person):
    set_case_place(case, "ca")
    person("es")
    english = draft(case)  # Canada's documents for a Spanish speaker: English by default
    assert english.language == "en" and f"And {S41_EN}" in english.text
    assert copy_to_read(case) is not None
    french = draft(case, language="fr")
    assert french.language == "fr" and S41_FR in french.text
    copy = copy_to_read(case, language="fr")
    assert copy is not None and copy.language == "es", "a copy in the person's own words"
    assert "la versión en francés" in copy.text
