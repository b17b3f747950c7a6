"""A closed pipe (`reclaim takedown list --json | head -1`) ends quietly, as Unix tools do."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.support.cli import RECLAIM


def _reading_none_of_it(*args: str) -> tuple[int, str]:
    """Run `reclaim ARGS` as a real process whose standard output is a pipe that nobody
    reads: its reading end is closed before the command has written anything (the command
    must first unlock the case), as `| head -1` does after the first line."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [str(RECLAIM), *args],
            stdin=subprocess.DEVNULL,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            env=dict(os.environ),
        )
    finally:
        os.close(write_end)
    return done.returncode, done.stderr


def test_a_listing_into_a_closed_pipe_ends_quietly(cli, vault, passphrase_file: Path):
    for number in range(3):
        added = cli("takedown", "add", "--site", "meta", "--url", f"https://ig.example/p/{number}")
        assert added.returncode == 0, added.stderr
    status, stderr = _reading_none_of_it(
        "takedown",
        "list",
        "--json",
        "--vault",
        str(vault.path),
        "--passphrase-file",
        str(passphrase_file),
    )
    assert stderr == ""
    assert status != 0  # the output was not all delivered; as `yes | head -1` reports


def test_a_plain_listing_into_a_closed_pipe_ends_quietly(cli, vault, passphrase_file: Path):
    added = cli("takedown", "add", "--site", "meta", "--url", "https://ig.example/p/1")
    assert added.returncode == 0, added.stderr
    status, stderr = _reading_none_of_it(
        "takedown", "list", "--vault", str(vault.path), "--passphrase-file", str(passphrase_file)
    )
    assert stderr == ""
    assert status != 0
