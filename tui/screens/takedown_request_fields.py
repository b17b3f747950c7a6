"""A takedown request's form fields as a person reads them: their names in a question
about a conflict, and stored values (times in UTC, a PIN) in their visible form."""

from __future__ import annotations

from datetime import datetime

from tui.core.shared.i18n import N_, _
from tui.core.shared.local_formats import dates_in

#: The form's fields as a conflict names them.
LABELS = {
    "urls": N_("Where the content is"),
    "evidence": N_("Evidence that shows it"),
    "status": N_("Status"),
    "reference": N_("The site's reference"),
    "pin": N_("PIN"),
    "follow_up": N_("Follow up on"),
    "notes": N_("Notes"),
    "notice_at": N_("The regulator's notice"),
    "helpline": N_("Asked the helpline"),
    "sent_at": N_("When it was sent"),
}


def visible_value(name: str, value: object) -> str:
    """A stored value as the person reads it, for the question about a conflict."""
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if name in ("notice_at", "sent_at"):
        return dates_in(local_time(str(value or "")))  # "1 déc. 2026 14:30" in French
    if name == "pin" and value:
        return _("(a PIN)")  # never on screen unasked
    return str(value or "")


def local_time(stamp: str) -> str:
    """A stored UTC stamp as the local time people type it back in (ISO, as the form's
    example shows it, in every language)."""
    if not stamp:
        return ""
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
