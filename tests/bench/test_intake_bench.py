"""Intake benchmark: adding a 512 MiB file, against `openssl dgst -sha256` alone on the
same file, measured in the same run. Every byte must be hashed, so hashing is the floor:
intake hashes and encrypts side by side, in two threads.

Run on demand (the normal test run skips tests/bench):

    python -m pytest tests/bench/test_intake_bench.py -s -o addopts=""

RECLAIM_BENCH_MIB=64 makes a smaller file for a quick look.
Targets: ratio <= 1.3, peak RSS of the `reclaim` process alone < 100 MiB.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.bench.spawn import timed
from tests.conftest import FAST_KDF, PASSPHRASE, RECLAIM
from tui.core.vault import Vault

MIB = 1024 * 1024
SIZE_MIB = int(os.environ.get("RECLAIM_BENCH_MIB", "512"))
RUNS = 2
TARGET_RATIO = 1.3
TARGET_RSS_MIB = 100


@pytest.mark.timeout(900)
@pytest.mark.skipif(not shutil.which("openssl"), reason="needs openssl")
def test_intake_of_a_large_file_keeps_pace_with_hashing_alone(tmp_path: Path) -> None:
    source = tmp_path / "recording.bin"
    digest = hashlib.sha256()
    with source.open("wb") as handle:
        for _ in range(SIZE_MIB // 16):
            piece = os.urandom(16 * MIB)
            digest.update(piece)
            handle.write(piece)
    passphrase = tmp_path / "passphrase"
    passphrase.write_text(PASSPHRASE)

    openssl = shutil.which("openssl") or "openssl"
    dgst = [openssl, "dgst", "-sha256", str(source)]
    timed(dgst)  # warm the page cache
    reference = min(timed(dgst)[0] for _ in range(RUNS))

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
        f"\nintake of {SIZE_MIB} MiB, best of {RUNS}: openssl dgst -sha256 {reference:.2f} s; "
        f"reclaim {ours:.2f} s "
        f"({SIZE_MIB / ours:.0f} MiB/s); ratio {ratio:.2f} (target <= {TARGET_RATIO}); "
        f"peak RSS {peak_mib:.0f} MiB (target < {TARGET_RSS_MIB})"
    )
    assert ratio <= TARGET_RATIO
    assert peak_mib < TARGET_RSS_MIB
