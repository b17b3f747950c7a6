"""`no_dumps` never fails, wherever it runs: a step the system refuses or lacks is
skipped (the crash itself is tested in a real process: tests/cli/test_no_core_dumps.py)."""

from __future__ import annotations

import ctypes
import resource
import sys

import pytest

from tui.core.shared import no_dumps


def refuse(*_args: object, **_kwargs: object) -> None:
    raise OSError("not here")


def test_a_system_without_the_limit_or_prctl_is_no_failure(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(resource, "setrlimit", refuse)
    monkeypatch.setattr(ctypes, "CDLL", refuse)
    no_dumps.forbid_core_dumps()
    assert no_dumps.is_dumpable() is None


def test_elsewhere_than_linux_only_the_limit_is_set(monkeypatch: pytest.MonkeyPatch):
    limits: list[object] = []
    loaded: list[object] = []
    monkeypatch.setattr(resource, "setrlimit", lambda *args: limits.append(args))
    monkeypatch.setattr(ctypes, "CDLL", lambda *args, **kwargs: loaded.append(args))
    monkeypatch.setattr(sys, "platform", "darwin")
    no_dumps.forbid_core_dumps()
    assert limits == [(resource.RLIMIT_CORE, (0, 0))]
    assert no_dumps.is_dumpable() is None and loaded == []
