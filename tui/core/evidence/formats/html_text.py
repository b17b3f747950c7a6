"""The words a person sees on a web page (or in an HTML email), as plain text.

The binder prints what the page said, never its markup: scripts, styles and the head are
dropped, blocks become lines, entities are unescaped. libxml2's HTML parser (through
lxml) reads the page: it takes time in line with the page's size whatever the markup, and
it is set never to fetch anything (no network, no DTD, no external entities; HTML has
none anyway). Its events go straight to `_Visible`, so no tree is ever built, and only a
bounded prefix is read, tags counted as they come."""

from __future__ import annotations

import re

from lxml import etree

from tui.core.evidence.formats.base import MAX_PRINTED_CHARS, clean_line, clean_text
from tui.core.evidence.formats.encodings import codec_for
from tui.core.shared.i18n import _

#: HTML parsed at most; past this the page is in the original file.
MAX_HTML_CHARS = 4_000_000
#: Parsed for a title only (it lives in the head, near the top).
TITLE_CHARS = 262_144
#: Tags (openings and closings) looked at; a real page of `MAX_HTML_CHARS` has far fewer,
#: a crafted one (`<b>` over and over) would take seconds more.
MAX_TAGS = 1_000_000
#: Elements open at once (opened and not yet closed, by the page or by the parser); real
#: pages nest a few tens deep. libxml2 looks through every open element for each end tag
#: that matches none of them, so `<div>` twenty thousand times and then as many `</x>`
#: take seconds, and two hundred thousand take minutes: reading stops past this.
MAX_OPEN = 512
#: That looking, bounded over the page: end tags that closed nothing, times the elements
#: open as they came (a real page has a few; `MAX_OPEN` elements and then a million
#: `</x>` would cost a few hundred million, seconds).
MAX_END_TAG_WORK = 30_000_000
#: Fed to the parser at a time; the bounds are checked between pieces, so a piece is
#: small enough that its own tags can't cost much.
_CHUNK = 16_384

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
# Stand-ins for block edges until the end, where a run of them becomes one break. (Runs
# of spaces are made one first: on a long run with no edge, `_EDGES` would backtrack
# from each space in turn, in quadratic time.)
_LINE, _PARA = "\x01", "\x02"
_EDGES = re.compile("[ \x01\x02]*[\x01\x02][ \x01\x02]*")
_SPACES = re.compile("  +")
_CELLS = frozenset({"td", "th"})
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,400}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I
)
#: Elements libxml2 reads as raw text (their markup would come out as words, and a
#: `<plaintext>` or an unclosed `<title>` would swallow the rest of the page). They are
#: renamed before parsing so that their content is read as markup, tags and all.
_RAW_TEXT = ("title", "textarea", "xmp", "plaintext", "iframe", "noembed", "noframes")
_RAW_TAG = re.compile(r"<(/?)(" + "|".join(_RAW_TEXT) + r")(?=[\s/>]|\Z)", re.I)
_RENAMED_PREFIX = "reclaim-raw-"
_RENAMED = {_RENAMED_PREFIX + tag: tag for tag in _RAW_TEXT}


def _parser(target: _Visible) -> etree.HTMLParser:
    """libxml2's forgiving HTML parser, feeding `target`; it never fetches anything."""
    return etree.HTMLParser(
        target=target,
        encoding="utf-8",  # what `_read` feeds it; a `<meta charset>` must not switch it
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
        recover=True,
    )


class _Visible:
    """Collects visible text and the first `<title>` from the parser's events."""

    def __init__(self) -> None:
        self.hidden = dict.fromkeys(_HIDDEN, 0)
        self.pre = 0
        self.in_title = False
        self.title: list[str] = []
        self.title_done = False
        self.out: list[str] = []
        self.size = 0
        self.tags = 0
        self.open = 0
        self.closed = 0

    def start(self, tag: str, attrib: object) -> None:
        self.tags += 1
        self.open += 1
        tag = _RENAMED.get(tag, tag)
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
            self._edge(_PARA if tag in _PARAGRAPHS else _LINE)
            self.pre += tag == "pre"
        elif tag in _CELLS:
            self._add(" ")

    def end(self, tag: str) -> None:
        self.tags += 1
        self.open -= 1
        self.closed += 1
        tag = _RENAMED.get(tag, tag)
        if tag == "title" and self.in_title:
            self.in_title = False
            self.title_done = bool("".join(self.title).strip())
        elif tag in _HIDDEN:
            self.hidden[tag] = max(0, self.hidden[tag] - 1)
        elif tag in _PARAGRAPHS or tag in _LINES:
            self._edge(_PARA if tag in _PARAGRAPHS else _LINE)
            if tag == "pre":
                self.pre = max(0, self.pre - 1)
        elif tag in ("body", "html"):
            self.hidden["head"] = 0

    def data(self, data: str) -> None:
        if any(count for tag, count in self.hidden.items() if tag != "head"):
            return
        if self.in_title:
            self.title.append(data)
        elif not self.hidden["head"]:
            data = data.replace(_LINE, "").replace(_PARA, "")
            self._add(data if self.pre else re.sub(r"\s+", " ", data))

    def close(self) -> None:
        return None

    def _add(self, text: str) -> None:
        self.out.append(text)
        if not text.isspace():  # white space, however long, is one space in the end
            self.size += len(text)

    def _edge(self, edge: str) -> None:
        """A block edge; edges in a row are one (endless empty `<div>`s cost nothing)."""
        if self.out and self.out[-1] in (_LINE, _PARA):
            if edge == _PARA:
                self.out[-1] = _PARA
            return
        self._add(edge)


def _read(html: str, limit: int, title_only: bool) -> tuple[_Visible, bool]:
    """The page's events collected, and whether reading stopped before the end."""
    visible = _Visible()
    end = min(len(html), TITLE_CHARS if title_only else MAX_HTML_CHARS)
    page = _unfinished_tag_dropped(html[:end])
    data = _RAW_TAG.sub(rf"<\1{_RENAMED_PREFIX}\2", page).encode("utf-8", "replace")
    parser = _parser(visible)
    cut = end < len(html)
    work = 0
    try:
        for at in range(0, len(data), _CHUNK):
            piece = data[at : at + _CHUNK]
            opened, closed = visible.open, visible.closed
            parser.feed(piece)
            if title_only and visible.title_done:
                return visible, cut
            stray = piece.count(b"</") - (visible.closed - closed)
            work += max(0, stray) * max(opened, visible.open)
            if visible.size > limit or visible.tags > MAX_TAGS:
                return visible, True
            if visible.open > MAX_OPEN or work > MAX_END_TAG_WORK:
                return visible, True
        parser.close()  # only at the end: a piece of a tag must not come out as words
    except etree.LxmlError:  # recover=True makes this rare: keep what was read
        pass
    return visible, cut


def _unfinished_tag_dropped(html: str) -> str:
    """The page without a tag cut off at its end (`…<`, `…</`, `…<scr`): the parser would
    hand the first two over as words."""
    at = html.rfind("<")
    if at < 0 or ">" in html[at:]:
        return html
    after = html[at + 1 : at + 2]
    return html[:at] if after in ("", "/", "!", "?") or after.isalpha() else html


def visible_text(html: str, limit: int = MAX_PRINTED_CHARS) -> tuple[str, str]:
    """(title, text) of a page, both safe to print; blank lines collapse to one."""
    visible, cut = _read(html, limit, title_only=False)
    joined = _EDGES.sub(
        lambda edge: "\n\n" if _PARA in edge.group() else "\n",
        _SPACES.sub(" ", "".join(visible.out)),
    )
    lines = (" ".join(line.split()) for line in joined.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if cut and len(text) <= limit:
        text += "\n" + _("[… the rest is in the original file]")
    return clean_line("".join(visible.title)), clean_text(text, limit)


def page_title(html: str) -> str:
    """The page's `<title>`, looking only near the top."""
    visible, _cut = _read(html, MAX_PRINTED_CHARS, title_only=True)
    return clean_line("".join(visible.title))


def to_text(data: bytes, charset: str | None = None, *, cut: bool = False) -> str:
    """Bytes as text in their declared charset, when it is a real web or mail encoding
    (see `encodings`); undeclared (or declared as anything else), UTF-8 or else
    Windows-1252 (what browsers assume). When `cut` short, a character cut in two is
    dropped."""
    encoding: str | None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    else:
        encoding = codec_for(charset)
    try:
        return data.decode(encoding or "utf-8")
    except UnicodeDecodeError as error:
        if cut and error.start >= len(data) - 3:
            return data[: error.start].decode(encoding or "utf-8", "replace")
        return data.decode(encoding or "cp1252", "replace")


def decode_html(data: bytes, charset: str | None = None, *, cut: bool = False) -> str:
    """An HTML document as text: its declared charset (from a header or a `<meta>`)."""
    if not charset and (found := _META_CHARSET.search(data[:4096])):
        charset = found.group(1).decode("ascii")
    return to_text(data, charset, cut=cut)
