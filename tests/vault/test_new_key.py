"""Someone who knew the old passphrase (and kept an old copy of the header) is locked out
by a new key; a change stopped midway is rolled back; nothing is lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.cases import FAST_KDF, NEW_PASSPHRASE, PASSPHRASE
from tests.support.cli import run_reclaim
from tests.support.legacy import downgrade_to_first_format
from tests.support.pictures import make_png
from tui.core.copies.register import list_copies, state, summary
from tui.core.evidence.adding import add_file
from tui.core.evidence.export import read_original
from tui.core.evidence.model import list_exhibits
from tui.core.evidence.verify import verify_all
from tui.core.shared.errors import ReclaimError, WrongPassphrase
from tui.core.vault import key_change, keys, reencrypt, rekey
from tui.core.vault.blobs import BlobDamaged, decrypt_stream
from tui.core.vault.cards import open_card
from tui.core.vault.layout import HEADER
from tui.core.vault.reencrypt import CardFromRecord
from tui.core.vault.vault import Vault

COLOURS = ("red", "teal", "gold", "navy", "plum")


def add(vault: Vault, tmp_path: Path, index: int) -> None:
    add_file(vault, make_png(tmp_path / f"shot{index}.png", color=COLOURS[index]))


def test_the_old_passphrase_and_an_old_header_copy_open_nothing_new(vault: Vault, tmp_path: Path):
    add(vault, tmp_path, 0)
    old_header = tmp_path / "kept-by-someone.json"
    shutil.copy2(vault.path / HEADER, old_header)
    old_key = vault.data_key
    renewed, _code = rekey.start(vault, NEW_PASSPHRASE, FAST_KDF)
    add(renewed, tmp_path, 1)
    later = list_exhibits(renewed)[-1]
    renewed.close()

    with pytest.raises(WrongPassphrase):
        Vault.open(vault.path, passphrase=PASSPHRASE)
    shutil.copy2(old_header, vault.path / HEADER)  # the attacker puts the old header back
    with pytest.raises(ReclaimError):
        Vault.open(vault.path, passphrase=PASSPHRASE)
    old_blob_key = keys.subkey(old_key, "reclaim blobs v1")
    for exhibit_blob in (vault.blob_dir).glob("*.blob"):
        aad = b"|".join(
            [b"reclaim-blob", renewed.header.vault_id.encode(), exhibit_blob.stem.encode()]
        )
        with pytest.raises(BlobDamaged):
            list(decrypt_stream(exhibit_blob, old_blob_key, aad))
    assert later.id == "E-0002"


def test_the_new_passphrase_and_code_open_everything(vault: Vault, tmp_path: Path):
    for index in range(3):
        add(vault, tmp_path, index)
    before = {e.id: read_original(vault, e) for e in list_exhibits(vault)}
    renewed, code = rekey.start(vault, NEW_PASSPHRASE, FAST_KDF)
    renewed.close()
    for opened in (
        Vault.open(vault.path, passphrase=NEW_PASSPHRASE),
        Vault.open(vault.path, recovery_code=code),
    ):
        with opened:
            assert {e.id: read_original(opened, e) for e in list_exhibits(opened)} == before
            assert verify_all(opened).clean
            assert all(open_card(opened, e.blob) for e in list_exhibits(opened))
    assert not (vault.path / key_change.PENDING).exists()


@pytest.mark.parametrize("stop_after", [0, 2])
def test_a_stop_midway_is_rolled_back_and_the_old_passphrase_still_opens(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop_after: int
):
    """(Before the point of no return; crashes and the next open: test_key_change_interrupted.)"""
    for index in range(4):
        add(vault, tmp_path, index)
    before = {e.id: read_original(vault, e) for e in list_exhibits(vault)}
    real = reencrypt.stage_blob
    done: list[str] = []

    def crashing(old: Vault, new: Vault, blob: str, from_record: CardFromRecord, *rest) -> bool:
        if len(done) == stop_after:
            raise KeyboardInterrupt  # Ctrl+C
        done.append(blob)
        return real(old, new, blob, from_record, *rest)

    monkeypatch.setattr(reencrypt, "stage_blob", crashing)
    with pytest.raises(KeyboardInterrupt):
        rekey.start(vault, NEW_PASSPHRASE, FAST_KDF)
    monkeypatch.setattr(reencrypt, "stage_blob", real)
    assert not (vault.path / key_change.PENDING).exists()
    assert list(vault.blob_dir.glob("*.part")) == []
    with pytest.raises(WrongPassphrase):
        Vault.open(vault.path, passphrase=NEW_PASSPHRASE)
    with Vault.open(vault.path, passphrase=PASSPHRASE) as reopened:
        assert {e.id: read_original(reopened, e) for e in list_exhibits(reopened)} == before
        assert verify_all(reopened).clean


def test_first_format_blobs_get_cards_and_old_backups_are_marked(vault: Vault, tmp_path: Path):
    from tui.core.copies.backup import make_backup

    add(vault, tmp_path, 0)
    drive = tmp_path / "drive"
    drive.mkdir()
    make_backup(vault, drive)
    downgrade_to_first_format(vault)
    with Vault.open(vault.path, passphrase=PASSPHRASE) as old:
        renewed, _code = rekey.start(old, NEW_PASSPHRASE, FAST_KDF)
    with renewed:
        exhibit = list_exhibits(renewed)[0]
        card = open_card(renewed, exhibit.blob)
        assert card is not None and card.record["sha256"] == exhibit.sha256
        assert [copy.old_key for copy in list_copies(renewed)] == [True]
        assert [state(copy, "") for copy in list_copies(renewed)] == ["old key"]
        assert "1 made with the old key: replace it" in summary(renewed)


def test_the_cli_gives_a_new_key_and_a_new_recovery_code(
    vault: Vault, tmp_path: Path, passphrase_file: Path
):
    add(vault, tmp_path, 0)
    new = tmp_path / "new.txt"
    new.write_text(NEW_PASSPHRASE + "\n")
    done = run_reclaim(
        "passphrase", "change", "--new-key", "--vault", str(vault.path),
        "--passphrase-file", str(passphrase_file), "--new-passphrase-file", str(new),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "new key" in done.stdout and "recovery code" in done.stdout
    with Vault.open(vault.path, passphrase=NEW_PASSPHRASE) as reopened:
        assert verify_all(reopened).clean
