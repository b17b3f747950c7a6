"""Emails whose declared charset is wrong (issue 27, SEEN.tsv's mail_test_12 and
content_transfer_encoding_empty.eml): the words are read in a better encoding instead of
printed as "�" or mojibake; and the posting time keeps the offset the Date was written
with, in the binder's "Posted" line. Every mail is made here, in memory."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from tests.evidence.formats import kinds_samples as ks
from tui.core.binder.build import make
from tui.core.binder.choices import BinderChoices
from tui.core.binder.document import written_time
from tui.core.evidence.adding import add_bytes
from tui.core.evidence.changes import update_details
from tui.core.evidence.formats import describe, encodings
from tui.core.evidence.formats.base import Fields, Notice, Text
from tui.core.evidence.formats.emails import REREAD, Email
from tui.core.evidence.model import get_exhibit
from tui.core.vault.vault import Vault

CHINESE = "你好！我公司可代开各类增值税发票，此信息永久有效"  # noqa: RUF001
BIG5 = "大家說英語 每日聽MP3 繁體中文光碟版"


def mail(body: bytes, charset: str, *, subject: bytes = b"Hello", kind: str = "plain") -> bytes:
    return (
        b"From: Sender <sender@example.com>\r\nTo: me@example.org\r\nSubject: "
        + subject
        + b"\r\nDate: Sun, 13 May 2018 12:32:22 +0800\r\nMIME-Version: 1.0\r\n"
        + f'Content-Type: text/{kind}; charset="{charset}"\r\n'.encode()
        + b"Content-Transfer-Encoding: 8bit\r\n\r\n"
        + body
        + b"\r\n"
    )


def printed(data: bytes) -> tuple[dict[str, str], str]:
    blocks = Email().printable(data, "mail.eml")
    fields = next(b for b in blocks if isinstance(b, Fields))
    text = next(b for b in blocks if isinstance(b, Text))
    return dict(fields.rows), text.text


def reread(data: bytes) -> bool:
    """Whether the printout says some words were read in another encoding."""
    return Notice(REREAD) in Email().printable(data, "mail.eml")


def test_utf8_words_under_a_gb2312_label_are_read_as_utf8():
    """Outlook Express said GB2312 for UTF-8 bytes: the label gave "浣犲ソ…" and "�"."""
    _fields, text = printed(mail(CHINESE.encode(), "GB2312"))
    assert text == CHINESE
    assert reread(mail(CHINESE.encode(), "GB2312"))  # and the binder says so
    assert CHINESE.encode().decode("gbk", "replace") != text  # what the label alone gave


def test_big5_passed_through_latin1_is_read_as_big5_in_body_and_subject():
    """Big5 bytes once taken for Latin-1 and written out as UTF-8, under a Big5 label."""
    twice = BIG5.encode("big5").decode("latin-1").encode()
    html = b"<html><body><p>" + twice + b"</p></body></html>"
    fields, text = printed(mail(html, "big5", subject=twice, kind="html"))
    assert text == BIG5
    assert fields["Subject"] == BIG5


def test_utf8_under_a_latin1_label_is_not_left_as_mojibake():
    _fields, text = printed(mail("Café at noon, naïve".encode(), "iso-8859-1"))
    assert text == "Café at noon, naïve"  # not "CafÃ© at noon, naÃ¯ve"


def test_real_latin1_words_are_left_as_they_are():
    for words in ("Café at noon, naïve Mélanie", "Il a écrit : « supprime ça », 5 €"):
        _fields, text = printed(mail(words.encode("cp1252"), "windows-1252"))
        assert text == words
        assert not reread(mail(words.encode("cp1252"), "windows-1252"))
    assert encodings.mended_header("Mélanie Dupré", "big5hkscs") == "Mélanie Dupré"


def test_a_wrong_label_that_is_not_utf8_either_is_guessed():
    words = "Привет, это сообщение написано по-русски и сохранено в кодировке 1251."
    _fields, text = printed(mail(words.encode("cp1251"), "utf-8"))
    assert text == words


def test_the_posted_time_keeps_the_dates_offset():
    _handler, facts = describe(io.BytesIO(ks.email()), "mail.eml")
    assert facts.guesses["posted_at"] == ("2016-08-22T16:56:09", "email")
    assert facts.shown["posted_stated"] == "2016-08-22T16:56:09+03:00"
    _handler, facts = describe(io.BytesIO(ks.email("Mon, 22 Aug 2016 16:56:09 -0000")), "m.eml")
    assert "posted_stated" not in facts.shown  # -0000: the zone is not known


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_the_binder_prints_the_posted_time_with_its_offset(vault: Vault, tmp_path: Path):
    exhibit_id = add_bytes(vault, ks.email(), "mail_test_3.eml").exhibit.id
    path = tmp_path / "binder.pdf"
    path.write_bytes(make(vault, BinderChoices(export_date=date(2024, 3, 7))).data)
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True)
    posted = [line.split() for line in done.stdout.decode().splitlines() if "Posted  " in line]
    assert posted == [["Posted", "2016-08-22", "16:56:09", "+03:00", "(estimated)"]]
    update_details(vault, exhibit_id, {"posted_at": "2016-08-22 16:56"})  # the person's
    # no longer the mail's own time: no offset is claimed for it
    assert written_time(get_exhibit(vault, exhibit_id), "posted_at") == "2016-08-22 16:56"


def test_the_detector_reads_only_the_first_parts_of_a_mail(monkeypatch: pytest.MonkeyPatch):
    """It costs tens of milliseconds a part; a crafted mail holds hundreds of parts."""
    asked: list[int] = []
    real = encodings.guessed_codec

    def counted(sample: bytes) -> str | None:
        asked.append(len(sample))
        return real(sample)

    monkeypatch.setattr(encodings, "guessed_codec", counted)
    words = "Привет, это сообщение написано по-русски.".encode("cp1251")
    parts = b"".join(
        b"--B\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + words + b"\r\n"
        for _ in range(50)
    )
    data = (
        b"From: a@example.com\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: multipart/mixed; boundary=B\r\n\r\n" + parts + b"--B--\r\n"
    )
    _fields, text = printed(data)
    assert len(asked) == 2
    assert text.startswith("Привет, это сообщение написано по-русски.")
