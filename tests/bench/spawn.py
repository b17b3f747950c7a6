"""Measuring one process by itself, for the benchmarks."""

from __future__ import annotations

import subprocess
import sys

#: Runs the command as its own child and reports its wall time, peak RSS and exit status.
#: It has to be a small process of its own: Linux carries the memory high-water mark of
#: the process that execs into the new program (a vfork'd or forked copy of the test
#: process, which holds hundreds of MiB), so a child started from the test process would
#: report the test process's peak, not its own.
LAUNCHER = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    try:
        os.execv(sys.argv[1], sys.argv[1:])
    finally:
        os._exit(127)
_pid, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def timed(argv: list[str], expect: int = 0) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of this one process, measured by itself (see
    LAUNCHER). `expect` is the exit status the command must end with."""
    out = subprocess.run(
        [sys.executable, "-c", LAUNCHER, *argv], capture_output=True, text=True, check=True
    ).stdout.split()
    elapsed, peak, status = float(out[0]), int(out[1]), int(out[2])
    assert status == expect, argv
    return elapsed, peak
