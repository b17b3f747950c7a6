"""The takedown tracker: requests with their links and exhibits, statuses, deadlines
computed from when a request was sent, and "overdue" derived from the clock."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import tui.core.takedowns.requests
from tests.support.cases import vault_bytes
from tests.support.pictures import make_png
from tui.core.evidence.adding import add_file
from tui.core.shared.data_files import ChecklistError
from tui.core.shared.errors import InputError, NotFound
from tui.core.takedowns.deadlines import due_at, is_overdue, needs_follow_up
from tui.core.takedowns.next_steps import Suggestion, suggestions
from tui.core.takedowns.requests import add_request, get_request, list_requests, update_request
from tui.core.vault.vault import Vault

SENT = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)


def test_a_request_keeps_its_links_and_exhibits(vault: Vault, tmp_path: Path):
    add_file(vault, make_png(tmp_path / "a.png"))
    request = add_request(
        vault, "reddit", ["https://reddit.example/p/1", "https://reddit.example/p/1 "], ["1"]
    )
    assert (request.id, request.status, request.sent_at) == ("R-001", "drafted", "")
    assert request.urls == ["https://reddit.example/p/1"] and request.evidence == ["E-0001"]
    assert "Non-consensual intimate media" in request.route
    assert [r.id for r in list_requests(vault)] == ["R-001"]


@pytest.mark.parametrize(
    ("site", "urls", "evidence", "error", "message"),
    [
        ("myspace", ["https://x.example"], [], ChecklistError, "not a site"),
        ("reddit", [], [], InputError, "at least one web address"),
        ("reddit", ["reddit.example/p/1"], [], InputError, "not a web address"),
        ("reddit", ["https://x.example"], ["E-0009"], NotFound, "no exhibit E-0009"),
    ],
)
def test_bad_requests_are_refused_and_change_nothing(
    vault: Vault, site, urls, evidence, error, message
):
    before = vault_bytes(vault.path)
    with pytest.raises(error, match=message):
        add_request(vault, site, urls, evidence)
    assert vault_bytes(vault.path) == before


def test_the_deadline_runs_from_when_it_was_sent_and_overdue_is_derived(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
):
    request = add_request(vault, "meta", ["https://facebook.example/p/1"])
    assert due_at(request) is None and not is_overdue(request)
    monkeypatch.setattr(tui.core.takedowns.requests, "utc_stamp", lambda: "2026-06-01T10:00:00Z")
    sent = update_request(vault, request.id, status="submitted", reference="FB-123")
    assert sent.sent_at == "2026-06-01T10:00:00Z" and sent.reference == "FB-123"
    assert due_at(sent) == SENT + timedelta(hours=48)
    assert not is_overdue(sent, SENT + timedelta(hours=47))
    assert is_overdue(sent, SENT + timedelta(hours=49))
    acknowledged = update_request(vault, request.id, status="acknowledged")
    assert acknowledged.sent_at == sent.sent_at, "the first sending time stays"
    removed = update_request(vault, request.id, status="removed")
    assert not is_overdue(removed, SENT + timedelta(days=30))
    stored = dict(vault.table("takedowns").all()[0])
    assert "overdue" not in stored and "due_at" not in stored


def test_search_engines_have_no_legal_deadline(vault: Vault):
    request = update_request(
        vault, add_request(vault, "google-search", ["https://x.example"]).id, status="submitted"
    )
    assert due_at(request) is None and not is_overdue(request)


def test_follow_ups_and_pins(vault: Vault):
    request = add_request(vault, "x", ["https://x.example/status/1"])
    later = update_request(vault, request.id, follow_up="2026-06-03", pin="4821")
    assert later.pin == "4821"
    assert not needs_follow_up(later, SENT)
    assert needs_follow_up(later, SENT + timedelta(days=2))
    with pytest.raises(InputError, match="status is one of"):
        update_request(vault, request.id, status="lost")
    with pytest.raises(NotFound):
        get_request(vault, "R-009")


def test_the_cli_adds_lists_and_updates(cli, tmp_path: Path):
    cli("evidence", "add", str(make_png(tmp_path / "a.png")))
    added = cli("takedown", "add", "--site", "tiktok", "--url", "https://t.example/v/1",
                "--evidence", "E-0001")  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("R-001  tiktok  drafted: ")
    updated = cli("takedown", "update", "R-001", "--status", "submitted", "--reference", "T-9")
    assert updated.stdout.strip() == "R-001 is submitted."
    (record,) = json.loads(cli("takedown", "list", "--json").stdout)
    assert {k: record[k] for k in ("id", "site", "urls", "status", "reference")} == {
        "id": "R-001",
        "site": "tiktok",
        "urls": ["https://t.example/v/1"],
        "status": "submitted",
        "reference": "T-9",
    }
    assert record["sent_at"] and record["due_at"] and record["overdue"] is False
    assert "R-001  tiktok" in cli("takedown", "list").stdout
    bad = cli("takedown", "add", "--site", "tiktok", "--url", "not a link")
    assert bad.returncode == 1 and "is not a web address" in bad.stderr


def _titles(found: list[Suggestion]) -> list[str]:
    return [s.title for s in found]


def test_next_routes_follow_the_state_of_each_request(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(tui.core.takedowns.requests, "utc_stamp", lambda: "2026-06-01T10:00:00Z")
    late = update_request(
        vault, add_request(vault, "meta", ["https://f.example/1"]).id, status="submitted"
    )
    found = suggestions([late], "no", SENT + timedelta(hours=49))
    overdue = [s for s in found if s.request == late.id]
    assert [s.rung for s in overdue] == [1, 2, 3]  # the site, its next route, the regulator
    assert _titles(overdue)[1:] == [
        "Send a reminder with your reference number",
        "Report the platform to the US Federal Trade Commission",  # a case made before asking
    ]
    assert overdue[0].title.startswith("You asked Facebook and Instagram (Meta)")
    assert all(s.bring for s in overdue), "each rung says what to bring"
    assert "Ask search engines to drop the links" in _titles(found)
    assert "Stop new uploads with StopNCII.org" in _titles(found)
    assert not [s for s in suggestions([late], "no", SENT) if s.request], "not yet due"

    refused = update_request(vault, late.id, status="refused")
    for_adults = _titles(suggestions([refused], "no", SENT))
    assert "Try another route to the same content" in for_adults
    for answer in ("yes", "unsure", ""):
        titles = _titles(suggestions([refused], answer, SENT))
        assert "Ask the site to look again" in titles
        assert "Try another route to the same content" not in titles, answer
    assert "Stop new uploads with Take It Down (NCMEC)" in _titles(
        suggestions([refused], "yes", SENT)
    )


def test_routes_already_taken_are_not_suggested_again(vault: Vault):
    first = add_request(vault, "google-search", ["https://g.example/1"])
    hashed = update_request(vault, add_request(vault, "stopncii", []).id, status="submitted")
    assert suggestions([first, hashed], "no") == []
    assert suggestions([], "no") == [Suggestion(
        "Stop new uploads with StopNCII.org",
        suggestions([], "no")[0].how,
        link="https://stopncii.org/",
    )]  # fmt: skip
    assert hashed.sent_at and due_at(hashed) is None, "no deadline for a hash service"


def test_the_48_hours_apply_to_requests_sent_once_the_law_took_effect(vault: Vault):
    before = add_request(vault, "reddit", ["https://r.example/1"])
    before = update_request(vault, before.id, status="submitted", sent="2026-05-18 12:00")
    assert before.sent_at.startswith("2026-05-1") and due_at(before) is None
    after = update_request(vault, before.id, sent="2026-05-19 00:30")
    assert due_at(after) == datetime.fromisoformat(
        after.sent_at.replace("Z", "+00:00")
    ) + timedelta(hours=48)
    with pytest.raises(InputError, match="in the future"):
        update_request(vault, before.id, sent="2099-01-01")
    assert get_request(vault, before.id).sent_at == after.sent_at


def test_an_update_that_changes_nothing_writes_nothing(vault: Vault, vault_dir: Path):
    request = update_request(
        vault, add_request(vault, "x", ["https://x.example/1"]).id, reference="X-1", pin="55"
    )
    logged = custody_actions(vault)
    before = vault_bytes(vault_dir)
    same = update_request(vault, request.id, reference=" X-1 ", pin="55", urls=request.urls)
    assert same == request and vault_bytes(vault_dir) == before
    assert custody_actions(vault) == logged
    update_request(vault, request.id, pin="PIN-QZ-7731")
    assert vault.table("custody").all()[-1]["details"]["fields"] == ["pin"]
    assert "PIN-QZ-7731" not in json.dumps(vault.table("custody").all())


def custody_actions(vault: Vault) -> list[str]:
    return [entry["action"] for entry in vault.table("custody").all()]
