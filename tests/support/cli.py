"""Running the installed `reclaim` command as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

RECLAIM = Path(sys.executable).with_name("reclaim")


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def run_reclaim(*args: str, stdin: str | None = None, timeout: float = 120) -> Result:
    """Run the installed `reclaim` console script with the test's environment."""
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
