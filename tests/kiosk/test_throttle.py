"""Guessing at a kiosk has a cost no success resets: a count per case number and one for
the whole kiosk, kept on disk across restarts and sealed, so that a missing or changed
file means the longest wait, not a fresh start. Before: one count in the process, which
any success and any restart cleared (40 wrong guesses interleaved with one's own
successes: 0 waits)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.support.cases import FAST_KDF, PASSPHRASE
from tui.core.kiosk import cases, throttle
from tui.core.kiosk.throttle import FORGET_AFTER, MAX_WAIT, TooManyTries, UnlockThrottle
from tui.core.shared import clock
from tui.core.shared.errors import WrongPassphrase
from tui.core.vault.vault import Vault


@pytest.fixture
def moment() -> Iterator[clock.FixedClock]:
    with clock.fixed(datetime(2026, 12, 7, 9, 0, tzinfo=UTC)) as fixed:
        yield fixed


@pytest.fixture
def kiosk_cases(tmp_path: Path) -> Path:
    folder = tmp_path / "cases"
    UnlockThrottle(folder=folder).remaining()  # a new kiosk's first start seals its counts
    Vault.create(folder / "111111", PASSPHRASE, FAST_KDF)[0].close()
    return folder


def test_guesses_at_another_number_wait_though_one_opens_ones_own_case_between(
    kiosk_cases: Path, moment: clock.FixedClock
) -> None:
    guard = UnlockThrottle(folder=kiosk_cases)
    mine = kiosk_cases / "111111"
    theirs = kiosk_cases / "868782"
    waits = []
    for guess in range(40):
        moment.advance(guard.remaining(theirs.name))
        with pytest.raises(WrongPassphrase):
            cases.open_case(theirs, passphrase=f"guess-{guess}", throttle=guard)
        waits.append(guard.remaining(theirs.name))
        if guess % 4 == 3:  # the client's own case, opened between guesses
            moment.advance(guard.remaining(mine.name))
            cases.open_case(mine, passphrase=PASSPHRASE, throttle=guard).close()
    assert waits[:4] == [0, 0, 0, 0]
    assert all(wait > 0 for wait in waits[4:]), "every guess past the free ones waits"
    assert sum(waits) > 8 * 3600, "40 guesses cost hours, not nothing"
    assert guard.case_failures(theirs.name) == 40, "no success at another number clears it"
    assert waits[-1] == MAX_WAIT


def test_the_counts_survive_a_restart(kiosk_cases: Path, moment: clock.FixedClock) -> None:
    first = UnlockThrottle(folder=kiosk_cases)
    for _ in range(6):
        first.failed("222222")
    left = first.remaining("222222")
    assert left == 60
    restarted = UnlockThrottle(folder=kiosk_cases)  # a new process, the same kiosk
    assert restarted.remaining("222222") == left
    assert restarted.remaining("333333") == left, "the kiosk-wide wait holds for any number"
    with pytest.raises(TooManyTries, match="You can try again in 1 minute"):
        restarted.check("333333")
    moment.advance(left)
    restarted.succeeded("111111")
    assert UnlockThrottle(folder=kiosk_cases).case_failures("222222") == 6


def test_a_success_clears_only_its_own_numbers_count(
    kiosk_cases: Path, moment: clock.FixedClock
) -> None:
    guard = UnlockThrottle(folder=kiosk_cases, free_tries=100)
    for case in ("111111", "111111", "222222", "222222", "222222"):
        guard.failed(case)
    guard.succeeded("111111")
    assert guard.case_failures("111111") == 0
    assert guard.case_failures("222222") == 3
    assert guard.failures == 5


def test_the_kiosk_wide_count_fades_with_time_but_a_numbers_does_not(
    kiosk_cases: Path, moment: clock.FixedClock
) -> None:
    guard = UnlockThrottle(folder=kiosk_cases)
    for case in ("222222",) * 3 + ("333333",) * 3:
        moment.advance(guard.remaining(case))
        guard.failed(case)
    assert guard.failures == 6
    moment.advance(guard.remaining() + 3 * FORGET_AFTER)
    assert guard.failures == 3, "one failure forgiven per quiet ten minutes"
    assert guard.case_failures("222222") == 3
    moment.advance(10 * FORGET_AFTER)
    assert guard.failures == 0
    assert guard.remaining("222222") == 0


def write_counts(folder: Path, edit: dict[str, object]) -> None:
    path = folder / throttle.STATE
    sealed = json.loads(path.read_bytes())
    sealed["counts"]["kiosk"].update(edit)
    path.write_text(json.dumps(sealed))


@pytest.mark.parametrize(
    "damage",
    ["edited", "removed", "key removed", "garbage", "key garbage"],
)
def test_a_changed_or_missing_count_file_means_the_longest_wait(
    kiosk_cases: Path, moment: clock.FixedClock, damage: str
) -> None:
    guard = UnlockThrottle(folder=kiosk_cases)
    for _ in range(7):
        guard.failed("222222")
    state = kiosk_cases / throttle.STATE
    key = kiosk_cases / throttle.KEY
    if damage == "edited":
        write_counts(kiosk_cases, {"failures": 0, "until": 0.0})
    elif damage == "removed":
        state.unlink()
    elif damage == "key removed":
        key.unlink()
    elif damage == "garbage":
        state.write_bytes(b"\x00not json")
    else:
        key.write_bytes(b"short")
    restarted = UnlockThrottle(folder=kiosk_cases)
    assert restarted.remaining("444444") == MAX_WAIT, damage
    moment.advance(MAX_WAIT)
    assert restarted.remaining("444444") == 0, "the worst case is served once"
    restarted.failed("444444")
    assert restarted.remaining("444444") == MAX_WAIT, "and the count stays high"


def test_a_new_kiosk_starts_with_free_tries(tmp_path: Path, moment: clock.FixedClock) -> None:
    guard = UnlockThrottle(folder=tmp_path / "new-kiosk-cases")
    assert guard.remaining("111111") == 0
    guard.failed("111111")
    assert (tmp_path / "new-kiosk-cases" / throttle.STATE).exists()
    assert guard.remaining("111111") == 0


def test_the_kiosk_throttle_lives_in_its_cases_folder(
    kiosk_cases: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(throttle, "KIOSK", None)
    made = throttle.for_kiosk(kiosk_cases)
    assert made.folder == kiosk_cases
    assert throttle.for_kiosk(kiosk_cases) is made


def test_a_new_kiosks_first_case_does_not_look_like_a_missing_count(
    tmp_path: Path, moment: clock.FixedClock
) -> None:
    """Before the fix found walking the kiosk: the counts were first written at the
    first unlock, after the first case was made, so that unlock met a kiosk with cases
    and no counts, and waited fifteen minutes."""
    folder = tmp_path / "new-kiosk"
    path, _number = cases.new_case_dir(folder)
    Vault.create(path, PASSPHRASE, FAST_KDF)[0].close()
    assert UnlockThrottle(folder=folder).remaining(path.name) == 0


def test_a_kiosk_upgraded_from_a_version_without_counts_does_not_make_its_clients_wait(
    kiosk_cases: Path, moment: clock.FixedClock
) -> None:
    """A kiosk with cases but neither counts nor key (made before counts were kept) is
    not treated as tampered with: a clinic upgrading Reclaim must not lock every client
    out for fifteen minutes. A count removed while its key is there still is."""
    (kiosk_cases / throttle.STATE).unlink()
    (kiosk_cases / throttle.KEY).unlink()
    upgraded = UnlockThrottle(folder=kiosk_cases)
    assert upgraded.remaining("111111") == 0
    assert (kiosk_cases / throttle.KEY).exists(), "sealed from now on"
    (kiosk_cases / throttle.STATE).unlink()
    assert UnlockThrottle(folder=kiosk_cases).remaining("111111") == MAX_WAIT
