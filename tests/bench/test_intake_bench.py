"""Intake benchmark: adding a 512 MiB file, against `sha256sum` plus
`openssl enc -aes-256-ctr` on the same file, measured in the same run.

Run on demand (the normal test run skips tests/bench):

    python -m pytest tests/bench/test_intake_bench.py -s -o addopts=""

RECLAIM_BENCH_MIB=64 makes a smaller file for a quick look.
Targets: ratio <= 1.5, peak RSS of the `reclaim` process < 200 MiB.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import FAST_KDF, PASSPHRASE, RECLAIM
from tui.core.vault import Vault

MIB = 1024 * 1024
SIZE_MIB = int(os.environ.get("RECLAIM_BENCH_MIB", "512"))
RUNS = 2
TARGET_RATIO = 1.5
TARGET_RSS_MIB = 200


def timed(argv: list[str]) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of one run of `argv`."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    assert child.returncode == 0, argv
    return elapsed, usage.ru_maxrss


@pytest.mark.skipif(
    not (shutil.which("sha256sum") and shutil.which("openssl")),
    reason="needs sha256sum and openssl",
)
def test_intake_of_a_large_file_keeps_pace_with_hashing_plus_encrypting(tmp_path: Path) -> None:
    source = tmp_path / "recording.bin"
    digest = hashlib.sha256()
    with source.open("wb") as handle:
        for _ in range(SIZE_MIB // 16):
            piece = os.urandom(16 * MIB)
            digest.update(piece)
            handle.write(piece)
    passphrase = tmp_path / "passphrase"
    passphrase.write_text(PASSPHRASE)

    timed(["sha256sum", str(source)])  # warm the page cache for both sides
    sha_time = min(timed(["sha256sum", str(source)])[0] for _ in range(RUNS))
    key, iv = "00" * 32, "00" * 16
    enc = ["openssl", "enc", "-aes-256-ctr", "-K", key, "-iv", iv, "-in", str(source)]
    enc_time = min(timed([*enc, "-out", str(tmp_path / "enc.out")])[0] for _ in range(RUNS))
    reference = sha_time + enc_time
    (tmp_path / "enc.out").unlink()

    runs = []
    for number in range(RUNS):
        case = tmp_path / f"case{number}"
        Vault.create(case, PASSPHRASE, FAST_KDF)[0].close()
        args = ["--vault", str(case), "--passphrase-file", str(passphrase)]
        runs.append(timed([str(RECLAIM), "evidence", "add", str(source), *args]))
        listed = subprocess.run(
            [str(RECLAIM), "evidence", "list", "--json", *args],
            capture_output=True, check=True, text=True,
        )  # fmt: skip
        (record,) = json.loads(listed.stdout)
        assert record["size"] == SIZE_MIB * MIB
        assert record["sha256"] == digest.hexdigest()
        shutil.rmtree(case)
    ours = min(seconds for seconds, _ in runs)
    peak_mib = max(rss for _, rss in runs) / 1024
    ratio = ours / reference
    print(
        f"\nintake of {SIZE_MIB} MiB, best of {RUNS}: sha256sum {sha_time:.2f} s + "
        f"openssl aes-256-ctr {enc_time:.2f} s = {reference:.2f} s; reclaim {ours:.2f} s "
        f"({SIZE_MIB / ours:.0f} MiB/s); ratio {ratio:.2f} (target <= {TARGET_RATIO}); "
        f"peak RSS {peak_mib:.0f} MiB (target < {TARGET_RSS_MIB})"
    )
    assert ratio <= TARGET_RATIO
    assert peak_mib < TARGET_RSS_MIB
