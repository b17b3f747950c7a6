"""The binder's PDF as it is drawn: paper, fonts, a control number and "page N of M" in
every footer, fixed dates (so the same case gives the same file), and the list of
evidence pages and pictures to be placed onto their numbered pages afterwards
(see `overlay`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from fpdf import FPDF

from tui.core.binder import pdfa
from tui.core.binder.choices import PAPERS, BinderChoices, default_paper
from tui.core.binder.faces import add_fonts
from tui.core.binder.typesetting import SANS, Bold, Setting, paragraph
from tui.core.evidence.digests import Digests
from tui.core.evidence.model import Exhibit
from tui.core.shared.fuzzy_dates import When, as_written
from tui.core.shared.i18n import N_, SOURCE_LANGUAGE, _, language
from tui.core.shared.paths import fonts_dir
from tui.core.vault.vault import Vault

FONT_DIR = fonts_dir()
MARGIN = 15.0
FOOTER_SPACE = 14.0
FRAME_GREY = 120
#: Beside every time that was read from the file rather than given by the person (the
#: binder's integrity statement tells its reader to look for these words).
ESTIMATED = N_("(estimated)")


@dataclass
class Placed:
    """A page of a PDF, or a picture as a one-page PDF, to draw onto a numbered page."""

    page_number: int
    box: tuple[float, float, float, float]
    """x, y, width, height in mm from the top-left corner."""
    source: str
    """The PDF exhibit's id, or '' for a picture."""
    index: int = 0
    one_page: bytes = b""
    later: Callable[[], bytes] | None = None
    """Makes `one_page` when it is placed, for a picture that is the exhibit's own file
    (read from the case again), so that the pictures are not all held while drawing."""


#: Where the binder's footer says its number of pages (see `_NumberedPages`).
TOTAL = "{nbp}"


class _NumberedPages(FPDF):
    """fpdf2's document with the binder's footer: control number left, page right."""

    def __init__(self, prefix: str, paper: str, part: int | None) -> None:
        super().__init__(
            format=paper, unit="mm", enforce_compliance=f"PDFA_{part}B" if part else None
        )
        self.control_prefix = prefix
        # fpdf2 puts the number of pages in where TOTAL stands, in the width TOTAL takes:
        # five characters keep five digits' room (its own "{nb}" keeps three, and a binder
        # of 1,000 pages spilled past the margin with a warning on the terminal).
        self.alias_nb_pages(TOTAL)

    def footer(self) -> None:  # fpdf2's hook, drawn on every page
        self.set_y(-12)
        self.set_font(SANS, size=8)
        self.cell(0, 5, f"{self.control_prefix}-{self.page_no():06d}", align="L")
        self.set_x(MARGIN)
        page = _("Page {page} of {total}").format(page=self.page_no(), total=TOTAL)
        self.cell(0, 5, page, align="R")


class Document:
    """Builds the fpdf2 document; PDF evidence pages and pictures are placed afterwards."""

    def __init__(self, vault: Vault, choices: BinderChoices) -> None:
        self.vault = vault
        self.choices = choices
        part = choices.pdfa_part
        paper = PAPERS[choices.paper or default_paper(vault)]
        pdf = _NumberedPages(choices.prefix, paper, part)
        pdf.set_margins(MARGIN, MARGIN, MARGIN)
        pdf.set_auto_page_break(True, margin=FOOTER_SPACE + 4)
        add_fonts(pdf)  # and the fallback faces as the text needs them
        pdf.set_font(SANS, size=10)
        self.moment = datetime.combine(choices.export_date, datetime.min.time(), UTC)
        pdf.set_creation_date(self.moment)
        # The title and the language a screen reader reads it in: the binder's own.
        pdf.set_title(choices.title())
        pdf.set_lang(language())
        pdf.set_producer("Reclaim")
        pdf.set_creator("Reclaim")
        pdf.set_author(choices.prepared_by)
        if part:  # fpdf2's own XMP carries the time it is written: no longer reproducible
            pdf.set_xmp_metadata(
                pdfa.xmp_body(part, choices.title(), choices.prepared_by, self.moment, language())
            )
        self.pdf: FPDF = pdf
        self.placed: list[Placed] = []
        self.pdf_sources: dict[str, bytes] = {}
        """The PDF evidence whose pages are merged, by exhibit id."""
        self.notices: list[tuple[str, str]] = []
        """Exhibits shown only as a notice, and why."""
        self.not_attached: dict[str, str] = {}
        """Originals asked for that the PDF won't hold, and why (see `not_attached`)."""
        self.digests: dict[str, Digests] = {}
        """MD5 and SHA-1 beside SHA-256, for the originals that could be read."""
        self.media_types: dict[str, str] = {}
        """What the content is, where an earlier version recorded another type (a HEIC
        taken in as video/mp4)."""
        if choices.attach_originals:
            self.where_originals = _("Attached to this PDF, byte for byte.")
        elif choices.packaged:
            self.where_originals = _("In this package's originals folder.")
        else:
            self.where_originals = _(
                "Kept in the encrypted case file; it can be exported from it."
            )

    def let_go_of_drawing(self) -> None:
        """Drop the fpdf2 document once its file is written (it keeps every font, picture
        and page, and the file, until it goes), so that the pass that places the evidence
        doesn't hold it all twice."""
        pdf = self.pdf
        # fpdf2's objects refer to each other, so the document itself waits for the
        # collector; what it holds that is large is let go of at once.
        pdf.buffer = bytearray()
        pdf.pages.clear()
        pdf.image_cache.images.clear()
        pdf.fonts.clear()
        del self.pdf

    def media_type(self, exhibit: Exhibit) -> str:
        return self.media_types.get(exhibit.id, exhibit.media_type)

    @property
    def width(self) -> float:
        return float(self.pdf.w - 2 * MARGIN)

    @property
    def bottom(self) -> float:
        """The lowest point content may reach above the footer."""
        return float(self.pdf.h - FOOTER_SPACE - 4)

    @property
    def setting(self) -> Setting:
        return Setting(MARGIN, self.width, self.bottom)

    def heading(self, text: str, size: int = 16) -> None:
        paragraph(self.pdf, self.setting, Bold(text), size, size * 0.5)
        self.pdf.set_y(self.pdf.get_y() + 2)

    def para(self, text: str, size: float = 10, height: float | None = None) -> None:
        paragraph(self.pdf, self.setting, text, size, height or size * 0.48)

    def frame(self, x: float, y: float, width: float, height: float) -> None:
        """The thin line around a page of evidence, so that its own edges show."""
        self.pdf.set_draw_color(FRAME_GREY)
        self.pdf.set_line_width(0.2)
        self.pdf.rect(x - 0.3, y - 0.3, width + 0.6, height + 0.6)


def written_time(exhibit: Exhibit, name: str) -> str:
    """A stored time as people read it, marked when it was guessed from the file (the
    index and each exhibit's details say it the same way)."""
    value = str(getattr(exhibit, name) or "")
    if not value:
        return ""
    estimated = " " + _(ESTIMATED) if name in exhibit.guesses else ""
    if exhibit.guesses.get(name) == "file time":  # which clock it is on
        estimated = (
            ", " + _("the file's last-changed time on the clock of the computer that added it")
        ) + estimated
    return in_language(value) + _offset(exhibit, name) + estimated


def in_language(stored: str) -> str:
    """A stored date as `as_written` says it, its day written the language's short way
    in Spanish and French ("5 mar 2024 20:15:00", "5 mars 2024 20:15:00"); English keeps
    2024-03-05. Hashes, file names and the custody log keep their ISO times."""
    text = as_written(stored)
    if language() == SOURCE_LANGUAGE:
        return text
    if len(stored.strip("~")) <= len("2024-03"):  # a month or a year: said in words
        try:
            return When.from_stored(stored).text()  # "marzo de 2024", "vers 2023"
        except ValueError:
            return text
    return _DAY.sub(_local_day, text, count=1)


_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _local_day(match: re.Match[str]) -> str:
    from babel.dates import format_date

    try:
        day = date(*map(int, match.groups()))
    except ValueError:
        return match.group(0)
    return format_date(day, "medium", locale=language())


def _offset(exhibit: Exhibit, name: str) -> str:
    """` +03:00` after a posting time still as the file stated it with its offset from UTC
    (`facts["posted_stated"]`: an email's Date, on the sender's clock), or after a capture
    time guessed from the file's own time (`facts["captured_stated"]`: on the clock of
    the computer that added it); else ''."""
    key = {"posted_at": "posted_stated", "captured_at": "captured_stated"}.get(name)
    stated = str(exhibit.facts.get(key) or "") if key else ""
    value = str(getattr(exhibit, name) or "")
    offset = stated[len(value) :]
    return f" {offset}" if stated.startswith(value) and _OFFSET.fullmatch(offset) else ""


_OFFSET = re.compile(r"[+-]\d{2}:\d{2}")
