"""The custody log's actions as a person reads them. The log keeps each action's stable
English key ("intake", "binder", "event added"): it is part of the hash chain, so it is
never changed or translated where it is kept; it is said in the language spoken only
where it is shown (`said`). An action this Reclaim does not know (a newer one's) is
shown as kept."""

from __future__ import annotations

from tui.core.shared.i18n import pgettext


def _known() -> dict[str, str]:
    """Every action Reclaim writes, said in the language spoken here and now (English
    says the key itself, as the log and the binders have always shown it)."""
    return {
        "intake": pgettext("custody log", "intake"),
        "details": pgettext("custody log", "details"),
        "provenance": pgettext("custody log", "provenance"),
        "exclude": pgettext("custody log", "exclude"),
        "include": pgettext("custody log", "include"),
        "export": pgettext("custody log", "export"),
        "stitch": pgettext("custody log", "stitch"),
        "recover": pgettext("custody log", "recover"),
        "rebuild": pgettext("custody log", "rebuild"),
        "delete": pgettext("custody log", "delete"),
        "verify": pgettext("custody log", "verify"),
        "backup": pgettext("custody log", "backup"),
        "restore": pgettext("custody log", "restore"),
        "binder": pgettext("custody log", "binder"),
        "package": pgettext("custody log", "package"),
        "new key": pgettext("custody log", "new key"),
        "case settings": pgettext("custody log", "case settings"),
        "profile": pgettext("custody log", "profile"),
        "event added": pgettext("custody log", "event added"),
        "event changed": pgettext("custody log", "event changed"),
        "event removed": pgettext("custody log", "event removed"),
        "timeline export": pgettext("custody log", "timeline export"),
        "takedown drafted": pgettext("custody log", "takedown drafted"),
        "takedown updated": pgettext("custody log", "takedown updated"),
        "letter facts": pgettext("custody log", "letter facts"),
        "letter export": pgettext("custody log", "letter export"),
        "declaration facts": pgettext("custody log", "declaration facts"),
        "declaration export": pgettext("custody log", "declaration export"),
        "time-stamp requested": pgettext("custody log", "time-stamp requested"),
        "time-stamp added": pgettext("custody log", "time-stamp added"),
    }


def known_actions() -> frozenset[str]:
    """Every action key Reclaim writes to the log."""
    return frozenset(_known())


def said(action: str) -> str:
    """A kept action in the language spoken; one not known, as it is kept."""
    return _known().get(action, action)
