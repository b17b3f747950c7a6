"""Attacks on unlocking, performed on real cases on disk and the real `reclaim` command:
guessing kiosk case numbers and passphrases, a header rewritten to make unlocking hang,
one passphrase typed in two Unicode forms, and weak passphrases. Each is refused in one
plain sentence (or, for Unicode, the case opens either way)."""

from __future__ import annotations

import hashlib
import json
import secrets
import statistics
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from tests.support.cases import FAST_KDF, NEW_PASSPHRASE, PASSPHRASE, vault_bytes
from tests.support.cli import run_reclaim
from tests.support.pilot import settle, type_twice
from tui.app import ReclaimApp
from tui.core.demo import DEMO_PASSPHRASE, create_demo_case, remove_demo_case
from tui.core.kiosk import cases, throttle
from tui.core.passwords import strength
from tui.core.settings import Settings
from tui.core.shared.errors import VaultDamaged, WrongPassphrase
from tui.core.vault import keys
from tui.core.vault.header import DAMAGED
from tui.core.vault.layout import HEADER
from tui.core.vault.vault import Vault
from tui.screens.create import CreateScreen
from tui.screens.home import HomeScreen
from tui.screens.kiosk import ChooseCaseScreen
from tui.screens.recovery import RecoveryScreen
from tui.screens.unlock import TRY_AGAIN, UnlockScreen

SIZE = (80, 24)
COMPOSED = "crème-brûlée-orbit-canyon"  # "è" and "û" as one code point each
DECOMPOSED = unicodedata.normalize("NFD", COMPOSED)  # e + combining accent
REAL_CALIBRATE = keys.calibrate  # each test gets a fast stand-in (conftest)


def screen_text(app: ReclaimApp) -> str:
    return "\n".join(str(widget.render()) for widget in app.screen.query(Static))


class FakeClock:
    """Seconds that pass only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def kiosk_throttle(clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> throttle.UnlockThrottle:
    """The kiosk process's throttle, on a clock the test moves."""
    fresh = throttle.UnlockThrottle(clock)
    monkeypatch.setattr(throttle, "KIOSK", fresh)
    return fresh


@pytest.fixture
def stand_in_cost() -> Iterator[None]:
    cases.stand_in_params.cache_clear()
    yield
    cases.stand_in_params.cache_clear()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(kiosk_cases_dir=tmp_path / "kiosk-cases")


def kiosk_case(settings: Settings, params: keys.Argon2Params = FAST_KDF) -> tuple[Path, str]:
    path, number = cases.new_case_dir(settings.kiosk_cases_dir)
    Vault.create(path, PASSPHRASE, params)[0].close()
    return path, number


def another_number(number: str) -> str:
    return "000000" if number != "000000" else "111111"


# ---- 1. kiosk guessing ----------------------------------------------------------------


def test_a_number_with_no_case_costs_and_reads_like_a_wrong_passphrase(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, stand_in_cost: None
) -> None:
    """Before: a wrong number answered in 60 µs ("There is no case with that number"),
    so numbers could be found for free."""
    params = keys.Argon2Params(time_cost=3, memory_kib=32 * 1024, parallelism=2)
    monkeypatch.setattr(keys, "calibrate", lambda *args, **kwargs: params)
    real, number = kiosk_case(settings, params)
    missing = cases.find_case_dir(settings.kiosk_cases_dir, another_number(number))
    never_waits = throttle.UnlockThrottle(free_tries=1000)

    def attempt(path: Path) -> tuple[float, str]:
        started = time.perf_counter()
        with pytest.raises(WrongPassphrase) as refused:
            cases.open_case(path, passphrase="not-the-passphrase", throttle=never_waits)
        return time.perf_counter() - started, str(refused.value)

    attempt(missing)  # measures the stand-in's cost once, as the screen does on showing
    real_tries, missing_tries = [], []
    for _ in range(5):
        real_tries.append(attempt(real))
        missing_tries.append(attempt(missing))
    assert {words for _, words in real_tries + missing_tries} == {cases.WRONG_PASSPHRASE}
    real_time = statistics.median(seconds for seconds, _ in real_tries)
    missing_time = statistics.median(seconds for seconds, _ in missing_tries)
    assert 0.5 * real_time < missing_time < 2 * real_time, (real_time, missing_time)
    assert not missing.exists(), "trying a number creates nothing"

    with pytest.raises(WrongPassphrase, match="case number and recovery code do not open"):
        cases.open_case(
            missing, recovery_code="ABCD-EFGH-JKMN-PQRS-TVWX-YZ12", throttle=never_waits
        )


def test_repeated_failures_wait_longer_each_time_and_no_success_resets_the_kiosk(
    settings: Settings, clock: FakeClock
) -> None:
    real, number = kiosk_case(settings)
    missing = cases.find_case_dir(settings.kiosk_cases_dir, another_number(number))
    guard = throttle.UnlockThrottle(clock)

    def wrong(path: Path = real) -> None:
        with pytest.raises(WrongPassphrase):
            cases.open_case(path, passphrase="guess", throttle=guard)

    for path in (real, missing, real, missing):
        wrong(path)
        assert guard.remaining() == 0, "the first tries are free"
    waits = []
    for _ in range(8):
        wrong()
        waits.append(guard.remaining())
        # While the wait is on, even the right passphrase is not tried.
        started = time.perf_counter()
        with pytest.raises(throttle.TooManyTries, match="You can try again in"):
            cases.open_case(real, passphrase=PASSPHRASE, throttle=guard)
        assert time.perf_counter() - started < 0.05
        clock.now += waits[-1]
    assert waits == [30, 60, 120, 240, 480, 900, 900, 900]
    cases.open_case(real, passphrase=PASSPHRASE, throttle=guard).close()
    assert guard.case_failures(real.name) == 0, "a success clears its own number's count"
    assert guard.failures == 12, "but not the kiosk's (before: a success cleared it)"
    wrong()
    assert guard.remaining() == 900, "so the next failure still waits"


def test_the_wait_is_said_in_plain_words() -> None:
    assert throttle.wait_words(30) == "30 seconds"
    assert throttle.wait_words(0.2) == "1 second"
    assert throttle.wait_words(60) == "1 minute"
    assert throttle.wait_words(125) == "2 minutes and 5 seconds"
    assert throttle.wait_words(900) == "15 minutes"


async def test_the_kiosk_asks_for_a_passphrase_whatever_the_number_and_counts_down(
    settings: Settings, clock: FakeClock, kiosk_throttle: throttle.UnlockThrottle
) -> None:
    _real, number = kiosk_case(settings)
    app = ReclaimApp(Path(), settings, kiosk=True)

    async def try_number(typed: str, passphrase: str) -> str:
        if not isinstance(app.screen, ChooseCaseScreen):
            await pilot.press("escape")
            await pilot.pause()
        assert isinstance(app.screen, ChooseCaseScreen)
        app.screen.query_one("#number", Input).value = typed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen), "every number asks for a passphrase"
        app.screen.query_one("#secret", Input).value = passphrase
        await pilot.press("enter")
        await settle(app, pilot)
        return screen_text(app)

    async with app.run_test(size=SIZE) as pilot:
        no_case = await try_number(another_number(number), "guess-one")
        wrong = await try_number(number, "guess-two")
        assert no_case == wrong
        assert cases.WRONG_PASSPHRASE in wrong
        assert "no case with that number" not in no_case
        for guess in ("guess-three", "guess-four", "guess-five"):
            await try_number(another_number(number), guess)
        assert isinstance(app.screen, UnlockScreen)
        shown = screen_text(app)
        assert "You can try again in 30 seconds." in shown
        assert app.screen.query_one("#secret", Input).disabled

        clock.now += 10
        app.screen.count_down()  # the screen's one-second timer, without waiting for it
        assert "You can try again in 20 seconds." in screen_text(app)

        # Going back and choosing another number does not start afresh.
        await pilot.press("escape")
        await pilot.pause()
        app.screen.query_one("#number", Input).value = number
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        assert "You can try again in 20 seconds." in screen_text(app)
        assert app.screen.query_one("#secret", Input).disabled

        clock.now += 20
        app.screen.count_down()
        assert TRY_AGAIN in screen_text(app)
        secret = app.screen.query_one("#secret", Input)
        assert not secret.disabled
        secret.value = PASSPHRASE
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        assert kiosk_throttle.failures == 5, "a success does not clear the kiosk's count"
        assert kiosk_throttle.case_failures(number) == 0


# ---- 2. a tampered header -------------------------------------------------------------


def rewrite_kdf(path: Path, argon2id: dict[str, int]) -> None:
    """Put other Argon2id settings in the header and fix up its checksum, as an attacker
    with the files would (the checksum is plain SHA-256; only the MAC needs the key)."""
    data: dict[str, Any] = json.loads((path / HEADER).read_bytes())
    data.pop("checksum")
    data["slots"]["passphrase"]["argon2id"] = argon2id

    def canonical(value: dict[str, Any]) -> bytes:
        return json.dumps(value, sort_keys=True, indent=1, ensure_ascii=True).encode("ascii")

    data["checksum"] = hashlib.sha256(canonical(data)).hexdigest()
    (path / HEADER).write_bytes(canonical(data) + b"\n")


def test_the_largest_kdf_the_old_bounds_allowed_is_refused_at_once(
    vault: Vault, passphrase_file: Path
) -> None:
    """4 GiB x 64 passes x 16 lanes: 13 minutes of Argon2id here before the fix."""
    rewrite_kdf(vault.path, {"time_cost": 64, "memory_kib": 4 * 1024**2, "parallelism": 16})
    started = time.perf_counter()
    result = run_reclaim(
        "unlock", "--vault", str(vault.path), "--passphrase-file", str(passphrase_file), timeout=20
    )
    assert time.perf_counter() - started < 10  # the command's own start-up included
    assert result.returncode == 1
    assert DAMAGED in result.stderr


@pytest.mark.parametrize(
    "argon2id",
    [
        {"time_cost": 1, "memory_kib": 4 * 64 * 1024 + 1, "parallelism": 4},
        {"time_cost": 4 * 12 + 1, "memory_kib": 1024, "parallelism": 1},
        {"time_cost": 1, "memory_kib": 1024, "parallelism": 9},
        {"time_cost": 13, "memory_kib": 4 * 64 * 1024, "parallelism": 4},
    ],
    ids=["memory", "passes", "lanes", "memory-times-passes"],
)
def test_kdf_settings_beyond_what_reclaim_writes_are_a_damaged_header_before_any_kdf(
    vault: Vault, argon2id: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    rewrite_kdf(vault.path, argon2id)

    def no_kdf(*args: object) -> bytes:
        raise AssertionError("the KDF ran on a hostile header")

    monkeypatch.setattr(keys, "derive_from_passphrase", no_kdf)
    started = time.perf_counter()
    with pytest.raises(VaultDamaged) as refused:
        Vault.open(vault.path, passphrase=PASSPHRASE)
    assert str(refused.value) == DAMAGED
    assert time.perf_counter() - started < 2


def test_every_kdf_setting_this_version_writes_is_still_read() -> None:
    slowest = {"time_cost": keys.MAX_CALIBRATED_PASSES, "memory_kib": 64 * 1024, "parallelism": 4}
    assert keys.Argon2Params.from_dict(slowest).time_cost == 12
    assert keys.Argon2Params.from_dict(keys.DEFAULT_ARGON2.as_dict()) == keys.DEFAULT_ARGON2
    assert keys.Argon2Params.from_dict({**slowest, "time_cost": 48, "memory_kib": 64 * 1024})
    for target in (0.001, 1000):  # a slow machine, a fast one
        written = REAL_CALIBRATE(target=target)
        assert keys.Argon2Params.from_dict(written.as_dict()) == written
    assert written.time_cost == keys.MAX_CALIBRATED_PASSES


# ---- 3. one passphrase, two Unicode forms ---------------------------------------------


def test_a_passphrase_typed_decomposed_opens_a_case_made_composed(tmp_path: Path) -> None:
    assert COMPOSED != DECOMPOSED and strength.weakness(COMPOSED) == ""
    case = tmp_path / "case"
    made = run_reclaim("init", "--vault", str(case), "--passphrase-file", "-", stdin=DECOMPOSED)
    assert made.returncode == 0, made.stderr
    composed_file = tmp_path / "composed.txt"
    composed_file.write_text(COMPOSED + "\n", encoding="utf-8")
    opened = run_reclaim("unlock", "--vault", str(case), "--passphrase-file", str(composed_file))
    assert opened.returncode == 0, opened.stderr
    Vault.open(case, passphrase=DECOMPOSED).close()


def test_a_changed_passphrase_opens_in_either_form(vault: Vault, passphrase_file: Path) -> None:
    changed = run_reclaim(
        "passphrase", "change", "--vault", str(vault.path),
        "--passphrase-file", str(passphrase_file), "--new-passphrase-file", "-",
        stdin=DECOMPOSED + "\n",
    )  # fmt: skip
    assert changed.returncode == 0, changed.stderr
    Vault.open(vault.path, passphrase=COMPOSED).close()
    Vault.open(vault.path, passphrase=DECOMPOSED).close()


async def test_the_unlock_screen_opens_a_case_typed_in_the_other_form(
    tmp_path: Path, settings: Settings
) -> None:
    case = tmp_path / "case"
    app = ReclaimApp(case, settings)
    async with app.run_test(size=SIZE) as pilot:
        await type_twice(app, pilot, COMPOSED)
        await settle(app, pilot)
        assert isinstance(app.screen, RecoveryScreen)
        await pilot.press("space", "tab", "enter")  # written down: nothing asked at unlock
        await settle(app, pilot)
    app = ReclaimApp(case, settings)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, UnlockScreen)
        app.screen.query_one("#secret", Input).value = DECOMPOSED
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)


def made_before_normalising(path: Path, typed: str) -> None:
    """A case whose key is wrapped under the passphrase exactly as typed, not NFC: what
    every Reclaim before this change wrote."""
    vault, _code = Vault.create(path, PASSPHRASE, FAST_KDF)
    with vault:
        header, salt = vault.header, secrets.token_bytes(16)
        slot: dict[str, Any] = {"kdf": "argon2id", "argon2id": FAST_KDF.as_dict()}
        slot["salt"] = keys.b64(salt)
        kek = keys.derive_from_passphrase(typed, salt, FAST_KDF)
        sealed = keys.seal(kek, vault.data_key, header._slot_aad("passphrase", slot))
        slot["wrapped"] = keys.b64(sealed)
        old = replace(header, slots={**header.slots, "passphrase": slot}).signed(vault.data_key)
    (path / HEADER).write_bytes(old.to_bytes())


def test_a_case_made_before_normalising_still_opens_as_typed(tmp_path: Path) -> None:
    case = tmp_path / "old-case"
    made_before_normalising(case, DECOMPOSED)
    with pytest.raises(WrongPassphrase):
        Vault.open(case, passphrase=PASSPHRASE)  # the slot really was rewritten
    Vault.open(case, passphrase=DECOMPOSED).close()
    passphrase = tmp_path / "as-typed.txt"
    passphrase.write_text(DECOMPOSED + "\n", encoding="utf-8")
    opened = run_reclaim("unlock", "--vault", str(case), "--passphrase-file", str(passphrase))
    assert opened.returncode == 0, opened.stderr


def test_a_case_made_before_normalising_with_a_composed_passphrase_opens(tmp_path: Path) -> None:
    case = tmp_path / "old-case"
    made_before_normalising(case, COMPOSED)
    Vault.open(case, passphrase=COMPOSED).close()


# ---- 4. weak passphrases --------------------------------------------------------------

SUMMER = (
    "This passphrase could be guessed quickly: it uses a common word and a year. "
    "Try four or five unrelated words"
)
THREE_WORDS = "This passphrase could be guessed quickly: it is only three common words."


@pytest.mark.parametrize(
    ("weak", "sentence"), [("Summer2024!!", SUMMER), ("correct horse battery", THREE_WORDS)]
)
def test_init_refuses_a_weak_passphrase_and_says_why(
    tmp_path: Path, weak: str, sentence: str
) -> None:
    case = tmp_path / "case"
    result = run_reclaim("init", "--vault", str(case), "--passphrase-file", "-", stdin=weak)
    assert result.returncode == 1
    assert sentence in result.stderr
    assert "or run 'reclaim password generate' for one." in result.stderr
    assert weak not in result.stderr
    assert not case.exists()


def test_a_changed_passphrase_must_be_strong_and_avoid_the_case_s_own_words(
    cli: Callable[..., Any], vault: Vault, tmp_path: Path
) -> None:
    assert cli("profile", "set", "pets", "Biscuit").returncode == 0
    assert cli("profile", "set", "names", "Maria Lopez").returncode == 0
    assert cli("profile", "set", "dates", "1987-03-14").returncode == 0
    personal = "biscuit-lopez-1987-maria"
    assert strength.weakness(personal) == "", "strong to a stranger"
    before = vault_bytes(vault.path)
    for weak, sentence in (
        ("Summer2024!!", SUMMER),
        ("correct horse battery", THREE_WORDS),
        (personal, "which someone who knows you would try first"),
    ):
        new = tmp_path / "new.txt"
        new.write_text(weak + "\n")
        result = cli("passphrase", "change", "--new-passphrase-file", str(new))
        assert result.returncode == 1
        assert sentence in result.stderr
        assert vault_bytes(vault.path) == before
    assert "a pet's name" in result.stderr


async def test_the_create_screen_refuses_a_weak_passphrase_and_offers_one(
    vault_dir: Path, settings: Settings
) -> None:
    app = ReclaimApp(vault_dir, settings)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, CreateScreen)
        await type_twice(app, pilot, "Summer2024!!")
        await pilot.pause()
        assert (
            "This passphrase could be guessed quickly: it uses a common word and a year. Try "
            "four or five unrelated words, or press Ctrl+G for one."
        ) in " ".join(screen_text(app).split())
        assert not vault_dir.exists()

        await pilot.press("ctrl+g")
        await pilot.pause()
        made = app.screen.query_one("#first", Input).value
        assert app.screen.query_one("#second", Input).value == made
        assert made in screen_text(app) and strength.weakness(made) == ""
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, RecoveryScreen)
    Vault.open(vault_dir, passphrase=made).close()


def test_the_test_passphrases_pass_and_the_demo_still_opens() -> None:
    assert strength.weakness(PASSPHRASE) == ""
    assert strength.weakness(NEW_PASSPHRASE) == ""
    demo = create_demo_case()
    try:
        Vault.open(demo.path, passphrase=DEMO_PASSPHRASE).close()
    finally:
        remove_demo_case(demo)


async def test_a_restarted_kiosk_still_waits_after_guesses_at_another_number(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Guesses at another number made by an earlier run of the kiosk (its counts, on
    disk) still make the next run wait, at any number. Before: a restart started afresh."""
    from datetime import UTC, datetime

    from tui.core.shared import clock as reclaim_clock

    _real, number = kiosk_case(settings)
    with reclaim_clock.fixed(datetime(2026, 12, 7, 9, 0, tzinfo=UTC)):
        earlier_run = throttle.UnlockThrottle(folder=settings.kiosk_cases_dir)
        for _ in range(5):
            earlier_run.failed(another_number(number))
        monkeypatch.setattr(throttle, "KIOSK", None)  # a new process
        app = ReclaimApp(Path(), settings, kiosk=True)
        async with app.run_test(size=SIZE) as pilot:
            app.screen.query_one("#number", Input).value = number
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, UnlockScreen)
            assert "You can try again in 30 seconds." in screen_text(app)
            assert app.screen.query_one("#secret", Input).disabled
