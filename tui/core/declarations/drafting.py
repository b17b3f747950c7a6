"""Drafting a declaration from the case: the person's own words of what they did to keep
the evidence, each exhibit it produces with its full SHA-256 and where it came from, how
the hashes were made and can be checked, and the form's words of truth.

Like the letters, a draft never holds a blank or a placeholder: whatever it still needs
(the person's name, an address, where an exhibit came from) is asked for first, as a
`MissingFacts` naming each thing (`letter_needs`), and the faces say where to give it.
Signing, dating by hand and witnessing are left to the person, with who may witness."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from tui import __version__
from tui.core.declarations.kinds import KINDS, PLAIN, REVIEWED, Kind, kind_for_place
from tui.core.evidence.model import Exhibit, list_exhibits
from tui.core.evidence.provenance import lines as provenance_lines
from tui.core.places.case_place import stored
from tui.core.shared import clock
from tui.core.shared.errors import InputError
from tui.core.shared.local_formats import long_date
from tui.core.takedowns.letter_needs import MissingFacts, Need
from tui.core.takedowns.letters import get_facts
from tui.core.vault import custody
from tui.core.vault.vault import Vault

#: The person's facts a declaration prints, kept in the case once given (one document).
TABLE = "declaration_facts"


@dataclass
class Facts:
    name: str = ""
    """Full name; the letters' name when none is given here."""
    address: str = ""
    occupation: str = ""
    age: str = ""
    """"over 18", or the age of a person under 18 (a UK statement says it)."""


NEEDS = {
    "name": Need("name", "your full name"),
    "address": Need("address", "your address (town and province or state at least)"),
    "occupation": Need("occupation", "your occupation"),
    "age": Need("age", 'your age: "over 18", or how old you are'),
}


@dataclass(frozen=True)
class Declaration:
    kind: str
    title: str
    text: str


def get_facts_for(vault: Vault) -> Facts:
    records = vault.table(TABLE).all()
    known = {f.name for f in fields(Facts)}
    record = dict(records[0]) if records else {}
    facts = Facts(**{k: str(v) for k, v in record.items() if k in known})
    if not facts.name:
        facts.name = get_facts(vault).name
    return facts


def save_facts(vault: Vault, **given: str | None) -> Facts:
    """Keep what the person gave (trimmed; None leaves a fact as it is), logged."""
    known = {f.name for f in fields(Facts)}
    changes: dict[str, Any] = {}
    for key, value in given.items():
        if key not in known:
            raise InputError(f"{key} is not something a declaration keeps.")
        if value is not None:
            changes[key] = " ".join(value.split())
    if age := changes.get("age"):
        changes["age"] = _age(age)
    if not changes:
        return get_facts_for(vault)
    with vault.transaction():
        table = vault.table(TABLE)
        first = table.all()[:1]
        if first:
            table.update(changes, doc_ids=[first[0].doc_id])
        else:
            table.insert(changes)
        custody.append(vault.table(custody.TABLE), "declaration facts", fields=sorted(changes))
    return get_facts_for(vault)


def _age(text: str) -> str:
    lowered = text.lower().replace("+", "").strip()
    if lowered in {"over 18", "18 or over", "adult", "18", "over18"}:
        return "over 18"
    if lowered.isdigit() and 0 < int(lowered) < 130:
        return "over 18" if int(lowered) >= 18 else lowered
    raise InputError('Give your age as "over 18" or as a number, like 16.')


def default_kind(vault: Vault) -> Kind:
    code = stored(vault)
    if code.lower() == "gb-sct":  # Scotland takes statements its own way (see notes)
        return PLAIN
    return kind_for_place(code) if code and code != "none" else PLAIN


def initials(name: str) -> str:
    """The producer's initials for UK exhibit labels: "Alex Morgan" gives "AM"."""
    letters = [part[0] for part in name.replace("-", " ").split() if part[:1].isalpha()]
    return "".join(letters).upper() or "X"


def _needs(kind: Kind, facts: Facts, exhibits: list[Exhibit]) -> list[Need]:
    needs = [NEEDS[key] for key in ("name", *kind.needs) if not getattr(facts, key)]
    for exhibit in exhibits:
        said = exhibit.provenance
        if not said.get("how") or not (said.get("captured_by") or said.get("role")):
            needs.append(
                Need(
                    f"provenance:{exhibit.id}",
                    f"who captured {exhibit.id} and how (where it came from)",
                )
            )
    if not exhibits:
        needs.append(Need("exhibits", "at least one exhibit in the binder"))
    return needs


def draft(vault: Vault, kind_code: str = "") -> Declaration:
    """The declaration of `kind_code` (the place's own kind when ''), drafted from the
    case; raises `MissingFacts` naming whatever it still needs."""
    if kind_code and kind_code not in KINDS:
        raise InputError(
            f"{kind_code} is not a kind of declaration Reclaim drafts; it knows "
            f"{', '.join(KINDS)}."
        )
    kind = KINDS[kind_code] if kind_code else default_kind(vault)
    facts = get_facts_for(vault)
    exhibits = [exhibit for exhibit in list_exhibits(vault) if not exhibit.excluded]
    needs = _needs(kind, facts, exhibits)
    if needs:
        raise MissingFacts(needs)
    labels = _labels(kind, facts, exhibits)
    lines = _opening(kind, facts, vault)
    paragraphs = _process(kind, exhibits)
    paragraphs.append(
        "The exhibits, with the SHA-256 of each as it was taken in and what I know of "
        "where each came from, are:"
    )
    lines += _numbered(paragraphs)
    for exhibit in exhibits:
        lines += _exhibit(exhibit, labels[exhibit.id])
    lines += ["", *_closing(kind, facts)]
    return Declaration(kind.code, f"{kind.title} of {facts.name}", "\n".join(lines) + "\n")


def _labels(kind: Kind, facts: Facts, exhibits: list[Exhibit]) -> dict[str, str]:
    if kind.code == "uk-s9":
        mark = initials(facts.name)
        return {e.id: f"{mark}/{n} (Reclaim {e.id})" for n, e in enumerate(exhibits, 1)}
    return {e.id: e.id for e in exhibits}


def _opening(kind: Kind, facts: Facts, vault: Vault) -> list[str]:
    lines = [
        f"{kind.title.upper()} OF {facts.name.upper()}",
        kind.law,
        "",
        "DRAFT made by Reclaim from the case. Have a lawyer check it before you sign it: "
        "change anything that is not exactly right, in your own words.",
        "",
    ]
    if kind.code == "uk-s9":
        lines += [f"Statement of: {facts.name}", f"Age: {facts.age}", ""]
        if stored(vault).lower() in {"gb", "uk"}:
            lines += [
                "Note for you, to remove before signing: where you live in the UK was not "
                "said, so this is the England and Wales "
                "statement. In Northern Ireland the same declaration is made under the "
                "Criminal Justice (Miscellaneous Provisions) Act (Northern Ireland) 1968, "
                "s 1. In Scotland the police take a statement from you themselves; a "
                "s 9 statement is not used there.",
                "",
            ]
        elif stored(vault).lower() == "gb-nir":
            lines += [
                "Note for you, to remove before signing: in Northern Ireland this statement "
                "is made under the Criminal Justice "
                "(Miscellaneous Provisions) Act (Northern Ireland) 1968, s 1, with the same "
                "declaration.",
                "",
            ]
    elif kind.code == "ca-affidavit":
        lines += [f"I, {facts.name}, of {facts.address}, make oath and say (or affirm):", ""]
    elif kind.code == "au-statdec":
        lines += [
            f"I, {facts.name}, {facts.address}, {facts.occupation}, make the following "
            "declaration under the Statutory Declarations Act 1959:",
            "",
        ]
    else:
        lines += [f"I, {facts.name}, say:", ""]
    if stored(vault).lower() == "gb-sct":
        lines += [
            "Note for you, to remove before signing: in Scotland the police take a "
            "statement from you themselves; this plain "
            "statement is what you can give them, or a lawyer, to go with the evidence.",
            "",
        ]
    return lines


def _process(kind: Kind, exhibits: list[Exhibit]) -> list[str]:
    first, last = exhibits[0].id, exhibits[-1].id
    span = first if first == last else f"{first} to {last}"
    found = [
        "I make this statement from my own knowledge of what I did to keep this evidence.",
        f"I kept the items listed below ({span}) in an encrypted case file on a computer "
        f"using Reclaim, version {__version__}, a program that keeps evidence on the "
        "computer it runs on and never sends it anywhere.",
        "Reclaim copied each file into the case file byte for byte and computed its "
        "SHA-256 hash from those bytes as they were copied, before anything else was done "
        "with them. SHA-256 is a standard digital fingerprint (FIPS 180-4): a change of "
        "even one bit in a file gives a different value. The stored copies are checked "
        "against these values whenever they are verified or exported, and the case keeps "
        "a log of every time evidence was added, changed, exported or checked, each entry "
        "chained to the one before by its own hash.",
        "Anyone can check a copy of an exhibit: compute its SHA-256 (with sha256sum FILE on "
        "Linux, shasum -a 256 FILE on a Mac, or certutil -hashfile FILE SHA256 on Windows) "
        "and compare it with the value listed here. If they match, the copy is the same, "
        "bit for bit, as the file that was taken in.",
    ]
    if kind.code == "us-1746":
        found.append(
            "Certification under Federal Rule of Evidence 902(14): the copies of the "
            "exhibits produced with this declaration are authenticated by a process of "
            "digital identification, the SHA-256 hash of each original taken as it was "
            "copied and listed below; a copy whose SHA-256 matches is identical to the "
            "original. I carried out this process myself and am able to describe it."
        )
    if kind.code == "ca-affidavit":
        found.append(
            "To the best of my knowledge the computer and Reclaim, the electronic documents "
            "system that recorded and stored these electronic documents, were operating "
            "properly throughout, and nothing about them affects the integrity of the "
            "documents (Canada Evidence Act, s. 31.3(a))."
        )
    return found


def _numbered(paragraphs: list[str]) -> list[str]:
    lines: list[str] = []
    for number, text in enumerate(paragraphs, 1):
        lines += [f"{number}. {text}", ""]
    return lines


def _exhibit(exhibit: Exhibit, label: str) -> list[str]:
    what = exhibit.description or exhibit.original_name
    lines = [
        f"- Exhibit {label}: {what}",
        f"  File: {exhibit.original_name}, {exhibit.size:,} bytes",
        f"  SHA-256: {exhibit.sha256}",
        f"  Taken into the case: {exhibit.added_at.replace('T', ' ').removesuffix('Z')} UTC",
    ]
    lines += [f"  {label_}: {text}" for label_, text in provenance_lines(exhibit)]
    if exhibit.captured_at:
        guessed = (
            " (read from the file, not confirmed)" if "captured_at" in exhibit.guesses else ""
        )
        lines.append(f"  Captured: {exhibit.captured_at.replace('T', ' ')}{guessed}")
    lines.append("")
    return lines


def _closing(kind: Kind, facts: Facts) -> list[str]:
    date = long_date(clock.today())
    lines = [kind.truth.format(date=date), ""]
    if kind.code == "us-1746":
        lines += [
            "Signature: sign here by hand. The date above is the day this was drafted; if "
            "you sign on another day, write that day instead.",
            facts.name,
        ]
    elif kind.code == "uk-s9":
        lines += [
            "Signature: sign each page, and sign each exhibit's label, by hand.",
            f"Name: {facts.name}",
            f"Date: {date} (the day this was drafted; write the day you sign if it differs)",
        ]
    elif kind.code == "ca-affidavit":
        lines += [
            "Sworn or affirmed before the commissioner, who writes here where and when, "
            "and signs with their name and title.",
            f"Signature of {facts.name}: sign only in front of the commissioner.",
        ]
    elif kind.code == "au-statdec":
        lines += [
            f"Signature of {facts.name}: sign in front of your authorised witness.",
            "Declared at the place and on the day the witness writes here, before me: the "
            "witness signs and prints their full name, qualification and address.",
            "Note 1: A person who intentionally makes a false statement in a statutory "
            "declaration is guilty of an offence, the punishment for which is imprisonment "
            "for a term of 4 years (section 11 of the Statutory Declarations Act 1959).",
            "Note 2: Chapter 2 of the Criminal Code applies to all offences against the "
            "Statutory Declarations Act 1959 (section 5A of the Act).",
        ]
    else:
        lines += [
            f"Signature: sign here by hand. Name: {facts.name}",
            f"Date: {date} (the day this was drafted; write the day you sign if it differs)",
        ]
    lines += [
        "",
        "Notes for you (not part of the statement: remove them before signing)",
        "",
        "Who may witness it",
        kind.witness,
        "",
        "Where this wording comes from",
    ]
    lines += [f"- {source}" for source in kind.sources]
    lines.append(f"- Checked against these sources on {REVIEWED}.")
    return lines
