"""What the person chooses for a binder (who it is for, paper, order, originals,
password) and what comes back: the binder made, the exhibits it could only name, and
the originals it could not hold. Nothing here draws, so a face can offer the binder
and count what goes in it without loading the PDF libraries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tui.core.evidence.model import Exhibit, list_exhibits, normalize_id
from tui.core.shared import clock
from tui.core.shared.errors import InputError
from tui.core.shared.i18n import N_, _, ngettext
from tui.core.shared.text import size
from tui.core.vault import custody
from tui.core.vault.vault import Vault

PAPERS = {"a4": "A4", "letter": "Letter"}
#: Where Letter is the paper people print on (their forms and courts use it); A4 elsewhere.
LETTER_PLACES = frozenset({"us", "ca"})
AUDIENCES = {"police": N_("the police"), "lawyer": N_("a lawyer"), "court": N_("the court")}
#: An original larger than this is not attached to the PDF (readers and mail systems
#: choke on such files); the binder says so and the package holds it.
ATTACH_LIMIT = 256 * 1024 * 1024
ATTACH_TOTAL = 1024 * 1024 * 1024
#: The binder's title unless the person gives one (translated where it is written).
DEFAULT_TITLE = N_("Image-based abuse: evidence")
#: Progress: (exhibits done, exhibits in all).
Progress = Callable[[int, int], None]


def default_paper(vault: Vault) -> str:
    """Letter when the case's place is the United States or Canada (a state or province
    too), else A4; a case whose place was never said keeps A4. The CLI, the binder screen
    and plain mode all start from this; a paper chosen wins."""
    from tui.core.places.case_place import stored
    from tui.core.places.catalogue import resolve

    country = resolve(stored(vault)).code.partition("-")[0]
    return "letter" if country in LETTER_PLACES else "a4"


@dataclass(frozen=True)
class BinderChoices:
    prepared_for: str = "police"
    prepared_by: str = ""
    case_title: str = DEFAULT_TITLE
    export_date: date = field(default_factory=lambda: clock.utc_now().date())
    paper: str = ""
    """"a4" or "letter"; '' for the paper of the case's place (`default_paper`)."""
    order: str = "exhibit"
    """"exhibit" (by number) or "time" (by capture or posting time)."""
    exclude: frozenset[str] = frozenset()
    prefix: str = "RCL"
    attach_originals: bool = False
    password: str | None = None
    packaged: bool = False
    """Made for a package, whose originals folder holds every original."""
    declaration: str = ""
    """A declaration drafted by `tui.core.declarations` (its text, first line its title),
    printed after the cover for the person to sign; '' for none. The face drafts it: the
    binder only prints what it is given."""
    language: str = ""
    """The language the binder is written in ("en", "es", "fr"); '' for the case's
    documents' language (`binder.documents_language`)."""

    def title(self) -> str:
        """The title in the language spoken now: Reclaim's own translated (it is the
        PDF's title a screen reader says first), one the person typed as typed."""
        return _(self.case_title) if self.case_title == DEFAULT_TITLE else self.case_title

    def check(self) -> None:
        if self.prepared_for not in AUDIENCES:
            raise InputError(
                _("The binder can be prepared for the police, a lawyer or the court.")
            )
        if self.paper and self.paper not in PAPERS:
            raise InputError(_("Paper is A4 or Letter."))
        if self.order not in ("exhibit", "time"):
            raise InputError(_("Exhibits are ordered by number (exhibit) or by time."))
        if not self.prefix.isalnum() or len(self.prefix) > 8:
            raise InputError(
                _("The control-number prefix is up to 8 letters or digits, like RCL.")
            )

    @property
    def pdfa_part(self) -> int | None:
        """2 (PDF/A-2b), 3 (PDF/A-3b, which may hold the originals), or None: PDF/A
        forbids encryption, so a binder with a password is an ordinary PDF."""
        if self.password:
            return None
        return 3 if self.attach_originals else 2


@dataclass(frozen=True)
class BinderResult:
    path: Path
    pages: int
    exhibits: list[str]
    sha256: str
    notices: list[tuple[str, str]] = field(default_factory=list)
    """Exhibits whose content could not be shown, only named with a notice: (id, why)."""
    unattached: list[tuple[str, str]] = field(default_factory=list)
    """Originals asked for but not attached to the PDF: (id, why)."""

    def notice_lines(self) -> list[str]:
        """A sentence saying which exhibits are shown only as a notice, then one line each;
        the same for originals too large to attach."""
        lines = []
        if self.notices:
            count = len(self.notices)
            lines.append(
                ngettext(
                    "{count} exhibit is named in the binder with a notice instead of its content:",
                    "{count} exhibits are named in the binder with a notice instead of their "
                    "content:",
                    count,
                ).format(count=count)
            )
            lines += [f"  {ident}: {why}" for ident, why in self.notices]
        if self.unattached:
            lines.append(_("Not attached to the PDF:"))
            lines += [f"  {ident}: {why}" for ident, why in self.unattached]
        return lines


@dataclass(frozen=True)
class Made:
    """A binder made: in memory, before it is written anywhere, or already written to
    the file it was made into (then `data` is empty)."""

    data: bytes
    notices: list[tuple[str, str]]
    """(exhibit, why) for each exhibit shown only as a notice."""
    unattached: list[tuple[str, str]] = field(default_factory=list)
    """(exhibit, why) for each original asked for but not attached."""
    pages: int = 0
    exhibits: list[str] = field(default_factory=list)
    """The exhibits in the binder, by number."""

    def log(self, vault: Vault, action: str, choices: BinderChoices, **where: str) -> None:
        """The custody entry for this binder written out (alone, or in a package)."""
        with vault.transaction():
            custody.append(
                vault.table(custody.TABLE),
                action,
                **where,
                pages=self.pages,
                exhibits=self.exhibits,
                encrypted=bool(choices.password),
                **({"notice_only": [ident for ident, _w in self.notices]} if self.notices else {}),
            )


def chosen_exhibits(vault: Vault, choices: BinderChoices) -> list[Exhibit]:
    """The exhibits that go in the binder, in the order chosen: removed and excluded
    ones left out."""
    excluded = {normalize_id(text) for text in choices.exclude}
    exhibits = [e for e in list_exhibits(vault) if not e.excluded and e.id not in excluded]
    if choices.order == "time":
        exhibits.sort(key=lambda e: (e.posted_at or e.captured_at or "~", e.number))
    return exhibits


def not_attached(exhibits: list[Exhibit], choices: BinderChoices) -> dict[str, str]:
    """The originals asked for that the PDF won't hold, and why: each over ATTACH_LIMIT,
    and, in order, those that would take the PDF past ATTACH_TOTAL (a PDF of gigabytes
    is no use to anyone it is sent to). Decided from the sizes before anything is read,
    so that each exhibit's page can say where its original is."""
    if not choices.attach_originals:
        return {}
    where = (
        _("it is in this package's originals folder")
        if choices.packaged
        else _("it is kept in the encrypted case file and can be exported from it")
    )
    reasons: dict[str, str] = {}
    held = 0
    for exhibit in exhibits:
        if exhibit.size > ATTACH_LIMIT:
            reasons[exhibit.id] = _(
                "too large to attach to the PDF (over {size}); {where}"
            ).format(size=size(ATTACH_LIMIT), where=where)
        elif held + exhibit.size > ATTACH_TOTAL:
            reasons[exhibit.id] = _(
                "not attached: the PDF already holds {size} of originals; {where}"
            ).format(size=size(ATTACH_TOTAL), where=where)
        else:
            held += exhibit.size
    return reasons
