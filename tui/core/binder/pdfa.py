"""What PDF/A (ISO 19005) asks of the finished binder, so that courts' filing systems and
archives accept it: the XMP identification matching the document information, and
originals attached as PDF/A-3 allows. Whether a page of someone else's PDF may be
merged is `pdfa_pages`' question."""

from __future__ import annotations

import hashlib
import io
import zlib
from datetime import datetime
from html import escape
from typing import BinaryIO

import pikepdf

TOOL = "Reclaim"


def xmp_body(
    part: int, title: str, author: str, moment: datetime, lang: str = "en", tool: str = TOOL
) -> str:
    """The XMP identification PDF/A asks for, with the same title, author, tool and dates
    as the document information (both fixed by the export date, so it is reproducible),
    and the language it is written in (`lang`, as the catalog's /Lang says it)."""
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    creator = (
        f"      <dc:creator><rdf:Seq><rdf:li>{escape(author)}</rdf:li></rdf:Seq></dc:creator>\n"
        if author
        else ""
    )
    body = (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about=""\n'
        '    xmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"\n'
        '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"\n'
        '    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">\n'
        f"      <pdfaid:part>{part}</pdfaid:part>\n"
        "      <pdfaid:conformance>B</pdfaid:conformance>\n"
        "      <dc:format>application/pdf</dc:format>\n"
        "      <dc:title><rdf:Alt>"
        f'<rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>\n'
        f"{creator}"
        f"      <dc:language><rdf:Bag><rdf:li>{escape(lang)}</rdf:li></rdf:Bag></dc:language>\n"
        f"      <xmp:CreatorTool>{escape(tool)}</xmp:CreatorTool>\n"
        f"      <xmp:CreateDate>{stamp}</xmp:CreateDate>\n"
        f"      <xmp:ModifyDate>{stamp}</xmp:ModifyDate>\n"
        f"      <xmp:MetadataDate>{stamp}</xmp:MetadataDate>\n"
        f"      <pdf:Producer>{escape(tool)}</pdf:Producer>\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>"
    )
    return body


def xmp_packet(part: int, title: str, author: str, moment: datetime, lang: str) -> bytes:
    body = xmp_body(part, title, author, moment, lang)
    return (
        f'<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n{body}\n<?xpacket end="w"?>'
    ).encode()


def finish(
    binder: pikepdf.Pdf, part: int, title: str, author: str, moment: datetime, lang: str
) -> None:
    """Identify the file as PDF/A-`part`b: XMP metadata matching the document information
    (fpdf2 has written the sRGB output intent and the same XMP, which
    is written again here, so that it is exactly what this module says), and the
    catalog's /Lang, so that a screen reader reads it with the right voice."""
    tool = TOOL
    info = pikepdf.Dictionary(
        Title=pikepdf.String(title),
        Creator=pikepdf.String(tool),
        Producer=pikepdf.String(tool),
        CreationDate=pikepdf.String(moment.strftime("D:%Y%m%d%H%M%SZ")),
        ModDate=pikepdf.String(moment.strftime("D:%Y%m%d%H%M%SZ")),
    )
    if author:
        info.Author = pikepdf.String(author)
    binder.trailer.Info = binder.make_indirect(info)
    binder.Root.Lang = pikepdf.String(lang)
    metadata = pikepdf.Stream(binder, xmp_packet(part, title, author, moment, lang))
    metadata.Type = pikepdf.Name.Metadata
    metadata.Subtype = pikepdf.Name.XML
    binder.Root.Metadata = binder.make_indirect(metadata)


def attach(
    binder: pikepdf.Pdf, name: str, source: BinaryIO, description: str, mime: str, stamp: str
) -> None:
    """Embed one original as PDF/A-3 allows: with its MIME type, dates, and its relation
    to the document (`/Source`: the binder was made from it), listed in the catalog's /AF.

    The original is read a piece at a time and compressed here (as qpdf would compress it
    when saving, at the same level), and qpdf is given the compressed stream: only that
    one copy is held until the binder is saved, never the original whole beside it."""
    packer = zlib.compressobj()
    md5 = hashlib.md5(usedforsecurity=False)
    packed = io.BytesIO()
    size = 0
    while piece := source.read(READ_PIECE):
        md5.update(piece)
        size += len(piece)
        packed.write(packer.compress(piece))
    packed.write(packer.flush())
    spec = pikepdf.AttachedFileSpec(
        binder,
        b"",
        description=description,
        filename=name,
        mime_type=mime or "application/octet-stream",
        creation_date=stamp,
        mod_date=stamp,
    )
    stream = spec.obj.EF.F
    stream.write(packed.getvalue(), filter=pikepdf.Name.FlateDecode)
    del packed
    stream.Params.Size = size
    stream.Params.CheckSum = pikepdf.String(md5.digest())
    spec.obj.AFRelationship = pikepdf.Name.Source
    binder.attachments[name] = spec
    if "/AF" not in binder.Root:
        binder.Root.AF = pikepdf.Array()
    binder.Root.AF.append(spec.obj)


READ_PIECE = 1 << 20
