"""A photo's times (issue 27): the capture time from DateTimeOriginal, then
DateTimeDigitized, then its XMP; the IFD0 modify date (an editor's import) is never taken
for the capture time but said as "last edited"; each time keeps the offset the photo
states, and the binder says which clock it is on
(tests/binder/test_orientation.py reads that on a printed page)."""

from __future__ import annotations

import io
import os
import time

import pytest
from PIL import Image, PngImagePlugin

from tui.core.evidence import formats

EXIF_IFD, DATETIME, OFFSET_TIME = 0x8769, 0x0132, 0x9010
ORIGINAL, DIGITIZED = (0x9003, 0x9011), (0x9004, 0x9012)


def exif(
    *, original: str = "", digitized: str = "", modified: str = "", offsets: str = ""
) -> bytes:
    data = Image.Exif()
    details = data.get_ifd(EXIF_IFD)
    if modified:
        data[DATETIME] = modified
        if offsets:
            details[OFFSET_TIME] = "-05:00"
    for (time_tag, offset_tag), value in ((ORIGINAL, original), (DIGITIZED, digitized)):
        if value:
            details[time_tag] = value
            if offsets:
                details[offset_tag] = offsets
    return data.tobytes()


def jpeg(exif_data: bytes = b"", xmp: bytes = b"") -> bytes:
    out = io.BytesIO()
    options: dict[str, object] = {"exif": exif_data} if exif_data else {}
    if xmp:
        options["xmp"] = xmp
    Image.new("RGB", (32, 24), "teal").save(out, "JPEG", **options)
    return out.getvalue()


def xmp_packet(body: str) -> bytes:
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        f'<rdf:Description rdf:about="" {body}</rdf:Description>'
        '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode()


def describe(data: bytes, name: str = "photo.jpg") -> formats.Facts:
    return formats.describe(io.BytesIO(data), name)[1]


def test_the_capture_time_keeps_the_cameras_offset_and_says_its_clock():
    facts = describe(jpeg(exif(original="2022:02:16 12:55:41", offsets="+01:00")))
    assert facts.guesses["captured_at"] == ("2022-02-16T12:55:41", "exif")
    assert facts.exif_captured_at == "2022-02-16T12:55:41+01:00"
    assert facts.shown["captured"] == "2022-02-16 12:55:41, UTC+01:00 (the camera's clock)"


def test_a_modify_date_is_never_the_capture_time_but_last_edited():
    """Photoshop's import date (IFD0 DateTime) with no DateTimeOriginal."""
    facts = describe(jpeg(exif(modified="2008:07:31 10:05:49")))
    assert "captured_at" not in facts.guesses and facts.exif_captured_at is None
    assert facts.shown["modified"] == (
        "2008-07-31 10:05:49, when the file was last edited (its time zone not stated)"
    )


def test_digitized_is_taken_when_original_is_missing_and_before_the_modify_date():
    data = exif(digitized="2008:05:30 15:56:01", modified="2008:07:31 10:05:49", offsets="+09:00")
    facts = describe(jpeg(data))
    assert facts.guesses["captured_at"] == ("2008-05-30T15:56:01", "exif")
    assert facts.shown["captured_clock"] == "UTC+09:00 (the camera's clock)"
    assert facts.shown["modified"].endswith("last edited (UTC-05:00)")


def test_a_photo_whose_only_date_is_in_its_xmp():
    packet = xmp_packet(
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreateDate="2013-09-23T10:09:46+02:00">'
    )
    facts = describe(jpeg(exif(modified="2014:09:22 10:56:35"), packet))
    assert facts.guesses["captured_at"] == ("2013-09-23T10:09:46", "xmp")
    assert facts.shown["captured_clock"] == "UTC+02:00 (the camera's clock)"
    assert facts.exif_captured_at is None, "not an EXIF time"


def test_xmp_in_elements_with_z_and_the_exif_property_first():
    packet = xmp_packet(
        'xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
        "<xmp:CreateDate>2015-01-01T00:00:00Z</xmp:CreateDate>"
        "<exif:DateTimeOriginal>2013-07-05T03:18:27.50Z</exif:DateTimeOriginal>"
    )
    facts = describe(jpeg(xmp=packet))
    assert facts.guesses["captured_at"] == ("2013-07-05T03:18:27", "xmp")
    assert facts.shown["captured_clock"] == "UTC+00:00 (the camera's clock)"


def test_xmp_with_an_older_prefix_and_a_gmt_offset():
    """Older Adobe files write `xap:`; an iPhone's spatial photo writes `GMT+02:00`."""
    packet = xmp_packet(
        'xmlns:xap="http://ns.adobe.com/xap/1.0/" xap:CreateDate="2005-09-07T15:07:40-07:00">'
    )
    assert describe(jpeg(xmp=packet)).shown["captured_clock"] == "UTC-07:00 (the camera's clock)"
    packet = xmp_packet(
        'xmlns:xmp="x"><xmp:CreateDate>2024-04-22T14:38:09.526GMT+02:00</xmp:CreateDate>'
    )
    facts = describe(jpeg(xmp=packet))
    assert facts.guesses["captured_at"] == ("2024-04-22T14:38:09", "xmp")
    assert facts.shown["captured_clock"] == "UTC+02:00 (the camera's clock)"


def test_xmp_in_a_png_and_a_day_alone_from_photoshop():
    packet = xmp_packet(
        'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:DateCreated="2005-12-17">'
    )
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", packet.decode())
    out = io.BytesIO()
    Image.new("RGB", (32, 24), "teal").save(out, "PNG", pnginfo=info)
    facts = describe(out.getvalue(), "scan.png")
    assert facts.guesses["captured_at"] == ("2005-12-17", "xmp")


def test_the_time_is_not_moved_to_the_adding_computers_zone(monkeypatch: pytest.MonkeyPatch):
    data = jpeg(exif(original="2022:02:16 12:55:41", offsets="+01:00"))
    seen = set()
    for zone in ("UTC", "America/Los_Angeles"):
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        seen.add(describe(data).guesses["captured_at"])
    monkeypatch.delenv("TZ")
    time.tzset()
    assert seen == {("2022-02-16T12:55:41", "exif")}
    assert os.environ.get("TZ") is None


def test_zeros_and_control_codes_are_no_time():
    assert "captured_at" not in describe(jpeg(exif(original="0000:00:00 00:00:00"))).guesses
    packet = xmp_packet('xmlns:xmp="x" xmp:CreateDate="2013-13-45T10:09:46\x1b">')
    assert "captured_at" not in describe(jpeg(xmp=packet)).guesses
