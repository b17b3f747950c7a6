"""An exhibit's details as the person gives them: options, or a TOML file that keeps them
out of the process list and the shell's history."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.core.evidence.model import DETAIL_FIELDS
from tui.core.shared.errors import InputError
from tui.core.shared.i18n import _


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
        raise InputError(
            _("The details could not be read from {path}.").format(path=source)
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(
            _("The details file {path} can't be read: {problem}.").format(
                path=source, problem=error
            )
        ) from None
    unknown = sorted(set(data) - set(DETAIL_FIELDS))
    if unknown:
        raise InputError(
            _(
                "The details file names {names}, which Reclaim doesn't keep; it knows {known}."
            ).format(names=", ".join(unknown), known=", ".join(DETAIL_FIELDS))
        )
    if not all(isinstance(value, str) for value in data.values()):
        raise InputError(_('In the details file, every value is text in quotes, like url = "…".'))
    return {key: str(value) for key, value in data.items()}


def add_detail_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(_("details"))
    group.add_argument("--platform", help=_("site or app, e.g. Instagram"))
    group.add_argument("--url", help=_("where it was posted"))
    group.add_argument("--poster", metavar="NAME", help=_("username of who posted it"))
    group.add_argument(
        "--posted-at",
        metavar="WHEN",
        help=_('when it was posted, e.g. "5 March 2024 21:14", "March 2024" or "about 2023"'),
    )
    group.add_argument(
        "--captured-at",
        metavar="WHEN",
        help=_('when you captured it, e.g. "6 March 2024 08:15" or 2024-03-06'),
    )
    group.add_argument("--caption", metavar="TEXT", help=_("captions and comments seen with it"))
    group.add_argument("--description", metavar="TEXT", help=_("what it shows"))
    group.add_argument("--significance", metavar="TEXT", help=_("why it matters"))
    group.add_argument("--notes", metavar="TEXT", help=_("anything else"))
    group.add_argument(
        "--details-file",
        metavar="PATH",
        help=_(
            "read the details from a TOML file (- for standard input), e.g. "
            'poster = "someuser"; keeps them out of the process list and shell history'
        ),
    )
