"""The binder and the lawyer package with evidence as people have it: every family of
files printed as what it is, and every damaged or crafted file named with a notice
while the rest of the binder is made."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from pypdf import PdfReader

from tests.evidence.formats import samples
from tui.core.binder.build import make
from tui.core.binder.choices import BinderChoices
from tui.core.binder.packages import write_package
from tui.core.evidence import formats
from tui.core.evidence.formats.base import Picture
from tui.core.evidence.intake import add_many
from tui.core.evidence.model import list_exhibits
from tui.core.takedowns.lawyer_package import write_lawyer_package
from tui.core.vault.vault import Vault

DAY = date(2024, 3, 7)


def flat_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "") for page in reader.pages).split())


@pytest.fixture(scope="module")
def family_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return samples.write(tmp_path_factory.mktemp("families"), samples.every_family())


@pytest.fixture(scope="module")
def damaged_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return samples.write(tmp_path_factory.mktemp("damaged"), samples.damaged())


def test_every_family_is_taken_in_as_what_it_is(vault: Vault, family_files: list[Path]):
    result = add_many(vault, family_files)
    assert result.problems == [] and len(result.added) == len(family_files)
    kinds = {e.original_name: e.facts["kind"] for e in list_exhibits(vault)}
    assert kinds["IMG_4821.HEIC"] == "HEIC photo"
    assert kinds["reaction.gif"] == "animated GIF picture"
    assert kinds["RPReplay_Final1709673600.MOV"].startswith("video")
    assert kinds["AUD-20240305-WA0001.m4a"].startswith("voice note")
    assert kinds["threat.eml"] == "email"
    assert kinds["post.mhtml"] == "saved web page (MHTML)"
    assert kinds["capture.warc.gz"] == "web archive (WARC)"
    assert kinds["WhatsApp Chat with Sam.zip"] == "WhatsApp chat export (zip)"
    assert kinds["WhatsApp Chat with Alex.txt"] == "WhatsApp chat export"
    assert kinds["letter.docx"] == "Word document (DOCX)"
    by_name = {e.original_name: e for e in list_exhibits(vault)}
    email = by_name["threat.eml"]
    assert email.guesses.get("posted_at") == "email" and email.poster
    assert by_name["PTT-20240305-WA0003.opus"].captured_at == "2024-03-05"
    assert by_name["RPReplay_Final1709673600.MOV"].guesses["captured_at"] == "recording"


def test_the_binder_prints_each_family_as_what_it_is(vault: Vault, family_files: list[Path]):
    add_many(vault, family_files)
    made = make(vault, BinderChoices(export_date=DAY))
    assert made.notices == []
    text = flat_text(made.data)
    assert samples.EMAIL_WORDS in text and "Attachments" in text
    assert samples.CHAT_WORDS in text and "that account again" in text
    assert samples.PAGE_WORDS in text
    assert "The thread that was deleted later." in text
    assert "SCRIPTTEXT" not in text and "<p>" not in text and "<script" not in text
    assert "post them everywhere" in text and "He sent it to my family." in text
    assert "0:00:0" in text, "a recording's contact sheet carries time codes"
    assert "animated picture of 3 frames" in text
    assert "notice only" not in text


def test_damaged_files_are_named_and_the_binder_and_lawyer_package_are_still_made(
    vault: Vault, family_files: list[Path], damaged_files: list[Path], tmp_path: Path
):
    add_many(vault, family_files[:3])
    result = add_many(vault, damaged_files)
    assert result.problems == [], "damaged files are evidence too: they are kept"
    names = {e.id: e.original_name for e in list_exhibits(vault)}
    made = make(vault, BinderChoices(export_date=DAY))
    named = {names[ident]: why for ident, why in made.notices}
    assert set(named) == {path.name for path in damaged_files}
    assert "locked with a password" in named["locked.pdf"]
    assert "cut short" in named["half-downloaded.png"]
    assert "larger than any real photo" in named["huge.png"]
    assert "zip bomb" in named["invoice.docx"]
    assert "can't be read" in named["clip.mov"]
    assert "empty" in named["empty.m4a"]
    text = flat_text(made.data)
    assert text.count("(notice only)") >= len(damaged_files), "marked in the contents"
    with pikepdf.open(io.BytesIO(made.data)) as binder:
        assert len(binder.pages) > len(names)

    package = write_lawyer_package(vault, tmp_path / "for-lawyer")
    assert [ident for ident, _ in package.notices] == [ident for ident, _ in made.notices]
    originals = {
        p.name.split("-", 2)[-1] for p in (tmp_path / "for-lawyer/data/originals").iterdir()
    }
    assert {path.name for path in damaged_files} <= originals, "the originals are all there"
    bag = write_package(vault, tmp_path / "usb", BinderChoices(export_date=DAY))
    assert len(bag.notices) == len(damaged_files)


def test_the_cli_says_which_exhibits_are_only_named(
    cli, damaged_files: list[Path], tmp_path: Path
):
    assert cli("evidence", "add", *map(str, damaged_files[:2])).returncode == 0
    done = cli("binder", str(tmp_path / "binder.pdf"), "--date", "2024-03-07")
    assert done.returncode == 0, done.stderr
    assert (
        "2 exhibits are named in the binder with a notice instead of their content" in done.stdout
    )
    assert "E-0001: This PDF is locked with a password" in done.stdout
    assert "Traceback" not in done.stderr


def _png_turned_sideways(late: bool) -> bytes:
    """A 40x20 PNG whose EXIF says "turn 90 degrees"; `late` moves the eXIf chunk after
    the pixels, where PNG allows it too."""
    exif = Image.Exif()
    exif[0x0112] = 6
    out = io.BytesIO()
    Image.new("RGB", (40, 20), "red").save(out, "PNG", exif=exif.tobytes())
    data, chunks, at = out.getvalue(), [], 8
    while at < len(data):
        length = int.from_bytes(data[at : at + 4], "big")
        chunks.append(data[at : at + 12 + length])
        at += 12 + length
    if late:
        exif_chunk = next(chunk for chunk in chunks if chunk[4:8] == b"eXIf")
        chunks.remove(exif_chunk)
        chunks.insert(-1, exif_chunk)
    return data[:8] + b"".join(chunks)


@pytest.mark.parametrize("late", [False, True])
def test_a_png_turned_by_its_exif_is_printed_turned_wherever_the_exif_is(late: bool):
    content, reason = formats.printable(_png_turned_sideways(late), "turned.png")
    picture = next(block for block in content if isinstance(block, Picture))
    assert reason == "" and (picture.width, picture.height) == (20, 40)
