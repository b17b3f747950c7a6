"""`reclaim init` in discreet mode (`discreet = true`): the case is made where the app
makes it, in a folder whose name says nothing, and what is printed says nothing of
Reclaim or a case (tester w2's walk)."""

import re
from pathlib import Path

from tests.support.cases import PASSPHRASE
from tests.support.cli import run_reclaim
from tui.core.settings import DISCREET_MARK, Settings, is_discreet
from tui.core.vault.layout import default_vault_dir, is_vault, neutral_vault_dir

TELLING = re.compile(r"reclaim|image|abuse|evidence|case", re.IGNORECASE)


def discreet_config(tmp_path: Path) -> Path:
    config = tmp_path / "config.toml"
    config.write_text("discreet = true\n")
    return config


def test_init_in_discreet_mode_makes_the_neutral_folder_and_says_nothing(
    tmp_path: Path, isolated_home: Path
):
    config = discreet_config(tmp_path)
    result = run_reclaim(
        "--config", str(config), "init", "--passphrase-file", "-", stdin=PASSPHRASE
    )
    assert result.returncode == 0, result.stderr
    made = neutral_vault_dir()
    assert is_vault(made) and (made / DISCREET_MARK).is_file()
    assert not (isolated_home / "data" / "reclaim").exists()
    assert default_vault_dir() == made, "the app and the commands find it"
    assert not TELLING.search(result.stdout + result.stderr), result.stdout
    assert "recovery code" in result.stdout and "notes" in result.stdout


def test_init_in_discreet_mode_into_a_chosen_folder_marks_it(tmp_path: Path):
    config = discreet_config(tmp_path)
    chosen = tmp_path / "mine"
    result = run_reclaim(
        "--config", str(config), "init", "--vault", str(chosen), "--passphrase-file", "-",
        stdin=PASSPHRASE,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert is_vault(chosen) and is_discreet(Settings(), chosen)


def test_init_without_discreet_mode_is_as_it_was(tmp_path: Path):
    chosen = tmp_path / "mine"
    result = run_reclaim(
        "init", "--vault", str(chosen), "--passphrase-file", "-", stdin=PASSPHRASE
    )
    assert result.returncode == 0, result.stderr
    assert "Your case is ready" in result.stdout and "Reclaim keeps no copy" in result.stdout
    assert not (chosen / DISCREET_MARK).exists()


def test_a_backup_in_discreet_mode_goes_into_a_neutral_folder(tmp_path: Path):
    config = discreet_config(tmp_path)
    case, usb = tmp_path / "case", tmp_path / "usb"
    made = run_reclaim("init", "--vault", str(case), "--passphrase-file", "-", stdin=PASSPHRASE)
    assert made.returncode == 0, made.stderr
    usb.mkdir()
    result = run_reclaim(
        "--config", str(config), "backup", str(usb), "--vault", str(case),
        "--passphrase-file", "-", stdin=PASSPHRASE,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    (folder,) = usb.iterdir()
    assert folder.name.startswith("notes-") and not TELLING.search(folder.name)
