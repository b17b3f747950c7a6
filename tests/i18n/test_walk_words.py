"""What a tester's walk in Spanish and French at 80x24 found (issue 29), fixed: a recording
with no stills said "no words found" (there was nothing to read), one file was "added
them", a file written said "Escrito /tmp/…" and "Écrit …", and a takedown request's
status showed as kept ("submitted")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Static

from tests.support.pilot import SIZE, lines_of, settle
from tui.app import ReclaimApp
from tui.cli.binder import wrote
from tui.core.evidence.reading.model import PictureText, Reading
from tui.core.evidence.reading.shows import what_it_shows
from tui.core.settings import Settings
from tui.core.shared import i18n
from tui.core.vault.vault import Vault


@pytest.fixture
def spoken() -> Iterator[None]:
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(
    ("code", "video", "other"),
    [
        (
            "en",
            "There was nothing to read: no still could be taken from the recording.",
            "There was nothing to read: no picture was found in it.",
        ),
        (
            "es",
            "No había nada que leer: no se pudo sacar ningún fotograma de la grabación.",
            "No había nada que leer: no contiene ninguna imagen.",
        ),
        (
            "fr",
            "Il n'y avait rien à lire : aucune image fixe n'a pu être tirée de l'enregistrement.",
            "Il n'y avait rien à lire : il ne contient aucune image.",
        ),
    ],
)
def test_nothing_to_read_is_not_no_words_found(code: str, video: str, other: str) -> None:
    empty = Reading("test", "2026-12-07T16:00:00Z", ())
    with i18n.speaking(code):
        assert what_it_shows(empty, {"media_type": "video/mp4"}).sentence == video
        assert what_it_shows(empty, {"media_type": "application/pdf"}).sentence == other
        one = Reading("test", "2026-12-07T16:00:00Z", (PictureText("picture", 9, 9, ()),))
        assert what_it_shows(one, {}).sentence == i18n._("No words were found in the picture.")


class _Dialog(App[None]):
    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def compose(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        from tui.screens.provenance_form import BatchProvenanceDialog

        self.push_screen(BatchProvenanceDialog(self.count, {}))


@pytest.mark.parametrize(
    ("code", "count", "words"),
    [
        ("es", 1, "Ctrl+S lo añade"),
        ("es", 3, "Ctrl+S los añade"),
        ("fr", 1, "Ctrl+S l'ajoute"),
        ("en", 1, "Ctrl+S adds it"),
    ],
)
async def test_one_file_is_added_as_one(code: str, count: int, words: str, spoken: None) -> None:
    i18n.set_language(code)
    app = _Dialog(count)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        explain = app.screen.query_one("#explain", Static)
        assert words in str(explain.render())


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("es", "Guardado en /tmp/b.pdf: 1 página, 1 prueba, sha256:ab"),
        ("fr", "Enregistré dans /tmp/b.pdf : 1 page, 1 pièce, sha256:ab"),
    ],
)
def test_a_binder_written_says_where_it_was_saved(code: str, words: str) -> None:
    with i18n.speaking(code):
        assert wrote(Path("/tmp/b.pdf"), 1, 1, "ab") == words


@pytest.mark.parametrize(
    ("code", "kind", "sent", "drafted"),
    [("es", "Tipo", "enviada", "borrador"), ("fr", "Type", "envoyée", "brouillon")],
)
async def test_a_walk_of_the_demos_steps_in_the_language(
    code: str, kind: str, sent: str, drafted: str, demo: Vault, spoken: None
) -> None:
    """At 80x24: the Evidence step's lead fits one line in its first order, and in no
    order is the sort key's "(s" left at a line's end (it read "(s" / "trie)"); the
    Copies step's headings are said once (French "Type", the kind, went through the
    catalogue again and came back "Format"); a request's status on step 8 is said in
    the language (it showed "submitted")."""
    i18n.set_language(code)
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await settle(app, pilot)
        lead = app.screen.query_one("#lead", Static)
        drawn = [line for line in lines_of(lead) if line.strip()]
        assert len(drawn) == 1, drawn
        for _order in range(4):
            await pilot.press("s")
            await pilot.pause()
            drawn = [line for line in lines_of(lead) if line.strip()]
            assert not any(line.endswith("(s") for line in drawn), drawn
            assert "(s)" in " ".join(drawn), drawn
        await pilot.press("escape", "5")
        await settle(app, pilot)
        table = app.screen.query_one(DataTable)
        assert [str(column.label) for column in table.columns.values()][1] == kind
        await pilot.press("escape", "8")
        await settle(app, pilot)
        table = app.screen.query_one(DataTable)
        statuses = [str(table.get_row_at(row)[2]) for row in range(table.row_count)]
        assert statuses == [sent, drafted]


def test_spanish_says_equipo_for_a_computer_everywhere() -> None:
    """One everyday word for Spain and the Americas (tui/locale/GLOSSARY.md): "equipo",
    never "ordenador" (Spain) nor "computadora" (the Americas)."""
    from tests.i18n.catalogues import read

    for domain in i18n.DOMAINS:
        for message in read("es", domain):
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            for said in map(str, strings):
                assert not re.search(r"ordenador|computadora", said, re.IGNORECASE), said


@pytest.mark.parametrize(
    ("code", "checklist", "takedowns", "options", "general"),
    [
        (
            "es",
            "Servicio de ayuda de Instagram, páginas de ajustes de privacidad y seguridad",
            "Las páginas de ayuda, normas y denuncias que publica cada plataforma",
            "Consejos de apoyo a víctimas (la Cyber Civil Rights Initiative",
            "Palabras del propio Reclaim",
        ),
        (
            "fr",
            "Pages d'aide d'Instagram sur les paramètres de confidentialité et de sécurité",
            "Les pages d'aide, de règles et de signalement publiées par chaque plateforme",
            "Conseils d'aide aux victimes (la Cyber Civil Rights Initiative",
            "Les mots de Reclaim",
        ),
    ],
)
def test_where_a_guide_was_checked_is_said_in_the_language(
    code: str, checklist: str, takedowns: str, options: str, general: str
) -> None:
    """The "checked with" line under each checklist and guide (names of sites, laws and
    organisations stay as they are; the words around them are translated)."""
    from tui.core.places.catalogue import shipped as places
    from tui.core.privacy.checklists import find
    from tui.core.takedowns.legal_options import shipped as legal_options
    from tui.core.takedowns.sites import shipped as sites

    with i18n.speaking(code):
        assert find("instagram").source.startswith(checklist)
        assert sites().source.startswith(takedowns)
        assert legal_options().source.startswith(options)
        assert places()["general"].source.startswith(general)
    assert find("instagram").source.startswith("Instagram Help Centre, privacy and safety")


@pytest.mark.parametrize(
    ("code", "page", "size", "action", "entry"),
    [
        ("es", "Página 1 de ", "1.500 bytes", "añadida al caso", "N.º"),
        ("fr", "Page 1 sur ", "1 500 octets", "ajoutée au dossier", "N°"),
    ],
)
def test_a_binders_pages_sizes_and_custody_log_in_its_language(
    code: str, page: str, size: str, action: str, entry: str, vault: Vault, tmp_path: Path
) -> None:
    """The footer said "Page 1 of 9" and sizes "1,500" in every language; the custody
    log's actions were its English keys and its "Entry" heading broke in two."""
    import io
    from datetime import date

    from pypdf import PdfReader

    from tui.core.binder.build import build
    from tui.core.binder.choices import BinderChoices
    from tui.core.evidence.adding import add_file

    note = tmp_path / "note.txt"
    note.write_bytes(b"a" * 1500)
    add_file(vault, note, {"description": "A note"})
    data = build(vault, BinderChoices(export_date=date(2024, 3, 7), language=code))
    text = "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
    flat = " ".join(text.split()).replace("\u202f", " ").replace("\xa0", " ")
    assert page in flat
    assert size in flat
    assert action in flat
    assert f"{entry} " in flat
    assert "Page 1 of" not in flat and "1,500" not in flat and " intake " not in flat


@pytest.mark.parametrize(("code", "status"), [("es", "borrador"), ("fr", "brouillon")])
def test_the_lawyers_notes_say_a_requests_status_in_the_language(
    code: str, status: str, vault: Vault
) -> None:
    from tui.core.binder import documents_language
    from tui.core.takedowns.lawyer_package import notes_text
    from tui.core.takedowns.requests import add_request

    add_request(vault, "meta", ["https://f.example/1"])
    documents_language.save(vault, code)
    notes = notes_text(vault)
    assert f"(Meta): {status}\n" in notes
    assert ": drafted" not in notes


def test_the_profile_in_french_takes_its_colon(vault: Vault, passphrase_file: Path) -> None:
    from tests.support.cli import run_reclaim

    options = ["--vault", str(vault.path), "--passphrase-file", str(passphrase_file)]
    done = run_reclaim("profile", "show", *options, "--language", "fr")
    assert done.returncode == 0, done.stderr
    assert "Animaux : -" in done.stdout.splitlines()


def test_a_description_reclaim_wrote_is_said_in_the_language_spoken_now() -> None:
    """A stitched exhibit's description, written in one language, read in another; the
    person's own words stay as written."""
    from tui.core.evidence.described import said_description

    with i18n.speaking("es"):
        assert (
            said_description("Stitched from E-0001, E-0002") == "Unida a partir de E-0001, E-0002"
        )
        assert said_description("Stitched from my phone") == "Stitched from my phone"
    with i18n.speaking("fr"):
        said = said_description("Unida a partir de E-0003")
    assert said == "Assemblée à partir de E-0003"
    assert said_description("Assemblée à partir de E-0003") == "Stitched from E-0003"
    assert said_description("") == ""


def test_the_evidence_list_shows_a_stitched_description_in_the_language() -> None:
    from tests.i18n.test_walk_fixes import _exhibit
    from tui.screens.evidence_rows import cells

    exhibit = _exhibit(description="Stitched from E-0001, E-0002")
    with i18n.speaking("fr"):
        row = cells(exhibit, marked=False, check=None)
    assert "Assemblée à partir de E-0001, E-0002" in [str(cell) for cell in row]
