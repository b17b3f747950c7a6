"""A new case's recovery code in plain mode: spelled letter by letter as well (a speech
synthesiser may read a group as a word), and, when the case is locked before the code is
confirmed, shown again after the unlock (it can't be shown later: nobody keeps it)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.cases import FAST_KDF, PASSPHRASE
from tui.core.settings import Settings
from tui.core.vault import keys
from tui.plain import case as plain_case
from tui.plain.walk import LOCKED, run_plain

CODE = re.compile(r"^((?:[0-9A-Z]{4}-){5}([0-9A-Z]{4}))$", re.MULTILINE)
Line = str | Callable[[str], str]


class Answers(io.StringIO):
    """Standard input whose lines may be worked out from what was said so far."""

    def __init__(self, lines: list[Line], said: io.StringIO) -> None:
        super().__init__()
        self.lines, self.said = list(lines), said

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        if not self.lines:
            return ""
        line = self.lines.pop(0)
        return (line(self.said.getvalue()) if callable(line) else line) + "\n"


def last_group(said: str) -> str:
    codes = CODE.findall(said)
    return str(codes[-1][1])


def walk(path: Path, lines: list[Line]) -> str:
    said = io.StringIO()
    assert run_plain(path, Settings(), Answers(lines, said), said) == 0
    return said.getvalue()


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keys, "calibrate", lambda *a, **k: FAST_KDF)


def test_the_recovery_code_is_spelled_letter_by_letter(tmp_path: Path) -> None:
    said = walk(tmp_path / "new", ["1", PASSPHRASE, PASSPHRASE, "no", "WRONG", last_group, "back"])
    (code, _last), *_ = CODE.findall(said)
    spelled = ", ".join(" ".join(group) for group in code.split("-"))
    assert said.count(f"Letter by letter: {spelled}.") == 2  # shown, and again after a miss


def test_a_lock_before_the_code_is_confirmed_shows_it_again_after_the_unlock(
    tmp_path: Path,
) -> None:
    lines: list[Line] = ["1", PASSPHRASE, PASSPHRASE, "no", "lock", PASSPHRASE, last_group, "back"]
    lines += ["back"]  # where you live: later
    said = walk(tmp_path / "new", [*lines, "quit"])
    first, after = said.split(LOCKED, 1)
    (code, _last), *_ = CODE.findall(first)
    assert _text(plain_case.NOT_CONFIRMED_YET) in after
    assert code in after  # the same code, shown again
    assert after.index("Your case is open.") < after.index(code)
    assert "The recovery code is confirmed." in after
    assert "Where do you live?" in after.split("The recovery code is confirmed.", 1)[1]


def test_a_code_confirmed_is_not_shown_again_at_the_next_unlock(tmp_path: Path) -> None:
    lines: list[Line] = ["1", PASSPHRASE, PASSPHRASE, "no", last_group, "back", "lock", PASSPHRASE]
    said = walk(tmp_path / "new", [*lines, "quit"])
    assert len(CODE.findall(said)) == 1
    assert _text(plain_case.NOT_CONFIRMED_YET) not in said


def _text(message: str) -> str:
    return message
