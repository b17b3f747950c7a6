"""The words standing for what a person types (`--vault DIR`, `FILE`, `COMMAND`), said in
the language spoken: `--vault CARPETA`, `ARCHIVO`, `ORDEN`. argparse writes them into
the usage, each option's help line and its errors ("faltan estos argumentos: ARCHIVO"),
so they are put into the parser already said (`ReclaimParser.add_argument`). English
keeps them as written; a word not known (`PEM`, `F`) is left as it is."""

from __future__ import annotations

import re

from tui.core.shared.i18n import pgettext

#: A placeholder word: capitals, maybe joined by "_" (`DEST_DIR`).
_WORD = re.compile(r"[A-Z][A-Z_]*[A-Z]|[A-Z]")


def _known() -> dict[str, str]:
    """Each placeholder word, in the language spoken here and now."""
    return {
        "ADDRESS": pgettext("metavar", "ADDRESS"),
        "AGE": pgettext("metavar", "AGE"),
        "APP": pgettext("metavar", "APP"),
        "CLOCK": pgettext("metavar", "CLOCK"),
        "CODE": pgettext("metavar", "CODE"),
        "COMMAND": pgettext("metavar", "COMMAND"),
        "CONTACT": pgettext("metavar", "CONTACT"),
        "DATE": pgettext("metavar", "DATE"),
        "DEST": pgettext("metavar", "DEST"),
        "DEST_DIR": pgettext("metavar", "DEST_DIR"),
        "DEVICE": pgettext("metavar", "DEVICE"),
        "DIR": pgettext("metavar", "DIR"),
        "FIELD": pgettext("metavar", "FIELD"),
        "FILE": pgettext("metavar", "FILE"),
        "FOLDER": pgettext("metavar", "FOLDER"),
        "HOW": pgettext("metavar", "HOW"),
        "KIND": pgettext("metavar", "KIND"),
        "NAME": pgettext("metavar", "NAME"),
        "NOTES": pgettext("metavar", "NOTES"),
        "OUT": pgettext("metavar", "OUT"),
        "PATH": pgettext("metavar", "PATH"),
        "PLACE": pgettext("metavar", "PLACE"),
        "PLATFORM": pgettext("metavar", "PLATFORM"),
        "PREFIX": pgettext("metavar", "PREFIX"),
        "REPLY": pgettext("metavar", "REPLY"),
        "ROLE": pgettext("metavar", "ROLE"),
        "SEPARATOR": pgettext("metavar", "SEPARATOR"),
        "SIGNATURE": pgettext("metavar", "SIGNATURE"),
        "SITE": pgettext("metavar", "SITE"),
        "STEP": pgettext("metavar", "STEP"),
        "SYSTEM": pgettext("metavar", "SYSTEM"),
        "TEXT": pgettext("metavar", "TEXT"),
        "TO": pgettext("metavar", "TO"),
        "VALUE": pgettext("metavar", "VALUE"),
        "WHEN": pgettext("metavar", "WHEN"),
        "WORD": pgettext("metavar", "WORD"),
        "WORDS": pgettext("metavar", "WORDS"),
        "WORK": pgettext("metavar", "WORK"),
        "YYYY": pgettext("metavar", "YYYY"),
        "MM": pgettext("metavar", "MM"),
        "DD": pgettext("metavar", "DD"),
    }


def known_words() -> frozenset[str]:
    return frozenset(_known())


def said(metavar: str) -> str:
    """`metavar` with each placeholder word in it said in the language spoken
    ("DEST.pdf" → "DESTINO.pdf", "YYYY-MM-DD" → "AAAA-MM-DD")."""
    known = _known()
    return _WORD.sub(lambda found: known.get(found.group(0), found.group(0)), metavar)
