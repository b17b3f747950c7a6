"""The words a person sees on a web page (or in an HTML email), as plain text.

The binder prints what the page said, never its markup: scripts, styles and the head are
dropped, blocks become lines, entities are unescaped. Python's own `HTMLParser` is used
(it never fetches or runs anything) and is fed only a bounded prefix: it manages a few
megabytes a second on tag-dense pages, and a crafted page must not stall the binder."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from tui.core.evidence.formats.base import MAX_PRINTED_CHARS, clean_line, clean_text

#: HTML parsed at most; past this the page is in the original file.
MAX_HTML_CHARS = 4_000_000
#: Parsed for a title only (it lives in the head, near the top).
TITLE_CHARS = 262_144
_CHUNK = 65_536

#: Never shown: code, styling, fallbacks and the head (its title aside).
_HIDDEN = frozenset({"script", "style", "noscript", "template", "head"})
#: What may stand in a head; anything else means the body began without saying so.
_HEAD_ONLY = frozenset(
    {"title", "meta", "link", "style", "script", "base", "noscript", "template"}
)
#: Blocks that stand apart (a blank line) and blocks that only start a line.
_PARAGRAPHS = frozenset(
    {"article", "aside", "blockquote", "dl", "figure", "footer", "form", "header", "hr"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "main", "nav", "ol", "p", "pre", "section"}
    | {"table", "ul"}
)
_LINES = frozenset(
    {"address", "caption", "dd", "details", "dialog", "div", "dt", "fieldset", "li"}
    | {"figcaption", "summary", "tbody", "tfoot", "thead", "tr"}
)
# Stand-ins for block edges until the end, where a run of them becomes one break.
_LINE, _PARA = "\x01", "\x02"
_EDGES = re.compile("[ \x01\x02]*[\x01\x02][ \x01\x02]*")
_CELLS = frozenset({"td", "th"})
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,400}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I
)


class _Visible(HTMLParser):
    """Collects visible text and the first `<title>`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden = dict.fromkeys(_HIDDEN, 0)
        self.pre = 0
        self.in_title = False
        self.title: list[str] = []
        self.title_done = False
        self.out: list[str] = []
        self.size = 0
        self.closing = False
        self.dropping = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.hidden["head"] and tag not in _HEAD_ONLY:
            self.hidden["head"] = 0
        if self.in_title:  # a title never closed must not swallow the page
            self.in_title, self.title_done = False, True
        if tag == "title" and not self.title_done:
            self.in_title = True
        elif tag in _HIDDEN:
            self.hidden[tag] += 1
        elif tag == "br":
            self._add("\n")
        elif tag in _PARAGRAPHS or tag in _LINES:
            self._add(_PARA if tag in _PARAGRAPHS else _LINE)
            self.pre += tag == "pre"
        elif tag in _CELLS:
            self._add(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.in_title:
            self.in_title = False
            self.title_done = bool("".join(self.title).strip())
        elif tag in _HIDDEN:
            self.hidden[tag] = max(0, self.hidden[tag] - 1)
        elif tag in _PARAGRAPHS or tag in _LINES:
            self._add(_PARA if tag in _PARAGRAPHS else _LINE)
            if tag == "pre":
                self.pre = max(0, self.pre - 1)
        elif tag in ("body", "html"):
            self.hidden["head"] = 0

    def handle_data(self, data: str) -> None:
        # At the end, `close()` hands over an unfinished tag (`<script src=…`) as text.
        if self.closing and (self.dropping or data.startswith("<")):
            self.dropping = True
            return
        if any(count for tag, count in self.hidden.items() if tag != "head"):
            return
        if self.in_title:
            self.title.append(data)
        elif not self.hidden["head"]:
            data = data.replace(_LINE, "").replace(_PARA, "")
            self._add(data if self.pre else re.sub(r"\s+", " ", data))

    def _add(self, text: str) -> None:
        self.out.append(text)
        self.size += len(text)


def _read(html: str, limit: int, title_only: bool) -> _Visible:
    parser = _Visible()
    end = min(len(html), TITLE_CHARS if title_only else MAX_HTML_CHARS)
    try:
        for at in range(0, end, _CHUNK):
            parser.feed(html[at : min(at + _CHUNK, end)])
            if parser.size > limit or (title_only and parser.title_done):
                return parser
        if end == len(html):
            parser.closing = True
            parser.close()
    except AssertionError:  # CPython 3.11 asserts on some malformed `<![…` sections
        pass
    return parser


def visible_text(html: str, limit: int = MAX_PRINTED_CHARS) -> tuple[str, str]:
    """(title, text) of a page, both safe to print; blank lines collapse to one."""
    parser = _read(html, limit, title_only=False)
    joined = _EDGES.sub(
        lambda edge: "\n\n" if _PARA in edge.group() else "\n", "".join(parser.out)
    )
    lines = (" ".join(line.split()) for line in joined.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if len(html) > MAX_HTML_CHARS and len(text) <= limit:
        text += "\n[… the rest is in the original file]"
    return clean_line("".join(parser.title)), clean_text(text, limit)


def page_title(html: str) -> str:
    """The page's `<title>`, looking only near the top."""
    return clean_line("".join(_read(html, MAX_PRINTED_CHARS, title_only=True).title))


def to_text(data: bytes, charset: str | None = None, *, cut: bool = False) -> str:
    """Bytes as text in their declared charset; undeclared, UTF-8 or else Windows-1252
    (what browsers assume). When `cut` short, a character cut in two is dropped."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        charset = "utf-16"
    elif data.startswith(b"\xef\xbb\xbf"):
        charset = "utf-8-sig"
    encoding = (charset or "utf-8").strip().lower()
    try:
        return data.decode(encoding)
    except LookupError:  # an unknown or non-text codec named by the file
        return to_text(data, cut=cut) if charset else data.decode("utf-8", "replace")
    except UnicodeDecodeError as error:
        if cut and error.start >= len(data) - 3:
            return data[: error.start].decode(encoding, "replace")
        return data.decode(encoding if charset else "cp1252", "replace")


def decode_html(data: bytes, charset: str | None = None, *, cut: bool = False) -> str:
    """An HTML document as text: its declared charset (from a header or a `<meta>`)."""
    if not charset and (found := _META_CHARSET.search(data[:4096])):
        charset = found.group(1).decode("ascii")
    return to_text(data, charset, cut=cut)
