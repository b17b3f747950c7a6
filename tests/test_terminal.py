"""The real `reclaim` console script in a real terminal (tmux), as a person would use it."""

import os
import secrets
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.cli import RECLAIM

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None, reason="tmux is not installed; .ci/run installs it where it can"
)


class Terminal:
    def __init__(self, width: int, height: int) -> None:
        self.socket = f"reclaim-test-{secrets.token_hex(4)}"
        self.size = (width, height)

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        return done.stdout

    def start(self, command: str) -> None:
        width, height = self.size
        env = " ".join(
            f"{name}={os.environ[name]}"
            for name in (
                "HOME",
                "XDG_DATA_HOME",
                "XDG_CONFIG_HOME",
                "TMPDIR",
                "PYTHON_KEYRING_BACKEND",
            )
        )
        self.tmux("new-session", "-d", "-x", str(width), "-y", str(height),
                  f"env TERM=xterm-256color {env} {command}; sleep 30")  # fmt: skip

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p")

    def wait_for(self, text: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen shows:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", *keys)

    def close(self) -> None:
        self.tmux("kill-server")


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    term = Terminal(80, 24)
    yield term
    term.close()


def test_the_demo_in_a_real_terminal_at_80x24(terminal: Terminal, isolated_home: Path):
    terminal.start(f"{RECLAIM} --demo && echo EXITED-CLEANLY")
    home = terminal.wait_for("Takedowns & legal options")
    for word in ("Safety", "Privacy settings", "Passwords", "Evidence", "Copies", "Timeline"):
        assert word in home
    terminal.keys("4")
    terminal.wait_for("E-0004")
    terminal.keys("F1")
    terminal.wait_for("If you are in danger")
    terminal.keys("Escape")
    terminal.keys("C-l")
    locked = terminal.wait_for("passphrase")
    assert "E-0001" not in locked
    terminal.keys("C-q")
    terminal.wait_for("EXITED-CLEANLY")
    leftovers = list((isolated_home / "tmp").glob("reclaim-demo-*"))
    assert leftovers == [], "the demo case is removed on exit"
