"""Where the person lives decides the routes, the clocks, the law and who to call: the
packs are data, read strictly; the case keeps its place; deadlines follow its clock."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.support.cases import PASSPHRASE
from tui.core.places.case_place import case_code, case_place, lawyer_line, stored
from tui.core.places.catalogue import check_code, load_folder, places, resolve, shipped
from tui.core.safety import safety_page
from tui.core.settings import Settings
from tui.core.shared.data_files import ChecklistError
from tui.core.shared.errors import InputError
from tui.core.shared.paths import checklists_dir
from tui.core.takedowns.deadlines import due_at, is_overdue, set_case_place
from tui.core.takedowns.letters import draft_takedown, save_facts
from tui.core.takedowns.requests import add_request, get_request, update_request
from tui.core.vault.vault import Vault

SHIPPED = checklists_dir() / "jurisdictions"


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "jurisdictions"
    shutil.copytree(SHIPPED, folder)
    return folder


def test_every_shipped_fact_has_its_source_and_review_date():
    known = shipped()
    assert {"us", "gb", "ca", "ca-bc", "au", "eu", "general"} <= set(known)
    for place in known.values():
        facts: list[Any] = [
            place.emergency,
            *place.contacts,
            *place.clocks,
            *place.routes,
            *place.legal,
        ]
        facts += [place.letter] if place.letter else []
        for fact in facts:
            assert fact.source and fact.reviewed.isoformat() == "2026-12-01", (place.code, fact)
    numbers = {p.code: p.emergency.number for p in places()}
    assert numbers == {"us": "911", "gb": "999", "ca": "911", "ca-bc": "911", "au": "000",
                       "eu": "112"}  # fmt: skip


def test_a_child_extends_its_parent():
    bc, ca = resolve("ca-bc"), resolve("ca")
    assert bc.emergency == ca.emergency
    assert [c.name for c in bc.contacts][: len(ca.contacts)] == [c.name for c in ca.contacts]
    assert "Civil Resolution Tribunal (intimate images)" in [c.name for c in bc.contacts]
    assert {"criminal-code-162-1", "iipa", "re-x-corp"} <= {law.id for law in bc.legal}
    assert bc.letter and "BCCRT 1228" in bc.letter.cites


def test_codes_names_and_fallbacks():
    assert resolve("uk").code == resolve("United Kingdom").code == "gb"
    assert resolve("ca-on").code == "ca" and check_code("CA-ON") == "ca-on"
    assert check_code("none") == "none" and resolve("none").code == "general"
    with pytest.raises(InputError, match="not a place Reclaim knows"):
        resolve("atlantis")


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "gb.toml",
            'name = "United Kingdom"',
            'name = "United Kingdom"\nflag = "x"',
            "unknown key",
        ),
        ("au.toml", 'number = "000"\n', "", "missing: number"),
        ("us.toml", 'source = "https://rainn.org', 'sourced = "https://rainn.org', "unknown key"),
        ("eu.toml", "reviewed = 2026-12-01\n\n[[routes]]", "\n[[routes]]", "missing: reviewed"),
        (
            "gb.toml",
            "so Reclaim counts no deadline. Passed, but not confirmed in force: check with a "
            "lawyer.",
            "is coming.",
            "should say so in its rule",
        ),
        ("au.toml", "hours = 24", "hours = 0", "positive number"),
        ("ca.toml", 'audience = "under-18"', 'audience = "teens"', "audience should be"),
    ],
)
def test_bad_packs_are_refused_naming_the_file(
    tmp_path: Path, file: str, old: str, new: str, message: str
):
    folder = _copy(tmp_path)
    path = folder / file
    assert old in path.read_text()
    path.write_text(path.read_text().replace(old, new, 1))
    with pytest.raises(ChecklistError, match=message) as refused:
        load_folder(folder)
    assert file in str(refused.value)


def test_a_child_without_its_parent_is_refused(tmp_path: Path):
    folder = _copy(tmp_path)
    (folder / "ca.toml").unlink()
    with pytest.raises(ChecklistError, match=r"ca-bc\.toml extends ca, but there is no ca\.toml"):
        load_folder(folder)


def test_an_old_case_opens_and_is_read_as_the_us_said_so(vault_dir: Path, vault: Vault):
    """A case written before Reclaim asked: its letter facts and requests have no place."""
    vault.table("letter_facts").insert({"name": "Sam", "under_18": "no"})
    vault.table("takedowns").insert(
        {
            "id": "R-001",
            "site": "meta",
            "urls": ["https://f.example/1"],
            "status": "submitted",
            "sent_at": "2026-06-01T10:00:00Z",
        }
    )
    vault.close()
    with Vault.open(vault_dir, passphrase=PASSPHRASE) as reopened:
        assert stored(reopened) == "" and case_code(reopened) == "us"
        assert "assumed" in case_place(reopened)
        assert "TAKE IT DOWN Act" in lawyer_line(reopened)
        old = get_request(reopened, "R-001")
        assert due_at(old) == datetime(2026, 6, 3, 10, tzinfo=UTC)
        set_case_place(reopened, "uk")
        assert case_place(reopened) == "United Kingdom"
        assert get_request(reopened, "R-001").place == "gb"
        assert due_at(get_request(reopened, "R-001")) is None, "no clock in force in the UK"


def test_deadlines_follow_each_places_clock(vault: Vault):
    request = add_request(vault, "reddit", ["https://r.example/1"])
    request = update_request(vault, request.id, status="submitted", sent="2026-06-01 12:00")
    sent = datetime.fromisoformat(request.sent_at.replace("Z", "+00:00"))
    set_case_place(vault, "us")
    assert due_at(get_request(vault, request.id)) == sent + timedelta(hours=48)
    for code in ("gb", "eu", "ca", "ca-bc", "none"):
        set_case_place(vault, code)
        assert due_at(get_request(vault, request.id)) is None, code
    set_case_place(vault, "au")
    assert due_at(get_request(vault, request.id)) is None, "the clock waits for the notice"
    noticed = update_request(vault, request.id, notice="2026-06-05 09:00")
    notice = datetime.fromisoformat(noticed.notice_at.replace("Z", "+00:00"))
    assert due_at(noticed) == notice + timedelta(hours=24)
    assert is_overdue(noticed, notice + timedelta(hours=25))
    assert not is_overdue(noticed, notice + timedelta(hours=23))


@pytest.mark.parametrize(
    ("code", "cited", "absent"),
    [
        ("us", "TAKE IT DOWN Act", "Online Safety Act"),
        ("au", "Online Safety Act 2021", "TAKE IT DOWN"),
        ("eu", "Article 16 of the Digital Services Act", "TAKE IT DOWN"),
        ("gb", "Sexual Offences Act 2003, s 66B", "TAKE IT DOWN"),
        ("ca-bc", "Re X Corp., 2025 BCCRT 1228", "TAKE IT DOWN"),
        ("none", "without delay", "TAKE IT DOWN"),
    ],
)
def test_letters_cite_the_places_law_and_ask_for_removal_everywhere(
    vault: Vault, code: str, cited: str, absent: str
):
    save_facts(vault, name="Zoë", contact="zoe@example.org", signature="Zoë", no_consent=True)
    set_case_place(vault, code)
    request = add_request(vault, "x", ["https://x.example/1"])
    text = draft_takedown(vault, request.id).text
    assert cited in text and absent not in text
    assert "everywhere, not only where I live" in text
    assert ("within 48 hours" in text) == (code == "us")


def test_the_safety_page_puts_the_emergency_number_first_and_the_clinic_on_top():
    clinic = Settings(clinic_contacts=(safety_page(Settings()).contacts[0],))
    for code, number, helpline in (
        ("au", "000", "1800RESPECT"),
        ("gb", "999", "Revenge Porn Helpline"),
        ("ca", "911", "Cybertip.ca"),
        ("us", "911", "Take It Down (NCMEC)"),
    ):
        page = safety_page(clinic, code)
        assert page.emergency is not None and page.emergency.how == number
        names = [contact.name for contact in page.contacts]
        assert names[0] == clinic.clinic_contacts[0].name and helpline in names
    assert safety_page(Settings(kiosk_jurisdiction="au")).place == "Australia"
