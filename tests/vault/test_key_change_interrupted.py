"""A change of key changes which secrets open the case only at its point of no return,
after the new recovery code was shown: stopped or crashed before it, the old passphrase
and code open the case exactly as it was (and the person is told); after it, the next
open with either secret finishes it (and says so). Damaged evidence stops it before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.cases import FAST_KDF, NEW_PASSPHRASE, PASSPHRASE, vault_bytes
from tests.support.pictures import make_png
from tui.core.evidence.adding import add_file
from tui.core.evidence.export import read_original
from tui.core.evidence.model import list_exhibits
from tui.core.evidence.verify import verify_all
from tui.core.shared.errors import Cancelled, VaultBusy, WrongPassphrase
from tui.core.vault import key_change, keys, reencrypt, rekey
from tui.core.vault.header import Header
from tui.core.vault.layout import HEADER
from tui.core.vault.reencrypt import CardFromRecord
from tui.core.vault.vault import Vault

COLOURS = ("red", "teal", "gold", "navy")


@pytest.fixture
def case(tmp_path: Path) -> tuple[Path, str, dict[str, bytes]]:
    """A case with four exhibits: its folder, its recovery code, and what they hold."""
    made, code = Vault.create(tmp_path / "case", PASSPHRASE, FAST_KDF)
    with made:
        for index, colour in enumerate(COLOURS):
            add_file(made, make_png(tmp_path / f"shot{index}.png", color=colour))
        held = {e.id: read_original(made, e) for e in list_exhibits(made)}
    return made.path, code, held


def contents(opened: Vault) -> dict[str, bytes]:
    return {e.id: read_original(opened, e) for e in list_exhibits(opened)}


def leftovers(path: Path) -> list[str]:
    return sorted(
        p.name for p in [*path.iterdir(), *(path / "blobs").iterdir()] if "rekey" in p.name
    )


def test_a_crash_before_the_point_of_no_return_changes_nothing(
    case: tuple[Path, str, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch
):
    path, code, held = case
    before = vault_bytes(path)
    vault = Vault.open(path, passphrase=PASSPHRASE)
    prepared = rekey.prepare(vault, NEW_PASSPHRASE, FAST_KDF)

    def power_cut(*_args: object) -> None:
        raise SystemExit("the power goes")  # nothing after this runs, not even a roll back

    monkeypatch.setattr(key_change, "stage_record", power_cut)
    monkeypatch.setattr(key_change, "undo", lambda _path: True)
    with pytest.raises(SystemExit):
        rekey.apply(vault, prepared)
    vault.close()
    monkeypatch.undo()
    assert leftovers(path), "the parts and the pending change are still there"
    with pytest.raises(WrongPassphrase):
        Vault.open(path, passphrase=NEW_PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        Vault.open(path, recovery_code=prepared.code)
    with Vault.open(path, passphrase=PASSPHRASE) as reopened:
        assert reopened.notices == [key_change.STOPPED]
        assert contents(reopened) == held
    assert leftovers(path) == []
    assert vault_bytes(path) == before, "the case is byte for byte as it was"
    with Vault.open(path, recovery_code=code) as again:
        assert again.notices == [], "said once"
        assert verify_all(again).clean


@pytest.mark.parametrize("renamed", [0, 2, 4, 5, 6])  # 5: the record too; 6: the header
@pytest.mark.parametrize("reopen_with", ["old passphrase", "new passphrase", "new code"])
def test_a_crash_after_the_point_of_no_return_is_finished_on_the_next_open(
    case: tuple[Path, str, dict[str, bytes]],
    monkeypatch: pytest.MonkeyPatch,
    renamed: int,
    reopen_with: str,
):
    path, code, held = case
    vault = Vault.open(path, passphrase=PASSPHRASE)
    prepared = rekey.prepare(vault, NEW_PASSPHRASE, FAST_KDF)
    parts = []

    def cut_short(folder: Path) -> None:
        parts.extend(sorted((folder / "blobs").glob(f"*{reencrypt.PART}")))
        for part in parts[:renamed]:
            part.replace(part.with_name(part.name.removesuffix(reencrypt.PART) + ".blob"))
        if renamed > len(parts):
            (folder / key_change.SIDE_RECORD).replace(folder / "case.db")
        if renamed > len(parts) + 1:
            (folder / HEADER).write_bytes(prepared.header.to_bytes())
        raise SystemExit("the power goes")

    monkeypatch.setattr(key_change, "roll_forward", cut_short)
    with pytest.raises(SystemExit):
        rekey.apply(vault, prepared)
    monkeypatch.undo()
    assert len(parts) == 4
    secret = {
        "old passphrase": {"passphrase": PASSPHRASE},
        "new passphrase": {"passphrase": NEW_PASSPHRASE},
        "new code": {"recovery_code": prepared.code},
    }[reopen_with]
    with Vault.open(path, **secret) as reopened:  # type: ignore[arg-type]
        assert reopened.notices == [key_change.FINISHED]
        assert contents(reopened) == held and verify_all(reopened).clean
    assert leftovers(path) == []
    for old in ({"passphrase": PASSPHRASE}, {"recovery_code": code}):
        with pytest.raises(WrongPassphrase):
            Vault.open(path, **old)  # type: ignore[arg-type]
    with Vault.open(path, recovery_code=prepared.code) as again:
        assert again.notices == [] and contents(again) == held


def test_a_stop_asked_for_is_rolled_back_now_or_at_the_next_open(
    case: tuple[Path, str, dict[str, bytes]],
):
    path, code, held = case
    before = vault_bytes(path)
    for undo_now in (True, False):
        vault = Vault.open(path, passphrase=PASSPHRASE)
        prepared = rekey.prepare(vault, NEW_PASSPHRASE, FAST_KDF)
        calls: list[int] = []

        def progress(done: int, total: int, calls: list[int] = calls) -> None:
            calls.append(done)
            if len(calls) > 3:
                raise Cancelled("stopped")

        with pytest.raises(Cancelled):
            rekey.apply(vault, prepared, progress, undo_when_stopped=undo_now)
        vault.close()
        assert bool(leftovers(path)) is not undo_now
        with Vault.open(path, recovery_code=code) as reopened:
            assert reopened.notices == ([] if undo_now else [key_change.STOPPED])
            assert contents(reopened) == held
        assert vault_bytes(path) == before


def test_a_damaged_blob_stops_the_change_and_is_named(
    case: tuple[Path, str, dict[str, bytes]],
):
    path, code, _held = case
    with Vault.open(path, passphrase=PASSPHRASE) as vault:
        third = list_exhibits(vault)[2]
        blob = vault.blob_dir / f"{third.blob}.blob"
    raw = bytearray(blob.read_bytes())
    raw[80] ^= 1
    blob.write_bytes(bytes(raw))
    before = vault_bytes(path)
    vault = Vault.open(path, passphrase=PASSPHRASE)
    with pytest.raises(key_change.KeyChangeRefused) as refused:
        rekey.start(vault, NEW_PASSPHRASE, FAST_KDF)
    vault.close()
    said = str(refused.value)
    assert said.startswith("E-0003 can't be read") and "nothing was changed" in said
    assert "reclaim backup restore" in said
    assert vault_bytes(path) == before and leftovers(path) == []
    with pytest.raises(WrongPassphrase):
        Vault.open(path, passphrase=NEW_PASSPHRASE)
    with Vault.open(path, recovery_code=code) as reopened:
        assert reopened.notices == []
        assert verify_all(reopened).damaged_ids == ["E-0003"]


def test_a_change_of_the_earlier_scheme_still_finishes_and_says_so(
    case: tuple[Path, str, dict[str, bytes]],
):
    """A case stopped half-way by an earlier Reclaim: some blobs re-encrypted in place,
    a pending file without a commit mark. It can't be rolled back; it is finished."""
    path, _code, held = case
    vault = Vault.open(path, passphrase=PASSPHRASE)
    new_key = keys.new_data_key()
    header = Header.create(new_key, NEW_PASSPHRASE, FAST_KDF, keys.new_recovery_code(),
                           vault_id=vault.header.vault_id)  # fmt: skip
    key_change.write_pending(path, header, vault.header, vault.data_key, new_key)
    pending = json.loads((path / key_change.PENDING).read_text())
    del pending["committed"], pending["was"]  # what the earlier scheme wrote
    (path / key_change.PENDING).write_text(json.dumps(pending))
    new = Vault(path, header, new_key)
    from_record: CardFromRecord = vault._card_from_record
    for blob in sorted(vault.blob_dir.glob("*.blob"))[:2]:
        assert reencrypt.rekey_blob(vault, new, blob.stem, from_record)
    vault.close()
    new.close()
    with Vault.open(path, passphrase=PASSPHRASE) as reopened:
        assert reopened.notices == [key_change.FINISHED_EARLIER]
        assert contents(reopened) == held and verify_all(reopened).clean
    with pytest.raises(WrongPassphrase):
        Vault.open(path, passphrase=PASSPHRASE)
    with Vault.open(path, passphrase=NEW_PASSPHRASE) as again:
        assert contents(again) == held and (path / HEADER).exists()
    assert leftovers(path) == []


def test_past_the_point_of_no_return_a_busy_case_is_said_to_finish_at_the_next_open(
    case: tuple[Path, str, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch
):
    path, _code, held = case
    vault = Vault.open(path, passphrase=PASSPHRASE)
    prepared = rekey.prepare(vault, NEW_PASSPHRASE, FAST_KDF)

    def busy(*_args: object) -> Vault:
        raise VaultBusy("This case is open in another Reclaim window.")

    monkeypatch.setattr(Vault, "finish_key_change", busy)
    with pytest.raises(key_change.KeyChangeUnfinished, match="finishes the next time"):
        rekey.apply(vault, prepared)
    monkeypatch.undo()
    with Vault.open(path, recovery_code=prepared.code) as reopened:
        assert reopened.notices == [key_change.FINISHED] and contents(reopened) == held
