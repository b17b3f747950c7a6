"""The language Reclaim speaks, and the words in it.

Source strings are English and are looked up, when they are shown, in the gettext
catalogues under `tui/locale/<language>/LC_MESSAGES/<domain>.mo` (made from the `.po`
files beside them by `python -m tests.i18n.catalogues compile`). Every domain of a
language is searched in turn, so that each part of the program (the app, the command
line, the documents, the guides) keeps its own catalogue and can be translated on its
own.

Two languages are in play at once. The person's language (`set_language`) is what the
app and the command line speak to them; the language of a document (a binder, a letter,
a declaration) is chosen by who will read it, and `speaking(code)` sets it for the code
that writes one, in that thread only, without changing what the screen says.

Rules for code that shows words:
- `_("...")` at the point of use, never at import time: the language can change while
  the app runs (a kiosk's next client may speak another).
- A module-level constant is marked `N_("...")` and shown as `_(CONSTANT)`.
- Values go in with `str.format` names: `_("{name} was added.").format(name=name)`, so
  a translation can move them; never an f-string inside `_()`.
- Counts agree through `ngettext` (French says "0 fichier", English "0 files").
"""

from __future__ import annotations

import gettext as _gettext
import os
import struct
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

#: The languages Reclaim speaks, by their ISO 639-1 code, each named in itself.
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español", "fr": "Français"}
SOURCE_LANGUAGE = "en"
#: The catalogues of each language, searched in this order.
DOMAINS = ("app", "screens", "cli", "plain", "core", "evidence", "documents", "guides", "privacy")
LOCALE_DIR = Path(__file__).resolve().parent.parent.parent / "locale"

_person_language = SOURCE_LANGUAGE
_document_language: ContextVar[str | None] = ContextVar("document_language", default=None)


@cache
def translations(code: str) -> _gettext.NullTranslations:
    """Every catalogue of `code`, chained; English (or a catalogue not yet made) gives
    the source strings back unchanged."""
    chain: _gettext.NullTranslations = _gettext.NullTranslations()
    if code == SOURCE_LANGUAGE:
        return chain
    found: list[_gettext.NullTranslations] = []
    for domain in DOMAINS:
        path = LOCALE_DIR / code / "LC_MESSAGES" / f"{domain}.mo"
        try:
            with path.open("rb") as handle:
                found.append(_gettext.GNUTranslations(handle))
        except FileNotFoundError:
            continue
        except (OSError, ValueError, LookupError, UnicodeError, struct.error):
            # A damaged catalogue (a bad copy, a full disk) must never keep Safety from
            # showing: its words are said in English, the other catalogues still speak.
            continue
    if not found:
        return chain
    first = found[0]
    for other in found[1:]:
        first.add_fallback(other)
    return first


def language() -> str:
    """The language being spoken here and now: a document's while one is being written
    in this thread, else the person's."""
    return _document_language.get() or _person_language


def person_language() -> str:
    """The language the app and the command line speak to the person."""
    return _person_language


def set_language(code: str) -> None:
    """Speak `code` to the person from now on (an unknown code keeps English)."""
    global _person_language
    _person_language = code if code in LANGUAGES else SOURCE_LANGUAGE


@contextmanager
def speaking(code: str) -> Iterator[None]:
    """Write in `code` within this block, in this thread (or task) only: for a document
    whose reader speaks another language than the person at the keyboard."""
    token = _document_language.set(code if code in LANGUAGES else SOURCE_LANGUAGE)
    try:
        yield
    finally:
        _document_language.reset(token)


def _(message: str) -> str:
    """`message` in the language spoken here and now."""
    return translations(language()).gettext(message)


def N_(message: str) -> str:
    """Mark `message` for the catalogues without translating it yet (a constant)."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a sentence that agrees with `count`, in the language spoken."""
    return translations(language()).ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """`message` told apart from the same English words used elsewhere by `context`
    (e.g. "Case" as a legal case and as a letter case)."""
    return translations(language()).pgettext(context, message)


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The first language Reclaim speaks among those the environment asks for, in the
    order gettext reads them (LANGUAGE, a colon-separated list, then LC_ALL,
    LC_MESSAGES and LANG); English when none is asked for or none is spoken."""
    env = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "")
        if not value:
            continue
        for wanted in value.split(":"):
            code = language_tag(wanted)
            if code in LANGUAGES:
                return code
        if variable != "LANGUAGE":
            # LC_ALL and the rest name one locale each; the first one set decides.
            return SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def chosen_language(asked: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The person's language: what they asked for (`--language`, a case or kiosk setting)
    when Reclaim speaks it, else the environment's."""
    if asked and language_tag(asked) in LANGUAGES:
        return language_tag(asked)
    return language_from_environment(environ)


def language_tag(value: str) -> str:
    """The two letters of a language as people and systems write it: "es", "ES",
    "es_MX", "es-MX.UTF-8" (a BCP 47 tag, as some desktops and SSH clients send),
    "fr_CA@euro"."""
    return value.strip().lower().split(".")[0].split("@")[0].replace("-", "_").split("_")[0]
