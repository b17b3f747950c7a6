"""The takedown tracker: each request to a site (where the content is, which exhibits
show it, when it was sent, the site's reference and PIN, its status and when to follow
up). Where the person lives decides the deadline: each request carries the case's place
(`place`, stamped again whenever the place changes), and that place's clock for the kind
of site gives the due time, from when the request was sent (48 hours under the US TAKE
IT DOWN Act) or from a regulator's removal notice (24 hours under Australia's Online
Safety Act). "Overdue" is always derived from the clock, never stored."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta

from tinydb import where

from tui.core.evidence.model import get_exhibit, normalize_id
from tui.core.places.jurisdictions import LEGACY, Route, resolve, stored
from tui.core.shared.clock import utc_now, utc_stamp
from tui.core.shared.dates import parse_when
from tui.core.shared.errors import InputError, NotFound
from tui.core.takedowns.sites import Escalation, HashService, Site, for_place, shipped
from tui.core.takedowns.states import STATUSES, WAITING
from tui.core.vault import custody
from tui.core.vault.vault import Vault

TABLE = "takedowns"


@dataclass
class Request:
    id: str
    site: str
    urls: list[str]
    evidence: list[str] = field(default_factory=list)
    route: str = ""
    status: str = "drafted"
    sent_at: str = ""
    """UTC stamp when it was sent; '' while drafted."""
    reference: str = ""
    pin: str = ""
    """Some services (hash-matching) give a PIN that can't be recovered: kept here."""
    follow_up: str = ""
    """A date (or date and time) to look again."""
    notes: str = ""
    work: str = ""
    """For a copyright notice: the person's description of their original picture."""
    self_taken: bool = False
    """The person confirmed they took the pictures themselves (copyright route only)."""
    place: str = ""
    """The case's place when this was last stamped ('' in a case made before Reclaim
    asked, read as `jurisdictions.LEGACY`): its clock decides the deadline."""
    notice_at: str = ""
    """UTC stamp when a regulator gave a removal notice for it, where a clock runs from one."""


def _request(record: object) -> Request:
    known = Request.__dataclass_fields__
    return Request(**{k: v for k, v in dict(record).items() if k in known})  # type: ignore[call-overload]


def _check_urls(urls: Sequence[str]) -> list[str]:
    cleaned = [url.strip() for url in urls if url.strip()]
    if not cleaned:
        raise InputError("Give at least one web address where the content is (--url).")
    for url in cleaned:
        if not url.startswith(("https://", "http://")):
            raise InputError(f'"{url}" is not a web address; copy it from the address bar.')
    return list(dict.fromkeys(cleaned))


def add_request(
    vault: Vault, site_id: str, urls: Sequence[str], evidence: Sequence[str] = ()
) -> Request:
    """A new request, drafted. A hash-matching service needs no links: the images are
    fingerprinted on the person's own device."""
    site = shipped().route(site_id)
    hashed = isinstance(site, HashService)
    checked_urls = _check_urls(urls) if urls or not hashed else []

    with vault.transaction():
        exhibits = [get_exhibit(vault, normalize_id(e)).id for e in evidence]
        request = Request(
            id=f"R-{vault.next_number('takedown'):03d}",
            site=site.id,
            urls=checked_urls,
            evidence=list(dict.fromkeys(exhibits)),
            route=site.route if isinstance(site, Site) else site.name,
            place=stored(vault),
        )
        vault.table(TABLE).insert(asdict(request))
        custody.append(vault.table(custody.TABLE), "takedown drafted", request=request.id)
    return request


def list_requests(vault: Vault) -> list[Request]:
    return sorted((_request(doc) for doc in vault.table(TABLE).all()), key=lambda r: r.id)


def get_request(vault: Vault, request_id: str) -> Request:
    wanted = request_id.strip().upper()
    record = vault.table(TABLE).get(where("id") == wanted)
    if record is None:
        raise NotFound(f"There is no takedown request {wanted}.")
    return _request(record)


def update_request(
    vault: Vault,
    request_id: str,
    *,
    status: str | None = None,
    reference: str | None = None,
    pin: str | None = None,
    follow_up: str | None = None,
    notes: str | None = None,
    work: str | None = None,
    self_taken: bool | None = None,
    urls: Sequence[str] | None = None,
    evidence: Sequence[str] | None = None,
    sent: str | None = None,
    notice: str | None = None,
) -> Request:
    """Change what is given; values that are already so change nothing and log nothing.
    `sent` is when it was really sent, in local time, for a request recorded afterwards;
    otherwise the first "submitted" marks the moment. `notice` is when a regulator gave a
    removal notice for it (local time; '' clears it)."""
    changes: dict[str, str | bool | list[str]] = {}
    if urls is not None:
        changes["urls"] = _check_urls(urls) if urls else []
    if status is not None:
        if status not in STATUSES:
            raise InputError(f"The status is one of: {', '.join(STATUSES)}.")
        changes["status"] = status
    if self_taken is not None:
        changes["self_taken"] = self_taken
    for name, value in (("reference", reference), ("pin", pin), ("notes", notes), ("work", work)):
        if value is not None:
            changes[name] = value.strip()
    if sent is not None:
        changes["sent_at"] = _sent_stamp(sent)
    if notice is not None:
        changes["notice_at"] = _sent_stamp(notice) if notice.strip() else ""
    if follow_up is not None:
        changes["follow_up"] = parse_when(follow_up, future=True) if follow_up.strip() else ""
    with vault.transaction():
        request = get_request(vault, request_id)
        if changes.get("urls") == [] and not isinstance(
            shipped().route(request.site), HashService
        ):
            raise InputError("Give at least one web address where the content is.")
        if evidence is not None:
            found = [get_exhibit(vault, normalize_id(e)).id for e in evidence]
            changes["evidence"] = list(dict.fromkeys(found))
        if changes.get("status") in WAITING and not request.sent_at and "sent_at" not in changes:
            changes["sent_at"] = utc_stamp()
        current = asdict(request)
        changes = {name: value for name, value in changes.items() if current[name] != value}
        if not changes:
            return request
        vault.table(TABLE).update(changes, where("id") == request.id)
        custody.append(
            vault.table(custody.TABLE),
            "takedown updated",
            request=request.id,
            fields=sorted(changes),  # names only: a PIN never goes into the log
        )
        return get_request(vault, request.id)


def _sent_stamp(text: str) -> str:
    moment = datetime.fromisoformat(parse_when(text))
    return utc_stamp(moment.astimezone(UTC))


def restamp_place(vault: Vault, code: str) -> int:
    """Give every request the case's new place, so that its clock decides their deadlines
    from now on; how many changed."""
    table = vault.table(TABLE)
    changed = [doc.doc_id for doc in table.all() if doc.get("place", "") != code]
    if changed:
        table.update({"place": code}, doc_ids=changed)
    return len(changed)


def place_site(request: Request) -> Site | HashService:
    """The request's route as its place has it: a site with that place's clock."""
    return for_place(request.place or LEGACY).route(request.site)


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


def is_overdue(request: Request, now: datetime | None = None) -> bool:
    due = due_at(request)
    return request.status in WAITING and due is not None and (now or utc_now()) > due


def needs_follow_up(request: Request, now: datetime | None = None) -> bool:
    if request.status in ("removed",) or not request.follow_up:
        return False
    today = (now or utc_now()).date().isoformat()
    return request.follow_up[:10] <= today


def summary(vault: Vault, now: datetime | None = None) -> str:
    """A few words for the home screen."""
    requests = list_requests(vault)
    if not requests:
        return "no requests yet"
    words = f"{len(requests)} request{'s' if len(requests) != 1 else ''}"
    removed = sum(r.status == "removed" for r in requests)
    late = sum(is_overdue(r, now) for r in requests)
    if removed:
        words += f", {removed} removed"
    if late:
        words += f", {late} overdue"
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
    sent = f" on {request.sent_at[:10]}" if request.sent_at else ""
    what = "no removal by its deadline" if state == "overdue" else "it said no"
    asks = site.asks_for if isinstance(site, Site) else ()
    return Suggestion(
        f"You asked {site.name}: {request.route}",
        f"That was the first step{sent}, and {what}. Keep its reference number and "
        "every reply: the next steps ask for them.",
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


def suggestions(
    requests: Sequence[Request], under_18: str = "", now: datetime | None = None
) -> list[Suggestion]:
    """What to do next: the ladder for each overdue or refused request, then the routes
    not yet tried (search engines once any request exists, a hash-matching service)."""
    directions = shipped()
    found: list[Suggestion] = []
    for request in requests:
        if is_overdue(request, now):
            found += ladder(request, "overdue", under_18)
        elif request.status == "refused":
            found += ladder(request, "refused", under_18)
    routes = [directions.route(request.site) for request in requests]
    engines = [site for site in directions.sites if site.kind == "search"]
    if requests and not any(route in engines for route in routes):
        names = " and ".join(engine.name for engine in engines)
        found.append(
            Suggestion(
                "Ask search engines to drop the links",
                f"Removing a page from {names} results stops people finding it by your "
                "name, even while a site is slow to act.",
            )
        )
    if not any(isinstance(route, HashService) for route in routes):
        found.append(_hash_suggestion(directions.hash_services, under_18))
    return found


def _hash_suggestion(services: Sequence[HashService], under_18: str) -> Suggestion:
    """Take It Down where a minor may be shown, StopNCII for adults, both while unknown."""
    by_id = {service.id: service for service in services}
    if not under_18:
        return Suggestion(
            "Stop new uploads with a hash-matching service",
            " ".join(f"{s.name} is for {s.who}: {s.link}" for s in services)
            + " Both make the fingerprint on your own device; the images never leave it.",
        )
    service = by_id["take-it-down" if under_18 in ("yes", "unsure") else "stopncii"]
    return Suggestion(
        f"Stop new uploads with {service.name}",
        f"For {service.who}. {service.how}",
        link=service.link,
    )
