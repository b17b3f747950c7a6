"""The names Reclaim offers for what it saves (a binder, a declaration, a letter, the
lawyer's package, a backup folder), in the person's language and safe on every file
system: `reclaim-carpeta-de-pruebas-2026-12-07.pdf`, `reclaim-pour-avocat-…`,
`reclaim-copia-…` (ASCII letters, digits and hyphens only; a translation's accents are
taken off: "declaración" is offered as `declaracion`).

A name Reclaim looks for again (its own backup folders) is found under the name of every
language it speaks, so a backup made while Reclaim spoke English is still found, and
kept up to date, once it speaks Spanish. Discreet mode's `notes-…` names are not here:
they say nothing, in any language."""

from __future__ import annotations

import re
import unicodedata

from tui.core.shared.i18n import LANGUAGES, pgettext, speaking

#: What the app's own name stays in every language: it starts every name offered.
APP = "reclaim"


def _stems() -> dict[str, str]:
    """Each thing saved, as its name says it in the language spoken here and now."""
    return {
        "binder": pgettext("file name", "binder"),
        "declaration": pgettext("file name", "declaration"),
        "for-lawyer": pgettext("file name", "for-lawyer"),
        "takedown": pgettext("file name", "takedown"),
        "copyright": pgettext("file name", "copyright"),
        "cease-desist": pgettext("file name", "cease-desist"),
        "backup": pgettext("file name", "backup"),
    }


def safe(text: str) -> str:
    """`text` as a file name every file system takes: accents taken off, lower case, any
    other character a hyphen, no hyphen doubled or at either end ("Déclaration sur
    l'honneur" is `declaration-sur-l-honneur`)."""
    bare = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", bare.lower()).strip("-")


def offered_stem(stem: str) -> str:
    """`stem` ("binder", or "takedown-R-001": a thing and what it is about) in the
    language spoken, safe as a file name; a stem Reclaim does not know, made safe."""
    stems = _stems()
    for known in sorted(stems, key=len, reverse=True):
        if stem == known or stem.startswith(known + "-"):
            said = safe(stems[known]) or known
            rest = stem[len(known) :]
            return said + (re.sub(r"[^A-Za-z0-9-]+", "-", rest) if rest else "")
    return safe(stem) or "file"


def backup_prefix() -> str:
    """How a backup folder's name starts in the language spoken: `reclaim-backup-`,
    `reclaim-copia-`, `reclaim-copie-`."""
    return f"{APP}-{offered_stem('backup')}-"


def backup_prefixes() -> tuple[str, ...]:
    """How a backup folder's name starts in every language Reclaim speaks, English
    first: what a search for Reclaim's own backup folders looks for."""
    found: list[str] = []
    for code in LANGUAGES:
        with speaking(code):
            prefix = backup_prefix()
        if prefix not in found:
            found.append(prefix)
    return tuple(found)
