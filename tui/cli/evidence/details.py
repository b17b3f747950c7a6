"""An exhibit's details as the person gives them: options, or a TOML file that keeps them
out of the process list and the shell's history."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.core.evidence.model import DETAIL_FIELDS
from tui.core.shared.errors import InputError


def given_details(args: argparse.Namespace) -> dict[str, str | None]:
    """The details given as options, on top of those in `--details-file` (a TOML file,
    or - for standard input), which keeps them out of `ps` and the shell's history."""
    given: dict[str, str | None] = {}
    if getattr(args, "details_file", None):
        given.update(_details_file(args.details_file))
    for name in DETAIL_FIELDS:
        if getattr(args, name, None) is not None:
            given[name] = getattr(args, name)
    return given


def _details_file(source: str) -> dict[str, str]:
    import tomllib  # only when a details file is given (keeps start-up fast)

    try:
        text = sys.stdin.read() if source == "-" else Path(source).expanduser().read_text("utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError):
        raise InputError(f"The details could not be read from {source}.") from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"The details file {source} can't be read: {error}.") from None
    unknown = sorted(set(data) - set(DETAIL_FIELDS))
    if unknown:
        raise InputError(
            f"The details file names {', '.join(unknown)}, which Reclaim doesn't keep; "
            f"it knows {', '.join(DETAIL_FIELDS)}."
        )
    if not all(isinstance(value, str) for value in data.values()):
        raise InputError('In the details file, every value is text in quotes, like url = "…".')
    return {key: str(value) for key, value in data.items()}


def add_detail_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("details")
    group.add_argument("--platform", help="site or app, e.g. Instagram")
    group.add_argument("--url", help="where it was posted")
    group.add_argument("--poster", metavar="NAME", help="username of who posted it")
    group.add_argument(
        "--posted-at",
        metavar="WHEN",
        help='when it was posted, e.g. "5 March 2024 21:14", "March 2024" or "about 2023"',
    )
    group.add_argument(
        "--captured-at",
        metavar="WHEN",
        help='when you captured it, e.g. "6 March 2024 08:15" or 2024-03-06',
    )
    group.add_argument("--caption", metavar="TEXT", help="captions and comments seen with it")
    group.add_argument("--description", metavar="TEXT", help="what it shows")
    group.add_argument("--significance", metavar="TEXT", help="why it matters")
    group.add_argument("--notes", metavar="TEXT", help="anything else")
    group.add_argument(
        "--details-file",
        metavar="PATH",
        help="read the details from a TOML file (- for standard input), e.g. "
        'poster = "someuser"; keeps them out of the process list and shell history',
    )
