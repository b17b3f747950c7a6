"""Letters state only what the person gave (the helpline only after they said they asked
it), cite the law of the person's own UK nation, and an Australian case's next steps put
eSafety first from the day a request is sent, with requests to platforms overdue after
eSafety's 48 hours."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tui.core.shared import clock
from tui.core.shared.errors import InputError
from tui.core.takedowns.deadlines import due_at, is_overdue, set_case_place
from tui.core.takedowns.letters import draft_takedown, save_facts
from tui.core.takedowns.next_steps import suggestions
from tui.core.takedowns.requests import add_request, get_request, list_requests, update_request
from tui.core.vault.vault import Vault

HELPLINE = "Revenge Porn Helpline"
MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)


def _letter(vault: Vault, code: str, helpline: str | None = None) -> str:
    save_facts(vault, name="Sam", contact="sam@example.org", signature="Sam", no_consent=True)
    set_case_place(vault, code)
    request = add_request(vault, "x", ["https://x.example/1"])
    if helpline is not None:
        update_request(vault, request.id, helpline=helpline)
    return draft_takedown(vault, request.id).text


@pytest.mark.parametrize("code", ["gb", "gb-eng", "gb-sct", "gb-nir"])
def test_a_uk_letter_mentions_the_helpline_only_when_the_person_said_they_asked_it(
    vault: Vault, code: str
):
    assert HELPLINE not in _letter(vault, code)


def test_a_yes_puts_the_helpline_in_that_requests_letter_and_a_no_keeps_it_out(vault: Vault):
    assert HELPLINE in _letter(vault, "gb", helpline="yes")
    other = add_request(vault, "reddit", ["https://r.example/2"])
    assert HELPLINE not in draft_takedown(vault, other.id).text, "said for one request only"
    update_request(vault, other.id, helpline="no")
    assert HELPLINE not in draft_takedown(vault, other.id).text
    with pytest.raises(InputError, match="yes or no"):
        update_request(vault, other.id, helpline="maybe")


def test_the_cli_keeps_the_helpline_answer_on_the_request(cli, vault: Vault):
    set_case_place(vault, "gb-sct")
    request = add_request(vault, "x", ["https://x.example/1"])
    assert cli("takedown", "update", request.id, "--helpline", "yes").returncode == 0
    assert get_request(vault, request.id).helpline == "yes"


def test_a_scottish_letter_cites_scotlands_act_and_not_s_66b(vault: Vault):
    text = _letter(vault, "gb-sct")
    assert "Abusive Behaviour and Sexual Harm (Scotland) Act 2016, s 2" in text
    assert "66B" not in text and "Northern Ireland" not in text


def test_a_northern_irish_letter_cites_the_justice_act(vault: Vault):
    text = _letter(vault, "gb-nir")
    assert "Justice Act (Northern Ireland) 2016, s 51" in text and "66B" not in text


def test_a_united_kingdom_letter_gives_england_and_wales_and_says_the_others_differ(
    vault: Vault,
):
    text = _letter(vault, "gb")
    assert "England and Wales under the Sexual Offences Act 2003, s 66B" in text
    assert "Scotland and Northern Ireland have their own laws" in text
    england = _letter(vault, "gb-eng")
    assert "s 66B" in england and "Scotland" not in england


def test_an_australian_case_leads_with_esafety_from_the_day_a_request_is_sent(vault: Vault):
    set_case_place(vault, "au")
    with clock.fixed(MONDAY):
        request = add_request(vault, "meta", ["https://f.example/1"])
        update_request(vault, request.id, status="submitted")
        found = suggestions(list_requests(vault), "no", place="au")
        assert "eSafety" in found[0].title and not found[0].request
        assert "do not have to ask the platform first" in found[0].how
        assert not is_overdue(get_request(vault, request.id))
    # Even before any request, and never for a place without such a route.
    assert "eSafety" in suggestions([], "no", place="au")[0].title
    assert not any("eSafety" in s.title for s in suggestions([], "no", place="us"))


def test_an_australian_request_to_a_platform_is_overdue_after_esafetys_48_hours(
    vault: Vault,
):
    set_case_place(vault, "au")
    with clock.fixed(MONDAY) as now:
        request = add_request(vault, "meta", ["https://f.example/1"])
        request = update_request(vault, request.id, status="submitted")
        assert due_at(request) == MONDAY + timedelta(hours=48)
        now.advance(47 * 3600)
        assert not is_overdue(get_request(vault, request.id))
        now.advance(2 * 3600)
        assert is_overdue(get_request(vault, request.id))
        found = suggestions(list_requests(vault), "no", place="au")
        # eSafety stays first, once: not repeated on the late request's ladder.
        assert [s.title for s in found].count(found[0].title) == 1
        assert any(s.request == request.id and s.rung == 2 for s in found)
        first = next(s for s in found if s.request == request.id and s.rung == 1)
        assert "48 hours the regulator's guidance gives" in first.how
        # The letter names no 48 hours: that is eSafety's guidance, not a law.
        save_facts(vault, name="Sam", contact="s@example.org", signature="Sam", no_consent=True)
        assert "48 hours" not in draft_takedown(vault, request.id).text
        # A notice from eSafety starts the law's 24 hours.
        noticed = update_request(vault, request.id, notice="2026-12-09 12:00")
        notice = datetime.fromisoformat(noticed.notice_at.replace("Z", "+00:00"))
        assert due_at(noticed) == notice + timedelta(hours=24)


def test_the_request_form_still_asks_when_esafetys_notice_came(vault: Vault):
    from tui.screens.takedown_request import notice_clock

    set_case_place(vault, "au")
    request = add_request(vault, "meta", ["https://f.example/1"])
    assert notice_clock(request) == "24 hours from the notice"


def test_the_lawyers_notes_call_esafetys_48_hours_guidance_not_a_legal_deadline(vault: Vault):
    from tui.core.takedowns.lawyer_package import notes_text

    request = add_request(vault, "meta", ["https://f.example/1"])
    update_request(vault, request.id, status="submitted", sent="2026-06-01 12:00")
    set_case_place(vault, "au")
    notes = notes_text(vault)
    assert "to the regulator if not removed by" in notes and "removal due by" not in notes
    set_case_place(vault, "us")
    assert "removal due by" in notes_text(vault)
