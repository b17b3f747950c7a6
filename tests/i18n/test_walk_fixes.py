"""What a walk of the app in Spanish and French found still in English, fixed: each test
says the words a Spanish- or French-speaking person now reads, and that English stays
the default."""

import pytest

from tui.core.evidence.completeness import hint
from tui.core.evidence.model import Exhibit
from tui.core.shared import i18n


def _exhibit(**details: object) -> Exhibit:
    return Exhibit(
        id="E-0001",
        blob="b" * 64,
        sha256="a" * 64,
        size=10,
        original_name="shot.png",
        media_type="image/png",
        added_at="2026-11-24T21:14:03Z",
        added_offset="+00:00",
        **details,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("code", "said"),
    [
        (
            "es",
            "Aún falta: cuándo la capturaste, la dirección web y textos y comentarios. "
            "Cuándo se publicó: es una suposición, según las palabras leídas en la imagen; "
            "compruébalo y luego confírmalo.",
        ),
        (
            "fr",
            "Il manque encore : quand vous l'avez capturée, l'adresse web et légendes et "
            "commentaires. Quand elle a été publiée : c'est une supposition, d'après les "
            "mots lus sur l'image ; vérifiez, puis confirmez.",
        ),
        (
            "en",
            "Still missing: when you captured it, the web address and captions and "
            "comments. When it was posted is a guess from the words read from the picture: "
            "check it, then confirm.",
        ),
    ],
)
def test_the_exhibit_screens_hint_is_said_in_the_language(code: str, said: str) -> None:
    """The first line of every exhibit screen (it was English in every language)."""
    exhibit = _exhibit(
        poster="@alex", posted_at="2024-03-05T21:14", guesses={"posted_at": "picture"}
    )
    with i18n.speaking(code):
        assert hint(exhibit) == said


@pytest.mark.parametrize(
    ("code", "said"),
    [
        ("es", "Aquí está todo lo que la guía pide anotar de una captura."),
        ("fr", "Tout ce que le guide demande de noter pour une capture est là."),
    ],
)
def test_a_complete_exhibit_says_so_in_the_language(code: str, said: str) -> None:
    exhibit = _exhibit(
        poster="@alex",
        posted_at="2024-03-05T21:14",
        captured_at="2024-03-05T21:20",
        url="https://example.org/p/1",
        caption="a caption",
    )
    with i18n.speaking(code):
        assert hint(exhibit) == said
