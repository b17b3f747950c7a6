"""Files inside an exhibit (a document's pictures, an email's, an Outlook email's and a
PDF's attachments) taken in as exhibits of their own, linked to their container; and an
attachment that is already an exhibit said to be one, both ways."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Collection
from pathlib import Path

import pytest

from tests.support import inner
from tui.core.evidence.adding import add_file
from tui.core.evidence.inner_exhibits import NothingInside, add_inner, inner_choices
from tui.core.evidence.inner_links import InnerLinks
from tui.core.evidence.model import get_exhibit, list_exhibits
from tui.core.evidence.provenance import update_provenance
from tui.core.shared.errors import InputError
from tui.core.vault import custody
from tui.core.vault.vault import Vault


def added(vault: Vault, tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return add_file(vault, path).exhibit.id


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_a_documents_pictures_become_exhibits_linked_to_it(vault: Vault, tmp_path: Path):
    report = added(vault, tmp_path, "report.docx", inner.docx({"image1.png": inner.RED}))
    update_provenance(vault, report, {"how": "received", "from_whom": "Sam"})
    result = add_inner(vault, report)
    assert result.problems == [] and len(result.added) == 1
    picture = result.added[0]
    assert (picture.original_name, picture.sha256) == ("image1.png", sha(inner.RED))
    assert picture.media_type == "image/png" and picture.facts["kind"] == "PNG picture"
    assert (picture.width, picture.height) == (40, 30), "described by the normal intake"
    container = get_exhibit(vault, report)
    taken_from = {
        "exhibit": report,
        "name": "report.docx",
        "sha256": container.sha256,
        "where": "word/media/image1.png",
        "inner_name": "image1.png",
    }
    assert get_exhibit(vault, picture.id).extra["taken_from"] == taken_from
    log = custody.entries(vault.table(custody.TABLE))
    intake = [e for e in log if e["details"].get("exhibit") == picture.id]
    assert intake[0]["action"] == "intake" and intake[0]["details"]["taken_from"] == taken_from
    assert intake[0]["details"]["sha256"] == sha(inner.RED)
    assert picture.provenance == {"how": "received", "from_whom": "Sam"}, "as its container's"
    lines = dict(InnerLinks(list_exhibits(vault)).lines(get_exhibit(vault, picture.id)))
    assert lines["Taken out of"] == f"{report}, 'report.docx', word/media/image1.png"
    assert lines["Whose SHA-256 is"] == container.sha256


def test_a_damaged_picture_is_named_and_the_others_still_go_in(vault: Vault, tmp_path: Path):
    data = inner.docx({"image1.png": inner.RED, "image2.png": inner.BLUE}, damaged="image1.png")
    report = added(vault, tmp_path, "report.docx", data)
    result = add_inner(vault, report)
    assert [e.original_name for e in result.added] == ["image2.png"]
    assert result.problems == [
        f"image1.png inside {report} can't be read: it may be damaged or too large to take "
        "out here."
    ]


def test_an_email_attachment_is_chosen_by_name_and_said_once_taken(vault: Vault, tmp_path: Path):
    mail = added(
        vault, tmp_path, "mail.eml", inner.email({"a.png": inner.RED, "b.png": inner.BLUE})
    )
    choices = inner_choices(vault, mail)
    assert [(c.where, c.name, c.sha256, c.already) for c in choices] == [
        ("1", "a.png", sha(inner.RED), ""),
        ("2", "b.png", sha(inner.BLUE), ""),
    ]
    result = add_inner(vault, mail, ["b.png", "nothing.png"])
    assert [e.sha256 for e in result.added] == [sha(inner.BLUE)]
    assert result.problems == [f"There is no file called nothing.png inside {mail}."]
    assert inner_choices(vault, mail)[1].already == result.added[0].id
    again = add_inner(vault, mail, ["2"])
    assert again.added == [] and again.already[0][1].id == result.added[0].id


def test_an_attachment_identical_to_an_exhibit_says_so_both_ways(vault: Vault, tmp_path: Path):
    mail = added(vault, tmp_path, "mail.eml", inner.email({"photo.png": inner.RED}))
    photo = added(vault, tmp_path, "saved.png", inner.RED)
    links = InnerLinks(list_exhibits(vault))
    assert links.lines(get_exhibit(vault, mail)) == [
        ("Also an exhibit", f"photo.png: identical to exhibit {photo}")
    ]
    assert links.lines(get_exhibit(vault, photo)) == [
        ("Also attached to", f"the email {mail} (as photo.png)")
    ]


def test_an_outlook_emails_and_a_pdfs_attachments_are_taken_in(vault: Vault, tmp_path: Path):
    msg = added(vault, tmp_path, "mail.msg", inner.outlook({"photo.png": inner.RED}))
    pdf = added(vault, tmp_path, "letter.pdf", inner.pdf({"receipt.png": inner.BLUE}))
    from_msg = add_inner(vault, msg).added
    from_pdf = add_inner(vault, pdf, ["receipt.png"]).added
    assert [(e.original_name, e.sha256) for e in from_msg] == [("photo.png", sha(inner.RED))]
    assert [(e.original_name, e.sha256) for e in from_pdf] == [("receipt.png", sha(inner.BLUE))]
    assert get_exhibit(vault, from_msg[0].id).extra["taken_from"]["where"] == "1"
    lines = dict(InnerLinks(list_exhibits(vault)).lines(get_exhibit(vault, from_msg[0].id)))
    assert lines["Taken out of"] == f"{msg}, 'mail.msg', attachment 1"


def test_a_file_that_holds_no_files_says_so(vault: Vault, tmp_path: Path):
    photo = added(vault, tmp_path, "photo.png", inner.RED)
    with pytest.raises(NothingInside, match=f"{photo} is a PNG picture; it holds no files"):
        add_inner(vault, photo)
    empty = added(vault, tmp_path, "empty.docx", inner.docx({}))
    with pytest.raises(NothingInside, match=f"{empty} holds no files"):
        add_inner(vault, empty)


def test_a_zip_that_claims_to_grow_too_much_is_not_opened(vault: Vault, tmp_path: Path):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("photo.png", inner.RED)
        archive.writestr("zeros.bin", bytes(5_000_000))  # a thousand times its size
    bomb = added(vault, tmp_path, "photos.zip", out.getvalue())
    with pytest.raises(InputError, match="it claims to unpack to far more than its size"):
        inner_choices(vault, bomb)
    with pytest.raises(InputError, match="it claims to unpack to far more than its size"):
        add_inner(vault, bomb)
    assert len(list_exhibits(vault)) == 1


def test_a_zips_members_are_taken_in(vault: Vault, tmp_path: Path):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("chat/photo.png", inner.RED)
    photos = added(vault, tmp_path, "photos.zip", out.getvalue())
    assert [e.sha256 for e in add_inner(vault, photos, ["chat/photo.png"]).added] == [
        sha(inner.RED)
    ]


def test_files_are_read_out_a_group_at_a_time(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from tui.core.evidence import inner_exhibits

    monkeypatch.setattr(inner_exhibits, "BATCH_BYTES", len(inner.RED) + 1)
    asked: list[set[str]] = []
    real = inner_exhibits._inside

    def counted(vault: Vault, container: object, take: Collection[str] = ()) -> object:
        asked.append(set(take))
        return real(vault, container, take)  # type: ignore[arg-type]

    monkeypatch.setattr(inner_exhibits, "_inside", counted)
    pictures = {"a.png": inner.RED, "b.png": inner.BLUE, "c.png": inner.png((1, 2, 3))}
    report = added(vault, tmp_path, "report.docx", inner.docx(pictures))
    result = add_inner(vault, report)
    assert [e.original_name for e in result.added] == ["a.png", "b.png", "c.png"]
    assert asked == [set(), {"word/media/a.png"}, {"word/media/b.png"}, {"word/media/c.png"}]
