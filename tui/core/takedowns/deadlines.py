"""When a takedown is due: where the person lives decides it. Each place's pack holds
the clocks its laws set (`places.model.Clock`): a number of hours for a kind of site,
from when a valid request was sent (48 hours under the US TAKE IT DOWN Act) or from a
regulator's removal notice (24 hours under Australia's Online Safety Act), binding from
the day the law took effect. Every request carries the case's place (`Request.place`,
stamped again whenever the place changes), so its deadline follows that place's clock.
"Overdue" is always derived from the clock, never stored."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import cache

from tui.core.places.case_place import LEGACY, save_place
from tui.core.places.catalogue import check_code, resolve
from tui.core.places.model import Jurisdiction
from tui.core.shared.clock import utc_now
from tui.core.shared.i18n import language
from tui.core.takedowns.requests import TABLE, Request
from tui.core.takedowns.sites import Directions, HashService, Site, shipped
from tui.core.takedowns.states import WAITING
from tui.core.vault.vault import Vault


def with_clock(place: Jurisdiction, site: Site, notice: bool = False) -> Site:
    """The site carrying the place's clock for its kind, or none; with `notice`, the
    clock that runs from a regulator's notice where the place has one."""
    clock = place.clock_for(site.kind, notice)
    if clock is None:
        return replace(site, deadline_hours=None, deadline_rule="", deadline_from=None)
    return replace(
        site,
        deadline_hours=clock.hours,
        deadline_rule=clock.rule,
        deadline_from=clock.from_,
        deadline_starts=clock.starts,
        deadline_by_law=clock.in_force,
    )


def for_place(code: str, notice: bool = False) -> Directions:
    """The directions where the person lives: each site carries that place's clock for
    its kind of site, if the place has one that counts ("none" or '' is general advice).
    With `notice`, a request a regulator gave a notice for: its clock runs from that.
    Their words are in the language spoken here and now."""
    return _for_place(code, notice, language())


@cache
def _for_place(code: str, notice: bool, spoken: str) -> Directions:
    place = resolve(code)
    general = shipped()
    sites = tuple(with_clock(place, site, notice) for site in general.sites)
    under_18 = " ".join(part for part in (general.under_18, place.under_18_help()) if part)
    return replace(general, sites=sites, under_18=under_18)


def place_site(request: Request) -> Site | HashService:
    """The request's route as its place has it: a site with that place's clock (the one
    that runs from the regulator's notice once one is recorded)."""
    return for_place(request.place or LEGACY, bool(request.notice_at)).route(request.site)


def notice_site(request: Request) -> Site | HashService:
    """The request's route with the clock that would run from a regulator's notice, where
    its place has one (the request form asks when the notice came only then)."""
    return for_place(request.place or LEGACY, True).route(request.site)


def _stamp(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def due_at(request: Request, site: Site | None = None) -> datetime | None:
    """When the site must have removed the content, where the law of the request's place
    sets a deadline for that kind of site: from when the request was sent, or from the
    regulator's notice for a clock that runs from one."""
    route = site or place_site(request)
    if not request.sent_at or not isinstance(route, Site) or route.deadline_hours is None:
        return None
    sent = _stamp(request.sent_at)
    if route.deadline_from is not None and sent.date() < route.deadline_from:
        return None  # sent before the rule took effect
    if route.deadline_starts == "notice":
        if not request.notice_at:
            return None  # the clock starts when the regulator gives its notice
        return _stamp(request.notice_at) + timedelta(hours=route.deadline_hours)
    return sent + timedelta(hours=route.deadline_hours)


def due_by_law(request: Request) -> bool:
    """Whether the request's deadline is a law's (False where it is a regulator's guidance
    on when to go to it, as Australia's eSafety's 48 hours are)."""
    route = place_site(request)
    return not isinstance(route, Site) or route.deadline_by_law


def is_overdue(request: Request, now: datetime | None = None) -> bool:
    due = due_at(request)
    return request.status in WAITING and due is not None and (now or utc_now()) > due


def needs_follow_up(request: Request, now: datetime | None = None) -> bool:
    if request.status in ("removed",) or not request.follow_up:
        return False
    today = (now or utc_now()).date().isoformat()
    return request.follow_up[:10] <= today


def restamp_place(vault: Vault, code: str) -> int:
    """Give every request the case's new place, so that its clock decides their deadlines
    from now on; how many changed."""
    table = vault.table(TABLE)
    changed = [doc.doc_id for doc in table.all() if doc.get("place", "") != code]
    if changed:
        table.update({"place": code}, doc_ids=changed)
    return len(changed)


def set_case_place(vault: Vault, code: str) -> Jurisdiction:
    """Keep where the person lives (or "none") in the case, and work the deadlines of its
    requests out again with the new place's clock, in one transaction."""
    checked = check_code(code)  # a wrong code changes nothing, and says so first
    with vault.transaction():
        stored_code = save_place(vault, checked)
        restamp_place(vault, stored_code)
    return resolve(stored_code)
