"""Containers for the tests of files inside files: a Word document with pictures (one of
them damaged), an email and an Outlook email with a picture attached, a PDF carrying a
file, each made here."""

from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage

from PIL import Image

from tests.support.outlook import message


def png(colour: tuple[int, int, int] = (200, 30, 30), size: tuple[int, int] = (40, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


RED, BLUE = png(), png((20, 40, 220), (30, 40))


def docx(pictures: dict[str, bytes], damaged: str = "") -> bytes:
    """A Word document whose `word/media/` holds `pictures`; the member named `damaged`
    has its stored bytes changed after its checksum was written."""
    body = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>Report</w:t></w:r></w:p></w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", body)
        for name, data in pictures.items():
            archive.writestr(f"word/media/{name}", data)
    data = out.getvalue()
    if damaged:
        original = pictures[damaged]
        spoiled = original[:-8] + bytes(8)  # same length, wrong checksum
        data = data.replace(original, spoiled, 1)
    return data


def email(attachments: dict[str, bytes]) -> bytes:
    mail = EmailMessage()
    mail["From"] = "Sam Taylor <sam@example.com>"
    mail["To"] = "alex@example.org"
    mail["Subject"] = "Those pictures"
    mail["Date"] = "Tue, 05 Mar 2024 21:14:00 +0000"
    mail.set_content("Look what I have.")
    for name, data in attachments.items():
        mail.add_attachment(data, maintype="image", subtype="png", filename=name)
    return mail.as_bytes()


def outlook(attachments: dict[str, bytes]) -> bytes:
    return message(attachments=[(name, "image/png", data) for name, data in attachments.items()])


def pdf(attached: dict[str, bytes]) -> bytes:
    import pikepdf

    document = pikepdf.new()
    document.add_blank_page()
    for name, data in attached.items():
        document.attachments[name] = pikepdf.AttachedFileSpec(document, data, filename=name)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
