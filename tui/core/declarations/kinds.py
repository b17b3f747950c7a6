"""Each kind of declaration: its title, the law it is made under, the words the law asks
for (each with the primary source it was checked against, and when), who may witness it,
and the languages it may be signed in. Reclaim drafts; a lawyer checks; the person signs.

The words are English here and marked for the "documents" catalogues (`N_`), so that a
declaration can be written in the language of who reads it (issue 29):
- a form whose words a law prescribes in English only (28 U.S.C. § 1746, the UK's s 9
  declaration, Australia's statutory declaration) is signed in English; its translation
  is a copy to read, never signed (`signed_in`);
- Canada's solemn declaration (Canada Evidence Act, s. 41) is signed in English or in
  French: the Act is bilingual, and the French catalogues hold the Act's own French
  formula (Loi sur la preuve au Canada, art. 41), quoted exactly;
- the plain statement of truth, for every other place, is signed in any language Reclaim
  writes: its translations are Reclaim's own, plain words, claiming no legal formula.
None of the translations has been reviewed by a lawyer or a native-speaking advocate yet
(the catalogues say so)."""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.shared.i18n import LANGUAGES, N_, SOURCE_LANGUAGE

#: When the wording below was last checked against its sources.
REVIEWED = "2026-12-07"


@dataclass(frozen=True)
class Kind:
    code: str
    title: str
    """The heading of the document."""
    law: str
    """What it is made under, as printed under the title."""
    truth: str
    """The words of truth the law asks for, as they are printed before the signature."""
    witness: str
    """Who may witness it (or that no one need), in plain words."""
    sources: tuple[str, ...]
    """Where the wording and the witnessing rule were checked (primary sources)."""
    needs: tuple[str, ...] = ()
    """Facts of the person this kind prints beyond their name (see `drafting.NEEDS`)."""
    places: tuple[str, ...] = ()
    """Place codes (and their children) it is the default for."""
    signed_in: tuple[str, ...] = (SOURCE_LANGUAGE,)
    """The languages it may be signed in, the first the one used when the reader's is not
    among them; () for any language Reclaim writes."""
    opening: str = ""
    """The words before the numbered paragraphs, with {name}, {address}, {occupation}
    ('' for the plain "I, {name}, say:")."""

    def language_to_sign(self, wanted: str) -> str:
        """The language this declaration is signed in when its readers read `wanted`."""
        allowed = self.signed_in or tuple(LANGUAGES)
        return wanted if wanted in allowed else allowed[0]


US = Kind(
    code="us-1746",
    title=N_("Declaration"),
    law=N_(
        "Unsworn declaration under 28 U.S.C. \u00a7 1746, with a certification under Federal "
        "Rule of Evidence 902(14) of the process that identified the copies"
    ),
    truth=N_(
        "I declare under penalty of perjury under the laws of the United States of America "
        "that the foregoing is true and correct. Executed on {date}."
    ),
    witness=N_(
        "No witness or notary is needed: a declaration under 28 U.S.C. \u00a7 1746 is signed "
        "and dated by you alone. Under Federal Rule of Evidence 902(11), which 902(14) "
        "follows, the other side must be given reasonable written notice and the chance to "
        "inspect the record and this certification before the trial or hearing."
    ),
    sources=(
        N_(
            "28 U.S.C. \u00a7 1746(1), https://www.law.cornell.edu/uscode/text/28/1746 "
            "(the form for a declaration signed in or outside the United States)"
        ),
        N_(
            "Federal Rules of Evidence 902(11), 902(13) and 902(14), "
            "https://www.law.cornell.edu/rules/fre/rule_902"
        ),
    ),
    places=("us",),
)

UK = Kind(
    code="uk-s9",
    title=N_("Witness statement"),
    law=N_(
        "Criminal Justice Act 1967, s 9; Criminal Procedure Rules, r 16.2 and r 16.3 "
        "(the police form MG11 follows them)"
    ),
    truth=N_(
        "This statement (consisting of every page of this document, each signed by me) is "
        "true to the best of my knowledge and belief and I make it knowing that, if it is "
        "tendered in evidence, I shall be liable to prosecution if I have wilfully stated in "
        "it anything which I know to be false, or do not believe to be true."
    ),
    witness=N_(
        "No witness is needed: you sign each page, and each exhibit's label, yourself "
        "(s 9(2)(a) and r 16.3). Usually a police officer takes the statement with you and "
        "signs as the person who took it. You give your age only if you are under 18."
    ),
    sources=(
        N_(
            "Criminal Justice Act 1967, s 9, "
            "https://www.legislation.gov.uk/ukpga/1967/80/section/9"
        ),
        N_(
            "Criminal Procedure Rules, Part 16 (r 16.2 contents, r 16.3 exhibits), "
            "https://www.legislation.gov.uk/uksi/2015/1490/part/16/made"
        ),
        N_(
            "The declaration's words as printed on the statement form, quoted by the Health "
            "and Safety Executive, "
            "https://www.hse.gov.uk/enforce/enforcementguide/court/physical-written.htm"
        ),
    ),
    needs=("age",),
    places=("gb", "uk"),
)

CA = Kind(
    code="ca-affidavit",
    title=N_("Solemn declaration"),
    law=N_(
        "Solemn declaration under the Canada Evidence Act, R.S.C. 1985, c. C-5, s. 41, on "
        "the integrity of the electronic documents system that recorded and stored these "
        "electronic documents (ss. 31.1 to 31.8)"
    ),
    opening=N_("I, {name}, of {address}, solemnly declare that:"),
    truth=N_(
        "And I make this solemn declaration conscientiously believing it to be true, and "
        "knowing that it is of the same force and effect as if made under oath."
    ),
    witness=N_(
        "A solemn declaration is made in front of a commissioner for taking affidavits, a "
        "notary public, a justice of the peace or a judge (s. 41); who may act depends on "
        "your province's law. Do not sign it until you are in front of them: they complete "
        "the part that says where and when it was declared, and sign it. Section 31.6 "
        "speaks of proving these matters by affidavit: if a court or a lawyer asks for an "
        "affidavit instead, the same person can take it sworn or affirmed."
    ),
    sources=(
        N_(
            "Canada Evidence Act, ss. 31.1 to 31.8 (electronic documents; s. 31.2 best "
            "evidence, s. 31.3 integrity of the system, s. 31.6 proof by affidavit), "
            "https://laws-lois.justice.gc.ca/eng/acts/c-5/page-5.html"
        ),
        N_(
            "Canada Evidence Act, s. 41 (the solemn declaration and its form of words), "
            "https://laws-lois.justice.gc.ca/eng/acts/c-5/section-41.html"
        ),
        N_(
            "Loi sur la preuve au Canada, art. 41 (the same form of words in the Act's "
            "official French text), https://laws-lois.justice.gc.ca/fra/lois/c-5/section-41.html, "
            "checked on 2026-12-07 against the Department of Justice's own XML of the Act "
            "(github.com/justicecanada/laws-lois-xml, fra/lois/C-5.xml, a consolidation "
            "current to 2019-07-29; s. 41 unchanged since R.S.C. 1985)"
        ),
    ),
    needs=("address",),
    places=("ca",),
    signed_in=("en", "fr"),
)

AU = Kind(
    code="au-statdec",
    title=N_("Statutory declaration"),
    law=N_("Statutory Declarations Act 1959 (Cth)"),
    opening=N_(
        "I, {name}, {address}, {occupation}, make the following declaration under the "
        "Statutory Declarations Act 1959:"
    ),
    truth=N_(
        "I understand that a person who intentionally makes a false statement in a "
        "statutory declaration is guilty of an offence under section 11 of the Statutory "
        "Declarations Act 1959, and I believe that the statements in this declaration are "
        "true in every particular."
    ),
    witness=N_(
        "Sign it in front of an authorised witness: the people listed in Schedule 1 of the "
        "Statutory Declarations Regulations 2023, among them a legal practitioner, a "
        "medical practitioner, a nurse, a pharmacist, a police officer, a justice of the "
        "peace and a teacher. They sign it and print their full name, qualification and "
        "address. Since 2024 a Commonwealth declaration can also be made online through "
        "myGov with a digital identity, without a witness."
    ),
    sources=(
        N_(
            "Statutory Declarations Act 1959 (Cth), ss 8, 9 and 11, https://www.legislation.gov.au"
        ),
        N_(
            "Statutory Declarations Regulations 2023 (Cth), Schedule 1 (authorised "
            "witnesses), https://www.legislation.gov.au/F2023L01753/asmade"
        ),
        N_(
            "The Commonwealth form's wording (I, name, address and occupation, make the "
            "following declaration ...), as prescribed by Schedule 1 of the Statutory "
            "Declarations Regulations 2018, https://www.legislation.gov.au/F2018L01296/asmade, "
            "and kept in the Attorney-General's Department's form"
        ),
    ),
    needs=("address", "occupation"),
    places=("au",),
)

PLAIN = Kind(
    code="plain",
    title=N_("Witness statement"),
    law=N_("A signed statement of what I did to keep this evidence"),
    truth=N_("I believe that the facts stated in this statement are true."),
    witness=N_(
        "No particular form is required by Reclaim for where you live. The police, a court "
        "or a lawyer may ask for their own form or for a witness; ask them which they need."
    ),
    sources=(N_("No one form: a plain statement of truth, signed and dated by its maker."),),
    signed_in=(),
)

KINDS = {kind.code: kind for kind in (US, UK, CA, AU, PLAIN)}


def kind_for_place(code: str) -> Kind:
    """The kind that suits a place code (`gb-eng` is the UK's; anything else, plain)."""
    root = code.split("-", 1)[0].lower()
    for kind in KINDS.values():
        if root in kind.places:
            return kind
    return PLAIN
