"""`reclaim evidence add-inner`: the files inside an exhibit listed, then taken in as
exhibits of their own; and `evidence show` saying how exhibits hold one another."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tests.support import inner
from tests.support.cli import run_reclaim


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_add_inner_lists_then_takes_in_the_files_inside(cli, tmp_path: Path):
    report = tmp_path / "report.docx"
    report.write_bytes(inner.docx({"image1.png": inner.RED, "image2.png": inner.BLUE}))
    adding = cli("evidence", "add", str(report))
    assert adding.returncode == 0, adding.stderr
    assert (
        "  E-0001 holds 2 files inside it: reclaim evidence add-inner E-0001 lists them.\n"
        in adding.stdout
    )
    listing = cli("evidence", "add-inner", "E-0001")
    assert listing.returncode == 0, listing.stderr
    assert "word/media/image1.png  image1.png  " in listing.stdout
    assert f"sha256:{sha(inner.RED)}" in listing.stdout
    assert "Name the files to take in (by name or place), or use --all." in listing.stdout
    taken = cli("evidence", "add-inner", "E-0001", "image2.png")
    assert taken.returncode == 0, taken.stderr
    assert taken.stdout == f"E-0002  image2.png  sha256:{sha(inner.BLUE)}\n"
    everything = cli("evidence", "add-inner", "1", "--all")
    assert everything.stdout == f"E-0003  image1.png  sha256:{sha(inner.RED)}\n"
    assert "image2.png is already in the case as E-0002" in everything.stderr
    listed_again = cli("evidence", "add-inner", "E-0001").stdout
    assert "already in the case as E-0003" in listed_again
    shown = cli("evidence", "show", "E-0002").stdout
    assert "Taken out of:     E-0001, 'report.docx', word/media/image2.png" in shown
    assert "{" not in shown, "the record's own field is said in words, not as data"
    record = json.loads(cli("evidence", "show", "E-0002", "--json").stdout)
    assert record["taken_from"]["exhibit"] == "E-0001"
    log = json.loads(cli("log", "--json").stdout)
    assert log[-1]["action"] == "intake" and log[-1]["details"]["taken_from"]["where"] == (
        "word/media/image1.png"
    )


def test_show_says_an_attachment_is_already_an_exhibit(cli, tmp_path: Path):
    mail, photo = tmp_path / "mail.eml", tmp_path / "saved.png"
    mail.write_bytes(inner.email({"photo.png": inner.RED}))
    photo.write_bytes(inner.RED)
    assert cli("evidence", "add", str(mail), str(photo)).returncode == 0
    assert (
        "Also an exhibit:  photo.png: identical to exhibit E-0002"
        in cli("evidence", "show", "E-0001").stdout
    )
    assert (
        "Also attached to: the email E-0001 (as photo.png)"
        in cli("evidence", "show", "E-0002").stdout
    )


def test_add_inner_says_plainly_what_it_cannot_do(cli, tmp_path: Path):
    photo = tmp_path / "photo.png"
    photo.write_bytes(inner.RED)
    assert cli("evidence", "add", str(photo)).returncode == 0
    nothing = cli("evidence", "add-inner", "E-0001", "--all")
    assert nothing.returncode != 0
    assert "E-0001 is a PNG picture; it holds no files that can be taken out." in nothing.stderr
    both = cli("evidence", "add-inner", "E-0001", "x.png", "--all")
    assert "Name the files to take in, or use --all, not both." in both.stderr


def test_add_inner_has_help():
    result = run_reclaim("evidence", "add-inner", "--help")
    assert result.returncode == 0 and "--all" in result.stdout
