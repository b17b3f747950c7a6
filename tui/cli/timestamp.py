"""`reclaim timestamp request|add|list`: a trusted time for the case, obtained offline. The
request is a file carried to any other device and sent to a public timestamp authority
there; Reclaim itself never goes online."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.cli.common import Commands, add_command, add_group, open_vault, say, say_json
from tui.core.shared.display import shown


def _instructions(request: Path, listing: Path) -> list[str]:
    from tui.core.timestamps.authorities import AUTHORITIES

    name = request.name
    lines = [
        "",
        "How to get the time-stamp (Reclaim never goes online itself)",
        "",
        f"1. Copy {name} to any computer or phone that is online (a USB drive, email to",
        "   yourself). It holds only a fingerprint of the case: no picture, no name, no detail.",
        "2. Send it to one public timestamp authority (or to each, for more than one stamp):",
    ]
    for authority in AUTHORITIES:
        lines.append(f"     {authority.name:<9} {authority.url}  (root: {authority.roots})")
    first = AUTHORITIES[0]
    lines += [
        "   With curl (Linux, macOS, and Windows 10 or later), in the folder holding the file:",
        f"     curl -H 'Content-Type: application/timestamp-query' --data-binary @{name} "
        f"{first.url} -o reply.tsr",
        "   (openssl ts -query -in FILE -text shows what the request asks for.)",
        "3. Bring reply.tsr back to this computer and keep it in the case:",
        "     reclaim timestamp add reply.tsr",
        "   For an authority whose root is not shipped, add --ca-file with its root",
        "   certificate (a .pem file from the authority's own site).",
        "",
        f"{listing.name} lists what the stamp covers; sha256sum {listing.name} gives the",
        "fingerprint above. Keep both files with the reply.",
    ]
    return lines


def cmd_request(args: argparse.Namespace) -> int:
    from tui.core.timestamps.stamps import listing_path, make_request

    destination = Path(args.out).expanduser()
    with open_vault(args) as vault:
        stamp = make_request(vault, destination)
    listing = listing_path(destination)
    say(f"Wrote the time-stamp request {stamp.name}: {shown(str(destination))}")
    say(f"and what it covers: {shown(str(listing))}")
    say(
        f"It covers {stamp.covers} (the SHA-256 of each original) and the custody log up to "
        f"entry {stamp.custody_entry}."
    )
    say(f"Fingerprint (SHA-256 of the listing): {stamp.digest}")
    for line in _instructions(destination, listing):
        say(shown(line))
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from tui.core.timestamps.stamps import add_reply, read_file

    reply = read_file(Path(args.reply).expanduser(), "a time-stamp reply")
    ca = read_file(Path(args.ca_file).expanduser(), "a certificate file") if args.ca_file else None
    with open_vault(args) as vault:
        stamp = add_reply(vault, reply, ca)
    say(
        f"Kept the time-stamp {stamp.name}: {stamp.covers} existed no later than "
        f"{_when(stamp.time)}, per {shown(stamp.authority)}."
    )
    return 0


def _when(stamp_time: str | None) -> str:
    return (stamp_time or "").replace("T", " ").replace("Z", " UTC")


def cmd_list(args: argparse.Namespace) -> int:
    from tui.core.timestamps.stamps import list_stamps

    with open_vault(args) as vault:
        stamps = list_stamps(vault)
    if args.json:
        say_json([stamp.listed() for stamp in stamps])
        return 0
    if not stamps:
        say("No time-stamp yet. reclaim timestamp request FILE.tsq makes a request.")
        return 0
    for stamp in stamps:
        if stamp.time:
            say(f"{stamp.name}  {_when(stamp.time)}  {shown(stamp.authority)}")
        else:
            say(f"{stamp.name}  waiting for its reply (requested {_when(stamp.requested_at)})")
        say(f"      covers {stamp.covers}, custody log to entry {stamp.custody_entry}")
        say(f"      sha256 {stamp.digest}")
    return 0


def register(commands: Commands) -> None:
    group = add_group(commands, "timestamp", "a trusted time for the case, obtained offline")
    request = add_command(
        group,
        "request",
        cmd_request,
        "making the time-stamp request",
        "write an RFC 3161 request (OUT.tsq) to send from another device",
    )
    request.add_argument("out", metavar="OUT.tsq", help="the request file to write")
    add = add_command(
        group,
        "add",
        cmd_add,
        "keeping the time-stamp reply",
        "check an authority's reply (REPLY.tsr) offline and keep it in the case",
    )
    add.add_argument("reply", metavar="REPLY.tsr", help="the reply the authority sent back")
    add.add_argument(
        "--ca-file", metavar="PEM", help="the authority's root certificate, if not shipped"
    )
    listed = add_command(
        group,
        "list",
        cmd_list,
        "listing the time-stamps",
        "each time-stamp, its time and authority",
    )
    listed.add_argument("--json", action="store_true", help="machine-readable output")
