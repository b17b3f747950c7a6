"""Outlook `.msg` files crafted to cost time or memory: thousands of attachments, a
directory of long chains, a body far longer than is printed, compressed RTF that claims
a gigabyte. Each is read in one child Python under a memory limit (as the other hostile
files are, see `crafted_reader`); each must give its sentences, not an error."""

from __future__ import annotations

import struct

from tests.evidence.formats.crafted_reader import CraftedReader
from tests.support.outlook import message
from tui.core.evidence.formats.outlook import MAX_ATTACHMENTS, MAX_RTF_BYTES

TIMEOUT = 30
READER = CraftedReader("tests.evidence.formats.test_hostile_outlook", TIMEOUT)
CASES = READER.cases
read_in_child = READER.read
NAME = "mail.msg"


def msg_many_attachments() -> bytes:
    return message(
        attachments=[(f"{n}.txt", "text/plain", b"%d" % n) for n in range(MAX_ATTACHMENTS + 10)]
    )


def msg_chained_directory() -> bytes:
    """Every storage's children in one long chain of links: thousands deep."""
    return message(attachments=[(f"{n}.txt", "text/plain", b"x") for n in range(1100)],
                   balanced=False)  # fmt: skip


def msg_long_body() -> bytes:
    return message(body="The threat. " + "x" * 1_500_000)


def msg_rtf_bomb() -> bytes:
    """Compressed RTF of back references only, claiming a gigabyte of RTF."""
    at, body = 207, bytearray()
    for _ in range(30_000):
        body.append(0xFF)
        for _ in range(8):
            offset = (at + 100) % 4096  # never the end mark
            body += bytes([offset >> 4, (offset & 0xF) << 4 | 0xF])
            at = (at + 17) % 4096
    header = struct.pack("<4I", len(body) + 12, 1 << 30, 0x75465A4C, 0)
    return message(body=None, rtf=header + bytes(body))


for build in ("msg_many_attachments", "msg_chained_directory", "msg_long_body", "msg_rtf_bomb"):
    READER.case(build, NAME)


def test_thousands_of_attachments_are_listed_to_a_bound_and_say_so():
    answer = read_in_child("msg_many_attachments", NAME)
    assert answer["handler"] == "OutlookEmail"
    assert len(answer["shown"]["attachments"]) == MAX_ATTACHMENTS
    assert answer["problem"] == f"Only the first {MAX_ATTACHMENTS} attachments were read."
    assert f"Only the first {MAX_ATTACHMENTS} attachments are listed." in answer["notices"]


def test_a_directory_of_long_chains_is_read_or_said_to_be_damaged():
    answer = read_in_child("msg_chained_directory", NAME)
    assert answer["handler"] == "OutlookEmail"
    if answer["problem"]:
        assert answer["problem"] == "This Outlook email can't be read: it may be damaged."
    else:
        assert "Delete them now" in answer["printed"]


def test_a_long_body_is_printed_in_part():
    answer = read_in_child("msg_long_body", NAME)
    assert answer["printed"].count("The threat.") == 1
    assert "[… the rest is in the original file]" in answer["printed"]


def test_compressed_rtf_is_decompressed_no_further_than_its_bound():
    answer = read_in_child("msg_rtf_bomb", NAME)
    assert answer["reason"] == "" and answer["peak_mib"] < 1024
    assert answer["seconds"] < TIMEOUT
    assert len(answer["printed"]) <= MAX_RTF_BYTES + 1000
