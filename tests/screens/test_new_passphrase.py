"""The new-passphrase screen: asked at once after opening with the recovery code, and
from the palette; a new key when someone else may know the old passphrase."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Button, Checkbox, RadioButton

from tests.support.cases import FAST_KDF, NEW_PASSPHRASE, PASSPHRASE
from tests.support.pictures import make_png
from tests.support.pilot import SIZE, said, settle, type_twice, unlock, wait_until
from tui.app import ReclaimApp
from tui.core.evidence.adding import add_file
from tui.core.evidence.model import list_exhibits
from tui.core.evidence.verify import verify_all
from tui.core.settings import Settings
from tui.core.shared.errors import WrongPassphrase
from tui.core.vault.vault import Vault
from tui.screens.new_passphrase import NewPassphraseScreen
from tui.screens.recovery import RecoveryScreen


async def type_new(app: ReclaimApp, pilot, passphrase: str) -> None:
    await type_twice(app, pilot, passphrase)
    await settle(app, pilot)
    await wait_until(
        pilot,
        lambda: not isinstance(app.screen, NewPassphraseScreen) or app.screen.work.job is None,
    )


async def written_down(app: ReclaimApp, pilot) -> None:
    """Tick "I have written it down", continue, and let the new key be applied."""
    assert isinstance(app.screen, RecoveryScreen)
    app.screen.query_one("#written", Checkbox).value = True
    app.screen.query_one("#continue", Button).press()
    await settle(app, pilot)

    def applied() -> bool:
        screen = app.screen
        if isinstance(screen, RecoveryScreen):
            return False
        return not isinstance(screen, NewPassphraseScreen) or (
            screen._prepared is None and screen.work.job is None
        )

    await wait_until(pilot, applied)
    if isinstance(app.screen, NewPassphraseScreen):  # it failed: say why
        raise AssertionError(str(app.screen.query_one("#message").render()))


async def test_after_the_recovery_code_a_new_key_and_code_are_given(tmp_path: Path):
    case, code = Vault.create(tmp_path / "case", PASSPHRASE, FAST_KDF)
    add_file(case, make_png(tmp_path / "a.png"))
    case.close()
    app = ReclaimApp(tmp_path / "case", Settings(kiosk_cases_dir=tmp_path / "k"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await unlock(app, pilot, code)
        assert isinstance(app.screen, NewPassphraseScreen)
        assert app.screen.query_one("#new-key", RadioButton).value, "a new key unless told"
        await type_new(app, pilot, NEW_PASSPHRASE)
        assert isinstance(app.screen, RecoveryScreen)
        new_code = app.screen.code
        assert new_code != code
        with pytest.raises(WrongPassphrase):  # nothing changes until it is written down
            Vault.open(tmp_path / "case", recovery_code=new_code)
        Vault.open(tmp_path / "case", recovery_code=code).close()
        await written_down(app, pilot)
        assert not isinstance(app.screen, (NewPassphraseScreen, RecoveryScreen))
        assert "Your case has a new key" in said(app)
    with pytest.raises(WrongPassphrase):
        Vault.open(tmp_path / "case", passphrase=PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        Vault.open(tmp_path / "case", recovery_code=code)
    with Vault.open(tmp_path / "case", recovery_code=new_code) as reopened:
        assert len(list_exhibits(reopened)) == 1 and verify_all(reopened).clean


async def test_from_the_palette_only_the_passphrase_changes_when_no_one_else_knows(
    vault: Vault, tmp_path: Path
):
    app = ReclaimApp(vault.path, Settings(kiosk_cases_dir=tmp_path / "k"))
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        app.action_new_passphrase()
        await pilot.pause()
        app.screen.query_one("#only-me", RadioButton).value = True
        await type_new(app, pilot, "Summer2024!!")
        assert isinstance(app.screen, NewPassphraseScreen), "a weak one is refused"
        await type_new(app, pilot, NEW_PASSPHRASE)
        assert not isinstance(app.screen, (NewPassphraseScreen, RecoveryScreen))
    key = Vault.open(vault.path, passphrase=NEW_PASSPHRASE).data_key
    assert key == vault.data_key, "re-wrapped, not re-keyed"


def case_with_evidence(tmp_path: Path, count: int = 3) -> tuple[Path, str]:
    case, code = Vault.create(tmp_path / "case", PASSPHRASE, FAST_KDF)
    for index in range(count):
        add_file(case, make_png(tmp_path / f"{index}.png", color=("red", "teal", "gold")[index]))
    case.close()
    return case.path, code


async def test_a_lock_while_the_new_key_is_applied_stops_it_and_unlocking_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from tui.core.vault import key_change, reencrypt

    path, code = case_with_evidence(tmp_path)
    real = reencrypt.stage_blob
    started = threading.Event()
    app = ReclaimApp(path, Settings(kiosk_cases_dir=tmp_path / "k"))

    def slow(*args: Any, **kwargs: Any) -> bool:
        started.set()
        screen = next(s for s in app.screen_stack if isinstance(s, NewPassphraseScreen))
        job = screen.work.job
        assert job is not None
        job._cancel.wait(10)  # until the lock asks it to stop: the next chunk stops it
        return real(*args, **kwargs)

    monkeypatch.setattr(reencrypt, "stage_blob", slow)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        app.action_new_passphrase()
        await pilot.pause()
        await type_new(app, pilot, NEW_PASSPHRASE)
        assert isinstance(app.screen, RecoveryScreen)
        new_code = app.screen.code
        app.screen.query_one("#written", Checkbox).value = True
        app.screen.query_one("#continue", Button).press()
        await wait_until(pilot, started.is_set)
        assert (path / key_change.PENDING).exists()
        await pilot.press("ctrl+l")
        await settle(app, pilot)
        await unlock(app, pilot, PASSPHRASE)
        assert key_change.STOPPED in said(app)
        assert not (path / key_change.PENDING).exists()
    with pytest.raises(WrongPassphrase):
        Vault.open(path, passphrase=NEW_PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        Vault.open(path, recovery_code=new_code)
    with Vault.open(path, recovery_code=code) as reopened:
        assert len(list_exhibits(reopened)) == 3 and verify_all(reopened).clean


async def test_a_lock_before_the_code_is_written_down_changes_nothing_and_says_so(
    tmp_path: Path,
):
    path, code = case_with_evidence(tmp_path, 1)
    app = ReclaimApp(path, Settings(kiosk_cases_dir=tmp_path / "k"))
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        app.action_new_passphrase()
        await pilot.pause()
        await type_new(app, pilot, NEW_PASSPHRASE)
        assert isinstance(app.screen, RecoveryScreen)
        new_code = app.screen.code
        await pilot.press("ctrl+l")
        await settle(app, pilot)
        await unlock(app, pilot, PASSPHRASE)
        assert "your case's key was not changed" in said(app)
    with pytest.raises(WrongPassphrase):
        Vault.open(path, recovery_code=new_code)
    Vault.open(path, recovery_code=code).close()
