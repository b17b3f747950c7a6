"""The written account exported as Markdown and Word: what the person typed reads back as
typed, in its place (no list, heading, quote or link made of their words)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from markdown_it import MarkdownIt

from tests.support.pictures import make_png
from tui.core.evidence.adding import add_file
from tui.core.timeline.events import add_event
from tui.core.timeline.written_account import as_markdown, export
from tui.core.vault.vault import Vault

TRICKY = "\n".join(
    [
        "It started like this:",
        "1. numbered?",
        "2) and this",
        "- a dash",
        "+ a plus",
        "---",
        "===",
        "* a star",
        "> not a quote",
        "    four spaces in",
        "# not a heading",
        "&amp; &copy; &#38; AT&T",
        "<b>not bold</b> *not em* _nor this_ `not code` [not](a link) | a | pipe |",
        "~~not struck~~ and a back\\slash\\",
        "```",
        "2024. A year to forget",
    ]
)


class Blocks(HTMLParser):
    """The rendered HTML as a browser shows it: (tag, text) blocks, a line break as
    "\n" and a soft break in the source as a space; every tag counted."""

    BLOCK = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "pre", "td", "th"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self.tags: dict[str, int] = {}
        self._open = False
        self._after_break = False

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if tag in self.BLOCK:
            self.blocks.append((tag, ""))
            self._open = True
        elif tag == "br":
            self._add("\n")
            self._after_break = True

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCK:
            self._open = False

    def handle_data(self, data: str) -> None:
        if self._after_break:
            data = data.removeprefix("\n")
        self._after_break = False
        self._add(data.replace("\n", " "))

    def _add(self, text: str) -> None:
        if self.blocks and self._open:
            tag, before = self.blocks[-1]
            self.blocks[-1] = (tag, before + text)


def _rendered(markdown: str, parser: MarkdownIt) -> Blocks:
    found = Blocks()
    found.feed(parser.render(markdown))
    return found


@pytest.mark.parametrize(
    "parser",
    [MarkdownIt("commonmark"), MarkdownIt("commonmark").enable(["table", "strikethrough"])],
    ids=["commonmark", "with-tables"],
)
def test_the_markdown_account_reads_back_as_typed_in_its_place(
    vault: Vault, tmp_path: Path, parser: MarkdownIt
) -> None:
    add_file(vault, make_png(tmp_path / "a.png"))
    add_event(
        vault,
        "5 March 2024",
        "1. numbered *title*",
        details=TRICKY,
        response="I said:\n1. stop\n2. now\n---",
        place="- home",
        evidence=["E-0001"],
    )
    add_event(vault, "about 2023", "Before", details="a line\n===")
    found = _rendered(as_markdown(vault), parser)
    assert found.tags.get("h2") == 2 and found.tags.get("h1") == 1
    for tag in ("ol", "ul", "hr", "pre", "code", "blockquote", "em", "a", "table", "del", "b"):
        assert tag not in found.tags, (tag, found.blocks)
    assert found.tags["strong"] == 4, "only the labels are bold"
    expected_details = "\n".join(line.strip() for line in TRICKY.splitlines())
    assert found.blocks[2:] == [
        ("h2", "about 2023: Before"),
        ("p", "What happened: a line\n==="),
        ("h2", "5 March 2024: 1. numbered *title*"),
        (
            "p",
            "Where: - home\n"
            f"What happened: {expected_details}\n"
            "What I did: I said:\n1. stop\n2. now\n---\n"
            "(see Exhibit E-0001)",
        ),
    ]


def test_a_blank_line_the_person_typed_stays_a_paragraph_break(vault: Vault) -> None:
    add_event(vault, "2024", "Gaps", details="first\n\n    1. second", response="done")
    found = _rendered(as_markdown(vault), MarkdownIt("commonmark"))
    assert found.blocks[-2:] == [
        ("p", "What happened: first"),
        ("p", "1. second\nWhat I did: done"),
    ]
    assert "ol" not in found.tags and "pre" not in found.tags


def test_a_multi_line_detail_stays_one_indented_paragraph_in_docx(
    vault: Vault, tmp_path: Path
) -> None:
    add_event(vault, "5 March 2024", "Posted", details="first line\nsecond line\nthird")
    document = Document(str(export(vault, tmp_path / "account.docx")))
    detail = next(p for p in document.paragraphs if p.text.startswith("What happened: first"))
    assert detail.text == "What happened: first line\nsecond line\nthird"
    indent = detail.paragraph_format
    assert indent.left_indent is not None and indent.left_indent > 0
    assert indent.first_line_indent is not None
    assert indent.first_line_indent == -indent.left_indent, "a hanging indent"


def test_characters_xml_cannot_hold_become_line_breaks_or_go_in_docx(
    vault: Vault, tmp_path: Path
) -> None:
    # A vertical tab is Word's own line break, pasted from a Word document.
    add_event(vault, "5 March\x0b2024", "Posted\x01 it", details="first\x0bsecond\x0cthird\x00")
    document = Document(str(export(vault, tmp_path / "account.docx")))
    texts = [p.text for p in document.paragraphs]
    assert "What happened: first\nsecond\nthird" in texts
    assert not any(char in "\n".join(texts) for char in "\x00\x01\x0b\x0c")
