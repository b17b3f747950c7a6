"""Running `reclaim`: in this process (`run_reclaim`, what almost every test wants), or as
the installed console script in a real process of its own (`run_reclaim_process`, for
signals, kills, terminals, resource limits, a second process holding the lock, and to
prove the entry point itself)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tui.cli import main

RECLAIM = Path(sys.executable).with_name("reclaim")
#: Where keyring.core keeps the backend that `get_keyring()` chose (None: not chosen yet).
CHOSEN_BACKEND = "_keyring_backend"


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def run_reclaim(*args: str, stdin: str | None = None, timeout: float = 120) -> Result:
    """`reclaim ARGS` as `tui.cli.main(args)` in this process: standard input fed from
    `stdin` (empty, and not a terminal, when None), standard output and error captured
    as a real process's would be encoded, the exit status from main's return value or
    its SystemExit, and the test's own environment. `timeout` is the subprocess's; here
    the test's own timeout (pytest-timeout) applies."""
    del timeout  # the same signature as run_reclaim_process; see the docstring
    with _standard_streams(stdin or "") as (out, err), _keyring_from_environment():
        try:
            status = main(list(args))
        except SystemExit as leaving:
            status = _exit_status(leaving.code)
    stdout, stderr = out(), err()
    assert "Traceback" not in stdout + stderr, stdout + stderr
    return Result(status, stdout, stderr)


def run_reclaim_process(*args: str, stdin: str | None = None, timeout: float = 120) -> Result:
    """Run the installed `reclaim` console script as a real process, with the test's
    environment."""
    done = subprocess.run(
        [str(RECLAIM), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=dict(os.environ),
        stdin=None if stdin is not None else subprocess.DEVNULL,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return Result(done.returncode, done.stdout, done.stderr)


def _exit_status(code: object) -> int:
    """What the interpreter would exit with for `SystemExit(code)`: None is 0, a number
    is itself, anything else is printed to standard error and is 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


@contextmanager
def _standard_streams(stdin: str) -> Iterator[tuple[_Reader, _Reader]]:
    """sys.stdin, stdout and stderr swapped for in-memory ones, encoded as Python encodes
    a pipe's (UTF-8; strict on standard output, backslash escapes on standard error), so
    text a real terminal could not take fails here too. Yields readers of what was
    written; the real streams are back afterwards whatever happened."""
    saved = sys.stdin, sys.stdout, sys.stderr
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict", newline="\n")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace")
    sys.stdin, sys.stdout, sys.stderr = io.StringIO(stdin), out, err
    try:
        yield _Reader(out), _Reader(err)
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved


class _Reader:
    """Everything written to one captured stream so far, as text."""

    def __init__(self, stream: io.TextIOWrapper) -> None:
        self.stream = stream

    def __call__(self) -> str:
        self.stream.flush()
        buffer = self.stream.buffer
        assert isinstance(buffer, io.BytesIO)
        return buffer.getvalue().decode("utf-8")


@contextmanager
def _keyring_from_environment() -> Iterator[None]:
    """keyring picks its backend once per process, from PYTHON_KEYRING_BACKEND: a real
    `reclaim` process always sees the environment it started with. Here the choice is
    made afresh from the test's environment for this call, and the previous one put back
    after it, so that no call's keyring leaks into another call or test."""
    core = sys.modules.get("keyring.core")
    before = getattr(core, CHOSEN_BACKEND) if core is not None else None
    if core is not None:
        setattr(core, CHOSEN_BACKEND, None)
    try:
        yield
    finally:
        if (core := sys.modules.get("keyring.core")) is not None:
            setattr(core, CHOSEN_BACKEND, before)
