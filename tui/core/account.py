"""The written account as continuous text, and its export as Markdown, plain text or
DOCX (for lawyers who edit it). Exhibits are referred to as "(see Exhibit E-0003)".

An export is the person's own decision to take the account out of the vault: it is
written where they say, readable only by them (0600), and logged."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from tui.core import custody
from tui.core.atomic import atomic_write, check_new_file
from tui.core.clock import utc_now
from tui.core.errors import InputError
from tui.core.timeline import Entry, Person, entries, list_people, witness_text
from tui.core.vault import Vault

TITLE = "What happened: my written account"
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
        lines.append(("Where", event.place))
    if event.details:
        lines.append(("What happened", event.details))
    if event.response:
        lines.append(("What I did", event.response))
    if entry.witnesses:
        lines.append(("Who can confirm it", "; ".join(map(witness_text, entry.witnesses))))
    if event.evidence:
        lines.append(("", "(see " + ", ".join(f"Exhibit {e}" for e in event.evidence) + ")"))
    return Part(heading=f"{entry.when}: {event.title}", lines=lines)


def intro() -> str:
    return (
        f"Prepared with Reclaim on {utc_now().date().isoformat()}. Events are in time "
        'order; dates are given as precisely as they are known ("about" marks an '
        "estimate). Exhibit numbers refer to the saved evidence."
    )


def _people_lines(people: list[Person]) -> list[str]:
    lines = []
    for person in people:
        line = witness_text(person)
        if person.contact:
            line += f": {person.contact}"
        lines.append(line)
    return lines


def as_text(vault: Vault) -> str:
    out = [TITLE, "=" * len(TITLE), "", intro(), ""]
    for part in parts(vault):
        out += [part.heading, "-" * len(part.heading)]
        out += [f"{label}: {text}" if label else text for label, text in part.lines]
        out.append("")
    if people := list_people(vault):
        out += ["People who can confirm what happened", ""]
        out += [f"- {line}" for line in _people_lines(people)]
        out.append("")
    return "\n".join(out)


def _md(text: str) -> str:
    """Escape what Markdown would otherwise read as formatting."""
    for char in "\\`*_[]#<>|":
        text = text.replace(char, "\\" + char)
    return text


def as_markdown(vault: Vault) -> str:
    out = [f"# {TITLE}", "", _md(intro()), ""]
    for part in parts(vault):
        out += [f"## {_md(part.heading)}", ""]
        out += [
            f"**{label}:** {_md(text)}  " if label else _md(text) for label, text in part.lines
        ]
        out.append("")
    if people := list_people(vault):
        out += ["## People who can confirm what happened", ""]
        out += [f"- {_md(line)}" for line in _people_lines(people)]
        out.append("")
    return "\n".join(out)


def as_docx(vault: Vault) -> bytes:
    import io

    from docx import Document

    document = Document()
    document.core_properties.title = TITLE
    document.core_properties.author = ""
    document.add_heading(TITLE, level=1)
    document.add_paragraph(intro())
    for part in parts(vault):
        document.add_heading(part.heading, level=2)
        for label, text in part.lines:
            paragraph = document.add_paragraph()
            if label:
                paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(text)
    if people := list_people(vault):
        document.add_heading("People who can confirm what happened", level=2)
        for line in _people_lines(people):
            document.add_paragraph(line, style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def export(vault: Vault, destination: Path) -> Path:
    """Write the account to `destination`; its suffix (.md, .txt, .docx) picks the format."""
    suffix = destination.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise InputError(
            f"{destination.name}: the account can be saved as .md, .txt or .docx; "
            "end the file name with one of those."
        )
    check_new_file(destination)
    if suffix == "docx":
        data = as_docx(vault)
    else:
        data = (as_markdown(vault) if suffix == "md" else as_text(vault)).encode()
    atomic_write(destination, data)
    with vault.transaction():
        custody.append(
            vault.table(custody.TABLE),
            "timeline export",
            destination=str(destination),
            sha256=hashlib.sha256(data).hexdigest(),
        )
    return destination
