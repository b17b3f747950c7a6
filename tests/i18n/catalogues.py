"""Making and checking the translation catalogues (a developer's tool, not shipped).

    python -m tests.i18n.catalogues update [DOMAIN ...]   # new source strings into the .po
    python -m tests.i18n.catalogues compile [DOMAIN ...]  # each .po into its .mo
    python -m tests.i18n.catalogues status    # how much of each catalogue is translated

Each domain (see `tui.core.shared.i18n.DOMAINS`) is extracted from its own files with
Babel, so that each part of the program can be translated on its own. The `.mo` files
are kept in the repository, so that an installed Reclaim needs no build step; the tests
check that they match their `.po`."""

from __future__ import annotations

import io
import re
import sys
import tomllib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from tui.core.shared.data_files import NOT_WORDS, prose
from tui.core.shared.i18n import DOMAINS, LANGUAGES, LOCALE_DIR, SOURCE_LANGUAGE

ROOT = Path(__file__).resolve().parents[2]
TUI = ROOT / "tui"
CHECKLISTS = ROOT / "checklists"
TRANSLATED = tuple(code for code in LANGUAGES if code != SOURCE_LANGUAGE)
KEYWORDS = {**DEFAULT_KEYWORDS}
#: Which source files feed which domain (paths relative to tui/; the first match wins).
DOMAIN_FILES: dict[str, tuple[str, ...]] = {
    "documents": ("core/binder/", "core/declarations/", "core/takedowns/", "core/copies/"),
    "evidence": ("core/evidence/",),
    "screens": ("screens/",),
    "cli": ("cli/", "__main__.py"),
    "plain": ("plain/",),
}
DOMAIN_FILES["app"] = (
    "app.py",
    "dialogs/",
    "widgets/",
    "discreet.py",
    "jobs.py",
    "work_at_lock.py",
    "palette.py",
    "messages.py",
    "host.py",
    "unforeseen.py",
)
#: Keys in the data files whose values are not words a person reads: the loaders' own
#: list, so that what is extracted is exactly what they translate.
GUIDE_SKIP = NOT_WORDS
#: A text that is only a web address or a domain ("needhelpnow.ca", "esafety.gov.au/report").
WEB_ADDRESS = re.compile(r"\S+\.[a-z]{2,}(/\S*)?")


def domain_of(relative: str) -> str:
    """The domain a source file (relative to tui/) is extracted into."""
    for domain, parts in DOMAIN_FILES.items():
        if relative.startswith(parts):
            return domain
    return "core"


def python_messages(domain: str) -> Iterator[tuple[str, int, str | tuple[str, ...], str | None]]:
    for path in sorted(TUI.rglob("*.py")):
        relative = path.relative_to(TUI).as_posix()
        if domain_of(relative) != domain:
            continue
        for lineno, message, _comments, context in extract_from_file(
            "python", str(path), keywords=KEYWORDS
        ):
            yield relative, lineno, message, context


def _toml_texts(value: object, key: str) -> Iterator[str]:
    if key in GUIDE_SKIP:
        return
    if isinstance(value, str):
        if (
            re.search(r"[A-Za-z]", value)
            and not value.startswith(("http://", "https://"))
            and not WEB_ADDRESS.fullmatch(value.strip())
        ):
            yield value
    elif isinstance(value, list):
        for item in value:
            yield from _toml_texts(item, key)
    elif isinstance(value, dict):
        for inner, item in value.items():
            yield from _toml_texts(item, inner)


def guide_messages(domain: str = "guides") -> Iterator[tuple[str, int, str, None]]:
    """The words of the data files: the privacy checklists (checklists/privacy/) are
    their own domain, every other file is "guides". Each text is kept as the loaders
    show it (`prose`: the file's line breaks inside a paragraph are spaces)."""
    for path in sorted(CHECKLISTS.rglob("*.toml")):
        if (path.parent.name == "privacy") != (domain == "privacy"):
            continue
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        for text in _toml_texts(data, ""):
            yield f"checklists/{path.relative_to(CHECKLISTS).as_posix()}", 0, prose(text), None


def template(domain: str) -> Catalog:
    """Every source string of `domain`, as found in the code (or the data files)."""
    catalog = Catalog(project="Reclaim", domain=domain, fuzzy=False, creation_date=FIXED)
    found = guide_messages(domain) if domain in ("guides", "privacy") else python_messages(domain)
    for where, lineno, message, context in found:
        catalog.add(message, locations=[(where, lineno)], context=context)
    return catalog


#: Dates in the headers stay put, so that a catalogue changes only when its words do.
FIXED = datetime(2026, 12, 1, tzinfo=UTC)
HEADER = """{name} words of Reclaim ({domain}).
Written for a person in distress: plain, warm, everyday words, not literal ones.
NOT YET REVIEWED by a native-speaking advocate: until one has, say so here.
Glossary: tui/locale/GLOSSARY.md (the words that must stay the same everywhere)."""


def po_path(code: str, domain: str) -> Path:
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{domain}.po"


def read(code: str, domain: str) -> Catalog:
    path = po_path(code, domain)
    if not path.is_file():
        name = {"es": "Spanish", "fr": "French"}.get(code, code)
        return Catalog(
            locale=code,
            project="Reclaim",
            domain=domain,
            fuzzy=False,
            header_comment="# " + HEADER.format(name=name, domain=domain).replace("\n", "\n# "),
            creation_date=FIXED,
            revision_date=FIXED,
            language_team=f"{name}",
            last_translator="Reclaim",
        )
    with path.open("rb") as handle:
        return read_po(handle, locale=code, domain=domain)


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(
        out,
        catalog,
        width=88,
        omit_header=False,
        sort_output=False,
        include_previous=False,
        ignore_obsolete=True,
    )
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def update(domains: tuple[str, ...] = DOMAINS) -> None:
    for domain in domains:
        source = template(domain)
        for code in TRANSLATED:
            catalog = read(code, domain)
            catalog.update(source, no_fuzzy_matching=True, update_header_comment=False)
            path = po_path(code, domain)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(po_bytes(catalog))


def compile_all(domains: tuple[str, ...] = DOMAINS) -> None:
    for domain in domains:
        for code in TRANSLATED:
            if po_path(code, domain).is_file():
                po_path(code, domain).with_suffix(".mo").write_bytes(mo_bytes(read(code, domain)))


def translated_share(catalog: Catalog) -> tuple[int, int]:
    """(translated, all) messages of a catalogue (fuzzy ones count as not translated)."""
    messages = [m for m in catalog if m.id]
    done = [
        m
        for m in messages
        if m.string and not m.fuzzy and (all(m.string) if isinstance(m.string, tuple) else True)
    ]
    return len(done), len(messages)


def status() -> None:
    for domain in DOMAINS:
        for code in TRANSLATED:
            done, total = translated_share(read(code, domain))
            print(f"{code} {domain:10} {done:5}/{total:<5}")


if __name__ == "__main__":
    # `update [DOMAIN ...]`, `compile [DOMAIN ...]`: every domain when none is named.
    named = tuple(sys.argv[2:]) or DOMAINS
    if sys.argv[1] == "status":
        status()
    else:
        {"update": update, "compile": compile_all}[sys.argv[1]](named)
