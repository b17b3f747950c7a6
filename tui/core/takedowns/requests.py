"""The takedown tracker: each request to a site (where the content is, which exhibits
show it, when it was sent, the site's reference and PIN, its status and when to follow
up). Each request carries the case's place, whose clock decides when it is due
(`deadlines`); what to do next is in `next_steps`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from tinydb import where

from tui.core.evidence.model import get_exhibit, normalize_id
from tui.core.places.case_place import stored
from tui.core.shared.clock import utc_stamp
from tui.core.shared.dates import parse_when
from tui.core.shared.errors import InputError, NotFound
from tui.core.shared.i18n import _
from tui.core.takedowns.sites import HashService, Site, shipped
from tui.core.takedowns.states import STATUSES, WAITING
from tui.core.vault import custody, edits
from tui.core.vault.vault import Vault

TABLE = "takedowns"
#: What a person can say about asking their place's helpline for help ('' clears it).
HELPLINE_ANSWERS = ("yes", "no", "")


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
    asked, read as `case_place.LEGACY`): its clock decides the deadline."""
    notice_at: str = ""
    """UTC stamp when a regulator gave a removal notice for it, where a clock runs from one."""
    helpline: str = ""
    """Did the person ask the helpline of their place for help with it: "yes", "no", or ''
    (not said). Its letter mentions the helpline only for "yes"."""


def _request(record: object) -> Request:
    known = Request.__dataclass_fields__
    return Request(**{k: v for k, v in dict(record).items() if k in known})  # type: ignore[call-overload]


class NoWebAddress(InputError):
    """A request to a site was given no web address where the content is."""

    def __init__(self) -> None:
        super().__init__(_("Give at least one web address where the content is."))


def _check_urls(urls: Sequence[str]) -> list[str]:
    cleaned = [url.strip() for url in urls if url.strip()]
    if not cleaned:
        raise NoWebAddress
    for url in cleaned:
        if not url.startswith(("https://", "http://")):
            raise InputError(
                _('"{url}" is not a web address; copy it from the address bar.').format(url=url)
            )
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
        custody.append(
            vault.table(custody.TABLE),
            "takedown drafted",  # i18n: not shown
            request=request.id,
        )
    return request


def list_requests(vault: Vault) -> list[Request]:
    return sorted((_request(doc) for doc in vault.table(TABLE).all()), key=lambda r: r.id)


def get_request(vault: Vault, request_id: str) -> Request:
    wanted = request_id.strip().upper()
    record = vault.table(TABLE).get(where("id") == wanted)
    if record is None:
        raise NotFound(_("There is no takedown request {request}.").format(request=wanted))
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
    helpline: str | None = None,
    base: Mapping[str, Any] | None = None,
) -> Request:
    """Change what is given; values that are already so change nothing and log nothing.
    `base` is the request's stored fields as a form read them (see `tui.core.vault.edits`):
    a given field that changed elsewhere since raises `EditConflict`, writing nothing.
    `sent` is when it was really sent, in local time, for a request recorded afterwards;
    otherwise the first "submitted" marks the moment. `notice` is when a regulator gave a
    removal notice for it (local time; '' clears it)."""
    changes: dict[str, str | bool | list[str]] = {}
    if urls is not None:
        changes["urls"] = _check_urls(urls) if urls else []
    if status is not None:
        if status not in STATUSES:
            raise InputError(
                _("The status is one of: {statuses}.").format(statuses=", ".join(STATUSES))
            )
        changes["status"] = status
    if self_taken is not None:
        changes["self_taken"] = self_taken
    for name, value in (("reference", reference), ("pin", pin), ("notes", notes), ("work", work)):
        if value is not None:
            changes[name] = value.strip()
    if helpline is not None:
        if helpline.strip().casefold() not in HELPLINE_ANSWERS:
            raise InputError(_("Did you ask the helpline for help? Answer yes or no."))
        changes["helpline"] = helpline.strip().casefold()
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
            raise NoWebAddress
        if evidence is not None:
            found = [get_exhibit(vault, normalize_id(e)).id for e in evidence]
            changes["evidence"] = list(dict.fromkeys(found))
        if changes.get("status") in WAITING and not request.sent_at and "sent_at" not in changes:
            changes["sent_at"] = utc_stamp()
        current = asdict(request)
        changes = edits.checked(base, changes, current)
        if not changes:
            return request
        vault.table(TABLE).update(changes, where("id") == request.id)
        custody.append(
            vault.table(custody.TABLE),
            "takedown updated",  # i18n: not shown
            request=request.id,
            fields=sorted(changes),
            # Old and new values, but a PIN's only by name: it never goes into the log.
            changes=edits.changes(current, {k: v for k, v in changes.items() if k != "pin"}),
        )
        return get_request(vault, request.id)


def _sent_stamp(text: str) -> str:
    moment = datetime.fromisoformat(parse_when(text))
    return utc_stamp(moment.astimezone(UTC))
