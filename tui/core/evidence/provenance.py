"""Where each exhibit came from: who captured it (name and role), on what device and
system, how (a screenshot, a photo of a screen, the platform's download, ...), with which
app, and whose clock its capture time comes from. Asked at intake and editable after.

A device and system read from the file itself (EXIF Make, Model and Software) are kept as
guesses, marked as read from the file, until the person confirms or changes them. An
exhibit with no provenance (added by an earlier version) has simply not been told yet.

Who took the file into Reclaim, on which computer and with which version go into the
intake's custody entry. The computer's name can name the person ("Sams-MacBook"): it is
kept in the encrypted custody log only, and the binder's copy of the log leaves it out."""

from __future__ import annotations

import socket
from collections.abc import Iterable, Mapping
from typing import Any

from tui.core.evidence.model import TABLE, Exhibit, doc_ids, get_exhibit
from tui.core.shared.errors import InputError
from tui.core.shared.i18n import N_, _
from tui.core.vault import custody, edits
from tui.core.vault.vault import Vault

#: The provenance an exhibit keeps, in the order it is printed.
FIELDS = ("captured_by", "role", "how", "from_whom", "app", "device", "system", "clock")
#: Each field as a person reads it.
LABELS = {
    "captured_by": N_("Captured by"),
    "role": N_("Their role"),
    "how": N_("How"),
    "from_whom": N_("Received from"),
    "app": N_("With the app"),
    "device": N_("On the device"),
    "system": N_("System"),
    "clock": N_("Capture time from"),
}
#: Who captured it.
ROLES = {
    "self": N_("the person this happened to"),
    "helper": N_("a helper"),
    "clinic": N_("clinic staff"),
}
#: How it was captured.
HOWS = {
    "screenshot": N_("a screenshot"),
    "screen-recording": N_("a screen recording"),
    "photo-of-screen": N_("a photo of a screen"),
    "data-download": N_("the platform's own data download"),
    "saved-page": N_("a saved web page"),
    "received": N_("received from someone else"),
}
#: Whose clock the capture time comes from (anything else the person types is kept).
CLOCKS = {
    "device": N_("the clock of the device that captured it"),
    "platform": N_("the time the platform showed"),
    "file": N_("the file's own time"),
    "reclaim": N_("this computer's clock when it was added"),
    "recalled": N_("the person's recollection"),
}
#: Fields whose value is one of a few words, and those words.
CHOICES: dict[str, Mapping[str, str]] = {"role": ROLES, "how": HOWS}
#: Longest a typed value may be (a name, an app, a device).
LONGEST = 300


def clean_provenance(raw: Mapping[str, str | None]) -> dict[str, str]:
    """Trim what was given; refuse an unknown field, a role or way not in the list, or a
    value too long. A value given as "" clears that field."""
    cleaned: dict[str, str] = {}
    for name, value in raw.items():
        if name not in FIELDS:
            raise InputError(
                _("{name} is not something Reclaim keeps about where evidence came from.").format(
                    name=name
                )
            )
        if value is None:
            continue
        text = " ".join(value.split())
        if len(text) > LONGEST:
            raise InputError(
                _("{label} is too long; keep it under {count} characters.").format(
                    label=_(LABELS[name]), count=LONGEST
                )
            )
        choices = CHOICES.get(name)
        if choices is not None and text:
            text = text.lower().replace(" ", "-").replace("_", "-")
            if text not in choices:
                raise InputError(
                    _('"{typed}" is not one of the choices for {label}: {choices}.').format(
                        typed=value.strip(),
                        label=_(LABELS[name]).lower(),
                        choices=", ".join(choices),
                    )
                )
        if name == "clock" and text.lower() in CLOCKS:
            text = text.lower()
        cleaned[name] = text
    return cleaned


def missing_question(provenance: Mapping[str, str]) -> str:
    """The one thing still to ask of what was given ('' when nothing is)."""
    if provenance.get("how") == "received" and not provenance.get("from_whom"):
        return _("Who sent it to you? Give their name (or how you know them) with --from.")
    return ""


def with_file_guesses(
    given: Mapping[str, str], found: Mapping[str, tuple[str, str]]
) -> tuple[dict[str, str], dict[str, str]]:
    """What the person gave, plus the device and system the file names for those left
    unsaid: (provenance, field -> where the guess came from)."""
    provenance = dict(given)
    guesses: dict[str, str] = {}
    for name in ("device", "system"):
        if name in found and not provenance.get(name):
            value, source = found[name]
            cleaned = " ".join(value.split())[:LONGEST]
            if cleaned:
                provenance[name] = cleaned
                guesses[name] = source
    return provenance, guesses


def said(name: str, value: str) -> str:
    """One field's value as a person reads it."""
    if name == "role":
        return _(ROLES[value]) if value in ROLES else value
    if name == "how":
        return _(HOWS[value]) if value in HOWS else value
    if name == "clock":
        return _(CLOCKS[value]) if value in CLOCKS else value
    return value


def lines(exhibit: Exhibit) -> list[tuple[str, str]]:
    """The exhibit's provenance, (label, words) per field given; a guess says so."""
    found: list[tuple[str, str]] = []
    for name in FIELDS:
        value = exhibit.provenance.get(name, "")
        if not value:
            continue
        text = said(name, value)
        if name in exhibit.provenance_guesses:
            text = _("{value} (read from the file, not yet confirmed)").format(value=text)
        found.append((_(LABELS[name]), text))
    return found


def summary(exhibit: Exhibit) -> str:
    """The provenance in one line, for an index ('' when none was given)."""
    given = exhibit.provenance
    if not any(given.get(name) for name in FIELDS):
        return ""
    parts: list[str] = []
    how = given.get("how")
    if how:
        text = said("how", how)
        if how == "received" and given.get("from_whom"):
            text = _("{how} from {whom}").format(how=text, whom=given["from_whom"])
        parts.append(text)
    if given.get("captured_by") or given.get("role"):
        who = given.get("captured_by", "")
        role = said("role", given["role"]) if given.get("role") else ""
        by = f"{who} ({role})" if who and role else who or role
        parts.append(_("by {who}").format(who=by))
    if given.get("app"):
        parts.append(_("with {app}").format(app=given["app"]))
    if given.get("device"):
        parts.append(_("on {device}").format(device=given["device"]))
    if exhibit.provenance_guesses:
        parts.append(_("device read from the file, not yet confirmed"))
    return "; ".join(parts) if parts else "; ".join(v for _, v in lines(exhibit))


def intake_record(taken_in_by: str = "") -> dict[str, Any]:
    """What the intake's custody entry says of who took the file in, where and with what
    (the computer's name stays in the encrypted log; the binder leaves it out)."""
    from tui import __version__

    record: dict[str, Any] = {}
    if taken_in_by.strip():
        record["taken_in_by"] = " ".join(taken_in_by.split())[:LONGEST]
    try:
        computer = socket.gethostname()
    except OSError:  # pragma: no cover - a system with no name
        computer = ""
    if computer:
        record["computer"] = computer[:LONGEST]
    record["reclaim_version"] = __version__
    return record


def update_provenance(
    vault: Vault,
    exhibit_id: str,
    given: Mapping[str, str | None],
    confirm: Iterable[str] = (),
    base: Mapping[str, str] | None = None,
) -> Exhibit:
    """Change an exhibit's provenance (a logged edit: each field's old and new value).

    `base` is the provenance as a form read it (see `tui.core.vault.edits`); the command
    line passes none. A guessed field the person gives or names in `confirm` stops being
    a guess. Raises InputError when something is still to be asked."""
    cleaned = clean_provenance(given)
    with vault.transaction():
        exhibit = get_exhibit(vault, exhibit_id)
        current = {name: exhibit.provenance.get(name, "") for name in FIELDS}
        changed: dict[str, Any] = edits.checked(base, cleaned, current)
        after = {k: v for k, v in {**current, **changed}.items() if v}
        if question := missing_question(after):
            raise InputError(question)
        confirmed = sorted((set(changed) | set(confirm)) & set(exhibit.provenance_guesses))
        if changed or confirmed:
            record: dict[str, Any] = {"provenance": after}
            if confirmed:
                record["provenance_guesses"] = {
                    k: v for k, v in exhibit.provenance_guesses.items() if k not in confirmed
                }
            vault.table(TABLE).update(record, doc_ids=doc_ids(vault, exhibit.id))
            custody.append(
                vault.table(custody.TABLE),
                "provenance",
                exhibit=exhibit.id,
                fields=sorted(changed),
                **({"changes": edits.changes(current, changed)} if changed else {}),
                **({"confirmed": confirmed} if confirmed else {}),
            )
        return get_exhibit(vault, exhibit.id)
