"""Letters drafted from the case: nothing is drafted until every fact is known (so no
placeholder is ever left), under-18 cases never get a copyright letter, and exports are
private, logged and hold the text as the person edited it."""

from __future__ import annotations

import re
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import tui.core.takedowns.letters
from tests.support.cases import vault_bytes
from tests.support.pictures import make_png
from tui.core.evidence.adding import add_file
from tui.core.shared.errors import InputError
from tui.core.takedowns.letter_files import export_letter
from tui.core.takedowns.letter_needs import MissingFacts
from tui.core.takedowns.letters import (
    DEFAULT_DEMANDS,
    DRAFT_NOTICE,
    draft,
    draft_cease_desist,
    draft_copyright,
    draft_takedown,
    get_facts,
    request_parts,
    save_facts,
)
from tui.core.takedowns.requests import add_request, get_request, update_request
from tui.core.timeline.events import add_event
from tui.core.vault import custody
from tui.core.vault.vault import Vault

PLACEHOLDER = re.compile(r"[{}\[\]<>]|_{3,}|\bTODO\b|\bXXX\b|\bNone\b|\bNAME\b")
ME = {"name": "Zoë Ångström", "contact": "zoe@example.org", "signature": "Zoë Ångström"}


def facts(vault: Vault, **more: object) -> None:
    save_facts(vault, **{**ME, "no_consent": True, **more})


def assert_complete(text: str) -> None:
    assert text.splitlines()[0] == DRAFT_NOTICE
    assert "not legal advice" in text
    assert not PLACEHOLDER.search(text), PLACEHOLDER.search(text)


def test_a_takedown_letter_asks_for_every_missing_part_first(vault: Vault, vault_dir: Path):
    request = add_request(vault, "meta", ["https://facebook.example/p/1"])
    before = vault_bytes(vault_dir)
    with pytest.raises(MissingFacts) as caught:
        draft_takedown(vault, request.id)
    assert [need.key for need in caught.value.needs] == [
        "name",
        "contact",
        "signature",
        "no_consent",
    ]
    # Core names each fact in plain words; the faces say where it is given (the command
    # line names --confirm-no-consent: tests/cli/test_letter.py).
    asked = str(caught.value)
    assert "your confirmation that the images were shared without your consent" in asked
    assert "--" not in asked and "reclaim " not in asked
    assert vault_bytes(vault_dir) == before, "asking changes nothing"
    parts = dict(request_parts(request, get_facts(vault)))
    assert parts == {
        "where the content is (1 link)": True,
        "a statement that it was shared without consent": False,
        "your name and signature": False,
        "how to reach you": False,
    }


def test_a_takedown_letter_holds_the_links_evidence_statement_and_deadline(
    vault: Vault, tmp_path: Path
):
    add_file(vault, make_png(tmp_path / "post.png"))
    request = add_request(
        vault, "meta", ["https://facebook.example/p/1", "https://instagram.example/p/2"], ["1"]
    )
    update_request(vault, request.id, reference="FB-77")
    facts(vault)
    letter = draft_takedown(vault, request.id)
    assert_complete(letter.text)
    text = letter.text
    assert "To: Facebook and Instagram (Meta)" in text
    assert "- https://facebook.example/p/1\n- https://instagram.example/p/2" in text
    assert "E-0001" in text and "good faith belief" in text and "without consent" in text
    assert "within 48 hours" in text and "TAKE IT DOWN" in text
    assert "Your reference: FB-77" in text
    assert "/s/ Zoë Ångström" in text and "zoe@example.org" in text
    assert all(ok for _, ok in request_parts(get_request(vault, request.id), get_facts(vault)))


def test_search_engines_get_no_deadline_sentence_and_hash_services_no_letter(vault: Vault):
    facts(vault, acting_for="Sam Rivera")
    search = add_request(vault, "google-search", ["https://example.org/page"])
    text = draft_takedown(vault, search.id).text
    assert_complete(text)
    assert "48 hours" not in text
    assert "on behalf of Sam Rivera" in text and "images of Sam Rivera" in text
    hashed = add_request(vault, "stopncii", [])
    assert hashed.urls == [] and hashed.route == "StopNCII.org"
    with pytest.raises(InputError, match="no letter to send"):
        draft_takedown(vault, hashed.id)


def test_no_copyright_letter_when_the_person_shown_may_have_been_under_18(
    vault: Vault, vault_dir: Path
):
    request = add_request(vault, "reddit", ["https://reddit.example/p/1"])
    facts(vault)
    with pytest.raises(MissingFacts) as caught:
        draft_copyright(vault, request.id)
    assert caught.value.needs[0].key == "under_18", "the age question comes first"
    for answer in ("yes", "unsure"):
        save_facts(vault, under_18=answer)
        before = vault_bytes(vault_dir)
        with pytest.raises(InputError, match="never the route") as refused:
            draft(vault, "copyright", request.id)
        assert "Take It Down" in str(refused.value)
        assert vault_bytes(vault_dir) == before
    with pytest.raises(InputError, match="yes, no or unsure"):
        save_facts(vault, under_18="maybe")
    assert get_facts(vault).under_18 == "unsure"


def test_a_copyright_notice_has_the_parts_the_law_asks_for(vault: Vault):
    request = add_request(vault, "copyright", ["https://host.example/img/9.jpg"])
    facts(vault, under_18="no")
    with pytest.raises(MissingFacts) as caught:
        draft_copyright(vault, request.id)
    assert [need.key for need in caught.value.needs] == ["self_taken", "work"]
    update_request(vault, request.id, self_taken=True, work="A selfie I took in June 2023")
    text = draft_copyright(vault, request.id).text
    assert_complete(text)
    for part in ("A selfie I took in June 2023", "https://host.example/img/9.jpg",
                 "good faith belief", "penalty of perjury", "/s/ Zoë Ångström",
                 "zoe@example.org"):  # fmt: skip
        assert part in text, part


def test_a_cease_and_desist_letter_tells_the_timeline_and_asks_by_when(
    vault: Vault, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(
        tui.core.takedowns.letters, "utc_now", lambda: datetime(2026, 11, 25, 12, tzinfo=UTC)
    )
    facts(vault)
    with pytest.raises(MissingFacts) as caught:
        draft_cease_desist(vault)
    assert [need.key for need in caught.value.needs] == ["recipient", "respond_by", "events"]
    before = vault_bytes(vault_dir)
    with pytest.raises(InputError, match="already come"):
        save_facts(vault, recipient="Alex Doe", respond_by="2026-11-20")
    assert vault_bytes(vault_dir) == before, "a bad date keeps even the good facts out"
    save_facts(vault, recipient="Alex Doe", respond_by="2026-12-09")
    add_event(vault, when="12 March 2024", title="Alex posted the pictures on Reddit",
              details="Three posts, deleted a day later.")  # fmt: skip
    add_event(vault, when="about February 2024", title="Alex threatened to share them")
    letter = draft_cease_desist(vault)
    assert_complete(letter.text)
    text = letter.text
    assert text.index("threatened to share") < text.index("posted the pictures")
    assert "Three posts, deleted a day later." in text
    assert "By 9 December 2026 you must:" in text
    assert all(demand in text for demand in DEFAULT_DEMANDS)
    save_facts(vault, demands=["take the posts down", " "])
    text = draft_cease_desist(vault).text
    assert "- take the posts down\n\nand confirm" in text
    assert DEFAULT_DEMANDS[0] not in text


def test_letters_are_exported_as_edited_privately_and_logged(vault: Vault, tmp_path: Path):
    from docx import Document
    from pypdf import PdfReader

    facts(vault)
    letter = draft_takedown(vault, add_request(vault, "x", ["https://x.example/s/1"]).id)
    edited = letter.text.replace("To whom it may concern,", "Dear X safety team,")
    paths = [export_letter(vault, letter, edited, tmp_path / f"letter.{s}")
             for s in ("txt", "docx", "pdf")]  # fmt: skip
    for path in paths:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert paths[0].read_text() == edited + "\n"
    paragraphs = [p.text for p in Document(str(paths[1])).paragraphs]
    assert "Dear X safety team," in paragraphs and "/s/ Zoë Ångström" in paragraphs
    pdf_text = "".join(page.extract_text() for page in PdfReader(paths[2]).pages)
    assert "Dear X safety team," in pdf_text and "Zoë Ångström" in pdf_text
    entries = custody.entries(vault.table(custody.TABLE))
    logged = [e["details"] for e in entries if e["action"] == "letter export"]
    assert [e["destination"] for e in logged] == [str(p) for p in paths]
    assert all(e["letter"] == "takedown" and len(e["sha256"]) == 64 for e in logged)
    with pytest.raises(InputError, match="already exists"):
        export_letter(vault, letter, edited, paths[0])
    with pytest.raises(InputError, match=r"\.txt, \.docx or \.pdf"):
        export_letter(vault, letter, edited, tmp_path / "letter.html")
    with pytest.raises(InputError, match="empty"):
        export_letter(vault, letter, "  \n", tmp_path / "empty.txt")
    assert not (tmp_path / "empty.txt").exists() and not list(tmp_path.glob(".*.tmp"))


def test_a_follow_up_can_be_planned_for_a_later_day(vault: Vault):
    request = add_request(vault, "tiktok", ["https://t.example/v/1"])
    later = (datetime.now(UTC) + timedelta(days=7)).date().isoformat()
    assert update_request(vault, request.id, follow_up=later).follow_up == later
