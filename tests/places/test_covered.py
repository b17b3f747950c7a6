"""A person types where they live as they say it, in any language Reclaim speaks: a
member state of the European Union is the Union's rules, a territory of the United States
the United States', a country with its own file is found by its name in another language;
a country Reclaim has no file for is named back, with general advice offered."""

from __future__ import annotations

import pytest

from tests.support.cli import run_reclaim
from tui.core.binder.documents_language import default_for
from tui.core.places.case_place import display_name
from tui.core.places.catalogue import check_code, resolve
from tui.core.shared import i18n
from tui.core.shared.errors import InputError


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("España", "eu-es"),
        ("espana", "eu-es"),
        ("Espagne", "eu-es"),
        ("Spain", "eu-es"),
        ("france", "eu-fr"),
        ("Francia", "eu-fr"),
        ("FR", "eu-fr"),
        ("Belgique", "eu-be"),
        ("Irlanda", "eu-ie"),
        ("eu-de", "eu-de"),
        ("europe", "eu"),
        ("uk", "gb"),  # a place with a file of its own is still found first
        ("ca", "ca"),
        # a country with a file of its own, named in another language
        ("Reino Unido", "gb"),
        ("Royaume-Uni", "gb"),
        ("Canadá", "ca"),
        ("États-Unis", "us"),
        ("Australie", "au"),
        # territories and outermost regions
        ("Puerto Rico", "us-pr"),
        ("Guam", "us-gu"),
        ("Martinique", "eu-mq"),
        ("Canarias", "eu-ic"),
        # "I'd rather not say" as people type it ("no" is the answer, not Norway)
        ("no", "none"),
        ("ninguno", "none"),
        ("aucune", "none"),
        ("prefiero no decirlo", "none"),
    ],
)
def test_a_member_state_typed_any_way_is_the_unions_rules(typed: str, stored: str) -> None:
    assert check_code(typed) == stored
    assert resolve(typed).code == {"none": "general"}.get(stored, stored.split("-")[0])


def test_a_member_state_is_named_in_the_language_spoken() -> None:
    assert display_name("eu-es") == "Spain (rules: European Union)"
    with i18n.speaking("es"):
        assert display_name("eu-es") == "España (normas: Unión Europea)"
    with i18n.speaking("fr"):
        assert display_name("eu-es") == "Espagne (règles : Union européenne)"


def test_irelands_documents_are_english_and_spains_in_the_persons_language() -> None:
    assert default_for(check_code("Irlanda"), "es") == "en"
    assert default_for(check_code("España"), "es") == "es"
    # the police of Spain and France read their language, whoever writes to them
    assert default_for(check_code("España"), "en") == "es"
    assert default_for(check_code("Martinique"), "es") == "fr"
    assert default_for(check_code("eu"), "en") == "en"  # which country is not said
    assert default_for(check_code("Belgique"), "fr") == "fr"
    # Puerto Rico's police and courts work in Spanish: the person's language there
    assert default_for(check_code("Puerto Rico"), "es") == "es"
    assert default_for(check_code("Guam"), "es") == "en"


@pytest.mark.parametrize("typed", ["México", "mexico", "mx", "Mexique"])
def test_a_country_without_a_file_is_named_and_general_advice_offered(typed: str) -> None:
    with pytest.raises(InputError) as refused:
        check_code(typed)
    said = str(refused.value)
    assert "Mexico" in said and "none" in said and "United States" not in said


def test_what_is_not_a_country_is_never_said_back() -> None:
    with pytest.raises(InputError) as refused:
        check_code("correct horse battery")
    assert "correct" not in str(refused.value) and "us" in str(refused.value)


def test_the_command_line_takes_a_country_in_spanish(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANGUAGE", "es")
    said = run_reclaim("safety", "--place", "España")
    assert said.returncode == 0 and "Unión Europea" in said.stdout and "112" in said.stdout
    refused = run_reclaim("safety", "--place", "México")
    assert refused.returncode != 0 and "México" in refused.stderr and "none" in refused.stderr


def test_quebecs_documents_are_french_for_everyone() -> None:
    for person in ("en", "es", "fr"):
        assert default_for("ca-qc", person) == "fr"
    assert default_for("ca-bc", "es") == "en"  # the rest of Canada as before
    assert default_for("ca", "fr") == "fr"


@pytest.mark.parametrize("member", ["eu-de", "eu-it", "eu-pl", "eu-nl"])
def test_a_member_whose_language_reclaim_cant_write_gets_english(member: str) -> None:
    for person in ("en", "es", "fr"):
        assert default_for(member, person) == "en"


def test_a_person_who_speaks_a_members_own_language_is_written_to_in_it() -> None:
    assert default_for("eu-be", "fr") == "fr"
    assert default_for("eu-lu", "fr") == "fr"
    assert default_for("eu-be", "es") == "en"
    assert default_for("eu-mt", "es") == "en"
    assert default_for("eu", "es") == "es"  # which country is not said: as before
