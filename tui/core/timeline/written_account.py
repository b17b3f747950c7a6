"""The written account as continuous text, and its export as Markdown, plain text or
DOCX (for lawyers who edit it). Exhibits are referred to as "(see Exhibit E-0003)".

An export is the person's own decision to take the account out of the vault: it is
written where they say, readable only by them (0600), and logged."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.kiosk import doors
from tui.core.shared.atomic import atomic_write, check_new_file
from tui.core.shared.clock import utc_now
from tui.core.shared.errors import InputError
from tui.core.shared.i18n import N_, _
from tui.core.shared.local_formats import long_date
from tui.core.shared.xml_text import xml_safe
from tui.core.timeline.events import Entry, Person, entries, list_people, witness_text
from tui.core.vault import custody
from tui.core.vault.vault import Vault

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph as DocxParagraph

TITLE = N_("What happened: my written account")
FORMATS = ("md", "txt", "docx")


@dataclass(frozen=True)
class Part:
    """One event, as the reading view and every export show it."""

    heading: str
    lines: list[tuple[str, str]]
    """(label, text) pairs; an empty label is plain text."""


def parts(vault: Vault) -> list[Part]:
    return [_part(entry) for entry in entries(vault)]


def _part(entry: Entry) -> Part:
    event = entry.event
    lines: list[tuple[str, str]] = []
    if event.place:
        lines.append((_("Where"), event.place))
    if event.details:
        lines.append((_("What happened"), event.details))
    if event.response:
        lines.append((_("What I did"), event.response))
    if entry.witnesses:
        lines.append((_("Who can confirm it"), "; ".join(map(witness_text, entry.witnesses))))
    if event.evidence:
        exhibits = ", ".join(_("Exhibit {number}").format(number=e) for e in event.evidence)
        lines.append(("", _("(see {exhibits})").format(exhibits=exhibits)))
    # French puts a (non-breaking) space before the colon: the language's own pattern
    heading = _("{when}: {title}").format(when=entry.when, title=event.title)
    return Part(heading=heading, lines=lines)


def intro() -> str:
    return _(
        "Prepared with Reclaim on {day}. Events are in time "
        'order; dates are given as precisely as they are known ("about" marks an '
        "estimate). Exhibit numbers refer to the saved evidence."
    ).format(day=long_date(utc_now().date()))


def _people_lines(people: list[Person]) -> list[str]:
    lines = []
    for person in people:
        line = witness_text(person)
        if person.contact:
            line += f": {person.contact}"
        lines.append(line)
    return lines


def as_text(vault: Vault) -> str:
    title = _(TITLE)
    out = [title, "=" * len(title), "", intro(), ""]
    for part in parts(vault):
        out += [part.heading, "-" * len(part.heading)]
        out += [f"{label}: {text}" if label else text for label, text in part.lines]
        out.append("")
    if people := list_people(vault):
        out += [_("People who can confirm what happened"), ""]
        out += [f"- {line}" for line in _people_lines(people)]
        out.append("")
    return "\n".join(out)


#: Characters that mean something anywhere in a line of CommonMark (emphasis, code,
#: links, headings, HTML, GFM tables and strikethrough), escaped wherever they appear.
_INLINE = "\\`*_[]#<>|~"
#: An entity or character reference (`&amp;`, `&#38;`, `&#x26;`): the `&` is escaped so
#: that the text reads as typed, not as the character it names.
_ENTITY = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]*;)")
#: What opens a block at the start of a line and is not escaped above: a list item
#: ("- ", "+ ", "1. ", "2) "), a setext underline ("---", "==="), a thematic break.
_BLOCK_START = re.compile(r"^([-+=]|[0-9]{1,9}(?=[.)]))")


def _md(text: str) -> str:
    """Escape one line of the person's text so that Markdown reads it back as itself.

    Characters with an inline meaning are escaped everywhere. What only means something
    at the start of a line is escaped there: "1. numbered?" would open a list that
    swallows the rest of the event, and "---" under a line would make it a heading.
    Leading spaces are dropped (four would start a code block; Markdown doesn't show
    them in a paragraph anyway), and trailing ones too (two would be a line break)."""
    text = text.strip()
    for char in _INLINE:
        text = text.replace(char, "\\" + char)
    text = _ENTITY.sub(r"\\&", text)
    if match := _BLOCK_START.match(text):
        end = match.end()  # 1\. numbered? but \- item and \---
        text = text[:end] + "\\" + text[end:] if text[0].isdigit() else "\\" + text
    return text


def _md_lines(text: str) -> str:
    """The person's text, every line escaped, joined by hard line breaks (a backslash at
    the end of a line) so that its lines stay in the paragraph they belong to. A blank
    line between two of theirs stays a paragraph break."""
    paragraphs = re.split(r"\n[ \t]*\n", text.strip())
    return "\n\n".join(
        "\\\n".join(_md(line) for line in paragraph.splitlines() if line.strip())
        for paragraph in paragraphs
    )


def as_markdown(vault: Vault) -> str:
    """The account in CommonMark: whatever the person typed reads back as their text,
    in its place (see `_md`), and the export keeps its shape: one heading per event,
    the labelled details under it, the exhibit references last."""
    out = [f"# {_(TITLE)}", "", _md(intro()), ""]
    for part in parts(vault):
        out += [f"## {_md(' '.join(part.heading.split()))}", ""]
        out.append(
            "\\\n".join(
                f"**{label}:** {_md_lines(text)}" if label else _md_lines(text)
                for label, text in part.lines
            )
        )
        out.append("")
    if people := list_people(vault):
        out += ["## " + _("People who can confirm what happened"), ""]
        out += [f"- {_md(' '.join(line.split()))}" for line in _people_lines(people)]
        out.append("")
    return "\n".join(out)


#: How far a detail's second and later lines sit in from its first (a hanging indent).
HANGING_CM = 0.75


def add_lines(paragraph: DocxParagraph, text: str) -> None:
    """The person's lines as line breaks within one paragraph, not one paragraph each:
    the lines of one detail (or one bullet) stay together and keep its indent."""
    for number, line in enumerate(text.strip("\n").split("\n")):
        run = paragraph.add_run()
        if number:
            run.add_break()
        run.add_text(line.rstrip())


def hang(paragraph: DocxParagraph, cm: float = HANGING_CM) -> None:
    """Indent every line of `paragraph` but its first by `cm`, so that a multi-line
    detail's lines read as one block under its label rather than back at the margin."""
    from docx.shared import Cm

    paragraph.paragraph_format.left_indent = Cm(cm)
    paragraph.paragraph_format.first_line_indent = Cm(-cm)


def as_docx(vault: Vault) -> bytes:
    import io

    from docx import Document

    document = Document()
    document.core_properties.title = _(TITLE)
    document.core_properties.author = ""
    document.add_heading(_(TITLE), level=1)
    document.add_paragraph(xml_safe(intro()))
    for part in parts(vault):
        document.add_heading(xml_safe(part.heading), level=2)
        for label, typed in part.lines:
            # Word's line break (a vertical tab) and the like: what XML can't hold.
            text = xml_safe(typed)
            paragraph = document.add_paragraph()
            if label:
                paragraph.add_run(f"{xml_safe(label)}: ").bold = True
            add_lines(paragraph, text)
            if "\n" in text.strip():
                hang(paragraph)
    if people := list_people(vault):
        document.add_heading(_("People who can confirm what happened"), level=2)
        for line in _people_lines(people):
            document.add_paragraph(xml_safe(line), style="List Bullet")  # i18n: not shown
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def export(vault: Vault, destination: Path) -> Path:
    """Write the account to `destination`; its suffix (.md, .txt, .docx) picks the format."""
    suffix = destination.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise InputError(
            _(
                "{name}: the account can be saved as .md, .txt or .docx; "
                "end the file name with one of those."
            ).format(name=destination.name)
        )
    destination = doors.writable(destination)  # a kiosk: its export folder or a drive
    check_new_file(destination)
    if suffix == "docx":
        data = as_docx(vault)
    else:
        data = (as_markdown(vault) if suffix == "md" else as_text(vault)).encode()
    atomic_write(destination, data)
    doors.confirm_written(destination)
    with vault.transaction():
        custody.append(
            vault.table(custody.TABLE),
            "timeline export",  # i18n: not shown
            destination=str(destination),
            sha256=hashlib.sha256(data).hexdigest(),
        )
    return destination
