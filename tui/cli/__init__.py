"""The `reclaim` command line. It drives `tui.core` and never the screens; each group of
commands lives in its own module here and adds itself to the parser."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tui import __version__
from tui.cli import (
    binder,
    case,
    checklist,
    copies,
    evidence,
    legal,
    letter,
    password,
    takedown,
    timeline,
)
from tui.cli.common import Handler, add_common_options, vault_path


def run_app(args: argparse.Namespace) -> int:
    """The terminal app: the default vault (or --vault), a kiosk, or the demo case."""
    from tui.app import ReclaimApp
    from tui.core.settings import load_settings

    settings = load_settings(Path(args.config).expanduser() if args.config else None)
    if not args.demo:
        ReclaimApp(vault_path(args), settings, kiosk=args.kiosk).run()
        return 0
    from tui.core.demo import DEMO_PASSPHRASE, create_demo_case, remove_demo_case

    demo = create_demo_case()
    try:
        hint = f"This is the made-up sample case. Its passphrase is: {DEMO_PASSPHRASE}"
        ReclaimApp(demo.path, settings, demo_vault=demo, demo_hint=hint).run()
    finally:
        remove_demo_case(demo)
    return 0


class ReclaimParser(argparse.ArgumentParser):
    """argparse without abbreviations (`--passphrase` must never be taken for
    `--passphrase-file`), and an unknown option named without repeating what followed it:
    that may be a passphrase someone tried to type on the command line."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def parse_args(self, args: Any = None, namespace: Any = None) -> Any:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            options = sorted({extra.split("=", 1)[0] for extra in extras if extra[:1] == "-"})
            if any("pass" in option or "code" in option for option in options):
                hint = (
                    " A passphrase or recovery code is never taken on the command line: "
                    "use --passphrase-file (or type it when asked)."
                )
            else:
                hint = ""
            named = ", ".join(options) if options else "some words"
            self.error(f"{named}: not something this command takes.{hint}")
        return parsed


def build_parser() -> argparse.ArgumentParser:
    parser = ReclaimParser(
        prog="reclaim",
        description=(
            "Reclaim keeps the evidence of image-based abuse safe, encrypted on this "
            "computer, and helps you put your case in order."
        ),
    )
    parser.add_argument("--version", action="version", version=f"reclaim {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="open a made-up sample case (removed on exit)"
    )
    parser.add_argument(
        "--kiosk", action="store_true", help="clinic mode: separate cases, short idle lock"
    )
    parser.add_argument("--config", metavar="PATH", help="settings file (idle lock, contacts)")
    add_common_options(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (
        case,
        evidence,
        copies,
        timeline,
        binder,
        takedown,
        letter,
        legal,
        checklist,
        password,
    ):
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        args.doing = "starting Reclaim"
        return run(run_app, args)
    return run(handler, args)


def run(handler: Handler, args: argparse.Namespace) -> int:
    """Run one command; every failure becomes one plain sentence, never a traceback."""
    from tui.cli.common import warn
    from tui.core.errors import ReclaimError, explain

    try:
        return handler(args)
    except KeyboardInterrupt:
        print("\nreclaim: Stopped; nothing was changed.", file=sys.stderr)
        return 130
    except Exception as error:
        if os.environ.get("RECLAIM_DEBUG") and not isinstance(error, OSError | ReclaimError):
            raise
        warn(f"reclaim: {explain(error, args.doing)}")  # it may quote a file's name
        return 1
