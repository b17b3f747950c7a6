"""A document says the language it is written in, so that a screen reader reads a
Spanish binder with a Spanish voice: the PDF's title in that language, /Lang on its
catalog and dc:language in its XMP (PDF/A stays valid); a letter's or declaration's
PDF and .docx too. A copy to read is saved under a name in the person's language."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pikepdf
import pytest
from docx import Document

from tests.support.pictures import make_png

ME = ("--name", "Ana Pérez", "--contact", "ana@example.org", "--signature", "Ana Pérez")
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
DC = "{http://purl.org/dc/elements/1.1/}"


def _said_language(path: Path) -> tuple[str, str, list[str]]:
    """The PDF's title, its catalog's /Lang and the XMP's dc:language."""
    with pikepdf.open(path) as pdf:
        title = str(pdf.docinfo.get("/Title", ""))
        lang = str(pdf.Root.get("/Lang", ""))
        xmp = bytes(pdf.Root.Metadata.read_bytes()) if "/Metadata" in pdf.Root else b""
    said = []
    if xmp:
        body = xmp.decode().split("?>", 1)[1].rsplit("<?xpacket", 1)[0]
        tree = ElementTree.fromstring(body)
        said = [item.text or "" for item in tree.iter(f"{RDF}li") if item in _bag(tree)]
    return title, lang, said


def _bag(tree: ElementTree.Element) -> list[ElementTree.Element]:
    return [li for language in tree.iter(f"{DC}language") for li in language.iter(f"{RDF}li")]


@pytest.mark.parametrize(
    ("place", "options", "title", "lang"),
    [
        ("us", ("--language", "es", "--document-language", "es"), "Abuso con imágenes", "es"),
        ("ca", ("--language", "fr"), "Violences par images intimes", "fr"),
        ("us", ("--language", "es"), "Image-based abuse: evidence", "en"),
    ],
)
def test_a_binder_says_its_language_and_its_title_in_it(
    cli, tmp_path: Path, place: str, options: tuple[str, ...], title: str, lang: str
) -> None:
    cli("evidence", "add", str(make_png(tmp_path / "a.png")), "--description", "la foto")
    assert cli("jurisdiction", "set", place).returncode == 0
    out = tmp_path / "binder.pdf"
    made = cli("binder", str(out), "--date", "2024-03-07", *options)
    assert made.returncode == 0, made.stderr
    said_title, said_lang, xmp_lang = _said_language(out)
    assert said_lang == lang and xmp_lang == [lang]
    if lang != "en":
        assert "Image-based abuse" not in said_title, said_title
    assert said_title.startswith(title), said_title


def test_a_title_the_person_typed_is_kept_as_typed(cli, tmp_path: Path) -> None:
    cli("evidence", "add", str(make_png(tmp_path / "a.png")), "--description", "la foto")
    out = tmp_path / "binder.pdf"
    made = cli("binder", str(out), "--title", "Mi caso", "--document-language", "es")
    assert made.returncode == 0, made.stderr
    assert _said_language(out)[:2] == ("Mi caso", "es")


def test_a_letter_and_its_copy_to_read_say_their_languages(cli, tmp_path: Path) -> None:
    cli("jurisdiction", "set", "us")
    cli("takedown", "add", "--site", "reddit", "--url", "https://reddit.example/p/1")
    out = tmp_path / "carta.pdf"
    saved = cli("letter", "takedown", "R-001", *ME, "--confirm-no-consent", "--out", str(out),
                "--language", "es")  # fmt: skip
    assert saved.returncode == 0, saved.stderr
    copy = tmp_path / "carta.copia-para-leer.pdf"
    assert copy.exists() and not (tmp_path / "carta.copy-to-read.pdf").exists()
    assert _said_language(out)[1] == "en" and _said_language(copy)[1] == "es"
    words = tmp_path / "lettre.docx"
    saved = cli("letter", "takedown", "R-001", "--out", str(words), "--language", "fr")
    assert saved.returncode == 0, saved.stderr
    assert Document(str(words)).core_properties.language == "en"
    assert Document(str(tmp_path / "lettre.copie-a-lire.docx")).core_properties.language == "fr"


def test_an_english_speakers_copy_keeps_its_english_name(cli, tmp_path: Path) -> None:
    cli("jurisdiction", "set", "us")
    cli("takedown", "add", "--site", "reddit", "--url", "https://reddit.example/p/1")
    out = tmp_path / "letter.txt"
    saved = cli("letter", "takedown", "R-001", *ME, "--confirm-no-consent", "--out", str(out),
                "--document-language", "es")  # fmt: skip
    assert saved.returncode == 0, saved.stderr
    assert (tmp_path / "letter.copy-to-read.txt").read_text().startswith("COPY TO READ")
