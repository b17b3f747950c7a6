"""An output that can't take every character (a 7-bit serial or braille line,
PYTHONIOENCODING=ascii): Safety still prints, in the person's language, in its nearest
plain letters; JSON stays exact."""

from __future__ import annotations

import json

import pytest

from tests.support.cli import run_reclaim_process
from tui.cli.output_encoding import nearest


def test_the_nearest_plain_letters() -> None:
    assert nearest("Algo falló · «hacia» \u2013 l'été…") == 'Algo fallo - "hacia" - l\'ete...'
    assert nearest("日本") == "??"


def test_safety_prints_on_an_ascii_line_in_spanish(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONIOENCODING", "ascii")
    monkeypatch.setenv("LANGUAGE", "es")
    done = run_reclaim_process("safety")
    assert done.returncode == 0, done.stderr
    assert "Si estas en peligro" in done.stdout and "911" in done.stdout
    assert done.stdout.isascii()
    exact = run_reclaim_process("safety", "--json")
    assert exact.stdout.isascii() and "·" in json.loads(exact.stdout)["emergency"]["how"]
