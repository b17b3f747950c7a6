"""Drafting a declaration from the case: the person's own words of what they did to keep
the evidence, each exhibit it produces with its full SHA-256 and where it came from, how
the hashes were made and can be checked, and the form's words of truth.

Like the letters, a draft never holds a blank or a placeholder: whatever it still needs
(the person's name, an address, where an exhibit came from) is asked for first, as a
`MissingFacts` naming each thing (`letter_needs`), and the faces say where to give it.
Signing, dating by hand and witnessing are left to the person, with who may witness.

A declaration is written in the language of who reads it (`binder.documents_language`)
when its form may be signed in that language (`Kind.language_to_sign`), else in the
language its law sets; then `copy_to_read` gives it again in the readers' language (or
the person's), headed as a translation to read that is not to be signed, and the one to
sign says it is the one to sign. Exhibits, their SHA-256 and where each came from, the
person's facts and the sources' addresses are the same in every language."""

from __future__ import annotations

from dataclasses import dataclass

from tui import __version__
from tui.core.binder.documents_language import documents_language, language_name
from tui.core.declarations.facts import NEEDS as NEEDS
from tui.core.declarations.facts import TABLE as TABLE
from tui.core.declarations.facts import Facts as Facts
from tui.core.declarations.facts import get_facts_for as get_facts_for
from tui.core.declarations.facts import save_facts as save_facts
from tui.core.declarations.facts import shown_age
from tui.core.declarations.kinds import KINDS, PLAIN, REVIEWED, Kind, kind_for_place
from tui.core.evidence.model import Exhibit, list_exhibits
from tui.core.evidence.provenance import lines as provenance_lines
from tui.core.places.case_place import stored
from tui.core.shared import clock, i18n
from tui.core.shared.errors import InputError
from tui.core.shared.fuzzy_dates import as_written
from tui.core.shared.i18n import N_, SOURCE_LANGUAGE, _, speaking
from tui.core.shared.local_formats import dates_in, long_date
from tui.core.takedowns.letter_needs import MissingFacts, Need
from tui.core.vault.vault import Vault

#: What each face says when the declaration to sign and its copy to read differ in language.
TO_SIGN_AND_READ = N_(
    "The declaration to sign is in {signed}, a language its law accepts; the copy in "
    "{language} is only for reading, never for signing."
)
COPY_SAVED = N_("Saved a copy to read to {path}: it is not signed.")


@dataclass(frozen=True)
class Declaration:
    kind: str
    title: str
    text: str
    language: str = SOURCE_LANGUAGE
    """The language it is written in."""
    to_sign: bool = True
    """False for a copy to read: a translation, never signed."""


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
            asked = _("who captured {exhibit} and how (where it came from)")
            needs.append(Need(f"provenance:{exhibit.id}", asked.format(exhibit=exhibit.id)))
    if not exhibits:
        needs.append(Need("exhibits", N_("at least one exhibit in the binder")))
    return needs


def kind_of(vault: Vault, kind_code: str = "") -> Kind:
    """The kind named (the place's own when ''); one sentence when there is no such kind."""
    if kind_code and kind_code not in KINDS:
        raise InputError(
            _("{kind} is not a kind of declaration Reclaim drafts; it knows {kinds}.").format(
                kind=kind_code, kinds=", ".join(KINDS)
            )
        )
    return KINDS[kind_code] if kind_code else default_kind(vault)


def languages(vault: Vault, kind_code: str = "", language: str = "") -> tuple[str, str]:
    """(the language the declaration is signed in, the language of its copy to read, ''
    when none is needed) for readers of `language` (by default the case's documents'
    language): the copy is in the readers' language when the form can't be signed in
    it, else in the person's when they read another."""
    kind = kind_of(vault, kind_code)
    wanted = language or documents_language(vault)
    signed = kind.language_to_sign(wanted)
    person = i18n.person_language()
    copy = wanted if wanted != signed else person if person != signed else ""
    return signed, copy


def draft(vault: Vault, kind_code: str = "", language: str = "") -> Declaration:
    """The declaration of `kind_code` (the place's own kind when '') to sign, drafted from
    the case in the language it is signed in for readers of `language` (see `languages`);
    raises `MissingFacts` naming whatever it still needs, in the person's words."""
    kind = kind_of(vault, kind_code)
    signed, copy = languages(vault, kind_code, language)
    with speaking(i18n.person_language()):
        _drafted(vault, kind, signed, "")  # what it still needs, in the person's words
    with speaking(signed):
        return _drafted(vault, kind, signed, copy)


def copy_to_read(vault: Vault, kind_code: str = "", language: str = "") -> Declaration | None:
    """The declaration again in the readers' language (or the person's), headed as a
    translation to read that is not to be signed, when the one to sign is in another
    language; None when the one to sign is the one they read."""
    kind = kind_of(vault, kind_code)
    signed, copy = languages(vault, kind_code, language)
    if not copy:
        return None
    with speaking(copy):
        again = _drafted(vault, kind, copy, "")
        mark = _(
            "COPY TO READ, NOT TO SIGN: a translation made by Reclaim so that you can read "
            "the declaration. Do not sign it: the one to sign is the version in {language}, "
            "whose words the law sets."
        ).format(language=language_name(signed))
        title = _("Copy to read (not to sign): {title}").format(title=again.title)
    return Declaration(again.kind, title, f"{mark}\n\n{again.text}", copy, to_sign=False)


def to_sign_and_read(declaration: Declaration, copy: Declaration) -> str:
    """One sentence for the person: which one is signed, and that the copy is not."""
    return _(TO_SIGN_AND_READ).format(
        signed=language_name(declaration.language), language=language_name(copy.language)
    )


def _drafted(vault: Vault, kind: Kind, language: str, copy: str) -> Declaration:
    """The declaration in the language spoken now (`language`); `copy` names the language
    of the copy to read that goes with it ('' when none)."""
    facts = get_facts_for(vault)
    exhibits = [exhibit for exhibit in list_exhibits(vault) if not exhibit.excluded]
    needs = _needs(kind, facts, exhibits)
    if needs:
        raise MissingFacts(needs)
    labels = _labels(kind, facts, exhibits)
    lines = _opening(kind, facts, vault, copy)
    paragraphs = _process(kind, exhibits)
    paragraphs.append(
        _(
            "The exhibits, with the SHA-256 of each as it was taken in and what I know of "
            "where each came from, are:"
        )
    )
    lines += _numbered(paragraphs)
    for exhibit in exhibits:
        lines += _exhibit(exhibit, labels[exhibit.id])
    lines += ["", *_closing(kind, facts, language)]
    title = _("{title} of {name}").format(title=_(kind.title), name=facts.name)
    return Declaration(kind.code, title, "\n".join(lines) + "\n", language)


def _labels(kind: Kind, facts: Facts, exhibits: list[Exhibit]) -> dict[str, str]:
    if kind.code == "uk-s9":
        mark = initials(facts.name)
        return {e.id: f"{mark}/{n} (Reclaim {e.id})" for n, e in enumerate(exhibits, 1)}
    return {e.id: e.id for e in exhibits}


def _opening(kind: Kind, facts: Facts, vault: Vault, copy: str) -> list[str]:
    heading = _("{title} OF {name}").format(title=_(kind.title), name=facts.name)
    lines = [
        heading.upper(),
        _(kind.law),
        "",
        _(
            "DRAFT made by Reclaim from the case. Have a lawyer check it before you sign it: "
            "change anything that is not exactly right, in your own words."
        ),
        "",
    ]
    if copy:
        lines += [
            _(
                "This is the version to sign. A translation of it into {language} is only "
                "for reading and is not signed."
            ).format(language=language_name(copy)),
            "",
        ]
    place = stored(vault).lower()
    if kind.code == "uk-s9":
        lines += [
            _("Statement of: {name}").format(name=facts.name),
            _("Age: {age}").format(age=shown_age(facts.age)),
            "",
        ]
        if place in {"gb", "uk"}:
            lines += [
                _(
                    "Note for you, to remove before signing: where you live in the UK was "
                    "not said, so this is the England and Wales statement. In Northern "
                    "Ireland the same declaration is made under the Criminal Justice "
                    "(Miscellaneous Provisions) Act (Northern Ireland) 1968, s 1. In "
                    "Scotland the police take a statement from you themselves; a s 9 "
                    "statement is not used there."
                ),
                "",
            ]
        elif place == "gb-nir":
            lines += [
                _(
                    "Note for you, to remove before signing: in Northern Ireland this "
                    "statement is made under the Criminal Justice (Miscellaneous Provisions) "
                    "Act (Northern Ireland) 1968, s 1, with the same declaration."
                ),
                "",
            ]
    elif kind.opening:
        words = _(kind.opening).format(
            name=facts.name, address=facts.address, occupation=facts.occupation
        )
        lines += [words, ""]
    else:
        lines += [_("I, {name}, say:").format(name=facts.name), ""]
    if place == "gb-sct":
        lines += [
            _(
                "Note for you, to remove before signing: in Scotland the police take a "
                "statement from you themselves; this plain statement is what you can give "
                "them, or a lawyer, to go with the evidence."
            ),
            "",
        ]
    return lines


def _process(kind: Kind, exhibits: list[Exhibit]) -> list[str]:
    first, last = exhibits[0].id, exhibits[-1].id
    span = first if first == last else _("{first} to {last}").format(first=first, last=last)
    found = [
        _("I make this statement from my own knowledge of what I did to keep this evidence."),
        _(
            "I kept the items listed below ({span}) in an encrypted case file on a computer "
            "using Reclaim, version {version}, a program that keeps evidence on the "
            "computer it runs on and never sends it anywhere."
        ).format(span=span, version=__version__),
        _(
            "Reclaim copied each file into the case file byte for byte and computed its "
            "SHA-256 hash from those bytes as they were copied, before anything else was "
            "done with them. SHA-256 is a standard digital fingerprint (FIPS 180-4): a "
            "change of even one bit in a file gives a different value. The stored copies "
            "are checked against these values whenever they are verified or exported, and "
            "the case keeps a log of every time evidence was added, changed, exported or "
            "checked, each entry chained to the one before by its own hash."
        ),
        _(
            "Anyone can check a copy of an exhibit: compute its SHA-256 (with sha256sum FILE "
            "on Linux, shasum -a 256 FILE on a Mac, or certutil -hashfile FILE SHA256 on "
            "Windows) and compare it with the value listed here. If they match, the copy is "
            "the same, bit for bit, as the file that was taken in."
        ),
    ]
    if kind.code == "us-1746":
        found.append(
            _(
                "Certification under Federal Rule of Evidence 902(14): the copies of the "
                "exhibits produced with this declaration are authenticated by a process of "
                "digital identification, the SHA-256 hash of each original taken as it was "
                "copied and listed below; a copy whose SHA-256 matches is identical to the "
                "original. I carried out this process myself and am able to describe it."
            )
        )
    if kind.code == "ca-affidavit":
        found.append(
            _(
                "To the best of my knowledge the computer and Reclaim, the electronic "
                "documents system that recorded and stored these electronic documents, were "
                "operating properly throughout, and nothing about them affects the integrity "
                "of the documents (Canada Evidence Act, s. 31.3(a))."
            )
        )
    return found


def _numbered(paragraphs: list[str]) -> list[str]:
    lines: list[str] = []
    for number, text in enumerate(paragraphs, 1):
        lines += [f"{number}. {text}", ""]
    return lines


def _count(number: int) -> str:
    """ "12,345" as the language spoken writes it."""
    if i18n.language() == SOURCE_LANGUAGE:
        return f"{number:,}"
    from babel.numbers import format_decimal

    from tui.core.shared.local_formats import locale

    return format_decimal(number, "#,##0", locale=locale())


def _exhibit(exhibit: Exhibit, label: str) -> list[str]:
    what = exhibit.description or exhibit.original_name
    # The days the language's way ("7 dic 2026 23:05:07"); English keeps 2026-12-07.
    taken = dates_in(exhibit.added_at.replace("T", " ").removesuffix("Z"))
    lines = [
        _("- Exhibit {label}: {what}").format(label=label, what=what),
        "  "
        + _("File: {name}, {size} bytes").format(
            name=exhibit.original_name, size=_count(exhibit.size)
        ),
        f"  SHA-256: {exhibit.sha256}",
        "  " + _("Taken into the case: {moment} UTC").format(moment=taken),
    ]
    lines += [f"  {label_}: {text}" for label_, text in provenance_lines(exhibit)]
    if exhibit.captured_at:
        captured = dates_in(as_written(exhibit.captured_at))  # "hacia mar 2024"
        if "captured_at" in exhibit.guesses:
            said = _("Captured: {moment} (read from the file, not confirmed)")
        else:
            said = _("Captured: {moment}")
        lines.append("  " + said.format(moment=captured))
    lines.append("")
    return lines


def _closing(kind: Kind, facts: Facts, language: str) -> list[str]:
    date = long_date(clock.today())
    lines = [_(kind.truth).format(date=date), ""]
    if kind.code == "us-1746":
        lines += [
            _(
                "Signature: sign here by hand. The date above is the day this was drafted; "
                "if you sign on another day, write that day instead."
            ),
            facts.name,
        ]
    elif kind.code == "uk-s9":
        lines += [
            _("Signature: sign each page, and sign each exhibit's label, by hand."),
            _("Name: {name}").format(name=facts.name),
            _(
                "Date: {date} (the day this was drafted; write the day you sign if it differs)"
            ).format(date=date),
        ]
    elif kind.code == "ca-affidavit":
        lines += [
            _(
                "Declared before me: the commissioner writes here where and on what day it "
                "was declared, and signs with their name and title."
            ),
            _("Signature of {name}: sign only in front of the commissioner.").format(
                name=facts.name
            ),
        ]
    elif kind.code == "au-statdec":
        lines += [
            _("Signature of {name}: sign in front of your authorised witness.").format(
                name=facts.name
            ),
            _(
                "Declared at the place and on the day the witness writes here, before me: "
                "the witness signs and prints their full name, qualification and address."
            ),
            _(
                "Note 1: A person who intentionally makes a false statement in a statutory "
                "declaration is guilty of an offence, the punishment for which is "
                "imprisonment for a term of 4 years (section 11 of the Statutory Declarations "
                "Act 1959)."
            ),
            _(
                "Note 2: Chapter 2 of the Criminal Code applies to all offences against the "
                "Statutory Declarations Act 1959 (section 5A of the Act)."
            ),
        ]
    else:
        lines += [
            _("Signature: sign here by hand. Name: {name}").format(name=facts.name),
            _(
                "Date: {date} (the day this was drafted; write the day you sign if it differs)"
            ).format(date=date),
        ]
    lines += [
        "",
        _("Notes for you (not part of the statement: remove them before signing)"),
        "",
        _("Who may witness it"),
        _(kind.witness),
        "",
        _("Where this wording comes from"),
    ]
    lines += [f"- {_(source)}" for source in kind.sources]
    lines.append(_("- Checked against these sources on {date}.").format(date=REVIEWED))
    if language != SOURCE_LANGUAGE:
        lines.append(
            _(
                "- This wording in {language} is Reclaim's translation and has not yet been "
                "checked by a lawyer or a native-speaking advocate."
            ).format(language=language_name(language))
        )
    return lines
