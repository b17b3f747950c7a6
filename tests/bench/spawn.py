"""Measuring one process by itself, for the benchmarks."""

from __future__ import annotations

import os
import time


def timed(argv: list[str], expect: int = 0) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of this one process. posix_spawn starts it without
    copying this test process's memory (a fork would, and its peak RSS would count it);
    wait4 gives the usage of that child alone, not the maximum over every child the test
    process ever waited for (which is what RUSAGE_CHILDREN would say). `expect` is the exit
    status the command must end with."""
    started = time.perf_counter()
    quiet = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_WRONLY, 0) for fd in (1, 2)]
    pid = os.posix_spawn(argv[0], argv, dict(os.environ), file_actions=quiet)
    _pid, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - started
    assert os.waitstatus_to_exitcode(status) == expect, argv
    return elapsed, usage.ru_maxrss
