"""The lawyer package: one folder to hand to a lawyer, holding the binder prepared for a
lawyer, the originals, the written account as DOCX (lawyers edit it), and notes: the
person's own notes for the lawyer and where every takedown request stands. It is a
BagIt bag like the binder's USB package, so its contents can be checked."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

from tui.core.binder.choices import BinderChoices, BinderResult, Progress
from tui.core.binder.documents_language import documents_language
from tui.core.binder.packages import write_package
from tui.core.places.case_place import lawyer_line
from tui.core.shared.i18n import N_, _, speaking
from tui.core.takedowns.deadlines import due_at, due_by_law, is_overdue
from tui.core.takedowns.letters import get_facts
from tui.core.takedowns.requests import list_requests
from tui.core.takedowns.sites import shipped
from tui.core.timeline.written_account import as_docx
from tui.core.vault.vault import Vault

UNDER_18_WORDS = {
    "yes": N_("The person shown was under 18 when the images were taken."),
    "unsure": N_(
        "It is not known whether the person shown was under 18 when the images were taken."
    ),
    "no": N_("The person shown was 18 or over when the images were taken."),
}


def _underlined(title: str, line: str) -> list[str]:
    return [title, line * len(title)]


def notes_text(vault: Vault) -> str:
    """The notes for the lawyer, as plain text, in the case's documents' language."""
    with speaking(documents_language(vault)):
        return _notes_text(vault)


def _notes_text(vault: Vault) -> str:
    facts = get_facts(vault)
    out = [*_underlined(_("Notes for the lawyer"), "="), "", lawyer_line(vault), ""]
    if facts.under_18:
        out += [_(UNDER_18_WORDS[facts.under_18]), ""]
    out += [*_underlined(_("My notes"), "-"), facts.lawyer_notes or _("(none written)"), ""]
    out += _underlined(_("Takedown requests"), "-")
    requests = list_requests(vault)
    if not requests:
        out.append(_("None recorded yet."))
    directions = shipped()
    for request in requests:
        route = directions.route(request.site)
        out.append(f"{request.id}  {route.name}: {_(request.status)}")  # said, kept in English
        if request.sent_at:
            sent = request.sent_at.replace("T", " ").rstrip("Z")
            out.append("    " + _("sent {moment} UTC").format(moment=sent))
        if (due := due_at(request)) is not None:
            late = " " + _("(overdue)") if is_overdue(request) else ""
            moment = f"{due:%Y-%m-%d %H:%M}"
            if due_by_law(request):
                said = _("removal due by {moment} UTC{late}")
            else:  # a regulator's guidance on when to go to it, not a legal deadline
                said = _(
                    "to the regulator if not removed by {moment} UTC{late} "
                    "(its guidance, not a legal deadline)"
                )
            out.append("    " + said.format(moment=moment, late=late))
        if request.reference:
            out.append("    " + _("reference {reference}").format(reference=request.reference))
        out += [f"    {url}" for url in request.urls]
        if request.evidence:
            evidence = ", ".join(request.evidence)
            out.append("    " + _("evidence: {exhibits}").format(exhibits=evidence))
        if request.notes:
            out.append("    " + _("notes: {notes}").format(notes=request.notes))
    out.append("")
    return "\n".join(out)


def write_lawyer_package(
    vault: Vault,
    folder: Path,
    prepared_by: str = "",
    progress: Progress | None = None,
    export_date: date | None = None,
    organization: str = "",
) -> BinderResult:
    """The lawyer package in a new `folder`. `export_date` (default today) is printed in
    the binder and is the bag's Bagging-Date, so the same case and date give the same
    package; `organization` is the clinic's name, from the settings."""
    choices = BinderChoices(prepared_for="lawyer", prepared_by=prepared_by)
    if export_date is not None:
        choices = replace(choices, export_date=export_date)
    with speaking(documents_language(vault)):
        extra = {
            "timeline.docx": (
                fixed_zip_times(as_docx(vault), choices.export_date),
                _("the written account, to edit (Word)"),
            ),
            "notes.txt": (
                _notes_text(vault).encode(),
                _("notes for the lawyer; takedown requests"),
            ),
        }
    return write_package(vault, folder, choices, progress, extra, organization)


def fixed_zip_times(data: bytes, day: date) -> bytes:
    """A zip (a DOCX) whose members are dated `day` rather than the moment it was saved,
    so that the same account gives the same file."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(
                info.filename, date_time=(day.year, day.month, day.day, 0, 0, 0)
            )
            fixed.compress_type = info.compress_type
            fixed.external_attr = info.external_attr
            target.writestr(fixed, source.read(info))
    return out.getvalue()
