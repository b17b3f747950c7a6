"""The screens in Spanish and French at 80x24, nothing cut off (issue 29): home, each
step, Safety, the unlock and kiosk starts and the main dialogs. Update after a deliberate
change with `python -m pytest tests/screens/test_snapshots_languages.py --snapshot-update`,
and look at every SVG: a word cut off in a button or a column is a translation to shorten.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.shared import i18n
from tui.core.vault.vault import Vault

SIZE = (80, 24)
LANGUAGES = ("es", "fr")


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


def test_unlock(snap_compare, vault: Vault, language: str):
    assert snap_compare(ReclaimApp(vault.path, Settings()), terminal_size=SIZE)


def test_safety(snap_compare, vault: Vault, language: str):
    assert snap_compare(ReclaimApp(vault.path, Settings()), press=["f1"], terminal_size=SIZE)


def test_kiosk_start(snap_compare, tmp_path: Path, language: str):
    settings = Settings(kiosk_cases_dir=tmp_path / "cases")
    app = ReclaimApp(tmp_path / "unused", settings, kiosk=True)
    assert snap_compare(app, terminal_size=SIZE)


def test_create(snap_compare, tmp_path: Path, language: str):
    assert snap_compare(ReclaimApp(tmp_path / "new", Settings()), terminal_size=SIZE)


@pytest.mark.parametrize(
    "keys",
    [
        pytest.param([], id="home"),
        pytest.param(["2"], id="privacy"),
        pytest.param(["3"], id="passwords"),
        pytest.param(["4"], id="evidence"),
        pytest.param(["5"], id="copies"),
        pytest.param(["6"], id="timeline"),
        pytest.param(["7"], id="binder"),
        pytest.param(["8"], id="takedowns"),
        pytest.param(["4", "D"], id="delete-dialog"),
        pytest.param(["6", "x"], id="remove-event-dialog"),
    ],
)
def test_case_screens(snap_compare, demo: Vault, language: str, keys: list[str]):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    assert snap_compare(app, press=keys, terminal_size=SIZE)
