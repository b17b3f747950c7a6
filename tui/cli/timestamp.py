"""`reclaim timestamp request|add|list`: a trusted time for the case, obtained offline. The
request is a file carried to any other device and sent to a public timestamp authority
there; Reclaim itself never goes online."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.cli.common import Commands, add_command, add_group, open_vault, say, say_json
from tui.core.shared.display import shown
from tui.core.shared.i18n import _


def _instructions(request: Path, listing: Path) -> list[str]:
    from tui.core.timestamps.authorities import AUTHORITIES

    name = request.name
    # Each step is one paragraph for translators; its lines are kept as they are written.
    lines = [
        "",
        _("How to get the time-stamp (Reclaim never goes online itself)"),
        "",
        *_(
            "1. Copy {name} to any computer or phone that is online (a USB drive, email to\n"
            "   yourself). It holds only a fingerprint of the case: no picture, no name, "
            "no detail."
        )
        .format(name=name)
        .splitlines(),
        _("2. Send it to one public timestamp authority (or to each, for more than one stamp):"),
    ]
    for authority in AUTHORITIES:
        root = _("(root: {roots})").format(roots=authority.roots)
        lines.append(f"     {authority.name:<9} {authority.url}  {root}")
    first = AUTHORITIES[0]
    lines += [
        _("   With curl (Linux, macOS, and Windows 10 or later), in the folder holding the file:"),
        f"     curl -H 'Content-Type: application/timestamp-query' "  # i18n: not shown
        f"--data-binary @{name} {first.url} -o reply.tsr",
        _("   (openssl ts -query -in FILE -text shows what the request asks for.)"),
        *_(
            "3. Bring reply.tsr back to this computer and keep it in the case:\n"
            "     reclaim timestamp add reply.tsr\n"
            "   For an authority whose root is not shipped, add --ca-file with its root\n"
            "   certificate (a .pem file from the authority's own site)."
        ).splitlines(),
        "",
        *_(
            "{listing} lists what the stamp covers; sha256sum {listing} gives the\n"
            "fingerprint above. Keep both files with the reply."
        )
        .format(listing=listing.name)
        .splitlines(),
    ]
    return lines


def cmd_request(args: argparse.Namespace) -> int:
    from tui.core.timestamps.stamps import listing_path, make_request

    destination = Path(args.out).expanduser()
    with open_vault(args) as vault:
        stamp = make_request(vault, destination)
    listing = listing_path(destination)
    for line in (
        _("Wrote the time-stamp request {name}: {path}\nand what it covers: {listing}")
        .format(name=stamp.name, path=shown(str(destination)), listing=shown(str(listing)))
        .splitlines()
    ):
        say(line)
    say(
        _(
            "It covers {covers} (the SHA-256 of each original) and the custody log up to "
            "entry {entry}."
        ).format(covers=stamp.covers, entry=stamp.custody_entry)
    )
    say(_("Fingerprint (SHA-256 of the listing): {digest}").format(digest=stamp.digest))
    for line in _instructions(destination, listing):
        say(shown(line))
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from tui.core.timestamps.stamps import add_reply, read_file

    reply = read_file(Path(args.reply).expanduser(), _("a time-stamp reply"))
    ca = (
        read_file(Path(args.ca_file).expanduser(), _("a certificate file"))
        if args.ca_file
        else None
    )
    with open_vault(args) as vault:
        stamp = add_reply(vault, reply, ca)
    say(
        _(
            "Kept the time-stamp {name}: {covers} existed no later than {when}, per {authority}."
        ).format(
            name=stamp.name,
            covers=stamp.covers,
            when=_when(stamp.time),
            authority=shown(stamp.authority),
        )
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
        say(_("No time-stamp yet. reclaim timestamp request FILE.tsq makes a request."))
        return 0
    for stamp in stamps:
        if stamp.time:
            say(f"{stamp.name}  {_when(stamp.time)}  {shown(stamp.authority)}")
        else:
            waiting = _("waiting for its reply (requested {when})").format(
                when=_when(stamp.requested_at)
            )
            say(f"{stamp.name}  {waiting}")
        covers = _("covers {covers}, custody log to entry {entry}").format(
            covers=stamp.covers, entry=stamp.custody_entry
        )
        say(f"      {covers}")
        say(f"      sha256 {stamp.digest}")
    return 0


def register(commands: Commands) -> None:
    group = add_group(commands, "timestamp", _("a trusted time for the case, obtained offline"))
    request = add_command(
        group,
        "request",
        cmd_request,
        _("making the time-stamp request"),
        _("write an RFC 3161 request (OUT.tsq) to send from another device"),
    )
    request.add_argument("out", metavar="OUT.tsq", help=_("the request file to write"))
    add = add_command(
        group,
        "add",
        cmd_add,
        _("keeping the time-stamp reply"),
        _("check an authority's reply (REPLY.tsr) offline and keep it in the case"),
    )
    add.add_argument("reply", metavar="REPLY.tsr", help=_("the reply the authority sent back"))
    add.add_argument(
        "--ca-file", metavar="PEM", help=_("the authority's root certificate, if not shipped")
    )
    listed = add_command(
        group,
        "list",
        cmd_list,
        _("listing the time-stamps"),
        _("each time-stamp, its time and authority"),
    )
    listed.add_argument("--json", action="store_true", help=_("machine-readable output"))
