"""A backup folder is named in the person's language (`reclaim-copia-…`), and found
again, and kept up to date, whatever language Reclaim speaks later."""

from __future__ import annotations

from pathlib import Path

from tests.support.cases import PASSPHRASE
from tests.support.cli import run_reclaim
from tui.core.copies.backup import make_backup
from tui.core.copies.verify import find_backup, verify_backup
from tui.core.shared.i18n import speaking
from tui.core.vault.vault import Vault


def test_a_backup_is_named_in_the_persons_language(vault: Vault, drive: Path) -> None:
    with speaking("es"):
        folder = make_backup(vault, drive).folder
    assert folder.name.startswith("reclaim-copia-")
    assert find_backup(drive) == folder
    assert verify_backup(drive, PASSPHRASE).whole


def test_a_backup_made_in_one_language_is_kept_up_to_date_in_another(
    vault: Vault, drive: Path
) -> None:
    with speaking("fr"):
        french = make_backup(vault, drive).folder
    assert french.name.startswith("reclaim-copie-")
    again = make_backup(vault, drive).folder  # in English now
    assert again == french  # the same folder, not a second backup beside it
    assert find_backup(drive) == french
    assert [path.name for path in drive.iterdir()] == [french.name]


def test_a_french_backup_is_found_by_the_command_line_in_english(
    vault: Vault, drive: Path, passphrase_file: Path
) -> None:
    with speaking("fr"):
        folder = make_backup(vault, drive).folder
    assert folder.name.startswith("reclaim-copie-")
    vault.close()
    checked = run_reclaim(
        "backup",
        "verify",
        str(drive),
        "--passphrase-file",
        str(passphrase_file),
        "--language",
        "en",
    )
    assert checked.returncode == 0, checked.stderr
