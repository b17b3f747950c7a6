"""What a walk of the app in Spanish and French at 80x24 found cut off, fixed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from textual.widgets import OptionList, Select

from tests.support.pilot import SIZE, lines_of, settle, unlock
from tui.app import ReclaimApp
from tui.core.evidence.model import Exhibit
from tui.core.passwords.changed_accounts import record_account
from tui.core.settings import Settings
from tui.core.shared import i18n
from tui.core.vault.vault import Vault
from tui.screens.evidence_rows import lead_text


@pytest.fixture
def speaking() -> Iterator[None]:
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(
    ("code", "title", "progress"),
    [
        ("fr", "Mots de passe", "2 sur 3 comptes changés · 1 en deux étapes"),
        ("es", "Contraseñas", "2 de 3 cuentas cambiadas · 1 con dos pasos"),
    ],
)
async def test_the_home_screens_passwords_line_is_not_cut(
    vault: Vault, speaking, code: str, title: str, progress: str
) -> None:
    """In French, "2 comptes changés sur 3 · 1 avec double auth." ran past 80 columns
    and its last word fell onto the line below."""
    record_account(vault, "Gmail", "email", "2024-03-05", two_step=True)
    record_account(vault, "Instagram", "social media", "2024-03-06")
    record_account(vault, "Bank", "bank")
    vault.close()
    i18n.set_language(code)
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await settle(app, pilot)
        steps = app.screen.query_one("#steps", OptionList)
        line = next(line for line in lines_of(steps) if title in line)
        assert line.rstrip().endswith(progress), line


@pytest.mark.parametrize(
    ("code", "one", "two"),
    [
        ("fr", "1 affiché", "2 affichés"),
        ("es", "1 visible", "2 visibles"),
        ("en", "1 shown", "2 shown"),
    ],
)
def test_the_evidence_filters_count_agrees(code: str, one: str, two: str) -> None:
    """Filtering the Evidence step down to one exhibit said "1 affichés" in French."""
    exhibits = [
        Exhibit(
            id=f"E-000{n}",
            blob="b" * 64,
            sha256="a" * 64,
            size=1,
            original_name="a.png",
            media_type="image/png",
            added_at="2026-11-24T21:14:03Z",
            added_offset="+00:00",
        )
        for n in (1, 2, 3)
    ]
    with i18n.speaking(code):
        assert f" · {one} · " in lead_text(exhibits, 1, "id", [])
        assert f" · {two} · " in lead_text(exhibits, 2, "id", [])


async def test_the_passphrase_makers_separators_are_named_in_spanish(
    vault: Vault, speaking
) -> None:
    """The Passwords step's "Between" choice said "dash" in Spanish."""
    vault.close()
    i18n.set_language("es")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("3")
        await settle(app, pilot)
        separator = app.screen.query_one("#separator", Select)
        names = [str(prompt) for prompt, _value in separator._options]
        assert names == ["guion", "espacio", "punto", "guion bajo"]
        assert separator.value == "-"


async def test_a_new_french_cases_privacy_line_is_not_cut(vault: Vault, speaking) -> None:
    """A new case in French: "0 étapes faites sur 10 · choisissez vos comptes" ran past
    80 columns and "comptes" fell onto the line below."""
    vault.close()
    i18n.set_language("fr")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await settle(app, pilot)
        steps = app.screen.query_one("#steps", OptionList)
        line = next(line for line in lines_of(steps) if "Confidentialité" in line)
        assert line.rstrip().endswith(" étapes · choisissez vos comptes"), line
