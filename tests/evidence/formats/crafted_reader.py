"""Reading crafted files in one child Python, for test_hostile_sizes and test_hostile_text.

A test module notes each (builder, file name) it reads when it is imported; the first test
that asks starts one child, which builds and reads every case not read yet, one after
another, with `formats.describe` (intake) and `formats.printable` (what the binder
prints), under a 2 GiB address-space limit and a per-case alarm. So the cases cost their
reading, not a Python start each, and the memory limit holds for all of them together.
The child reports each case's peak memory too (a high-water mark, with all cases before
it). Under pytest-xdist the answers are shared by the workers of one run (`share_in`): the
first worker that needs them runs the child, and a worker given some of the same tests
reads what it wrote instead of running the whole child again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from filelock import FileLock

ROOT = Path(__file__).resolve().parents[3]

CHILD = """
import importlib, io, json, resource, signal, sys, time, traceback
resource.setrlimit(resource.RLIMIT_AS, (1 << 31, 1 << 31))
cases = importlib.import_module(sys.argv[1])
timeout = int(sys.argv[2])
from tui.core.evidence import formats
from tui.core.evidence.formats.base import Fields, Notice, Table

def too_long(*_):
    raise TimeoutError(f"more than {timeout} s")

def read(build, name):
    data = getattr(cases, build)()
    start = time.monotonic()
    handler, facts = formats.describe(io.BytesIO(data), name)
    described = time.monotonic() - start
    blocks, reason = formats.printable(data, name)
    seconds = time.monotonic() - start
    printed = []
    for block in blocks:
        if isinstance(block, Fields):
            printed += [f"{label}: {value}" for label, value in block.rows]
        elif isinstance(block, Table):
            printed += [" | ".join(row) for row in block.rows[:50]]
        elif hasattr(block, "text"):
            printed.append(block.text)
    answer = {"handler": type(handler).__name__, "shown": facts.shown, "size": len(data)}
    answer.update(problem=facts.problem, reason=reason, printed="\\n".join(printed))
    answer.update(notices=[b.text for b in blocks if isinstance(b, Notice)])
    answer.update(described=described, seconds=seconds)
    return answer

signal.signal(signal.SIGALRM, too_long)
answers = {}
for build, name in json.loads(sys.argv[3]):
    signal.alarm(timeout)
    try:
        answers[f"{build} {name}"] = read(build, name)
    except BaseException:
        answers[f"{build} {name}"] = {"error": traceback.format_exc()[-2000:]}
    finally:
        signal.alarm(0)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    answers[f"{build} {name}"]["peak_mib"] = peak
json.dump(answers, sys.stdout, default=str)
"""


class CraftedReader:
    """The cases one test module reads, and what the child gave for each."""

    def __init__(self, module: str, timeout: int, slack: int = 0) -> None:
        self.module = module
        self.timeout = timeout
        """Seconds each case may take (the alarm in the child)."""
        self.slack = slack
        """Seconds more the whole child may take (its start, its imports)."""
        self.cases: list[tuple[str, str]] = []
        self.answers: dict[str, dict[str, Any]] = {}
        self.shared: Path | None = None
        """Where the workers of this run keep the answers (None: not shared)."""

    def share_in(self, run_folder: Path) -> None:
        """Share the answers with the other xdist workers of this run, in `run_folder`
        (the run's own temporary folder, which every worker of it sees)."""
        if os.environ.get("PYTEST_XDIST_WORKER"):
            self.shared = run_folder / f"{self.module}.json"

    def case(self, build: str, name: str) -> tuple[str, str]:
        """Note a case to read, so that the child reads them all in one go."""
        if (build, name) not in self.cases:
            self.cases.append((build, name))
        return build, name

    def read(self, build: str, name: str) -> dict[str, Any]:
        """What describe and printable give for the file `build()` makes (with every
        noted case not read yet read in the same child)."""
        key = f"{build} {name}"
        if key not in self.answers:
            self.case(build, name)
            if self.shared is None:
                self._run_child()
            else:
                with FileLock(self.shared.with_suffix(".lock")):
                    if self.shared.exists():
                        self.answers.update(json.loads(self.shared.read_text()))
                    if key not in self.answers:
                        self._run_child()
                        self.shared.write_text(json.dumps(self.answers))
        answer = self.answers[key]
        assert "error" not in answer, answer["error"]
        return answer

    def _run_child(self) -> None:
        """Read every noted case not read yet, in one child."""
        wanted = [(b, n) for b, n in self.cases if f"{b} {n}" not in self.answers]
        done = subprocess.run(
            [sys.executable, "-c", CHILD, self.module, str(self.timeout), json.dumps(wanted)],
            cwd=ROOT,
            capture_output=True,
            timeout=self.timeout * len(wanted) + self.slack,
            check=False,
        )
        assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
        self.answers.update(json.loads(done.stdout))
