"""The vault under stress, through the real `reclaim` entry point: writers killed at
random moments, writers running at once, and a writer kept waiting."""

import hashlib
import json
import os
import random
import signal
import subprocess
import time
from pathlib import Path

import filelock
import pytest

from tests.support.cases import PASSPHRASE, vault_bytes
from tests.support.cli import RECLAIM, run_reclaim, run_reclaim_process
from tui.core.evidence.model import list_exhibits
from tui.core.vault.vault import Vault

SEED = int(os.environ.get("RECLAIM_TEST_SEED", "20261124"))


def make_sources(folder: Path, tag: str, big_mib: int = 0) -> list[Path]:
    """A few small files and (optionally) one large one, all with distinct bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = []
    for number in range(3):
        path = folder / f"{tag}-small-{number}.txt"
        path.write_bytes(f"{tag} {number} ".encode() + os.urandom(64))
        sources.append(path)
    if big_mib:
        path = folder / f"{tag}-big.bin"
        path.write_bytes(os.urandom(big_mib * 1024 * 1024))
        sources.append(path)
    return sources


def add_command(vault_dir: Path, passphrase_file: Path, files: list[Path]) -> list[str]:
    return [
        str(RECLAIM),
        "evidence",
        "add",
        *map(str, files),
        "--vault",
        str(vault_dir),
        "--passphrase-file",
        str(passphrase_file),
    ]


def acknowledged(stdout: bytes) -> dict[str, str]:
    """Exhibit id -> sha256 for every complete line the writer printed."""
    lines = stdout.decode(errors="replace").split("\n")[:-1]  # the last piece may be cut
    found = {}
    for line in lines:
        if line.startswith("E-"):
            parts = line.split()
            found[parts[0]] = parts[-1].removeprefix("sha256:")
    return found


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.slow
def test_a_writer_killed_at_any_moment_never_loses_an_acknowledged_add(
    vault: Vault, passphrase_file: Path, tmp_path: Path
):
    rng = random.Random(SEED)
    started = time.monotonic()
    calibration = make_sources(tmp_path / "src", "calibration", big_mib=4)
    done = subprocess.run(
        add_command(vault.path, passphrase_file, calibration), capture_output=True, check=True
    )
    normal_run = time.monotonic() - started
    expected = acknowledged(done.stdout)
    source_hashes = {sha256(path) for path in calibration}
    assert set(expected.values()) == source_hashes

    iterations = 0
    outcomes: list[float] = []  # share of each batch acknowledged before the kill
    while iterations < 30 and time.monotonic() - started < 40:
        iterations += 1
        aimed = rng.random() < 0.4
        big = 8 if aimed else rng.choice([0, 4])
        sources = make_sources(tmp_path / "src", f"run{iterations}", big_mib=big)
        source_hashes |= {sha256(path) for path in sources}
        writer = subprocess.Popen(
            add_command(vault.path, passphrase_file, sources), stdout=subprocess.PIPE
        )
        head = b""
        if aimed:
            # Kill just after the first add is acknowledged: the batch is under way, so
            # this lands in its middle however fast or slow the machine is.
            assert writer.stdout is not None
            head = writer.stdout.readline()
            time.sleep(rng.uniform(0, 0.01))
        else:
            # Anywhere else: start-up, unlocking, or the intake itself.
            earliest = 0.0 if rng.random() < 0.3 else 0.6 * normal_run
            time.sleep(rng.uniform(earliest, 1.2 * normal_run))
        writer.send_signal(signal.SIGKILL)
        out, _ = writer.communicate()
        acked = acknowledged(head + out)
        outcomes.append(len(acked) / len(sources))
        expected |= acked

        with Vault.open(vault.path, passphrase=PASSPHRASE) as reopened:
            stored = {e.id: e.sha256 for e in list_exhibits(reopened)}
        lost = {i: h for i, h in expected.items() if stored.get(i) != h}
        assert not lost, f"seed {SEED}, iteration {iterations}: acknowledged adds lost: {lost}"
        assert set(stored.values()) <= source_hashes, f"seed {SEED}: unknown content stored"

    print(f"seed {SEED}: {iterations} kills, acknowledged shares {sorted(outcomes)}")
    assert iterations >= 10, "enough kills happened to mean something"
    assert any(0 < share < 1 for share in outcomes), "some kills landed in the middle of a batch"
    # A kill between storing a blob and saving the record leaves evidence the record
    # doesn't know: it is reported, and `recover` takes it back, checked against its card.
    case = ["--vault", str(vault.path), "--passphrase-file", str(passphrase_file)]
    recover = run_reclaim("evidence", "recover", *case)
    assert recover.returncode == 0, f"seed {SEED}: {recover.stdout}"
    with Vault.open(vault.path, passphrase=PASSPHRASE) as reopened:
        after = {e.id: e.sha256 for e in list_exhibits(reopened)}
    assert all(after.get(i) == h for i, h in expected.items()), "nothing acknowledged lost"
    assert set(after.values()) <= source_hashes and len(set(after.values())) == len(after)
    verify = run_reclaim("evidence", "verify", *case)
    assert verify.returncode == 0, f"seed {SEED}: {verify.stdout}"
    log = run_reclaim(
        "log", "--json", "--vault", str(vault.path), "--passphrase-file", str(passphrase_file)
    )
    assert log.returncode == 0, f"seed {SEED}: {log.stderr}"
    for entry in vault.path.rglob("*"):
        assert "run" not in entry.name and "small" not in entry.name, entry


@pytest.mark.slow
def test_concurrent_writers_lose_nothing(vault: Vault, passphrase_file: Path, tmp_path: Path):
    batches = [make_sources(tmp_path / "src", f"writer{n}") for n in range(6)]
    writers = [
        subprocess.Popen(
            add_command(vault.path, passphrase_file, files),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for files in batches
    ]
    results = [writer.communicate(timeout=120) for writer in writers]
    for writer, (_out, err) in zip(writers, results, strict=True):
        assert writer.returncode == 0, err.decode()

    listed = run_reclaim(
        "evidence",
        "list",
        "--json",
        "--vault",
        str(vault.path),
        "--passphrase-file",
        str(passphrase_file),
    )
    records = json.loads(listed.stdout)
    assert sorted(r["id"] for r in records) == [f"E-{n:04d}" for n in range(1, 19)]
    assert {r["sha256"] for r in records} == {sha256(p) for files in batches for p in files}
    log = run_reclaim(
        "log", "--json", "--vault", str(vault.path), "--passphrase-file", str(passphrase_file)
    )
    assert log.returncode == 0
    assert [e["action"] for e in json.loads(log.stdout)] == ["intake"] * 18


def test_a_second_writer_waits_then_says_the_case_is_open_elsewhere(
    vault: Vault, passphrase_file: Path, tmp_path: Path
):
    (source,) = make_sources(tmp_path / "src", "late")[:1]
    before = vault_bytes(vault.path)
    holder = filelock.FileLock(vault.path / ".lock", is_singleton=False)
    with holder:
        started = time.monotonic()
        # A process of its own: the lock is held by another process, as it would be.
        result = run_reclaim_process(*add_command(vault.path, passphrase_file, [source])[1:])
        waited = time.monotonic() - started
    assert result.returncode == 1
    assert "open in another Reclaim window or command" in result.stderr
    assert 4 <= waited <= 30, waited
    assert vault_bytes(vault.path) == before
    assert list((vault.path / "blobs").iterdir()) == [], "no leftover blob"
