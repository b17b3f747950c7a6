"""The `reclaim` command line. It drives `tui.core` and never the screens."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from tui import __version__

Handler = Callable[[argparse.Namespace], int]

RECOVERY_NOTICE = """\
Your recovery code (write it down now; it is shown only this once):

    {code}

With it you can open the case if you forget your passphrase. Keep it on paper,
somewhere safe and away from this computer: anyone who has it can open the case."""


# ---- reading secrets ----------------------------------------------------------------


def _read_line(source: str, what: str) -> str:
    if source == "-":
        line = sys.stdin.readline()
    else:
        from tui.core.errors import InputError

        try:
            with Path(source).open(encoding="utf-8") as handle:
                line = handle.readline()
        except FileNotFoundError:
            raise InputError(f"There is no file at {source} to read the {what} from.") from None
        except (OSError, UnicodeDecodeError):
            raise InputError(f"The {what} could not be read from {source}.") from None
    return line.removesuffix("\n").removesuffix("\r")


def read_secret(source: str | None, what: str) -> str:
    """A passphrase or code from a file, standard input, or a no-echo terminal prompt."""
    from tui.core.errors import InputError

    if source is not None:
        secret = _read_line(source, what)
    elif sys.stdin.isatty():
        secret = getpass.getpass(f"{what[0].upper()}{what[1:]}: ")
    else:
        raise InputError(
            f"No {what} was given. Use --passphrase-file FILE (or - for standard input), "
            "or run this in a terminal."
        )
    if not secret:
        raise InputError(f"The {what} is empty.")
    return secret


def read_new_passphrase(source: str | None) -> str:
    """A new passphrase: typed twice on a terminal, checked for strength."""
    from tui.core.errors import InputError
    from tui.core.strength import weakness

    passphrase = read_secret(source, "new passphrase")
    if source is None and getpass.getpass("Type it again: ") != passphrase:
        raise InputError("The two passphrases are not the same; nothing was changed.")
    if problem := weakness(passphrase):
        raise InputError(problem)
    return passphrase


# ---- opening the vault --------------------------------------------------------------


def vault_path(args: argparse.Namespace) -> Path:
    from tui.core.layout import default_vault_dir

    return Path(args.vault).expanduser() if args.vault else default_vault_dir()


def open_vault(args: argparse.Namespace) -> Any:
    """Unlock with the recovery code, a remembered key, or the passphrase."""
    from tui.core import device_keyring
    from tui.core.errors import VaultDamaged
    from tui.core.vault import Vault, read_header

    path = vault_path(args)
    header = read_header(path)
    if getattr(args, "recovery_code", False):
        return Vault.open(path, recovery_code=read_secret(args.passphrase_file, "recovery code"))
    if args.passphrase_file is None and (key := device_keyring.recall(header.vault_id)):
        try:
            return Vault.open(path, data_key=key)
        except VaultDamaged:
            pass  # a stale remembered key: fall back to asking
    return Vault.open(path, passphrase=read_secret(args.passphrase_file, "passphrase"))


# ---- progress -----------------------------------------------------------------------


class StderrProgress:
    """Progress for long work, on standard error, at most a few times a second."""

    THRESHOLD = 32 * 1024 * 1024

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self._last = 0.0
        self._shown = False

    def __call__(self, done: int, total: int) -> None:
        if total < self.THRESHOLD:
            return
        now = time.monotonic()
        if done < total and now - self._last < 0.5:
            return
        self._last = now
        percent = 100 * done // max(total, 1)
        end = "\r" if self.stream.isatty() and done < total else "\n"
        self.stream.write(f"{self.label}: {percent}% of {_size(total)}{end}")
        self.stream.flush()
        self._shown = True


def _size(count: int) -> str:
    value = float(count)
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{count} bytes"


def _say(text: str = "") -> None:
    print(text, flush=True)


# ---- commands -----------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    from tui.core.vault import Vault

    path = vault_path(args)
    passphrase = read_new_passphrase(args.passphrase_file)
    vault, code = Vault.create(path, passphrase)
    vault.close()
    _say(f"Your case is ready at {path}.\n")
    _say(RECOVERY_NOTICE.format(code=code))
    return 0


def cmd_unlock(args: argparse.Namespace) -> int:
    with open_vault(args):
        _say("That opens this case.")
    return 0


def cmd_passphrase_change(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.change_passphrase(read_new_passphrase(args.new_passphrase_file))
    _say("Your passphrase is changed. Your recovery code still works.")
    return 0


def cmd_remember(args: argparse.Namespace) -> int:
    from tui.core import device_keyring
    from tui.core.errors import InputError

    if not device_keyring.available():
        raise InputError(
            "This computer has no keyring Reclaim can use, so the case can't be "
            "remembered here; you will be asked for the passphrase each time."
        )
    with open_vault(args) as vault:
        if not device_keyring.remember(vault.header.vault_id, vault.data_key):
            raise InputError("The keyring refused to store the key; nothing was remembered.")
    _say("This computer now opens the case without asking. Undo it with: reclaim forget")
    return 0


def cmd_forget(args: argparse.Namespace) -> int:
    from tui.core import device_keyring
    from tui.core.vault import read_header

    device_keyring.forget(read_header(vault_path(args)).vault_id)
    _say("This computer no longer remembers the case; the passphrase will be asked.")
    return 0


def _details(args: argparse.Namespace) -> dict[str, str | None]:
    from tui.core.evidence import DETAIL_FIELDS

    return {name: getattr(args, name, None) for name in DETAIL_FIELDS}


def cmd_evidence_add(args: argparse.Namespace) -> int:
    from tui.core.evidence import add_file, clean_details, open_source

    details = _details(args)
    clean_details(details)  # refuse a bad date before anything is opened
    paths = [Path(name) for name in args.files]
    for path in paths:  # every file must be readable before the first is added
        open_source(path).close()
    with open_vault(args) as vault:
        for path in paths:
            result = add_file(vault, path, details, StderrProgress(f"Adding {path.name}"))
            exhibit = result.exhibit
            if result.duplicate:
                print(
                    f"{path} is already in the case as {exhibit.id}; it was not added again.",
                    file=sys.stderr,
                )
                continue
            _say(f"{exhibit.id}  {path.name}  sha256:{exhibit.sha256}")
    return 0


def cmd_evidence_list(args: argparse.Namespace) -> int:
    from tui.core.evidence import list_exhibits

    with open_vault(args) as vault:
        exhibits = list_exhibits(vault)
    if args.json:
        records = [{k: v for k, v in e.to_record().items() if k != "blob"} for e in exhibits]
        _say(json.dumps(records, indent=2, ensure_ascii=False))
        return 0
    if not exhibits:
        _say("No evidence yet. Add some with: reclaim evidence add FILE")
        return 0
    _say(f"{'ID':<8}{'ADDED':<12}{'TYPE':<18}{'SIZE':>10}  {'PLATFORM':<12}DESCRIPTION")
    for e in exhibits:
        description = e.description or e.original_name
        if e.excluded:
            description += " (left out of the binder)"
        _say(
            f"{e.id:<8}{e.added_at[:10]:<12}{e.media_type[:17]:<18}{_size(e.size):>10}  "
            f"{e.platform[:11]:<12}{description}"
        )
    return 0


def cmd_evidence_show(args: argparse.Namespace) -> int:
    from tui.core.evidence import get_exhibit

    with open_vault(args) as vault:
        exhibit = get_exhibit(vault, args.id)
    record = {k: v for k, v in exhibit.to_record().items() if k != "blob"}
    if args.json:
        _say(json.dumps(record, indent=2, ensure_ascii=False))
        return 0
    for key, value in record.items():
        if value not in ("", None, {}):
            _say(f"{key.replace('_', ' ') + ':':<18}{value}")
    return 0


def cmd_evidence_edit(args: argparse.Namespace) -> int:
    from tui.core.evidence import clean_details, update_details

    details = {k: v for k, v in _details(args).items() if v is not None}
    clean_details(details)
    if not details:
        from tui.core.errors import InputError

        raise InputError("Nothing to change: give at least one detail, like --platform.")
    with open_vault(args) as vault:
        exhibit = update_details(vault, args.id, details)
    _say(f"{exhibit.id} is updated.")
    return 0


def cmd_evidence_verify(args: argparse.Namespace) -> int:
    from tui.core.evidence import list_exhibits, verify_all

    with open_vault(args) as vault:
        problems = verify_all(vault, StderrProgress("Checking"))
        count = len(list_exhibits(vault))
    if not problems:
        _say(
            f"All {count} exhibits match the hashes taken when they were added, "
            "and the custody log is whole."
        )
        return 0
    for problem in problems:
        _say(f"{problem.exhibit}: {problem.what}.")
    damaged = len({p.exhibit for p in problems if p.exhibit != "log"})
    _say(
        f"{damaged} of {count} exhibits are damaged or missing. "
        "Restore them from a backup copy; the rest are intact."
    )
    return 1


def cmd_evidence_export(args: argparse.Namespace) -> int:
    from tui.core.evidence import export_original

    with open_vault(args) as vault:
        target = export_original(vault, args.id, Path(args.dest).expanduser())
    _say(f"Wrote the original bytes to {target}; its SHA-256 matches the one taken at intake.")
    return 0


def cmd_log(args: argparse.Namespace) -> int:
    from tui.core import custody

    with open_vault(args) as vault:
        table = vault.table(custody.TABLE)
        entries, problems = custody.entries(table), custody.verify(table)
    if args.json:
        _say(json.dumps(entries, indent=2, ensure_ascii=False))
    else:
        for entry in entries:
            details = ", ".join(f"{k}={v}" for k, v in entry["details"].items())
            _say(f"{entry['seq']:>5}  {entry['at']}  {entry['action']:<8} {details}")
    for problem in problems:
        print(f"Warning: {problem}.", file=sys.stderr)
    return 1 if problems else 0


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


# ---- the parser ---------------------------------------------------------------------


def _common(parser: argparse.ArgumentParser, top: bool) -> None:
    """Options every command takes, before or after the command's name."""
    default: Any = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--vault",
        metavar="DIR",
        default=default,
        help="the case folder (default: your data folder)",
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="PATH",
        default=default,
        help="read the passphrase from the first line of PATH (- for standard input)",
    )


def _detail_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("details")
    group.add_argument("--platform", help="site or app, e.g. Instagram")
    group.add_argument("--url", help="where it was posted")
    group.add_argument("--poster", metavar="NAME", help="username of who posted it")
    group.add_argument(
        "--posted-at", metavar="WHEN", help="when it was posted, e.g. 2024-03-05 21:14"
    )
    group.add_argument("--captured-at", metavar="WHEN", help="when you captured it")
    group.add_argument("--caption", metavar="TEXT", help="captions and comments seen with it")
    group.add_argument("--description", metavar="TEXT", help="what it shows")
    group.add_argument("--significance", metavar="TEXT", help="why it matters")
    group.add_argument("--notes", metavar="TEXT", help="anything else")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
    _common(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(
        group: Any, name: str, handler: Handler, doing: str, help_text: str
    ) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = group.add_parser(
            name, help=help_text, description=help_text
        )
        _common(sub, top=False)
        sub.set_defaults(handler=handler, doing=doing)
        return sub

    command(commands, "init", cmd_init, "creating the case", "create a new case vault")
    unlock = command(
        commands, "unlock", cmd_unlock, "opening the case", "check that the case opens"
    )
    unlock.add_argument(
        "--recovery-code",
        action="store_true",
        help="use the recovery code instead of the passphrase",
    )
    command(
        commands,
        "remember",
        cmd_remember,
        "remembering the case",
        "open the case on this computer without asking (OS keyring)",
    )
    command(commands, "forget", cmd_forget, "forgetting the case", "undo remember")
    log = command(commands, "log", cmd_log, "reading the custody log", "show the custody log")
    log.add_argument("--json", action="store_true", help="machine-readable output")

    passphrase = commands.add_parser("passphrase", help="change the passphrase")
    passphrase_commands = passphrase.add_subparsers(dest="passphrase_command", metavar="COMMAND")
    passphrase_commands.required = True
    change = command(
        passphrase_commands,
        "change",
        cmd_passphrase_change,
        "changing the passphrase",
        "set a new passphrase (the evidence is not re-encrypted)",
    )
    change.add_argument(
        "--recovery-code", action="store_true", help="prove it is you with the recovery code"
    )
    change.add_argument(
        "--new-passphrase-file",
        metavar="PATH",
        help="read the new passphrase from PATH (- for stdin)",
    )

    evidence = commands.add_parser("evidence", help="add, list, check and export evidence")
    evidence_commands = evidence.add_subparsers(dest="evidence_command", metavar="COMMAND")
    evidence_commands.required = True
    add = command(
        evidence_commands,
        "add",
        cmd_evidence_add,
        "adding the evidence",
        "copy files into the case, untouched, with their SHA-256",
    )
    add.add_argument("files", nargs="+", metavar="FILE")
    _detail_options(add)
    listing = command(
        evidence_commands, "list", cmd_evidence_list, "listing the evidence", "list the evidence"
    )
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    show = command(
        evidence_commands,
        "show",
        cmd_evidence_show,
        "reading the evidence",
        "show one exhibit's details",
    )
    show.add_argument("id", metavar="ID")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    edit = command(
        evidence_commands,
        "edit",
        cmd_evidence_edit,
        "saving the details",
        "change one exhibit's details",
    )
    edit.add_argument("id", metavar="ID")
    _detail_options(edit)
    command(
        evidence_commands,
        "verify",
        cmd_evidence_verify,
        "checking the evidence",
        "decrypt and re-hash every exhibit",
    )
    export = command(
        evidence_commands,
        "export",
        cmd_evidence_export,
        "exporting the evidence",
        "write one exhibit's original bytes to DEST",
    )
    export.add_argument("id", metavar="ID")
    export.add_argument("dest", metavar="DEST", help="a file name, or a folder to put it in")
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
    from tui.core.errors import ReclaimError, explain

    try:
        return handler(args)
    except KeyboardInterrupt:
        print("\nreclaim: Stopped; nothing was changed.", file=sys.stderr)
        return 130
    except Exception as error:
        if os.environ.get("RECLAIM_DEBUG") and not isinstance(error, OSError | ReclaimError):
            raise
        print(f"reclaim: {explain(error, args.doing)}", file=sys.stderr)
        return 1
