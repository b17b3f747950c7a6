"""What a walk of the app in Spanish and French found still in English, fixed: each test
says the words a Spanish- or French-speaking person now reads, and that English stays
the default."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

import tui.core.takedowns.requests
from tests.support.pictures import make_png
from tui.core.copies.register import add_copy
from tui.core.copies.register import summary as copies_summary
from tui.core.evidence.adding import add_file
from tui.core.evidence.completeness import hint
from tui.core.evidence.inner_exhibits import NothingInside, inner_choices
from tui.core.evidence.intake import BatchResult, expand
from tui.core.evidence.model import Exhibit
from tui.core.passwords.strength import assess, crack_time_words
from tui.core.shared import i18n
from tui.core.takedowns.next_steps import suggestions
from tui.core.takedowns.next_steps import summary as takedowns_summary
from tui.core.takedowns.requests import add_request, update_request
from tui.core.vault.vault import Vault


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
            "Aún falta: textos y comentarios. Quién lo publicó, cuándo se publicó y la "
            "dirección web: son suposiciones, según las palabras leídas en la imagen; "
            "compruébalo todo y luego confírmalo. Cuándo la capturaste: es una suposición, "
            "según el nombre del archivo; compruébalo y luego confírmalo.",
        ),
        (
            "fr",
            "Il manque encore : légendes et commentaires. Qui l'a publiée, quand elle a été "
            "publiée et l'adresse web : ce sont des suppositions, d'après les mots lus sur "
            "l'image ; vérifiez, puis confirmez. Quand vous l'avez capturée : c'est une "
            "supposition, d'après le nom du fichier ; vérifiez, puis confirmez.",
        ),
        (
            "en",
            "Still missing: captions and comments. Who posted it, when it was posted and the "
            "web address are guesses from the words read from the picture: check them, then "
            "confirm. When you captured it is a guess from the file's name: check it, then "
            "confirm.",
        ),
    ],
)
def test_the_exhibit_screens_hint_is_said_in_the_language(code: str, said: str) -> None:
    """The first lines of every exhibit screen (they were English in every language),
    one sentence for the guesses from each source (five guesses read from one picture
    took eight of the screen's 24 lines)."""
    exhibit = _exhibit(
        poster="@alex",
        posted_at="2024-03-05T21:14",
        captured_at="2024-03-05T21:20",
        url="https://example.org/p/1",
        guesses={
            "poster": "picture",
            "posted_at": "picture",
            "captured_at": "name",
            "url": "picture",
        },
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


@pytest.mark.parametrize(
    ("code", "said"),
    [
        ("es", "Se añadieron 2 pruebas, 2 ya estaban en el caso, 2 no se pudieron leer."),
        ("fr", "2 pièces ajoutées, 2 déjà dans le dossier, 2 n'ont pas pu être lus."),
        ("en", "Added 2 items, 2 already in the case, 2 could not be read."),
    ],
)
def test_what_adding_files_did_is_said_in_the_language(code: str, said: str) -> None:
    """The note after adding evidence (it said "Added 1 item." in every language)."""
    result = BatchResult(
        added=[_exhibit(), _exhibit()],
        already=[(Path("again.png"), _exhibit()), (Path("more.png"), _exhibit())],
        problems=["That file cannot be read.", "Nor that one."],
    )
    with i18n.speaking(code):
        assert result.summary() == said
    with i18n.speaking(code):
        one = BatchResult(added=[_exhibit()], cancelled=True).summary()
    assert (
        one
        == {
            "es": "Detenido. Se añadió 1 prueba. El archivo que se estaba copiando cuando lo "
            "detuviste no se guardó.",
            "fr": "Arrêté. 1 pièce ajoutée. Le fichier en cours de copie au moment de l'arrêt "
            "n'a pas été gardé.",
            "en": "Stopped. Added 1 item. The file being copied when you stopped was not kept.",
        }[code]
    )


def test_a_path_with_nothing_to_add_is_said_in_the_language(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with i18n.speaking("es"):
        files, problems = expand([tmp_path / "empty", tmp_path / "gone.png"])
    assert files == []
    assert problems == [
        f"La carpeta {tmp_path / 'empty'} no tiene archivos.",
        f"No hay ningún archivo ni carpeta en {tmp_path / 'gone.png'}.",
    ]


@pytest.mark.parametrize(
    ("code", "none", "some"),
    [
        ("es", "aún no hay copias", "2 copias · 1 desfasada"),
        ("fr", "pas encore de copie", "2 copies · 1 périmée"),
        ("en", "no copies yet", "2 copies · 1 out of date"),
    ],
)
def test_the_home_screens_copies_words_are_said_in_the_language(
    vault: Vault, tmp_path: Path, code: str, none: str, some: str
) -> None:
    """The Copies line of the home screen (it said "no copies yet" in every language)."""
    with i18n.speaking(code):
        assert copies_summary(vault) == none
    add_copy(vault, "printed", "at Sam's")
    (tmp_path / "shot.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    add_file(vault, tmp_path / "shot.png")
    add_copy(vault, "drive", "blue drive")
    with i18n.speaking(code):
        assert copies_summary(vault) == some


def test_the_takedowns_words_and_next_routes_are_said_in_the_language(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The home screen's "2 requests, 1 overdue" and the Takedowns step's next routes
    (the first rung, search engines, hash-matching) were English in every language."""
    with i18n.speaking("es"):
        assert takedowns_summary(vault) == "aún no hay solicitudes"
    monkeypatch.setattr(tui.core.takedowns.requests, "utc_stamp", lambda: "2026-06-01T10:00:00Z")
    late = update_request(
        vault, add_request(vault, "meta", ["https://f.example/1"]).id, status="submitted"
    )
    add_request(vault, "reddit", ["https://r.example/1"])
    later = datetime(2026, 6, 3, 11, 0, tzinfo=UTC)
    with i18n.speaking("es"):
        assert takedowns_summary(vault, later) == "2 solicitudes, 1 vencida"
        titles = [s.title for s in suggestions([late], "no", later)]
        first = suggestions([late], "no", later)[0]
    with i18n.speaking("fr"):
        assert takedowns_summary(vault, later) == "2 demandes, 1 en retard"
        french = [s.title for s in suggestions([late], "no", later)]
    assert titles[0].startswith("Se lo pediste a ")
    assert first.how.startswith(
        "Ese fue el primer paso, el 2026-06-01, y no la retiró en su plazo."
    )
    assert "Pide a los buscadores que quiten los enlaces" in titles
    assert "Frena nuevas subidas con StopNCII.org" in titles
    assert "Demandez aux moteurs de recherche de retirer les liens" in french
    assert takedowns_summary(vault, later) == "2 requests, 1 overdue"


@pytest.mark.parametrize(
    ("code", "said"),
    [
        ("es", "E-0001 (imagen PNG) no contiene archivos que se puedan extraer."),
        ("fr", "E-0001 (image PNG) ne contient aucun fichier à extraire."),
        ("en", "E-0001 is a PNG picture; it holds no files that can be taken out."),
    ],
)
def test_a_file_with_nothing_inside_says_so_in_the_language(
    vault: Vault, tmp_path: Path, code: str, said: str
) -> None:
    """Ctrl+F on a video in French said "E-0009 est a video (MPEG-TS)"."""
    add_file(vault, make_png(tmp_path / "a.png"))
    with i18n.speaking(code), pytest.raises(NothingInside) as refused:
        inner_choices(vault, "E-0001")
    assert str(refused.value) == said


@pytest.mark.parametrize(
    ("code", "weak", "strong", "middling"),
    [
        ("es", "2 segundos", "siglos", "4 meses"),
        ("fr", "2 secondes", "des siècles", "4 mois"),
        ("en", "2 seconds", "centuries", "4 months"),
    ],
)
def test_how_long_cracking_would_take_is_said_in_the_language(
    code: str, weak: str, strong: str, middling: str
) -> None:
    """The strength meter said "descifrarla llevaría centuries" (zxcvbn's English)."""
    with i18n.speaking(code):
        assert assess("maria1990").crack_time == weak
        assert assess("correct horse battery staple lamp").crack_time == strong
        assert assess("Tr0ub4dor&3").crack_time == middling
        assert (
            crack_time_words(0.2)
            == {
                "es": "menos de un segundo",
                "fr": "moins d'une seconde",
                "en": "less than a second",
            }[code]
        )


@pytest.mark.parametrize(
    ("code", "said"),
    [
        ("es", "Se añadió 1 prueba, 1 ya estaba en el caso, 1 no se pudo leer."),
        ("fr", "1 pièce ajoutée, 1 déjà dans le dossier, 1 n'a pas pu être lu."),
        ("en", "Added 1 item, 1 already in the case, 1 could not be read."),
    ],
)
def test_one_file_of_each_is_said_in_the_singular(code: str, said: str) -> None:
    result = BatchResult(
        added=[_exhibit()],
        already=[(Path("again.png"), _exhibit())],
        problems=["That file cannot be read."],
    )
    with i18n.speaking(code):
        assert result.summary() == said
