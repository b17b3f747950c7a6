"""Text files with a structure of their own: JSON and XML (printed pretty, so a reader
can follow them) and RTF (printed as its words, without the markup).

Each is read whole only up to `MAX_STRUCTURED_BYTES`; a larger file, or one that can't be
parsed, is printed as the text it is (bounded like any text). JSON's values are counted
before it is parsed (as Telegram's are), XML is parsed without entities, network or DTD,
and RTF's words are taken out by `striprtf` (BSD) from a bounded slice."""

from __future__ import annotations

import json
import re

from tui.core.evidence.formats.base import (
    MAX_PRINTED_CHARS,
    Block,
    Facts,
    Format,
    Notice,
    Probe,
    Text,
    clean_line,
    clean_text,
)
from tui.core.evidence.formats.encodings import text_of
from tui.core.evidence.formats.telegram import MAX_JSON_CONTAINERS, load_json
from tui.core.shared.i18n import N_, _

#: What is parsed to be printed pretty; a larger file is printed as it is.
MAX_STRUCTURED_BYTES = 4 * 1024 * 1024
#: JSON values (objects and lists) parsed at most: each costs about a hundred bytes.
MAX_JSON_VALUES = min(MAX_JSON_CONTAINERS, 200_000)
#: Why a file is printed as it is written, each a whole sentence.
AS_WRITTEN = {
    "large": N_("It is printed as it is written (it is too large to lay out)."),
    "values": N_("It is printed as it is written (it holds too many values to lay out)."),
    "json": N_("It is printed as it is written: it is not valid JSON, or it nests too deeply."),
    "xml": N_("It is printed as it is written: it is not well-formed XML."),
    "rtf": N_("It is printed as it is written: its words could not be read."),
}


def _as_written(data: bytes, why: str) -> list[Block]:
    return [Notice(_(AS_WRITTEN[why])), Text(clean_text(text_of(data) or ""), mono=True)]


class Json(Format):
    kind = N_("JSON data")
    family = "data"
    media_type = "application/json"
    extensions = (".json", ".geojson", ".jsonl")

    def recognise(self, probe: Probe) -> int:
        head = probe.text()
        if head is None:
            return 0
        return 1 if head.lstrip()[:1] in ("{", "[") or probe.extension == ".json" else 0

    def describe(self, probe: Probe) -> Facts:
        return Facts(kind=self.kind, media_type=self.media_type)

    def printable(self, data: bytes, name: str) -> list[Block]:
        if len(data) > MAX_STRUCTURED_BYTES:
            return _as_written(data[: MAX_PRINTED_CHARS * 4], "large")
        if data.count(b"{") + data.count(b"[") > MAX_JSON_VALUES:
            return _as_written(data, "values")
        try:
            value = load_json(data)
            pretty = json.dumps(value, indent=2, ensure_ascii=False)
        except (ValueError, RecursionError):
            return _as_written(data, "json")
        return [Text(clean_text(pretty), mono=True)]


_ROOT = re.compile(r"<([A-Za-z_][\w.:-]{0,100})[\s/>]")
_SKIPPED = re.compile(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>", re.S)


def _root(head: str) -> str | None:
    """The name of an XML document's first element, from its first bytes."""
    match = _ROOT.search(_SKIPPED.sub("", head[:16384]))
    return match.group(1) if match else None


class Xml(Format):
    kind = N_("XML data")
    family = "data"
    media_type = "application/xml"
    extensions = (".xml", ".rss", ".atom", ".xsd", ".plist", ".kml", ".gpx")

    def recognise(self, probe: Probe) -> int:
        head = probe.text()
        if head is None:
            return 0
        root = _root(head)
        if not head.lstrip().startswith("<") or root is None or root.lower() == "svg":
            return 0  # an SVG drawing is `documents.Svg`'s
        return 2 if head.lstrip().startswith("<?xml") else 1

    def describe(self, probe: Probe) -> Facts:
        facts = Facts(kind=self.kind, media_type=self.media_type)
        root = _root(probe.text() or "")
        if root:
            facts.shown["root"] = clean_line(f"<{root}>", 100)
        return facts

    def printable(self, data: bytes, name: str) -> list[Block]:
        if len(data) > MAX_STRUCTURED_BYTES:
            return _as_written(data[: MAX_PRINTED_CHARS * 4], "large")
        from lxml import etree

        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            remove_blank_text=True,
            recover=False,
        )
        try:
            root = etree.fromstring(data, parser)
            pretty = etree.tostring(root, encoding="unicode", pretty_print=True)
        except (etree.LxmlError, ValueError, RecursionError):
            return _as_written(data, "xml")
        return [Text(clean_text(pretty), mono=True)]


#: RTF read for its words: the markup of a real letter is a few times its text.
MAX_RTF_BYTES = 1024 * 1024


class Rtf(Format):
    kind = N_("RTF document")
    family = "document"
    media_type = "application/rtf"
    extensions = (".rtf",)

    def recognise(self, probe: Probe) -> int:
        return 2 if probe.head.startswith(b"{\\rtf") else 0

    def describe(self, probe: Probe) -> Facts:
        return Facts(kind=self.kind, media_type=self.media_type)

    def printable(self, data: bytes, name: str) -> list[Block]:
        from striprtf.striprtf import rtf_to_text

        cut = len(data) > MAX_RTF_BYTES
        try:
            # RTF is 7-bit: its other characters are escapes, decoded by the library.
            text = data[:MAX_RTF_BYTES].decode("cp1252", "replace")
            words: str = rtf_to_text(text, errors="replace")  # type: ignore[no-untyped-call]
        except (ValueError, LookupError, RecursionError, IndexError):
            return _as_written(data[: MAX_PRINTED_CHARS * 4], "rtf")
        blocks: list[Block] = [Text(clean_text(words).strip() or _("(The document has no text.)"))]
        if cut:
            blocks.append(Notice(_("Only the start of this document is printed here.")))
        return blocks


HANDLERS: list[Format] = [Rtf(), Xml(), Json()]
