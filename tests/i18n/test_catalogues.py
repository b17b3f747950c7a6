"""The catalogues hold every string a person reads, in every language Reclaim speaks.

- every source string found in the code is in every catalogue (run
  `python -m tests.i18n.catalogues update` after adding one), and the `.mo` files are
  made from the `.po` files as they are;
- a translation keeps the `{names}` and the Rich markup of its source;
- a finished domain is at least 99% translated;
- in the files already translated, no sentence a person reads is left outside `_()`.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.i18n import catalogues
from tui.core.shared.i18n import DOMAINS

TRANSLATED = catalogues.TRANSLATED
#: Domains whose translation is finished; each must stay at least 99% translated.
FINISHED: tuple[str, ...] = (
    "cli",
    "plain",
    "app",
    "screens",
    "guides",
    "privacy",
    "documents",
    "core",
    "evidence",
)
#: Source files (relative to tui/, or folders ending in "/") in which every sentence a
#: person reads goes through `_()`, `N_()` or `ngettext()`.
WRAPPED: tuple[str, ...] = (
    "core/shared/text.py",
    "core/shared/local_formats.py",
    "core/shared/atomic.py",
    "core/shared/dates.py",
    "core/shared/errors.py",
    "core/shared/files.py",
    "core/shared/fuzzy_dates.py",
    "core/shared/unwritable.py",
    "core/vault/",
    "core/passwords/",
    "core/timeline/",
    "core/kiosk/",
    "core/steps.py",
    "core/binder/documents_language.py",
    "core/declarations/",
    "core/binder/sections.py",
    "core/binder/exhibit_pages.py",
    "core/takedowns/letters.py",
    "core/takedowns/letter_facts.py",
    "core/takedowns/requests.py",
    "core/takedowns/deadlines.py",
    "core/takedowns/legal_options.py",
    "core/takedowns/next_steps.py",
    "core/copies/",
    "core/binder/choices.py",
    "core/binder/document.py",
    "core/binder/pictures.py",
    "core/binder/typesetting.py",
    "core/binder/packages.py",
    "core/binder/build.py",
    "core/binder/pdf_pages.py",
    "core/binder/pdfa_pages.py",
    "core/takedowns/lawyer_package.py",
    "core/takedowns/letter_files.py",
    "core/takedowns/letter_needs.py",
    "core/takedowns/sites.py",
    "core/safety.py",
    "core/places/case_place.py",
    "core/places/model.py",
    "core/privacy/lockdown.py",
    "core/timestamps/authorities.py",
    "core/timestamps/checking.py",
    "core/timestamps/covers.py",
    "core/timestamps/stamps.py",
    "core/evidence/capture_guide.py",
    "core/evidence/changes.py",
    "core/evidence/digests.py",
    "core/evidence/export.py",
    "core/evidence/history.py",
    "core/evidence/model.py",
    "core/evidence/original.py",
    "core/evidence/provenance.py",
    "core/evidence/recovery.py",
    "core/evidence/sources.py",
    "core/evidence/stitch.py",
    "core/evidence/stored.py",
    "core/evidence/formats/__init__.py",
    "core/evidence/formats/base.py",
    "core/evidence/formats/other.py",
    "core/evidence/formats/voice_notes.py",
    "core/evidence/formats/web.py",
    "core/evidence/formats/warc_reader.py",
    "core/evidence/formats/saved_pages.py",
    "core/evidence/formats/isobmff.py",
    "core/evidence/formats/photo_times.py",
    "core/evidence/formats/instagram.py",
    "core/evidence/formats/html_text.py",
    "core/evidence/formats/jpeg_scans.py",
    "core/evidence/formats/transport_streams.py",
    "core/evidence/formats/mime.py",
    "core/evidence/formats/email_attachments.py",
    "core/evidence/formats/office_xml.py",
    "core/evidence/formats/documents.py",
    "core/evidence/formats/document_words.py",
    "core/evidence/formats/recordings.py",
    "core/evidence/formats/inner_files.py",
    "core/evidence/formats/outlook.py",
    "core/evidence/adding.py",
    "core/evidence/intake.py",
    "core/evidence/formats/emails.py",
    "core/evidence/formats/structured_text.py",
    "core/evidence/formats/telegram.py",
    "core/evidence/formats/signal_text.py",
    "core/evidence/formats/whatsapp.py",
    "core/evidence/formats/chat_summary.py",
    "core/evidence/formats/pixels.py",
    "core/evidence/formats/photos.py",
    "core/evidence/formats/plain_pictures.py",
    "core/evidence/reading/",
    "core/passwords/zxcvbn_words.py",
    "cli/",
    "__main__.py",
    "plain/",
    "screens/",
    "dialogs/",
    "widgets/",
    "app.py",
    "palette.py",
    "jobs.py",
    "work_at_lock.py",
    "discreet.py",
    "messages.py",
    "host.py",
    "unforeseen.py",
)
#: A line ending with this comment holds words no person reads (an internal key, a
#: format for a machine, a message for developers).
NOT_SHOWN = "# i18n: not shown"


@pytest.fixture(scope="module")
def templates() -> dict[str, set[tuple[str, str | None]]]:
    return {
        domain: {
            (_key(message.id), message.context)
            for message in catalogues.template(domain)
            if message.id
        }
        for domain in DOMAINS
    }


def _key(message_id: str | tuple[str, ...] | list[str]) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


@pytest.mark.parametrize("code", TRANSLATED)
@pytest.mark.parametrize("domain", DOMAINS)
def test_every_source_string_is_in_the_catalogue(templates, domain: str, code: str) -> None:
    catalog = catalogues.read(code, domain)
    held = {(_key(message.id), message.context) for message in catalog if message.id}
    missing = sorted(str(item) for item in templates[domain] - held)
    stale = sorted(str(item) for item in held - templates[domain])
    assert not missing, f"run `python -m tests.i18n.catalogues update`: {missing[:5]}"
    assert not stale, f"run `python -m tests.i18n.catalogues update`: {stale[:5]}"


@pytest.mark.parametrize("code", TRANSLATED)
@pytest.mark.parametrize("domain", DOMAINS)
def test_the_compiled_catalogue_is_made_from_the_po_file(domain: str, code: str) -> None:
    path = catalogues.po_path(code, domain).with_suffix(".mo")
    expected = catalogues.mo_bytes(catalogues.read(code, domain))
    assert path.read_bytes() == expected, "run `python -m tests.i18n.catalogues compile`"


_NAMES = re.compile(r"\{[^{}]*\}")
_MARKUP = re.compile(r"\[/?[a-z@#][^\[\]]*\]")


def _shape(text: str) -> tuple[list[str], list[str]]:
    return sorted(_NAMES.findall(text)), sorted(_MARKUP.findall(text))


@pytest.mark.parametrize("code", TRANSLATED)
@pytest.mark.parametrize("domain", DOMAINS)
def test_translations_keep_the_values_and_markup(domain: str, code: str) -> None:
    wrong = []
    for message in catalogues.read(code, domain):
        if not message.id or not message.string:
            continue
        sources = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else message.string
        names = _shape(sources[-1])[0]
        for string in strings:
            if string and (
                _shape(string)[0] != names or _shape(string)[1] != _shape(sources[0])[1]
            ):
                wrong.append((sources[0], string))
    assert not wrong, wrong[:5]


@pytest.mark.parametrize("code", TRANSLATED)
@pytest.mark.parametrize("domain", FINISHED)
def test_a_finished_domain_is_translated(domain: str, code: str) -> None:
    done, total = catalogues.translated_share(catalogues.read(code, domain))
    assert total and done / total >= 0.99, f"{code} {domain}: {done} of {total}"


# --- Sentences left outside _() -------------------------------------------------------

_WORDS = re.compile(r"[A-Za-z][a-z']+[ ,.;:!?-]+[A-Za-z(]")
#: A widget id, CSS class or selector, or an action ("step-title", "#account-add",
#: "app.lock", "toggle--button"): no spaces, no capitals, so no sentence.
_CODE = re.compile(r"[^\sA-Z]+")
_GETTEXT = {"_", "N_", "ngettext", "pgettext", "npgettext"}
#: Calls whose string arguments are for machines or developers, never a person.
_NOT_FOR_READING = {
    "compile",
    "match",
    "search",
    "fullmatch",
    "sub",
    "split",
    "findall",
    "finditer",
    "getattr",
    "setattr",
    "hasattr",
    "isinstance",
    "debug",
    "info",
    "warning",
    "exception",
    "getLogger",
    "query_one",
    "query",
    "add_class",
    "remove_class",
    "set_class",
    "has_class",
    "startswith",
    "endswith",
    "strftime",
    "strptime",
    "encode",
    "decode",
    "get",
    "pop",
    "setdefault",
    "join",
    "replace",
    "run_action",
    "action",
    "Binding",
    "post_message",
    "get_widget_by_id",
    "environ",
    "getenv",
    "fromisoformat",
    "cast",
    "TypeVar",
    "NewType",
    "field",
    "dataclass",
    "Path",
    "open",
    "struct",
    "pack",
    "unpack",
    "call_later",
    "set_interval",
    "run_worker",
    "ContextVar",
}
#: Class attributes Textual reads as code, not as words.
_CODE_NAMES = {"DEFAULT_CSS", "CSS", "CSS_PATH", "COMPONENT_CLASSES", "__all__", "__slots__"}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
        # A string on its own line after an assignment documents it (`#:` style).
        if hasattr(node, "body") and isinstance(node.body, list):
            for statement in node.body:
                if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
                    found.add(id(statement.value))
    return found


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def unwrapped(path: Path) -> Iterator[tuple[int, str]]:
    """Each string constant in `path` that reads like words for a person and does not go
    through gettext: (line, text)."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    skipped = _docstrings(tree)
    parents: dict[int, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[id(child)] = node
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        if id(node) in skipped or not _WORDS.search(node.value) or _CODE.fullmatch(node.value):
            continue
        if lines[node.lineno - 1].rstrip().endswith(NOT_SHOWN):
            continue
        if _exempt(node, parents):
            continue
        yield node.lineno, node.value


def _exempt(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    child, parent = node, parents.get(id(node))
    while parent is not None:
        if isinstance(parent, ast.Call):
            name = _call_name(parent)
            if name in _GETTEXT or name in _NOT_FOR_READING:
                return True
        if isinstance(parent, ast.Dict) and any(key is child for key in parent.keys):
            return True
        if isinstance(parent, ast.Subscript) and parent.slice is child:
            return True
        if isinstance(parent, ast.Compare):
            return True
        if isinstance(parent, ast.Assign | ast.AnnAssign):
            targets = parent.targets if isinstance(parent, ast.Assign) else [parent.target]
            if any(isinstance(t, ast.Name) and t.id in _CODE_NAMES for t in targets):
                return True
        if isinstance(parent, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            return False
        if isinstance(parent, ast.Raise) and _developer_error(parent):
            return True
        child, parent = parent, parents.get(id(parent))
    return False


def _developer_error(node: ast.Raise) -> bool:
    """Errors no person sees: the program's own mistakes."""
    exc = node.exc
    name = _call_name(exc) if isinstance(exc, ast.Call) else ""
    return name in {"AssertionError", "TypeError", "NotImplementedError", "RuntimeError"}


def _wrapped_files() -> list[Path]:
    files: list[Path] = []
    for entry in WRAPPED:
        target = catalogues.TUI / entry
        files.extend(sorted(target.rglob("*.py")) if entry.endswith("/") else [target])
    return files


@pytest.mark.parametrize(
    "path", _wrapped_files(), ids=lambda p: p.relative_to(catalogues.TUI).as_posix()
)
def test_no_sentence_is_left_outside_gettext(path: Path) -> None:
    left = [f"{line}: {text!r}" for line, text in unwrapped(path)]
    assert not left, "wrap in _() (or end the line with '# i18n: not shown'):\n" + "\n".join(left)


def test_the_check_finds_a_sentence_left_outside_gettext(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from tui.core.shared.i18n import _\n"
        "def f(name):\n"
        '    """A docstring is not shown."""\n'
        '    done = _("The file was added.")\n'
        '    key = {"status": "not yet sent"}["status"]\n'
        '    return "Your case is locked now." + done + key\n'
    )
    assert [line for line, _text in unwrapped(sample)] == [5, 6]
