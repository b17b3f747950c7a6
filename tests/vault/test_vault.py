"""The vault on real files: creation, unlocking, re-wrapping, damage and transactions."""

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.cases import FAST_KDF, NEW_PASSPHRASE, PASSPHRASE, vault_bytes
from tui.core.evidence.adding import add_file
from tui.core.evidence.model import list_exhibits
from tui.core.evidence.stored import check_card, check_stored
from tui.core.evidence.verify import VerifyReport, verify_all
from tui.core.shared.errors import VaultDamaged, VaultExists, VaultNotFound, WrongPassphrase
from tui.core.vault import custody, keys
from tui.core.vault.header import Header
from tui.core.vault.layout import default_vault_dir
from tui.core.vault.vault import Vault


def modes(path: Path) -> dict[str, int]:
    return {
        str(entry.relative_to(path)): entry.stat().st_mode & 0o777
        for entry in [path, *path.rglob("*")]
    }


def test_a_new_vault_is_private(vault: Vault, tmp_path: Path):
    sample = tmp_path / "sample.txt"
    sample.write_text("evidence")
    add_file(vault, sample)
    found = modes(vault.path)
    assert found["."] == 0o700
    assert found["blobs"] == 0o700
    files = {name: mode for name, mode in found.items() if name not in (".", "blobs")}
    assert files, "the vault has files"
    assert set(files.values()) == {0o600}, files


def test_the_default_vault_lives_in_the_user_data_folder(isolated_home: Path):
    assert default_vault_dir() == isolated_home / "data" / "reclaim" / "case"


def test_a_vault_opens_with_its_passphrase_and_its_recovery_code(vault_dir: Path):
    created, code = Vault.create(vault_dir, PASSPHRASE, FAST_KDF)
    created.close()
    with Vault.open(vault_dir, passphrase=PASSPHRASE) as opened:
        assert opened.data_key == created.data_key
    messy = code.lower().replace("-", " ").replace("0", "o")
    with Vault.open(vault_dir, recovery_code=messy) as recovered:
        assert recovered.data_key == created.data_key


def test_creation_records_the_argon2id_parameters(vault_dir: Path):
    Vault.create(vault_dir, PASSPHRASE, FAST_KDF)[0].close()
    header = json.loads((vault_dir / "header.json").read_text())
    assert header["slots"]["passphrase"]["kdf"] == "argon2id"
    assert header["slots"]["passphrase"]["argon2id"] == FAST_KDF.as_dict()


def test_new_vaults_use_at_least_64_mib_by_default(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.undo()  # the real calibration, not the tests' fast one
    params = keys.calibrate(target=0.01)
    assert params.memory_kib >= 64 * 1024
    assert params.time_cost >= keys.DEFAULT_ARGON2.time_cost


def test_a_wrong_passphrase_is_refused_and_changes_nothing(vault: Vault):
    before = vault_bytes(vault.path)
    with pytest.raises(WrongPassphrase, match="does not open this case"):
        Vault.open(vault.path, passphrase="not-the-passphrase")
    with pytest.raises(WrongPassphrase):
        Vault.open(vault.path, recovery_code="ABCD-EFGH-JKMN-PQRS-TVWX-YZ12")
    with pytest.raises(WrongPassphrase, match="not a recovery code"):
        Vault.open(vault.path, recovery_code="hello")
    assert vault_bytes(vault.path) == before


def test_changing_the_passphrase_rewraps_without_reencrypting(vault: Vault, tmp_path: Path):
    sample = tmp_path / "sample.txt"
    sample.write_text("evidence")
    add_file(vault, sample)
    before = vault_bytes(vault.path)
    vault.change_passphrase(NEW_PASSPHRASE, FAST_KDF)
    after = vault_bytes(vault.path)
    changed = {name for name in after if after[name] != before.get(name)}
    assert changed == {"header.json"}
    with pytest.raises(WrongPassphrase):
        Vault.open(vault.path, passphrase=PASSPHRASE)
    with Vault.open(vault.path, passphrase=NEW_PASSPHRASE) as reopened:
        assert [e.original_name for e in list_exhibits(reopened)] == ["sample.txt"]


def test_the_recovery_code_survives_a_passphrase_change(vault_dir: Path):
    created, code = Vault.create(vault_dir, PASSPHRASE, FAST_KDF)
    created.change_passphrase(NEW_PASSPHRASE, FAST_KDF)
    created.close()
    Vault.open(vault_dir, recovery_code=code).close()


def test_creating_over_a_folder_with_files_is_refused(tmp_path: Path):
    target = tmp_path / "busy"
    target.mkdir()
    (target / "keep.txt").write_text("mine")
    with pytest.raises(VaultExists):
        Vault.create(target, PASSPHRASE, FAST_KDF)
    assert [p.name for p in target.iterdir()] == ["keep.txt"]


def test_creating_into_an_empty_folder_works_and_leaves_no_staging(tmp_path: Path):
    target = tmp_path / "empty"
    target.mkdir()
    Vault.create(target, PASSPHRASE, FAST_KDF)[0].close()
    assert (target / "header.json").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "home"]


def test_opening_a_folder_without_a_vault_says_so(tmp_path: Path):
    with pytest.raises(VaultNotFound, match="no Reclaim case"):
        Vault.open(tmp_path / "nowhere", passphrase=PASSPHRASE)


def each_byte_flipped(path: Path) -> Iterator[int]:
    """Flip one bit of each byte of `path` in turn, yielding its index, and put it back
    before the next. In place: rewriting the whole file would make the file system flush
    it to disk every time."""
    original = path.read_bytes()
    fd = os.open(path, os.O_RDWR)
    try:
        for index, byte in enumerate(original):
            os.pwrite(fd, bytes([byte ^ 0x01]), index)
            try:
                yield index
            finally:
                os.pwrite(fd, bytes([byte]), index)
    finally:
        os.close(fd)
    assert path.read_bytes() == original


def test_one_flipped_byte_anywhere_in_the_header_is_caught(vault: Vault):
    for _index in each_byte_flipped(vault.path / "header.json"):
        with pytest.raises((VaultDamaged, WrongPassphrase)) as caught:
            Vault.open(vault.path, passphrase=PASSPHRASE)
        assert "damaged" in str(caught.value) or "changed" in str(caught.value)


def test_a_header_edited_with_a_fixed_checksum_is_still_refused(vault: Vault):
    data = json.loads((vault.path / "header.json").read_text())
    data["slots"]["recovery"]["salt"] = keys.b64(os.urandom(16))
    forged = Header(vault_id=data["vault_id"], slots=data["slots"], mac=data["mac"])
    (vault.path / "header.json").write_bytes(forged.to_bytes())
    with pytest.raises(VaultDamaged, match="changed outside Reclaim"):
        Vault.open(vault.path, passphrase=PASSPHRASE)


def test_one_flipped_byte_anywhere_in_the_record_is_caught(vault: Vault, tmp_path: Path):
    sample = tmp_path / "sample.txt"
    sample.write_text("evidence")
    add_file(vault, sample)
    for index in each_byte_flipped(vault.path / "case.db"):
        # Unlocked with the key itself: the record is read the same way after any
        # unlocking, and the passphrase's key derivation would cost most of the time.
        with pytest.raises(VaultDamaged, match="case record is damaged"):
            Vault.open(vault.path, data_key=vault.data_key)
        if index % 97 == 0:
            with pytest.raises(VaultDamaged, match="case record is damaged"):
                Vault.open(vault.path, passphrase=PASSPHRASE)


def test_a_missing_record_is_reported(vault: Vault):
    (vault.path / "case.db").unlink()
    with pytest.raises(VaultDamaged, match="missing"):
        Vault.open(vault.path, passphrase=PASSPHRASE)


def test_one_flipped_byte_anywhere_in_a_blob_is_caught_by_verify(vault: Vault, tmp_path: Path):
    sample = tmp_path / "sample.bin"
    sample.write_bytes(os.urandom(200))
    exhibit = add_file(vault, sample).exhibit
    blob = vault.path / "blobs" / f"{exhibit.blob}.blob"
    size = blob.stat().st_size
    # Every byte through what verify asks of each exhibit (its stored copy, then its
    # card); the whole verify, which also writes its check to the custody log, at a
    # spread of bytes from the first to the last.
    whole_checks = {*range(0, size, max(1, size // 16)), size - 1}
    for index in each_byte_flipped(blob):
        assert (check_stored(vault, exhibit, len) or check_card(vault, exhibit)) is not None, index
        if index in whole_checks:
            report = verify_all(vault)
            assert report.damaged_ids == [exhibit.id], index
            assert report == VerifyReport(1, report.damaged), index
    assert verify_all(vault).clean


def test_a_failed_transaction_writes_nothing(vault: Vault):
    before = vault_bytes(vault.path)
    with pytest.raises(RuntimeError), vault.transaction():
        vault.table("meta").insert({"half": "done"})
        raise RuntimeError("stop halfway")
    assert vault_bytes(vault.path) == before
    assert vault.table("meta").all() == []


def test_a_transaction_writes_once_at_the_end(vault: Vault):
    record = vault.path / "case.db"
    before = record.read_bytes()
    with vault.transaction():
        vault.table("meta").insert({"a": 1})
        vault.table("meta").insert({"b": 2})
        assert record.read_bytes() == before, "nothing reached disk yet"
    after = record.read_bytes()
    assert after.startswith(before) and len(after) > len(before), "one entry appended"
    assert vault._storage.journal_bytes == len(after) - len(before)
    with Vault.open(vault.path, passphrase=PASSPHRASE) as reopened:
        assert len(reopened.table("meta").all()) == 2


def test_numbers_are_never_reused(vault: Vault):
    with vault.transaction():
        first = vault.next_number("exhibit")
        second = vault.next_number("exhibit")
    with Vault.open(vault.path, passphrase=PASSPHRASE) as reopened, reopened.transaction():
        third = reopened.next_number("exhibit")
    assert (first, second, third) == (1, 2, 3)


def test_leftovers_of_interrupted_writes_are_swept_once_stale(vault: Vault, tmp_path: Path):
    sample = tmp_path / "sample.txt"
    sample.write_text("evidence")
    kept = add_file(vault, sample).exhibit
    stale_part = vault.path / "blobs" / "0123.part"
    fresh_part = vault.path / "blobs" / "4567.part"
    stale_save = vault.path / ".89ab.tmp"
    for leftover in (stale_part, fresh_part, stale_save):
        leftover.write_bytes(b"unfinished")
    old = time.time() - 2 * 3600
    for leftover in (stale_part, stale_save):
        os.utime(leftover, (old, old))
    report = verify_all(vault)
    assert report == VerifyReport(report.checked, removed_pieces=2, recent_pieces=1)
    assert not stale_part.exists() and not stale_save.exists()
    assert fresh_part.exists(), "a write still in progress is left alone"
    assert (vault.path / "blobs" / f"{kept.blob}.blob").exists()
    last = custody.entries(vault.table(custody.TABLE))[-1]
    assert last["details"]["removed_unfinished_pieces"] == 2


def test_two_openers_of_one_vault_add_in_turn_without_clashing(vault: Vault, tmp_path: Path):
    """Two windows (or a window and a command) on one case each add evidence in turn."""
    sources = []
    for number in range(4):
        source = tmp_path / f"shot-{number}.txt"
        source.write_bytes(f"screenshot {number}".encode())
        sources.append(source)
    with Vault.open(vault.path, passphrase=PASSPHRASE) as other:
        add_file(vault, sources[0])
        add_file(other, sources[1])
        add_file(vault, sources[2])
        add_file(other, sources[3])
    with Vault.open(vault.path, passphrase=PASSPHRASE) as reopened:
        stored = sorted(e.id for e in list_exhibits(reopened))
    assert stored == ["E-0001", "E-0002", "E-0003", "E-0004"]
