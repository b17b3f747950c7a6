"""Start-up benchmark: from launch to the first frame of the unlock screen, as a ratio
to a bare Textual app that shows one line, measured the same way in the same run.

Run on demand (the normal test run skips tests/bench):

    python -m pytest tests/bench/test_startup_bench.py -s -o addopts=""

Target: ratio <= 2.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

from tests.support.cases import FAST_KDF, PASSPHRASE
from tests.support.cli import RECLAIM
from tui.core.vault.vault import Vault

RUNS = 5
TARGET_RATIO = 2.0

BARE_APP = """
from textual.app import App
from textual.widgets import Static


class Bare(App):
    def compose(self):
        yield Static("bare app ready")


Bare().run()
"""


def seconds_to_first_frame(argv: list[str], marker: bytes, timeout: float = 30) -> float:
    """Launch `argv` on a fresh 80x24 pseudo-terminal; time until `marker` is drawn."""
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: become the program
        os.execv(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = b""
    try:
        while marker not in seen:
            if time.perf_counter() - started > timeout:
                raise AssertionError(f"{marker!r} never appeared: {seen[-400:]!r}")
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    seen += os.read(fd, 65536)
                except OSError:
                    break
        return time.perf_counter() - started
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def best_of(argv: list[str], marker: bytes) -> float:
    seconds_to_first_frame(argv, marker)  # warm the file cache
    return min(seconds_to_first_frame(argv, marker) for _ in range(RUNS))


def test_unlock_screen_starts_within_twice_a_bare_textual_app(tmp_path: Path) -> None:
    Vault.create(tmp_path / "case", PASSPHRASE, FAST_KDF)[0].close()
    bare_script = tmp_path / "bare.py"
    bare_script.write_text(BARE_APP)

    bare = best_of([sys.executable, str(bare_script)], b"bare app ready")
    ours = best_of([str(RECLAIM), "--vault", str(tmp_path / "case")], b"passphrase")
    ratio = ours / bare
    print(
        f"\nfirst frame, best of {RUNS}: bare Textual app {bare * 1000:.0f} ms, "
        f"reclaim unlock screen {ours * 1000:.0f} ms, ratio {ratio:.2f} (target <= {TARGET_RATIO})"
    )
    assert ratio <= TARGET_RATIO
