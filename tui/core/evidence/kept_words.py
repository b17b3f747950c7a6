"""Sentences Reclaim kept in the case as it wrote them, said again in the language spoken
now. A problem found in a file ("Pictures inside it: image1.png inside it is damaged or
locked."), what reading a picture ran into, a copy's failed check: each was written
once, with its values in it, in the language spoken then (English for a file's facts).
Shown later, perhaps to someone who reads another language, it is recognised among the
sentences Reclaim writes, in every language it speaks, its values taken out, and
written again in the language spoken now, as "Stitched from …" is (`described`). A
sentence not recognised (the person's own, or a newer Reclaim's) is shown as kept."""

from __future__ import annotations

import re
import string
import struct
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tui.core.shared.i18n import LANGUAGES, LOCALE_DIR, SOURCE_LANGUAGE, _, ngettext

#: The catalogues whose sentences Reclaim keeps in records: the evidence readers', the
#: vault's and the copies' (documents).
_DOMAINS = ("evidence", "core", "documents")
#: Values that name a thing (a file, an exhibit) are never looked up as words.
_NAMES = frozenset({"name", "path", "folder", "file", "id", "exhibit", "item", "items"})
#: Fewer letters than this outside a sentence's values and it says too little to be
#: told apart ("{name}: {why}").
_FEWEST_LETTERS = 8
#: What a kept sentence may be made of: sentences one after the other.
_SENTENCES = re.compile(r"(?<=[.!?])\s+")
#: A number as any language groups it ("14,262", "14.262", "14 262").
_NUMBER = re.compile(r"\d[\d,.\s\u202f\u00a0]*")


@dataclass(frozen=True)
class _Template:
    """One sentence with values, as one language writes it."""

    singular: str
    plural: str
    """'' for a sentence that does not agree with a number."""
    pattern: str
    """A regular expression, compiled when first tried (`_compiled`)."""
    fields: tuple[str, ...]
    """The field each group of `pattern` holds, in order."""
    letters: int
    """How many letters it has outside its values (more: a surer match)."""
    clue: str
    """Its longest piece of fixed text: a quick test before the pattern is tried."""


def said_again(kept: str) -> str:
    """`kept` in the language spoken now when it is a sentence Reclaim writes (in any
    language it speaks), or sentences of them; anything else as kept."""
    if not kept.strip():
        return kept
    whole = _said(kept)
    if whole is not None:
        return whole
    parts = _SENTENCES.split(kept.strip())
    if len(parts) < 2:
        return kept
    said = [_said(part) for part in parts]
    if all(each is None for each in said):
        return kept
    return " ".join(
        each if each is not None else part for each, part in zip(said, parts, strict=True)
    )


def _said(text: str) -> str | None:
    found = _recognised(text.strip())
    return found[0] if found is not None else None


def _recognised(text: str) -> tuple[str, int] | None:
    """`text` said again, and how surely: the letters of fixed words it was recognised
    by, its values' own included. Of two sentences that both fit ("it can't be opened:
    {why}" and "{name} inside it is damaged or locked."), the one that also recognises
    what it holds is meant."""
    exact, templates = _known()
    found = exact.get(text)
    if found is not None:
        return _(found), sum(1 for char in text if char.isalpha())
    best: tuple[str, int] | None = None
    for template in templates:
        if best is not None and template.letters * 2 < best[1]:
            break  # sorted surest first: none after this can do better
        if template.clue not in text:
            continue
        match = _compiled(template.pattern).fullmatch(text)
        if match is None:
            continue
        values: dict[str, str] = {}
        sureness = template.letters
        for field, value in zip(template.fields, match.groups(), strict=True):
            said, sure = _value(field, value)
            values.setdefault(field, said)
            sureness += sure
        rendered = _render(template, values)
        if rendered is not None and (best is None or sureness > best[1]):
            best = rendered, sureness
    return best


def _render(template: _Template, values: dict[str, str]) -> str | None:
    if template.plural:
        number = int(re.sub(r"\D", "", values.get("count", "")) or 1)
        sentence = ngettext(template.singular, template.plural, number)
    else:
        sentence = _(template.singular)
    try:
        return sentence.format(**values)
    except ValueError:  # "{size:,} bytes": a number written the language's way
        numbers = {
            k: int(re.sub(r"\D", "", v)) if _NUMBER.fullmatch(v) else v for k, v in values.items()
        }
        try:
            return sentence.format(**numbers)
        except (KeyError, IndexError, ValueError):
            return None
    except (KeyError, IndexError):
        return None


def _value(field: str, value: str) -> tuple[str, int]:
    """A value taken out of a kept sentence, and how many letters of it were recognised:
    a word Reclaim wrote (a kind of file, a sentence within the sentence) said in the
    language spoken now; a name as it is."""
    if field in _NAMES or not re.search(r"[^\W\d_]", value):
        return value, 0
    exact, _templates = _known()
    if field == "a_kind":
        from tui.core.evidence.formats.base import a_kind

        kind = exact.get(re.sub(r"^(a|an) ", "", value)) or exact.get(value)
        return (a_kind(kind), len(kind)) if kind is not None else (value, 0)
    found = _recognised(value) if " " in value or value in exact else None
    return found if found is not None else (value, 0)


@cache
def _known() -> tuple[dict[str, str], tuple[_Template, ...]]:
    """Every sentence of the catalogues in every language: those without values by their
    words (to their source), those with values as patterns, the surest first."""
    exact: dict[str, str] = {}
    templates: list[_Template] = []
    for code in LANGUAGES:
        if code == SOURCE_LANGUAGE:
            continue
        for domain in _DOMAINS:
            for original, translated in _entries(
                LOCALE_DIR / code / "LC_MESSAGES" / f"{domain}.mo"
            ):
                if "\x04" in original or not original:  # a word told apart by its context
                    continue
                singular, _nul, plural = original.partition("\x00")
                forms = [singular, *([plural] if plural else [])]
                forms += [form for form in translated.split("\x00") if form]
                for form in forms:
                    if "{" not in form:
                        exact.setdefault(form.strip(), singular)
                        continue
                    made = _template(form, singular, plural)
                    if made is not None:
                        templates.append(made)
    templates.sort(key=lambda each: -each.letters)
    return exact, tuple(dict.fromkeys(templates))


def _template(form: str, singular: str, plural: str) -> _Template | None:
    try:
        pieces = list(string.Formatter().parse(form))
    except ValueError:
        return None
    pattern, fields, fixed = "", [], []
    for literal, field, _spec, _conversion in pieces:
        pattern += re.escape(literal)
        fixed.append(literal)
        if field is None:
            continue
        if not field.isidentifier():
            return None
        pattern += "(.+?)"
        fields.append(field)
    letters = sum(1 for char in "".join(fixed) if char.isalpha())
    if not fields or letters < _FEWEST_LETTERS:
        return None
    clue = max(fixed, key=len)
    return _Template(singular, plural, pattern, tuple(fields), letters, clue)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.S)


def _entries(path: Path) -> list[tuple[str, str]]:
    """The (original, translation) pairs of a compiled catalogue, plural forms joined by
    NUL as gettext keeps them; none when there is no such catalogue."""
    try:
        data = path.read_bytes()
    except OSError:
        return []
    order = "<" if data[:4] == b"\xde\x12\x04\x95" else ">"
    _magic, _version, count, originals, translations = struct.unpack(order + "5I", data[:20])
    pairs = []
    for index in range(count):
        length, offset = struct.unpack(order + "2I", data[originals + 8 * index :][:8])
        original = data[offset : offset + length].decode("utf-8")
        length, offset = struct.unpack(order + "2I", data[translations + 8 * index :][:8])
        pairs.append((original, data[offset : offset + length].decode("utf-8")))
    return pairs
