"""The demo (`reclaim --demo`) cleans up after itself whatever ends it, and a left-over
one is swept at the next start, nothing else. The process tests run the real `reclaim`
entry point under a pseudo-terminal, as a person's terminal (or an SSH session) would,
and end it the ways a terminal ends: a hang-up, a TERM signal, or Ctrl+Q."""

from __future__ import annotations

import os
import pty
import select
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.cli import RECLAIM
from tui.core import demo as demo_module
from tui.core.demo import MARKER, MARKER_TEXT, create_demo_case, remove_demo_case

START_TIMEOUT = 60.0
EXIT_TIMEOUT = 20.0


class DemoProcess:
    """`reclaim --demo` in a pseudo-terminal, its output read all along (a terminal that
    is never read would block the app) and kept, to see when it has drawn its home."""

    def __init__(self, *args: str) -> None:
        env = dict(os.environ, TERM="xterm-256color", COLUMNS="80", LINES="24")
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: the terminal's program
            os.execve(str(RECLAIM), [str(RECLAIM), *args], env)
        self.output = bytearray()
        self.open = True
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while self.open:
            try:
                ready, _, _ = select.select([self.fd], [], [], 0.1)
                if ready:
                    self.output += os.read(self.fd, 65536)
            except OSError:  # the other end hung up, or the test closed the terminal
                return

    def wait_for(self, text: bytes) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while text not in self.output:
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared: {bytes(self.output[-500:])!r}")
            time.sleep(0.05)

    def send(self, keys: bytes) -> None:
        os.write(self.fd, keys)

    def hang_up(self) -> None:
        """Close the terminal's side, as a closed window or a dropped SSH link does."""
        self.open = False
        self._reader.join()
        os.close(self.fd)

    def wait(self) -> int:
        """The exit status, as a shell shows it (128 + n for a signal's n)."""
        deadline = time.monotonic() + EXIT_TIMEOUT
        while time.monotonic() < deadline:
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                code = os.waitstatus_to_exitcode(status)
                return 128 - code if code < 0 else code
            time.sleep(0.05)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        raise AssertionError("reclaim did not stop")

    def close(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        if self.open:
            self.hang_up()


@pytest.fixture
def temp_folder(isolated_home: Path) -> Path:
    """Where the child's demo goes: its TMPDIR (set by conftest for each test)."""
    return isolated_home / "tmp"


@pytest.fixture
def started_demo(temp_folder: Path) -> Iterator[tuple[DemoProcess, Path]]:
    process = DemoProcess("--demo")
    try:
        process.wait_for(b"Evidence")  # the home screen is drawn: the demo is in use
        (folder,) = temp_folder.glob("reclaim-demo-*")
        assert (folder / "case").is_dir()
        assert (folder / MARKER).read_bytes() == MARKER_TEXT
        yield process, folder
    finally:
        process.close()


def test_a_hang_up_removes_the_demo_folder(started_demo: tuple[DemoProcess, Path]):
    process, folder = started_demo
    os.kill(process.pid, signal.SIGHUP)
    process.hang_up()  # and the terminal is gone, as when SSH drops
    assert process.wait() == 128 + signal.SIGHUP
    assert not folder.exists()


def test_sigterm_removes_the_demo_folder(started_demo: tuple[DemoProcess, Path]):
    process, folder = started_demo
    os.kill(process.pid, signal.SIGTERM)
    assert process.wait() == 128 + signal.SIGTERM
    assert not folder.exists()
    assert b"\x1b[?1049l" in process.output, "the terminal is given back as it was"


def make_folder(where: Path, name: str, marker: bytes | None, age_days: float) -> Path:
    folder = where / name
    (folder / "case").mkdir(parents=True, mode=0o700)
    (folder / "case" / "record").write_bytes(b"something")
    if marker is not None:
        (folder / MARKER).write_bytes(marker)
    then = time.time() - age_days * 86400
    for path in (*folder.rglob("*"), folder):
        os.utime(path, (then, then), follow_symlinks=False)
    return folder


def test_a_left_over_demo_is_swept_at_the_next_start_and_nothing_else(temp_folder: Path):
    stale = make_folder(temp_folder, "reclaim-demo-killed01", MARKER_TEXT, age_days=3)
    unmarked = make_folder(temp_folder, "reclaim-demo-notmine1", None, age_days=3)
    other_text = make_folder(temp_folder, "reclaim-demo-othertxt", b"mine\n", age_days=3)
    linked = make_folder(temp_folder, "reclaim-demo-linked01", None, age_days=3)
    (linked / MARKER).symlink_to(stale / MARKER)
    elsewhere = make_folder(temp_folder, "keep-me", MARKER_TEXT, age_days=3)

    process = DemoProcess("--demo")
    try:
        process.wait_for(b"Evidence")
        process.send(b"\x11")  # Ctrl+Q
        assert process.wait() == 0
    finally:
        process.close()

    assert not stale.exists()
    for kept in (unmarked, other_text, linked, elsewhere):
        assert (kept / "case" / "record").read_bytes() == b"something", kept.name
    assert sorted(p.name for p in temp_folder.iterdir()) == [
        "keep-me",
        "reclaim-demo-linked01",
        "reclaim-demo-notmine1",
        "reclaim-demo-othertxt",
    ], "the demo just closed is gone too"


def test_a_demo_still_open_is_never_swept(tmp_path: Path):
    live = create_demo_case(tmp_path / "reclaim-demo-live0001")
    try:
        old = time.time() - 3 * 86400
        os.utime(live.path.parent / MARKER, (old, old))
        assert demo_module.sweep_stale_demos(tmp_path) == []
        assert live.path.is_dir()
    finally:
        remove_demo_case(live)
    assert not (tmp_path / "reclaim-demo-live0001").exists()


def test_a_demo_that_fails_half_way_leaves_no_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    def broken(_vault: object) -> None:
        raise OSError("No space left on device")

    monkeypatch.setattr(demo_module, "_takedowns", broken)
    with pytest.raises(OSError):
        create_demo_case(tmp_path / "reclaim-demo-half0001")
    assert not (tmp_path / "reclaim-demo-half0001").exists()
    assert demo_module._held == {}
