"""Discreet mode for every command (issue 29): while `reclaim binder`, `backup` or
`evidence add` runs, `ps` shows "notes", not "reclaim"; and `notes --help` (the
README's alias) names notes, not Reclaim, images or abuse."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.support.cases import PASSPHRASE
from tests.support.cli import RECLAIM, run_reclaim
from tui.core.settings import DISCREET_MARK
from tui.core.vault.vault import Vault

TELLING = re.compile(r"reclaim|image|imágenes|abus|evidence|preuve|prueba", re.IGNORECASE)


def discreet_settings(folder: Path) -> Path:
    config = folder / "settings.toml"
    config.write_text("discreet = true\n")
    return config


@pytest.mark.parametrize("how", ["settings", "mark"])
def test_a_command_is_named_notes_while_it_runs(
    vault: Vault, tmp_path: Path, isolated_home: Path, how: str
):
    """Read from /proc while the command waits for its passphrase (a pipe it opens once
    it runs): discreet in the settings, or the case made discreet (its mark)."""
    pytest.importorskip("setproctitle")
    vault.close()
    if how == "settings":
        where = ["--config", str(discreet_settings(tmp_path))]
    else:
        (vault.path / DISCREET_MARK).touch()
        where = []
    fifo = tmp_path / "passphrase"
    os.mkfifo(fifo)
    words = ["--vault", str(vault.path), "--passphrase-file", str(fifo), "evidence", "list"]
    process = subprocess.Popen(
        [str(RECLAIM), *where, *words],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )
    try:
        with fifo.open("w") as pipe:  # opened once the command opens it: it is running
            name = Path(f"/proc/{process.pid}/comm").read_text().strip()
            line = Path(f"/proc/{process.pid}/cmdline").read_bytes().decode(errors="replace")
            pipe.write(PASSPHRASE + "\n")
        _out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, err
    assert name == "notes", name
    assert line.replace("\0", " ").split() == ["notes"], line


def test_help_names_notes_in_every_language(tmp_path: Path):
    config = str(discreet_settings(tmp_path))
    for language in ("en", "es", "fr"):
        said = run_reclaim("--config", config, "--language", language, "--help").stdout
        usage, description = said.split("\n\n")[:2]
        assert re.match(r"\w+ ?: notes \[-h\]", usage), usage  # "utilisation : notes"
        assert not TELLING.search(usage + description), description
        assert language == "en" or "Your notes" not in description, "in the language"
        command = run_reclaim("--config", config, "--language", language, "binder", "--help")
        assert re.match(r"\w+ ?: notes binder ", command.stdout), command.stdout
        wrong = run_reclaim("--config", config, "--language", language, "--nope")
        assert "reclaim" not in wrong.stderr.lower(), wrong.stderr


def test_without_discreet_mode_help_names_reclaim():
    said = run_reclaim("--help").stdout
    assert said.split()[1] == "reclaim" and "Reclaim keeps" in said
