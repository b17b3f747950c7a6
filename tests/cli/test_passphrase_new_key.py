"""`reclaim passphrase change --new-key` killed (kill -9) or stopped (Ctrl+C) in a real
process, before and after its point of no return: the new recovery code was printed
before that point; before it, the old passphrase and code open the case as it was
(and the next open says so, or Ctrl+C said so); after it, the next open finishes the
change with either passphrase and says so, and the printed code opens it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.cases import FAST_KDF, NEW_PASSPHRASE, PASSPHRASE
from tests.support.cli import run_reclaim
from tests.support.pictures import make_png
from tui.core.evidence.adding import add_file
from tui.core.shared.errors import WrongPassphrase
from tui.core.vault import key_change
from tui.core.vault.vault import Vault

ROOT = Path(__file__).resolve().parents[2]

#: `reclaim ARGS` in a process of its own, which sends itself `signal` at `point`: at the
#: second blob re-encrypted (before the point of no return) or as the roll forward
#: begins (just after it). Argon2 is made cheap, as in every test.
STOPPING = """
import os, signal, sys
# Ctrl+C as in a terminal: a run started in the background (nohup, `&`) ignores SIGINT,
# and a Python started so keeps ignoring it.
signal.signal(signal.SIGINT, signal.default_int_handler)
from tests.support.cases import FAST_KDF
from tui.core.vault import key_change, keys, reencrypt

keys.calibrate = lambda *args, **kwargs: FAST_KDF
point, signal_number = sys.argv[1], int(sys.argv[2])
places = {"staging": (reencrypt, "stage_blob"), "committed": (key_change, "roll_forward")}
module, name = places[point]
real, calls = getattr(module, name), []

def stopping(*args, **kwargs):
    calls.append(1)
    if point == "committed" or len(calls) == 2:
        os.kill(os.getpid(), signal_number)
    return real(*args, **kwargs)

setattr(module, name, stopping)
from tui.cli import main
sys.exit(main(sys.argv[3:]))
"""


def change_stopped(
    vault: Vault, tmp_path: Path, passphrase_file: Path, point: str, sent: signal.Signals
) -> subprocess.CompletedProcess[str]:
    new = tmp_path / "new.txt"
    new.write_text(NEW_PASSPHRASE + "\n")
    return subprocess.run(
        [sys.executable, "-c", STOPPING, point, str(int(sent)),
         "passphrase", "change", "--new-key", "--vault", str(vault.path),
         "--passphrase-file", str(passphrase_file), "--new-passphrase-file", str(new)],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, stdin=subprocess.DEVNULL,
    )  # fmt: skip


def printed_code(stdout: str) -> str:
    """The recovery code the command printed (indented on a line of its own)."""
    lines = stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("Your recovery code"))
    return next(line.strip() for line in lines[at + 1 :] if line.startswith("    "))


def opens(path: Path, **secret: str) -> bool:
    try:
        Vault.open(path, **secret).close()  # type: ignore[arg-type]
    except WrongPassphrase:
        return False
    return True


@pytest.fixture
def case(tmp_path: Path) -> Iterator[tuple[Vault, str]]:
    """A case with three exhibits, and its recovery code."""
    made, code = Vault.create(tmp_path / "case", PASSPHRASE, FAST_KDF)
    with made:
        for index, colour in enumerate(("red", "teal", "gold")):
            add_file(made, make_png(tmp_path / f"{index}.png", color=colour))
        yield made, code


@pytest.mark.parametrize("sent", [signal.SIGKILL, signal.SIGINT])
def test_stopped_before_the_point_of_no_return_nothing_changes(
    case: tuple[Vault, str], tmp_path: Path, passphrase_file: Path, sent: signal.Signals
):
    vault, code = case
    done = change_stopped(vault, tmp_path, passphrase_file, "staging", sent)
    new_code = printed_code(done.stdout)
    if sent == signal.SIGKILL:
        assert done.returncode == -signal.SIGKILL
    else:
        assert done.returncode == 130, done.stderr
        assert (
            "Stopped; nothing was changed: your old passphrase and recovery code still work."
            in done.stderr
        )
        assert "Traceback" not in done.stderr
    assert not opens(vault.path, passphrase=NEW_PASSPHRASE)
    assert not opens(vault.path, recovery_code=new_code)
    unlocked = run_reclaim(
        "unlock", "--vault", str(vault.path), "--passphrase-file", str(passphrase_file)
    )
    assert unlocked.returncode == 0, unlocked.stderr
    assert (key_change.STOPPED in unlocked.stderr) is (sent == signal.SIGKILL)
    assert opens(vault.path, recovery_code=code)
    checked = run_reclaim(
        "evidence", "verify", "--vault", str(vault.path), "--passphrase-file", str(passphrase_file)
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize("sent", [signal.SIGKILL, signal.SIGINT])
def test_stopped_after_the_point_of_no_return_the_next_open_finishes_it(
    case: tuple[Vault, str], tmp_path: Path, passphrase_file: Path, sent: signal.Signals
):
    vault, code = case
    done = change_stopped(vault, tmp_path, passphrase_file, "committed", sent)
    new_code = printed_code(done.stdout)
    assert "keeps no copy of it" in done.stdout and "only this once" not in done.stdout
    if sent == signal.SIGINT:
        assert done.returncode == 130, done.stderr
        assert "finishes the next time the case is opened" in done.stderr
        assert "nothing was changed" not in done.stderr
    else:
        assert done.returncode == -signal.SIGKILL
    unlocked = run_reclaim(
        "unlock", "--vault", str(vault.path), "--passphrase-file", str(passphrase_file)
    )
    assert unlocked.returncode == 0, unlocked.stderr
    assert key_change.FINISHED in unlocked.stderr
    assert not opens(vault.path, passphrase=PASSPHRASE)
    assert not opens(vault.path, recovery_code=code)
    assert opens(vault.path, passphrase=NEW_PASSPHRASE)
    assert opens(vault.path, recovery_code=new_code)


def test_a_damaged_exhibit_stops_the_change_and_is_named(
    case: tuple[Vault, str], tmp_path: Path, passphrase_file: Path
):
    vault, code = case
    exhibits = {e["id"]: e["blob"] for e in vault.table("exhibits").all()}
    blob = vault.blob_dir / f"{exhibits['E-0002']}.blob"
    raw = bytearray(blob.read_bytes())
    raw[80] ^= 1
    blob.write_bytes(bytes(raw))
    new = tmp_path / "new.txt"
    new.write_text(NEW_PASSPHRASE + "\n")
    done = run_reclaim(
        "passphrase", "change", "--new-key", "--vault", str(vault.path),
        "--passphrase-file", str(passphrase_file), "--new-passphrase-file", str(new),
    )  # fmt: skip
    assert done.returncode == 1
    assert "E-0002 can't be read (damaged), so nothing was changed" in done.stderr
    assert "new key" not in done.stdout.split("Your recovery code")[0]
    assert "every piece of evidence was encrypted again" not in done.stdout
    assert not opens(vault.path, passphrase=NEW_PASSPHRASE)
    assert opens(vault.path, passphrase=PASSPHRASE) and opens(vault.path, recovery_code=code)
