"""No core file holds a secret (issue 26 item 5): a real `reclaim` process that has read a
passphrase is crashed with SIGSEGV or SIGABRT, and leaves no core behind; the kernel is
told it is not dumpable (which holds even where cores are piped to a crash collector),
and its core size limit is nothing, before anything is read. Linux only: elsewhere the
limit is all there is, and nothing here can be asked of the kernel."""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import resource
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.support.cases import PASSPHRASE
from tui.core.vault.vault import Vault

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")

#: `reclaim unlock` in a process of its own, reading the passphrase from standard input.
#: A hook once the case is open (its key and the passphrase in memory) says what the
#: kernel would do with a crash then, and holds the process there until the test crashes
#: it. "unprotected" runs it as Reclaim was before (the control: a core appears then).
HELD_OPEN = textwrap.dedent(
    """
    import resource, sys
    from tui.core.shared import no_dumps
    from tui.core.vault.vault import Vault

    how, case = sys.argv[1:]
    if how == "unprotected":
        no_dumps.forbid_core_dumps = lambda: None
    opened = Vault.open.__func__

    def open_and_hold(cls, path, **keys):
        vault = opened(cls, path, **keys)
        limit = resource.getrlimit(resource.RLIMIT_CORE)
        print(no_dumps.is_dumpable(), *limit, flush=True)
        sys.stdin.readline()  # held here until crashed
        return vault

    Vault.open = classmethod(open_and_hold)
    from tui.cli import main
    raise SystemExit(main(["unlock", "--vault", case, "--passphrase-file", "-"]))
    """
)

#: Started when this module is imported, before any test in this process has called
#: `main()` in-process (which sets this process's own core limit to nothing, for good):
#: it starts the crashing processes with a core limit raised as `ulimit -c unlimited`
#: would, runs one crash per line of JSON it reads, and answers with one line.
CRASHER = textwrap.dedent(
    """
    import json, resource, subprocess, sys

    def unlimited():
        hard = resource.getrlimit(resource.RLIMIT_CORE)[1]
        resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))

    for line in sys.stdin:
        jobs = json.loads(line)  # run side by side
        children = [
            subprocess.Popen(
                job["argv"], cwd=job["cwd"], env=job["env"], preexec_fn=unlimited, text=True,
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            )
            for job in jobs
        ]
        answers = []
        for job, child in zip(jobs, children):
            child.stdin.write(job["stdin"])
            child.stdin.flush()
        for job, child in zip(jobs, children):
            said = child.stdout.readline()
            if said:
                child.send_signal(job["signal"])
            out, err = child.communicate(timeout=60)
            answers.append({"said": said, "status": child.returncode, "stderr": err})
        print(json.dumps(answers), flush=True)
    """
)
_CRASHER = subprocess.Popen(
    [sys.executable, "-c", CRASHER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
)


@atexit.register
def _stop_crasher() -> None:
    """It ends at the end of its input."""
    with contextlib.suppress(OSError):
        _CRASHER.communicate(timeout=10)


#: What the crasher's children may raise their core limit to.
CORE_HARD_LIMIT = resource.getrlimit(resource.RLIMIT_CORE)[1]


def crash(case: Path, *runs: tuple[Path, str, int]) -> list[dict[str, object]]:
    """Open `case` with `reclaim unlock` once per run (folder, how it is hooked, signal),
    side by side, each in its folder, and crash each with its signal once open; what
    each one's hook said, its exit status and its standard error."""
    assert _CRASHER.stdin is not None and _CRASHER.stdout is not None
    jobs = [
        {
            "argv": [sys.executable, "-c", HELD_OPEN, how, str(case)],
            "cwd": str(folder),
            "env": dict(os.environ),
            "stdin": PASSPHRASE + "\n",
            "signal": int(signum),
        }
        for folder, how, signum in runs
    ]
    _CRASHER.stdin.write(json.dumps(jobs) + "\n")
    _CRASHER.stdin.flush()
    answers: list[dict[str, object]] = json.loads(_CRASHER.stdout.readline())
    return answers


def cores_in(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.startswith("core"))


def core_files_land_in_the_working_folder() -> str:
    """Why a core file could not be seen here, or '' when it would be in the crashed
    process's working folder."""
    pattern = Path("/proc/sys/kernel/core_pattern").read_text().strip()
    if pattern.startswith("|"):
        return f"cores are piped to {pattern.split()[0][1:]} here, not written to a file"
    if "/" in pattern:
        return f"cores are written to {pattern} here, not the working folder"
    if CORE_HARD_LIMIT == 0:
        return "this machine allows no core files at all"
    return ""


def test_a_process_holding_the_key_is_not_dumpable(vault: Vault, tmp_path: Path):
    signum = signal.SIGSEGV  # SIGABRT: the next test
    (crashed,) = crash(vault.path, (tmp_path, "protected", signum))
    # Said with the case open: the kernel writes no core of it, whatever the limit.
    assert crashed["said"] == "False 0 0\n", crashed
    assert crashed["status"] == -signum, crashed
    assert cores_in(tmp_path) == []


def test_the_crash_leaves_no_core_file_where_one_would_be_written(vault: Vault, tmp_path: Path):
    if reason := core_files_land_in_the_working_folder():
        pytest.skip(reason)
    control, protected = tmp_path / "before", tmp_path / "now"
    control.mkdir()
    protected.mkdir()
    unprotected, crashed = crash(
        vault.path,
        (control, "unprotected", signal.SIGABRT),
        (protected, "protected", signal.SIGABRT),
    )
    assert str(unprotected["said"]).startswith("True "), unprotected
    if not cores_in(control):
        pytest.skip("this machine wrote no core even for an unprotected process")
    (core,) = cores_in(control)
    assert PASSPHRASE.encode() in (control / core).read_bytes()  # what was at stake
    assert crashed["status"] == -signal.SIGABRT, crashed
    assert cores_in(protected) == []


def test_the_app_starts_not_dumpable():
    """`reclaim` with no command starts the app through the same `main()`: by then the
    process is not dumpable (the app itself stood in for, so no terminal is needed)."""
    code = textwrap.dedent(
        """
        import sys, types
        from tui.core.shared import no_dumps

        app = types.ModuleType("tui.cli.terminal_app")
        app.run_app = lambda args: print(no_dumps.is_dumpable()) or 0
        sys.modules["tui.cli.terminal_app"] = app
        from tui.cli import main
        raise SystemExit(main(["--vault", "case"]))
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (0, "False\n"), done.stderr
