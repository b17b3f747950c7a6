"""A package's time-stamp files and how to check them: for each stamp kept, its request,
its reply, the listing it covers and the roots it chains to, with the `openssl ts -verify`
lines that check them (HOW-TO-CHECK.txt)."""

from __future__ import annotations

from tui.core.shared.i18n import N_, _
from tui.core.timestamps.stamps import Stamp

FOLDER = "data/timestamps"
README_LINE = f"  {FOLDER + '/':<24}trusted times (RFC 3161): requests, replies, listings\n"

HOW_TO_CHECK = N_("""
Trusted times (RFC 3161 time-stamps)
------------------------------------

A public timestamp authority signed the SHA-256 of a listing of every exhibit's SHA-256
and the custody log's last entry. In {folder}/, for each time-stamp:
  timestamp-N.tsq          the request Reclaim wrote
  timestamp-N.tsr          the authority's signed reply, with its time
  timestamp-N.covers.txt   the listing it covers (sha256sum of it gives the request's value)
  timestamp-N.ca.pem       the authority's root certificate (or download it from the
                           authority's own site and use that instead)

With OpenSSL (Linux, macOS; on Windows the one that comes with Git), in this folder:
{commands}
Each should say "Verification: OK". The first checks the reply against the request; the
second against the listing itself. To see the time:
  openssl ts -reply -in {folder}/timestamp-N.tsr -text
Each "exhibit" line of a listing gives an exhibit's SHA-256: it is the same value as that
exhibit's original in manifest-sha256.txt (data/originals/E-...).
""")


def stamp_files(stamp: Stamp) -> list[tuple[str, bytes]]:
    """The package's files for one kept stamp: path under the bag, content."""
    stem = f"{FOLDER}/{stamp.file_stem}"
    return [
        (f"{stem}.tsq", stamp.request),
        (f"{stem}.tsr", stamp.reply or b""),
        (f"{stem}.covers.txt", stamp.listing.encode()),
        (f"{stem}.ca.pem", stamp.roots_pem.encode("ascii")),
    ]


def how_to_check(stamps: list[Stamp]) -> str:
    """HOW-TO-CHECK.txt's section for the stamps kept ('' when there is none)."""
    if not stamps:
        return ""
    commands = ""
    for stamp in stamps:
        stem = f"{FOLDER}/{stamp.file_stem}"
        ca = f"-CAfile {stem}.ca.pem"
        verify = f"  openssl ts -verify -in {stem}.tsr"  # i18n: not shown
        commands += f"{verify} -queryfile {stem}.tsq {ca}\n"  # i18n: not shown
        commands += f"{verify} -data {stem}.covers.txt {ca}\n"  # i18n: not shown
    return _(HOW_TO_CHECK).format(folder=FOLDER, commands=commands)
