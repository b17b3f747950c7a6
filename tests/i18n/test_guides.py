"""The guides (checklists/ but the privacy checklists) in the language spoken: every text
a person reads is looked up in the guides catalogue as its loader reads it, and what
the catalogue extracts is exactly what the loaders translate."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator

import pytest

from tests.i18n import catalogues
from tests.support.cli import run_reclaim
from tui.core.evidence import capture_guide
from tui.core.passwords import managers
from tui.core.places import catalogue
from tui.core.safety import load_safety
from tui.core.shared import i18n
from tui.core.shared.data_files import NOT_WORDS
from tui.core.takedowns import legal_options, sites

#: Fields of the loaded objects that hold no words (besides the data files' NOT_WORDS),
#: or hold the English name on purpose (a site's `worded` names are each of one language,
#: written in it: never translated).
NOT_SHOWN = {"english_name", "from_", "deadline_rule", "deadline_starts", "worded"}


def _loaded() -> list[object]:
    """Everything the guides' loaders show, in the language spoken here and now."""
    return [
        capture_guide.shipped(),
        managers.shipped(),
        legal_options.shipped(),
        sites.shipped(),
        load_safety(),
        *catalogue.shipped().values(),
    ]


def _texts(value: object, field: str = "") -> Iterator[tuple[str, str]]:
    """(field, text) for each text a person reads in a loaded object, in order."""
    if field in NOT_WORDS or field in NOT_SHOWN:
        return
    if isinstance(value, str):
        yield field, value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _texts(item, field)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for inner in dataclasses.fields(value):
            yield from _texts(getattr(value, inner.name), inner.name)


def _only_an_address(text: str) -> bool:
    """A `source` that is a web address alone: not words, never in the catalogue."""
    return text.startswith(("http://", "https://")) or bool(catalogues.WEB_ADDRESS.fullmatch(text))


@pytest.mark.parametrize("code", ["es", "fr"])
def test_every_text_a_guide_shows_is_its_translation(code: str) -> None:
    english = [text for item in _loaded() for text in _texts(item)]
    with i18n.speaking(code):
        spoken = [text for item in _loaded() for text in _texts(item)]
    extracted = {message.id for message in catalogues.template("guides") if message.id}
    catalogue_of = i18n.translations(code)
    assert len(spoken) == len(english)
    shown = [(field, en, said) for (field, en), (_f, said) in zip(english, spoken, strict=True)]
    words = [
        (field, en, said)
        for field, en, said in shown
        if en and not en.isdigit() and not _only_an_address(en)
    ]
    missing = sorted({en for _field, en, _said in words if en not in extracted})
    # Every text shown is in the catalogue (a web address alone is not words) ...
    assert all("." in en and " " not in en for en in missing), missing[:5]
    # ... and is shown as the catalogue has it in that language.
    wrong = [(f, en, said) for f, en, said in words if said != catalogue_of.gettext(en)]
    assert not wrong, wrong[:3]
    # Names of sites, services and laws stay as they are; the rest is translated.
    assert sum(en != said for _f, en, said in words) > 0.8 * len(words)


def test_the_catalogue_holds_no_codes_ids_or_addresses() -> None:
    extracted = {message.id for message in catalogues.template("guides") if message.id}
    for not_words in ("law", "under-18", "adults", "notice", "request", "guidance", "uk"):
        assert not_words not in extracted
    for address in ("stopncii.org", "needhelpnow.ca", "esafety.gov.au/report"):
        assert address not in extracted
    # A law's name stays as it is; what it means is translated.
    assert "TAKE IT DOWN Act" in extracted
    assert "If you are in danger" in extracted


def test_reclaim_safety_in_spanish() -> None:
    done = run_reclaim("--language", "es", "safety", "--place", "gb")
    assert done.returncode == 0, done.stderr
    said = " ".join(done.stdout.split())
    for words in (
        "Si estás en peligro · Reino Unido",
        "Si estás en peligro ahora, llama al número de emergencias de arriba.",
        "Policía, bomberos y ambulancia. Si no puedes hablar desde un móvil, pulsa 55 cuando "
        "te lo pidan.",
        "Para personas adultas en el Reino Unido: orientación gratuita y confidencial",
        "StopNCII.org (en todo el mundo)",
    ):
        assert words in said
    for english in (
        "If you are in danger now",
        "Get to a safe place",
        "Police, fire and ambulance",
        "For adults in the UK",
        "worldwide",
    ):
        assert english not in said


def test_reclaim_legal_options_in_french() -> None:
    done = run_reclaim("--language", "fr", "legal", "options")
    assert done.returncode == 0, done.stderr
    said = " ".join(done.stdout.split())
    for words in (
        "Vos options juridiques",
        "Ce sont des informations générales, pas un conseil juridique.",
        "Porter plainte à la police",
        # at a shell, the command to type, not the app's key ("Appuyez sur w…")
        "Ensuite : reclaim letter cease-desist en rédige une.",
    ):
        assert words in said
    assert "Appuyez sur w" not in said
    for english in ("Your legal options", "Reporting to the police", "not legal advice"):
        assert english not in said


def test_the_guides_follow_a_change_of_language() -> None:
    assert capture_guide.shipped().title == "How to capture evidence well"
    i18n.set_language("fr")
    try:
        assert capture_guide.shipped().intro.startswith("Gardez tout avant de signaler")
        assert managers.shipped().options[1].cost == "gratuit"
        assert sites.shipped().site("meta").name == "Facebook et Instagram (Meta)"
    finally:
        i18n.set_language("en")
    assert capture_guide.shipped().title == "How to capture evidence well"
    assert sites.shipped().site("meta").name == "Facebook and Instagram (Meta)"


def test_a_name_typed_in_english_finds_a_place_or_site_in_every_language() -> None:
    with i18n.speaking("es"):
        uk = catalogue.resolve("United Kingdom")
        assert (uk.code, uk.name) == ("gb", "Reino Unido")
        assert catalogue.resolve("reino unido").code == "gb"
        assert "United Kingdom" not in uk.aliases
    with i18n.speaking("fr"):
        search = sites.shipped().site("Google Search")
        assert (search.id, search.name) == ("google-search", "Recherche Google")
        assert "Google Search" not in search.aliases


def test_a_letter_cites_the_law_in_the_documents_language() -> None:
    with i18n.speaking("fr"):
        wording = catalogue.resolve("ca").letter
    assert wording is not None
    assert wording.cites == (
        "La distribution d'une image intime sans consentement est une infraction à "
        "l'article 162.1 du Code criminel du Canada."
    )
    english = catalogue.resolve("ca").letter
    assert english is not None and english.cites.startswith("Distributing an intimate image")


def test_json_keeps_the_data_files_own_words() -> None:
    places = json.loads(run_reclaim("--language", "es", "jurisdiction", "list", "--json").stdout)
    assert {"code": "gb", "name": "United Kingdom"}.items() <= next(
        p for p in places if p["code"] == "gb"
    ).items()
    done = run_reclaim("--language", "fr", "safety", "--place", "gb", "--json")
    safety = json.loads(done.stdout)
    assert safety["place"] == "United Kingdom"
    assert "If you are in danger now, call the emergency number above." in safety["steps"]
    sites_json = run_reclaim("--language", "es", "takedown", "sites", "--json").stdout
    assert json.loads(sites_json)["sites"][0]["name"] == "Facebook and Instagram (Meta)"
