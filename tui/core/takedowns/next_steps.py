"""Where the takedown requests stand and what to do next: the home screen's few words,
the escalation ladder of a request that is overdue or was refused (the site's report,
its own next route, then the regulator or tribunal where the person lives), and the
routes not yet tried."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from tui.core.places.case_place import LEGACY
from tui.core.places.catalogue import resolve
from tui.core.places.model import Route
from tui.core.shared.i18n import _, ngettext
from tui.core.shared.text import listed
from tui.core.takedowns.deadlines import is_overdue, place_site
from tui.core.takedowns.requests import Request, list_requests
from tui.core.takedowns.sites import Escalation, HashService, Site, shipped
from tui.core.vault.vault import Vault


def summary(vault: Vault, now: datetime | None = None) -> str:
    """A few words for the home screen, in the language spoken."""
    requests = list_requests(vault)
    if not requests:
        return _("no requests yet")
    count = len(requests)
    words = ngettext("{count} request", "{count} requests", count).format(count=count)
    removed = sum(r.status == "removed" for r in requests)
    late = sum(is_overdue(r, now) for r in requests)
    if removed:
        words += ", " + ngettext("{count} removed", "{count} removed", removed).format(
            count=removed
        )
    if late:
        words += ", " + ngettext("{count} overdue", "{count} overdue", late).format(count=late)
    return words


@dataclass(frozen=True)
class Suggestion:
    """A next route worth taking, for one request or for the case as a whole."""

    title: str
    how: str
    request: str = ""
    link: str = ""
    bring: tuple[str, ...] = ()
    """What to have ready for it."""
    rung: int = 0
    """Its place on the ladder for a request: 1 the site's report, 2 the site's own next
    route, 3 the regulator or tribunal where the person lives; 0 for the whole case."""


def _escalation(step: Escalation, request: Request) -> Suggestion:
    return Suggestion(step.title, step.how, request.id, step.link, step.bring, rung=2)


def _regulator(route: Route, request: Request) -> Suggestion:
    return Suggestion(route.title, route.how, request.id, route.link, route.bring, rung=3)


def _first_rung(request: Request, state: str) -> Suggestion:
    site = place_site(request)
    what = _("no removal by its deadline") if state == "overdue" else _("it said no")
    if state == "overdue" and isinstance(site, Site) and not site.deadline_by_law:
        # A regulator's guidance, not a law: say whose time it was.
        hours = site.deadline_hours
        what = _(
            "it has not removed it in the {hours} hours the regulator's guidance gives"
        ).format(hours=hours)
    asks = site.asks_for if isinstance(site, Site) else ()
    if request.sent_at:
        how = _(
            "That was the first step, on {day}, and {what}. Keep its reference number and "
            "every reply: the next steps ask for them."
        ).format(day=request.sent_at[:10], what=what)
    else:
        how = _(
            "That was the first step, and {what}. Keep its reference number and every "
            "reply: the next steps ask for them."
        ).format(what=what)
    route = _(request.route) if request.route else ""  # kept as said when it was made
    return Suggestion(
        _("You asked {site}: {route}").format(site=site.name, route=route),
        how,
        request.id,
        bring=asks,
        rung=1,
    )


def _for_audience(audience: str, under_18: str) -> bool:
    minor = under_18 in ("yes", "unsure")
    return not audience or (audience == "under-18") == minor


def ladder(request: Request, state: str, under_18: str = "") -> list[Suggestion]:
    """The escalation ladder for a request that is overdue or was refused: the site's
    report (done), its own next route, then the regulator or tribunal of the place."""
    found = [_first_rung(request, state)]
    for step in shipped().after(state):
        if step.id == "other-route" and under_18 != "no":
            continue  # the copyright route is never offered where a minor may be shown
        found.append(_escalation(step, request))
    place = resolve(request.place or LEGACY)
    for route in place.routes:
        if route.after in (state, "any") and _for_audience(route.audience, under_18):
            found.append(_regulator(route, request))
    if not any(s.rung == 3 for s in found):
        general = resolve("none")
        found += [_regulator(route, request) for route in general.routes]
    return found


def _leading(place: str, under_18: str) -> list[Suggestion]:
    """The routes of the place shown first from the start (Australia's eSafety): for the
    whole case, before any request is late."""
    routes = resolve(place).routes
    return [
        Suggestion(r.title, r.how, link=r.link, bring=r.bring)
        for r in routes
        if r.first and _for_audience(r.audience, under_18)
    ]


def suggestions(
    requests: Sequence[Request],
    under_18: str = "",
    now: datetime | None = None,
    place: str | None = None,
) -> list[Suggestion]:
    """What to do next: the routes the place puts first from the start (Australia's
    eSafety), the ladder for each overdue or refused request, then the routes not yet
    tried (search engines once any request exists, a hash-matching service). `place` is
    the case's code; by default that of its requests."""
    directions = shipped()
    if place is None:
        place = next((r.place for r in requests if r.place), LEGACY) if requests else ""
    found: list[Suggestion] = _leading(place, under_18) if place else []
    lead = {s.title for s in found}
    for request in requests:
        state = "overdue" if is_overdue(request, now) else request.status
        if state in ("overdue", "refused"):
            # A route already shown first for the whole case is not repeated per request.
            found += [s for s in ladder(request, state, under_18) if s.title not in lead]
    routes = [directions.route(request.site) for request in requests]
    engines = [site for site in directions.sites if site.kind == "search"]
    if requests and not any(route in engines for route in routes):
        names = listed([engine.name for engine in engines])
        found.append(
            Suggestion(
                _("Ask search engines to drop the links"),
                _(
                    "Removing a page from {names} results stops people finding it by your "
                    "name, even while a site is slow to act."
                ).format(names=names),
            )
        )
    if not any(isinstance(route, HashService) for route in routes):
        found.append(_hash_suggestion(directions.hash_services, under_18))
    return found


def _hash_suggestion(services: Sequence[HashService], under_18: str) -> Suggestion:
    """Take It Down where a minor may be shown, StopNCII for adults, both while unknown."""
    by_id = {service.id: service for service in services}
    if not under_18:
        each = [
            _("{name} is for {who}: {link}").format(name=s.name, who=s.who, link=s.link)
            for s in services
        ]
        return Suggestion(
            _("Stop new uploads with a hash-matching service"),
            " ".join(each)
            + " "
            + _("Both make the fingerprint on your own device; the images never leave it."),
        )
    service = by_id["take-it-down" if under_18 in ("yes", "unsure") else "stopncii"]
    return Suggestion(
        _("Stop new uploads with {name}").format(name=service.name),
        _("For {who}. {how}").format(who=service.who, how=service.how),
        link=service.link,
    )
