"""Shared fixtures: every test runs with its own home, data and temp folders, and a fast
KDF for the vaults it makes; `cli` runs `reclaim` in the test's process, on its vault."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.support.cases import FAST_KDF, PASSPHRASE
from tests.support.cli import Result, run_reclaim
from tests.support.demo_copies import DemoCopies
from tui.core.kiosk import doors
from tui.core.shared import clock, i18n
from tui.core.vault import keys
from tui.core.vault.vault import Vault


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto`: one worker more than the cores this run may use. Many tests wait (Pilot
    between frames, a child process, a terminal), and with one worker a core the cores sat
    idle a quarter of the run. PYTEST_XDIST_AUTO_NUM_WORKERS still decides when it is set."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # pytest-xdist reads it
    return len(os.sched_getaffinity(0)) + 1


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
    # English unless a test asks for another language, whatever the machine's locale.
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    i18n.set_language("en")
    monkeypatch.setattr(keys, "calibrate", lambda *args, **kwargs: FAST_KDF)
    monkeypatch.setattr(doors, "_rules", None)  # a kiosk app's doors end with its test
    return home


@pytest.fixture(scope="session")
def demo_copies(tmp_path_factory: pytest.TempPathFactory) -> DemoCopies:
    """Sample cases built once in this test process (by language), copied for each test."""
    return DemoCopies(tmp_path_factory.mktemp("demo-builds"))


@pytest.fixture
def demo(demo_copies: DemoCopies) -> Iterator[Vault]:
    """The sample case, made at a fixed moment and shown at another, so that screens showing
    it never change. Each test has its own copy of one built at that moment in the
    language spoken (tests/support/demo_copies.py)."""
    from tui.core.demo import remove_demo_case

    with clock.fixed(datetime(2024, 3, 7, 9, 30, tzinfo=UTC)) as fixed:
        case = demo_copies.copy()
        # Then a fixed "today", long after: the demo's takedown request is overdue by then.
        fixed.moment = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
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
