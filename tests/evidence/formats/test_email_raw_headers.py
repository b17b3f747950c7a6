"""Email headers written in raw 8-bit bytes, which mail should not hold but often does
(issue 27: SEEN.tsv's attachment names and Latin-1 subjects printed as "�"): the
Subject, the sender's display name and each attachment's name are read as UTF-8, an East
Asian encoding or Latin-1, in the description, `evidence show` and the binder. Every mail
is made here, as bytes."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from tui.core.binder.build import make
from tui.core.binder.choices import BinderChoices
from tui.core.evidence.adding import add_bytes
from tui.core.evidence.formats.base import Fields, Table
from tui.core.evidence.formats.email_attachments import attachments
from tui.core.evidence.formats.emails import Email
from tui.core.evidence.formats.mime_headers import unraw
from tui.core.vault.vault import Vault

PNG = b"\x89PNG\r\n\x1a\n" + bytes(40)


def part(headers: bytes) -> bytes:
    return b"--XX\r\n" + headers + b"\r\nContent-Transfer-Encoding: base64\r\n\r\nAAAA\r\n"


#: Attachments named in raw UTF-8 (Content-Disposition's filename), raw Latin-1
#: (Content-Type's name), RFC 2231 Latin-1, and raw Shift-JIS.
PARTS = (
    b'Content-Type: image/png\r\nContent-Disposition: attachment; '
    b'filename="r\xc3\xa9sum\xc3\xa9 photo.png"',
    b'Content-Type: application/pdf; name="fact\xfara ma\xf1ana.pdf"',
    b"Content-Type: image/png\r\nContent-Disposition: attachment; "
    b"filename*=iso-8859-1''caf%E9%20cr%E8me.png",
    b'Content-Type: image/png\r\nContent-Disposition: attachment; '
    + b'filename="' + "写真のファイル.png".encode("shift_jis") + b'"',
)  # fmt: skip


def mail(
    subject: bytes,
    sender: bytes = b"Jos\xe9 Mu\xf1oz <jose@example.com>",
    parts: tuple[bytes, ...] = PARTS,
) -> bytes:
    return (
        b"From: " + sender + b"\r\nTo: me@example.org\r\nSubject: " + subject + b"\r\n"
        b"Date: Tue, 05 Mar 2024 21:14:03 +0000\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: multipart/mixed; boundary=XX\r\n\r\n"
        b"--XX\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSee the files.\r\n"
        + b"".join(map(part, parts))
        + b"--XX--\r\n"
    )


NAMES = ["résumé photo.png", "factúra mañana.pdf", "café crème.png", "写真のファイル.png"]


def fields(data: bytes) -> dict[str, str]:
    blocks = Email().printable(data, "mail.eml")
    return dict(next(b for b in blocks if isinstance(b, Fields)).rows)


def names(data: bytes) -> list[str]:
    blocks = Email().printable(data, "mail.eml")
    return [row[0] for row in next(b for b in blocks if isinstance(b, Table)).rows]


def test_a_latin1_subject_and_sender_are_read_not_replaced():
    shown = fields(mail(b"Caf\xe9 ma\xf1ana \xe0 10h"))
    assert shown["Subject"] == "Café mañana à 10h"
    assert shown["From"] == "José Muñoz <jose@example.com>"


def test_a_raw_utf8_subject_is_read_as_utf8():
    subject = "Réunion — 会议 📎"
    assert fields(mail(subject.encode()))["Subject"] == subject
    sender = "Zoë Ångström <zoe@example.com>"
    assert fields(mail(b"x", sender.encode()))["From"] == sender


def test_attachment_names_in_raw_bytes_and_rfc2231_are_read():
    data = mail(b"files")
    assert names(data) == NAMES
    assert [inner.name for inner in attachments(data)] == NAMES  # as `add-inner` lists


def test_raw_bytes_are_read_as_utf8_then_east_asian_then_latin1():
    def raw(data: bytes) -> str:
        return data.decode("ascii", "surrogateescape")

    assert unraw("plain ascii") == "plain ascii"
    assert unraw(raw("naïve".encode())) == "naïve"
    assert unraw(raw("日本語の件名".encode("shift_jis"))) == "日本語の件名"
    assert unraw(raw("한국어 제목".encode("cp949"))) == "한국어 제목"
    # Accented Latin letters stand alone among plain ones: never read as Big5 pairs.
    for words in ("fotó_mañana.png", "Grüße aus Zürich", "Ça va? Très bien", "Ærøskøbing"):
        assert unraw(raw(words.encode("cp1252"))) == words
    assert unraw(raw(b"x\x81y")) == "x\x81y"  # not in Windows-1252: Latin-1


def test_evidence_show_says_the_names_and_subject(cli, tmp_path: Path):
    path = tmp_path / "mail.eml"
    path.write_bytes(mail(b"Caf\xe9 ma\xf1ana"))
    assert cli("evidence", "add", str(path)).returncode == 0
    shown = cli("evidence", "show", "E-0001")
    assert shown.returncode == 0, shown.stderr
    assert "Café mañana" in shown.stdout
    assert "\ufffd" not in shown.stdout
    listed = cli("evidence", "add-inner", "E-0001").stdout
    for name in NAMES:
        assert name in listed


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_the_binder_prints_the_names_and_subject(vault: Vault, tmp_path: Path):
    # (No Japanese name here: its font would make the test slow.)
    add_bytes(vault, mail(b"Caf\xe9 ma\xf1ana", parts=PARTS[:3]), "mail.eml")
    path = tmp_path / "binder.pdf"
    path.write_bytes(make(vault, BinderChoices(export_date=date(2024, 3, 7))).data)
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    text = " ".join(done.stdout.decode().split())
    assert "\ufffd" not in text
    for words in ("Café mañana", "José Muñoz", *NAMES[:3]):
        assert words in text, words


def test_an_rfc2231_name_not_in_its_named_encoding_is_read_as_raw_bytes():
    """As in mail's fixture attachment_with_encoded_name.eml (`iso-2022-jp` over a Latin
    byte): the name is read as `unraw` reads raw bytes, not printed with "�"."""
    for value in (b"utf-8''caf%E9%20cr%E8me.png", b"''caf%E9%20cr%E8me.png"):
        part_header = b"Content-Type: image/png\r\nContent-Disposition: attachment; filename*="
        assert names(mail(b"x", parts=(part_header + value,))) == ["café crème.png"]
