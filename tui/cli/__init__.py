"""The `reclaim` command line. It drives `tui.core` and never the screens: `parser` builds
the parser from one module per group of commands, `terminal_app` starts the app when no
command is given."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import warnings
from collections.abc import Sequence

from tui.cli.common import Handler
from tui.cli.output_encoding import readable_everywhere
from tui.cli.parser import argparse_in_language, asked_language, build_parser
from tui.core.shared import i18n, no_dumps
from tui.core.shared.i18n import _


def main(argv: Sequence[str] | None = None) -> int:
    """`reclaim ARGV` (the process's own arguments when None); the exit status. Safe to
    call again in the same process: nothing of one call is left for the next, but for
    the first thing it does, for good: no core file may ever hold what it reads
    (`no_dumps`). The app and every command start here."""
    no_dumps.forbid_core_dumps()
    quiet_libraries()
    readable_everywhere()
    words = sys.argv[1:] if argv is None else list(argv)
    # Here, not at the top: importing the parser alone loads no more than it needs.
    from tui.cli.discreet_start import discreet_asked, neutral_parser
    from tui.process_name import name_process

    discreet = discreet_asked(words)
    if discreet and argv is None:  # this process's own run (a test's would rename pytest)
        name_process()  # "notes" in ps and top, before any command's work (issue 29)
    before = i18n.person_language()
    # The language first: the parser's help and errors are written in it.
    i18n.set_language(i18n.chosen_language(asked_language(words)))
    try:
        with argparse_in_language():
            parser = build_parser(words)
            if discreet:
                neutral_parser(parser)  # `notes --help` names notes, not Reclaim
            args = parser.parse_args(words)
        return run_command(args)
    finally:
        i18n.set_language(before)


def run_command(args: argparse.Namespace) -> int:
    """The command `args` names; the app, or plain mode, when none is named."""
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None and args.plain:
        from tui.plain.walk import run_from_args

        args.doing = _("walking through your case")
        return run(run_from_args, args)
    if handler is None:
        # Only the app loads Textual: no command pays for it.
        from tui.cli.terminal_app import run_app

        args.doing = _("starting Reclaim")
        return run(run_app, args)
    return run(handler, args)


def quiet_libraries() -> None:
    """The libraries' own log messages (a picture's alpha channel, an odd rotation) are
    for developers and would scribble over the screen: Reclaim says in its own words what
    a person needs to know. Where records go is the program's to decide, once, at its
    start (never a library's level, changed while threads run)."""
    root = logging.getLogger()
    if not any(isinstance(handler, logging.NullHandler) for handler in root.handlers):
        root.addHandler(logging.NullHandler())
    # Likewise a picture library's warnings ("Corrupt EXIF data", printed on the terminal
    # by the warnings module): what a damaged file means is said in Reclaim's words.
    warnings.filterwarnings("ignore", category=UserWarning, module=r"PIL\.")


def run(handler: Handler, args: argparse.Namespace) -> int:
    """Run one command; every failure becomes one plain sentence, never a traceback."""
    from tui.cli.common import warn
    from tui.core.shared.errors import ReclaimError, VaultNotFound, explain

    try:
        return handler(args)
    except KeyboardInterrupt:
        # Not "nothing was changed": work is kept as it is done (each file added, each
        # exhibit checked), and what was done is what the command already said.
        print(
            "\n"
            + _("reclaim: Stopped. What is said above as done is kept; nothing else was done."),
            file=sys.stderr,
        )
        return 130
    except BrokenPipeError:
        # The reader went away (`reclaim takedown list | head -1`): end quietly, as Unix
        # tools do, with the status a shell shows for one stopped by SIGPIPE.
        _stop_writing_to_stdout()
        return 128 + 13
    except VaultNotFound as error:
        warn(_("reclaim: {error} Create one first (reclaim init).").format(error=error))
        return 1
    except Exception as error:
        if os.environ.get("RECLAIM_DEBUG") and not isinstance(error, OSError | ReclaimError):
            raise
        # It may quote a file's name.
        warn(_("reclaim: {problem}").format(problem=explain(error, args.doing)))
        return 1


def _stop_writing_to_stdout() -> None:
    """Point standard output at the null device, so that what is still buffered for the
    closed pipe is dropped at exit instead of failing again there."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (a test's captured output): nothing is left to fail
