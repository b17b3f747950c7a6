"""Shared fixtures: every test runs with its own home, data and temp folders, a fast KDF
for vaults made in-process, and the real `reclaim` entry point for CLI tests."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui.core.vault import keys
from tui.core.vault.vault import Vault

PASSPHRASE = "tender-quilt-orbit-canyon"
NEW_PASSPHRASE = "marble-lantern-thistle-harbor"
#: Cheap Argon2id for vaults that tests create in-process; `reclaim init` keeps the real
#: calibrated cost, and opening reads whatever the header says.
FAST_KDF = keys.Argon2Params(time_cost=1, memory_kib=1024, parallelism=1)
RECLAIM = Path(sys.executable).with_name("reclaim")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    for name, sub in (
        ("HOME", ""),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("TMPDIR", "tmp"),
    ):
        folder = home / sub
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    monkeypatch.delenv("RECLAIM_DEBUG", raising=False)
    monkeypatch.setattr(keys, "calibrate", lambda *args, **kwargs: FAST_KDF)
    return home


@pytest.fixture
def demo(monkeypatch: pytest.MonkeyPatch) -> Iterator[Vault]:
    """The sample case, added at a fixed moment so that screens showing it never change."""
    import tui.core.evidence.exhibits
    import tui.core.timeline.written_account
    from tui.core.demo import create_demo_case, remove_demo_case

    fixed = datetime(2024, 3, 7, 9, 30, tzinfo=UTC)
    monkeypatch.setattr(tui.core.evidence.exhibits, "utc_now", lambda: fixed)
    monkeypatch.setattr(tui.core.timeline.written_account, "utc_now", lambda: fixed)
    monkeypatch.setattr(tui.core.evidence.exhibits, "local_offset", lambda moment=None: "+00:00")
    case = create_demo_case()
    yield case
    remove_demo_case(case)


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "case"


@pytest.fixture
def vault(vault_dir: Path) -> Iterator[Vault]:
    created, _code = Vault.create(vault_dir, PASSPHRASE, FAST_KDF)
    with created:
        yield created


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n")
    return path


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


@pytest.fixture
def cli(vault: Vault, passphrase_file: Path):
    """`reclaim` bound to the test's vault and passphrase."""

    def run(*args: str, stdin: str | None = None) -> Result:
        return run_reclaim(
            *args,
            "--vault",
            str(vault.path),
            "--passphrase-file",
            str(passphrase_file),
            stdin=stdin,
        )

    return run


def vault_bytes(path: Path) -> dict[str, bytes]:
    """Every file in a vault folder and its content, to prove nothing changed."""
    return {
        str(entry.relative_to(path)): entry.read_bytes()
        for entry in sorted(path.rglob("*"))
        if entry.is_file() and entry.name != ".lock"
    }


def make_png(path: Path, size: tuple[int, int] = (40, 30), color: str = "teal") -> Path:
    from PIL import Image

    Image.new("RGB", size, color).save(path, "PNG")
    return path
