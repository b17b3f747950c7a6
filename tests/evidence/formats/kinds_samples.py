"""Small files of the kinds issue 27 found told apart wrongly, each made here: JSON,
XML, RTF, Netpbm, XBM, JPEG 2000, a camcorder's .MTS, legacy-encoded text, Signal's and
Telegram's account-wide exports, multi-page WARCs and ARCs, a badly folded MHTML, emails
with an offset and an address for a name, DOCX tables and pictures, ODT pictures and a
PDF with an attachment. Shared by the format tests and the binder's."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

from PIL import Image

PPM_PIXELS = (3, 2)
JSON_DATA = {"account": {"user": "sam_k", "posts": [{"id": 981, "caption": "Look at this"}]}}
XML_DATA = (
    b'<?xml version="1.0"?><posts><post id="981"><caption>Look at this</caption></post></posts>'
)
RTF_DATA = (
    rb"{\rtf1\ansi{\fonttbl\f0\fswiss Helvetica;}\f0\pard "
    rb"He wrote: I will post them\par Caf\'e9 at noon.\par}"
)
LATIN1 = "Grüße aus Köln: er hat die Fotos überall gezeigt, schöne Straße.\n"
MAC_ROMAN = "Ça va? Il a montré les photos à tout le monde, déjà.\r"
SIGNAL_CHAT = (
    "[2019-12-24, 12:23] Jane Doe: Hello John!\n"
    "[2020-01-17, 21:49] John Doe: I will send them to everyone\n"
)
PNG_PICTURE = "you.png"


def png(colour: tuple[int, int, int] = (200, 30, 30), size: tuple[int, int] = (40, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


def picture(format_name: str, mode: str = "RGB") -> bytes:
    out = io.BytesIO()
    Image.new(mode, PPM_PIXELS, 255 if mode in ("1", "L") else (10, 200, 10)).save(
        out, format_name
    )
    return out.getvalue()


def xbm() -> bytes:
    return (
        b"#define img_width 3\n#define img_height 2\n"
        b"static unsigned char img_bits[] = {\n 0x01, 0x02 };\n"
    )


def mts() -> bytes:
    """Transport-stream packets (a sync byte every 188 bytes), as a camcorder writes."""
    return b"".join(b"\x47\x40\x00\x10" + bytes(184) for _ in range(8))


def telegram_account() -> bytes:
    chat = {
        "name": "Sam",
        "type": "personal_chat",
        "id": 1,
        "messages": [
            {
                "id": 1,
                "type": "message",
                "date": "2024-03-05T21:14:00",
                "from": "Sam",
                "text": "Delete it or else",
            },
            {
                "id": 2,
                "type": "message",
                "date": "2024-03-05T21:20:00",
                "from": "Me",
                "text": "Stop",
            },
        ],
    }
    group = {
        "name": "Old group",
        "type": "private_group",
        "id": 2,
        "messages": [
            {
                "id": 3,
                "type": "message",
                "date_unixtime": "1709673600",
                "from": "Alex",
                "text": "Everyone saw it",
            }
        ],
    }
    export = {
        "about": "Here is the data you requested.",
        "personal_information": {"first_name": "Me"},
        "chats": {"about": "This page lists all chats from this export.", "list": [chat, group]},
    }
    return json.dumps(export, indent=1).encode()


def warc(resource_too: bool = True) -> bytes:
    """Three pages: two HTTP responses, and one stored as a `resource` record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    pages = [
        ("https://example.com/first", "2024-03-05T21:14:03Z", "First page words"),
        ("https://example.com/second", "2024-03-05T21:15:09Z", "Second page words"),
    ]
    for url, when, words in pages:
        body = (
            f"<html><head><title>{words}</title></head><body><p>{words}</p></body></html>".encode()
        )
        http = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": when},
        )
        writer.write_record(record)
    if resource_too:
        body = b"<html><body><p>Stored page words</p></body></html>"
        record = writer.create_warc_record(
            "https://example.com/stored",
            "resource",
            payload=io.BytesIO(body),
            warc_content_type="text/html",
            warc_headers_dict={"WARC-Date": "2024-03-06T08:00:00Z"},
        )
        writer.write_record(record)
    return out.getvalue()


def resource_only_warc() -> bytes:
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    body = b"<html><head><title>Kept</title></head><body><p>Only a resource here</p></body></html>"
    record = writer.create_warc_record(
        "https://example.com/index.html",
        "resource",
        payload=io.BytesIO(body),
        warc_content_type="text/html",
        warc_headers_dict={"WARC-Date": "2021-05-20T23:11:22Z"},
    )
    writer.write_record(record)
    return out.getvalue()


def arc() -> bytes:
    """An ARC (version 1) file: its description record, then one page."""
    desc_body = b"1 0 Reclaim test\nURL IP-address Archive-date Content-type Archive-length\n"
    head = f"filedesc://test.arc 0.0.0.0 20140216050221 text/plain {len(desc_body)}\n".encode()
    html = b"<html><head><title>Archived</title></head><body><p>ARC page words</p></body></html>"
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html
    page = f"http://example.com/ 93.184.216.119 20140216050221 text/html {len(http)}\n".encode()
    return head + desc_body + b"\n" + page + http + b"\n"


def folded_mhtml() -> bytes:
    """A Chrome-saved page with one header line a browser folded badly."""
    boundary = "----MultipartBoundary--abc----"
    return (
        "From: <Saved by Blink>\r\n"
        "Snapshot-Content-Location: https://example.com/post\r\n"
        "Subject: The post\r\n"
        "X-Snapshot-Title: =?utf-8?Q?This is on multiple\r\n"
        "lines\r\n"
        "Date: Tue, 5 Mar 2024 21:14:03 -0000\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html";\r\n'
        f'\tboundary="{boundary}"\r\n'
        "\r\n"
        f"--{boundary}\r\n"
        "Content-Type: text/html\r\n"
        "Content-Location: https://example.com/post\r\n"
        "\r\n"
        "<html><body><p>MHTML page words</p><script>var SCRIPTTEXT = 1;</script></body></html>\r\n"
        f"--{boundary}--\r\n"
    ).encode()


def email(
    date: str = "Mon, 22 Aug 2016 16:56:09 +0300",
    sender: str = "alice@example.com <bob@example.com>",
) -> bytes:
    return (
        f"From: {sender}\r\nTo: me@example.org\r\nSubject: The photos\r\nDate: {date}\r\n"
        "Message-ID: <1@example.com>\r\n\r\nEmail body words.\r\n"
    ).encode()


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _cell(text: str) -> str:
    return f"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def docx(table: bool = True, pictures: bool = True) -> bytes:
    rows = ""
    if table:
        rows = (
            "<w:tbl>"
            + "".join(
                "<w:tr>" + "".join(_cell(f"r{r}c{c}") for c in range(1, 4)) + "</w:tr>"
                for r in range(1, 4)
            )
            + "</w:tbl>"
        )
    before = "<w:p><w:r><w:t>Before the table</w:t></w:r></w:p>"
    after = "<w:p><w:r><w:t>After the table</w:t></w:r></w:p>"
    body = f"<w:document {_W}><w:body>{before}{rows}{after}</w:body></w:document>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", body)
        if pictures:
            archive.writestr(f"word/media/{PNG_PICTURE}", png())
    return out.getvalue()


def odt() -> bytes:
    odf = "urn:oasis:names:tc:opendocument:xmlns"
    ns = f'xmlns:office="{odf}:office:1.0" xmlns:text="{odf}:text:1.0"'
    text = "<office:text><text:p>ODT words</text:p></office:text>"
    body = f"<office:body>{text}</office:body>"
    content = f"<office:document-content {ns}>{body}</office:document-content>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
        archive.writestr("Pictures/1000.png", png((10, 10, 200)))
    return out.getvalue()


ATTACHED = b"the receipt, attached inside the PDF\n" * 20


def pdf_with_attachment() -> bytes:
    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.attachments["receipt.txt"] = pikepdf.AttachedFileSpec(
        pdf, ATTACHED, filename="receipt.txt"
    )
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def empty_zip() -> bytes:
    out = io.BytesIO()
    zipfile.ZipFile(out, "w").close()
    return out.getvalue()
