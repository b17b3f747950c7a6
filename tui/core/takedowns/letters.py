"""Letters drafted from the case: a takedown request to a site, a copyright notice for
pictures the person took themselves, and a cease-and-desist letter to the person who
shared them.

A letter is only drafted when every fact it needs is known, so no letter ever carries a
blank or a placeholder: what is missing is asked for first (`MissingFacts` names each
fact; each face says where to give it). Facts given once (name, contact, signature,
whether the person shown was under 18) are kept in the case for the next letter. Every
draft opens with a line saying it is a draft and not legal advice. The facts live in
`letter_facts` (named here too, as they always were).

A letter is written in the language of who reads it (`binder.documents_language`); when
that is not the person's, `copy_to_read` gives it again in theirs, marked as a copy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from tui.core.binder.documents_language import documents_language, language_name
from tui.core.evidence.model import get_exhibit
from tui.core.places.case_place import case_jurisdiction
from tui.core.shared import i18n
from tui.core.shared.clock import utc_now
from tui.core.shared.errors import InputError
from tui.core.shared.fuzzy_dates import as_written
from tui.core.shared.i18n import N_, _, ngettext, speaking
from tui.core.shared.local_formats import dates_in, long_date
from tui.core.takedowns.deadlines import place_site
from tui.core.takedowns.letter_facts import DEFAULT_DEMANDS as DEFAULT_DEMANDS
from tui.core.takedowns.letter_facts import TABLE as TABLE
from tui.core.takedowns.letter_facts import Facts as Facts
from tui.core.takedowns.letter_facts import change_facts as change_facts
from tui.core.takedowns.letter_facts import get_facts as get_facts
from tui.core.takedowns.letter_facts import request_parts as request_parts
from tui.core.takedowns.letter_facts import save_facts as save_facts
from tui.core.takedowns.letter_needs import NEEDS, MissingFacts
from tui.core.takedowns.requests import Request, get_request
from tui.core.takedowns.sites import HashService, Site
from tui.core.timeline.events import entries
from tui.core.vault.vault import Vault

KINDS = ("takedown", "copyright", "cease-desist")
DRAFT_NOTICE = N_(
    "DRAFT prepared with Reclaim: not legal advice. Check every line, change what is not "
    "right (a lawyer or victim advocate can help), and remove this line before sending."
)
#: Every takedown letter asks for this, wherever the person lives: blocking the images in
#: one country leaves them up for everyone else (Re X Corp., 2025 BCCRT 1228).
EVERYWHERE = N_(
    "Please remove them from your service everywhere, not only where I live: blocking or "
    "hiding them in one country is not removal."
)


class NotForAMinor(InputError):
    """A copyright notice asked for where the person shown was, or may have been, under 18."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "A copyright notice is never the route when the person shown was, or may "
                "have been, under 18: use Take It Down and report it to the police."
            )
        )


@dataclass(frozen=True)
class Letter:
    kind: str
    title: str
    text: str
    request: str = ""
    language: str = ""
    """The language it is written in ('' for the one spoken where it is saved)."""


def _require(facts: Facts, keys: Sequence[str], extra: Sequence[str] = ()) -> None:
    missing = [NEEDS[key] for key in keys if not getattr(facts, key)]
    missing += [NEEDS[key] for key in extra]
    if missing:
        raise MissingFacts(missing)


# ---- drafting ------------------------------------------------------------------------


def _today() -> str:
    return long_date(utc_now().date())


def _signature(facts: Facts) -> list[str]:
    lines = ["", f"/s/ {facts.signature}", facts.name]
    if facts.acting_for:
        lines.append(_("on behalf of {name}").format(name=facts.acting_for))
    return [*lines, facts.contact, _("Signed electronically on {day}").format(day=_today())]


def _exhibit_lines(vault: Vault, request: Request) -> list[str]:
    lines = []
    for exhibit_id in request.evidence:
        exhibit = get_exhibit(vault, exhibit_id)
        what = exhibit.description or exhibit.original_name
        if exhibit.captured_at:
            # A time read from the file (its name, its own time) is a guess: the letter
            # says so, as the binder does, never states it as fact.
            if "captured_at" in exhibit.guesses:
                said = _("- {id}: {what}, captured {when} (estimated)")
            else:
                said = _("- {id}: {what}, captured {when}")
            when = dates_in(as_written(exhibit.captured_at))  # "6 mar 2024 08:15" in Spanish
            line = said.format(id=exhibit.id, what=what, when=when)
        else:
            line = f"- {exhibit.id}: {what}"
        lines.append(line)
        lines.append(f"  SHA-256 {exhibit.sha256}")
    return lines


def _site_for(request: Request) -> Site:
    """The request's site as the case's place has it (with that place's clock)."""
    route = place_site(request)
    if isinstance(route, HashService):
        raise InputError(
            _(
                "{name} works on your own device: there is no letter to send. Use its "
                "site, {link}, and keep the case number and PIN here."
            ).format(name=route.name, link=route.link)
        )
    return route


def _acting(facts: Facts) -> list[str]:
    if not facts.acting_for:
        return []
    return [
        _(
            "I am writing on behalf of {name}, the person shown, who has asked me to make "
            "this request for them."
        ).format(name=facts.acting_for),
        "",
    ]


def draft_takedown(vault: Vault, request_id: str) -> Letter:
    request = get_request(vault, request_id)
    site = _site_for(request)
    facts = get_facts(vault)
    _require(facts, ("name", "contact", "signature", "no_consent"))
    if not facts.acting_for:
        published = _(
            "Intimate images of me have been published on your service without consent. "
            "I ask you to remove them, and any copies of them you can find, without delay."
        )
        belief = _(
            "I have a good faith belief that these images of me were published without "
            "consent. They were not shared with consent for them to be made public."
        )
    else:
        published = _(
            "Intimate images of {name} have been published on your service without "
            "consent. I ask you to remove them, and any copies of them you can find, "
            "without delay."
        ).format(name=facts.acting_for)
        belief = _(
            "I have a good faith belief that these images of {name} were published without "
            "consent. They were not shared with consent for them to be made public."
        ).format(name=facts.acting_for)
    lines = [
        _(DRAFT_NOTICE),
        "",
        _today(),
        "",
        _("To: {name}").format(name=site.name),
        _("Route: {route}").format(route=site.route),
        _("Subject: Request to remove intimate images shared without consent"),
        "",
        _("To whom it may concern,"),
        "",
        *_acting(facts),
        published,
        "",
        _("Where they are:"),
        *[f"- {url}" for url in request.urls],
    ]
    if request.evidence:
        lines += ["", _("I have kept copies as evidence:"), *_exhibit_lines(vault, request)]
    lines += ["", belief]
    lines += ["", _(EVERYWHERE)]
    lines += _place_lines(vault, site, request)
    if request.reference:
        lines += ["", _("Your reference: {reference}").format(reference=request.reference)]
    lines += ["", _("Yours faithfully,"), *_signature(facts)]
    title = _("Takedown request to {name}").format(name=site.name)
    return Letter("takedown", title, "\n".join(lines), request.id)


def helpline_sentence(vault: Vault) -> str:
    """What a takedown letter adds where the person lives when they said they asked its
    helpline for help with the request ('' where the place's letter names none)."""
    wording = case_jurisdiction(vault).letter
    return wording.helpline if wording else ""


def _place_lines(vault: Vault, site: Site, request: Request) -> list[str]:
    """What the law where the person lives says, that the person asked its helpline
    (only when they said so for this request), and the clock it sets for the site."""
    place = case_jurisdiction(vault)
    wording = place.letter
    lines = ["", wording.cites] if wording and site.kind in wording.kinds else []
    if wording and wording.helpline and request.helpline == "yes":
        lines += ["", wording.helpline]
    if site.deadline_hours and site.deadline_starts == "request" and site.deadline_by_law:
        lines += [
            "",
            ngettext(
                "Please remove them within {hours} hour of receiving this request and tell "
                "me when you have done so.",
                "Please remove them within {hours} hours of receiving this request and tell "
                "me when you have done so.",
                site.deadline_hours,
            ).format(hours=site.deadline_hours),
        ]
    else:
        lines += ["", _("Please remove them without delay and tell me when you have done so.")]
    return lines


def draft_copyright(vault: Vault, request_id: str) -> Letter:
    request = get_request(vault, request_id)
    site = _site_for(request)
    facts = get_facts(vault)
    if facts.under_18 in ("yes", "unsure"):
        raise NotForAMinor
    given = {"self_taken": request.self_taken, "work": request.work}
    extra = [key for key, value in given.items() if not value]
    _require(facts, ("under_18", "name", "contact", "signature"), extra)
    lines = [
        _(DRAFT_NOTICE),
        "",
        _today(),
        "",
        _("To: {name}, copyright agent").format(name=site.name),
        _("Subject: Notice of copyright infringement"),
        "",
        _("To whom it may concern,"),
        "",
        _(
            "I own the copyright in the work described below, which I created myself. "
            "Copies of it are on your service without my permission. I ask you to remove "
            "them or disable access to them."
        ),
        "",
        _("The original work: {work}").format(work=request.work),
        "",
        _("Where the copies are:"),
        *[f"- {url}" for url in request.urls],
        "",
        _(
            "I have a good faith belief that the use of the work described above is not "
            "authorised by me, the copyright owner, or by the law."
        ),
        "",
        _(
            "The information in this notice is accurate, and under penalty of perjury, I am "
            "the owner of the copyright, or authorised to act for the owner, of the work "
            "that is infringed."
        ),
    ]
    if request.reference:
        lines += ["", _("Your reference: {reference}").format(reference=request.reference)]
    lines += ["", _("Yours faithfully,"), *_signature(facts)]
    title = _("Copyright notice to {name}").format(name=site.name)
    return Letter("copyright", title, "\n".join(lines), request.id)


def draft_cease_desist(vault: Vault) -> Letter:
    facts = get_facts(vault)
    events = entries(vault)
    _require(
        facts,
        ("name", "contact", "signature", "recipient", "respond_by"),
        () if events else ("events",),
    )
    respond_by = long_date(date.fromisoformat(facts.respond_by))
    lines = [
        _(DRAFT_NOTICE),
        "",
        _today(),
        "",
        _("To: {name}").format(name=facts.recipient),
    ]
    if facts.recipient_contact:
        lines.append(facts.recipient_contact)
    lines += [
        _("Subject: Demand to stop sharing intimate images (cease and desist)"),
        "",
        f"{facts.recipient},",
        "",
        *_acting(facts),
        _(
            "I am writing about intimate images of me that you have shared, or threatened "
            "to share, without consent. This is what happened:"
        )
        if not facts.acting_for
        else _(
            "I am writing about intimate images of {name} that you have shared, or "
            "threatened to share, without consent. This is what happened:"
        ).format(name=facts.acting_for),
        "",
    ]
    for entry in events:
        lines.append(f"- {entry.when}: {entry.event.title}")
        # Every line of the details indented under its bullet, so the DOCX keeps them
        # inside it (see letter_files.blocks) and the text and PDF show them under it.
        details = entry.event.details.strip("\n").split("\n") if entry.event.details else []
        lines += [f"  {line.rstrip()}" if line.strip() else "  " for line in details]
    lines += ["", _("By {day} you must:").format(day=respond_by)]
    lines += [f"- {_demand(demand)}" for demand in facts.demands]
    lines += [
        "",
        _("and confirm in writing that you have done so."),
        "",
        _(
            "I have kept a record of what happened and copies of the evidence. If you do "
            "not do this, I may take further steps without telling you first, which can "
            "include reporting this to the police, asking a court for an order against "
            "you, and claiming damages."
        ),
        "",
        _("Keep this letter."),
        "",
        _("Signed,"),
        *_signature(facts),
    ]
    title = _("Cease and desist to {name}").format(name=facts.recipient)
    return Letter("cease-desist", title, "\n".join(lines))


def _demand(demand: str) -> str:
    """A demand in the letter's language: one of Reclaim's own as the reader reads it,
    one the person wrote as they wrote it."""
    return _(demand) if demand in DEFAULT_DEMANDS else demand


def _draft_as_spoken(vault: Vault, kind: str, request_id: str) -> Letter:
    if kind == "cease-desist":
        return replace(draft_cease_desist(vault), language=i18n.language())
    if kind in ("takedown", "copyright"):
        letter = (draft_takedown if kind == "takedown" else draft_copyright)(vault, request_id)
        return replace(letter, language=i18n.language())
    raise InputError(_("The letters are: {kinds}.").format(kinds=", ".join(KINDS)))


def draft(vault: Vault, kind: str, request_id: str = "", language: str = "") -> Letter:
    """The letter in `language`, or in the case's documents' language (see
    `binder.documents_language`): the language of who will read it. What the letter
    still needs is said in the person's language."""
    code = language or documents_language(vault)
    if code != i18n.person_language():
        # Drafted first as the person reads it, so that a fact still missing, or a
        # route that can't be taken, is said to them in their own words.
        _draft_as_spoken(vault, kind, request_id)
    with speaking(code):
        return _draft_as_spoken(vault, kind, request_id)


def copy_to_read(vault: Vault, letter: Letter, language: str = "") -> Letter | None:
    """The letter again in the person's language, marked as a copy to read, when it is
    written in another; None when the person reads the letter itself."""
    code = language or documents_language(vault)
    person = i18n.person_language()
    if code == person:
        return None
    with speaking(person):
        again = _draft_as_spoken(vault, letter.kind, letter.request)
        mark = _("COPY TO READ: send the version in {language}, not this one.").format(
            language=language_name(code)
        )
        title = _("Copy to read: {title}").format(title=again.title)
    return Letter(again.kind, title, f"{mark}\n\n{again.text}", again.request, person)
