"""The privacy checklists in Spanish and French (issue 29): their words are looked up in
the privacy catalogue in the language spoken, each language loaded once, and the app's
privacy step, `reclaim checklist` and plain mode show them translated."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import DataTable

from tests.plain.test_walk import walk
from tests.support.cases import FAST_KDF, PASSPHRASE
from tests.support.pilot import SIZE, screen_text, settle, unlock
from tui.app import ReclaimApp
from tui.core.privacy.checklists import find, shipped
from tui.core.settings import Settings
from tui.core.shared import i18n
from tui.core.vault.vault import Vault
from tui.screens.checklist import ChecklistScreen

#: The account-security checklist's own words in each language.
SECURITY = {
    "en": ("Secure your accounts", "Change your email password first"),
    "es": ("Protege tus cuentas", "Cambia primero la contraseña de tu correo"),
    "fr": ("Sécurisez vos comptes", "Changez d'abord le mot de passe de votre messagerie"),
}
#: English sentences of the account-security checklist that no other language keeps.
ENGLISH = (
    "Secure your accounts",
    "Change your email password first",
    "These steps shut them out.",
    "Every other account resets its password through your email.",
    "Turn on two-step verification",
)


@pytest.fixture
def back_to_english() -> Iterator[None]:
    yield
    i18n.set_language("en")


@pytest.mark.parametrize("code", ["es", "fr"])
def test_every_text_of_the_checklists_is_in_the_language_spoken(code: str) -> None:
    with i18n.speaking(code):
        security = find("accounts-security")
        assert (security.title, security.steps[0].title) == SECURITY[code]
        texts = [c.title for c in shipped()] + [c.intro for c in shipped()]
        texts += [t for c in shipped() for s in c.steps for t in (s.title, s.do, s.why)]
        texts += [s.warning for c in shipped() for s in c.steps if s.warning]
        platforms = [(c.id, c.platform, c.aliases) for c in shipped()]
    with i18n.speaking("en"):
        english = [c.title for c in shipped()] + [c.intro for c in shipped()]
        english += [t for c in shipped() for s in c.steps for t in (s.title, s.do, s.why)]
        english += [s.warning for c in shipped() for s in c.steps if s.warning]
        # What the program matches on stays as the file has it, in every language.
        assert platforms == [(c.id, c.platform, c.aliases) for c in shipped()]
    left = set(texts) & set(english)
    assert not left, sorted(left)[:3]


def test_a_change_of_language_is_seen_at_once_and_english_is_unchanged() -> None:
    assert (find("accounts-security").title, find("x").platform) == ("Secure your accounts", "X")
    with i18n.speaking("fr"):
        assert find("accounts-security").title == SECURITY["fr"][0]
        assert find("twitter").id == "x" and find("x").platform == "X"
        assert find("instagram").steps[0].action == find("instagram").steps[0].action
    assert find("accounts-security").steps[0].title == SECURITY["en"][1]
    assert shipped() is shipped()  # each language is loaded once


@pytest.mark.parametrize("code", ["es", "fr"])
def test_reclaim_checklist_show_speaks_the_persons_language(cli, code: str) -> None:
    shown = cli("--language", code, "checklist", "show", "accounts-security")
    assert shown.returncode == 0, shown.stderr
    for sentence in SECURITY[code]:
        assert sentence in shown.stdout
    for sentence in ENGLISH:
        assert sentence not in shown.stdout
    listed = cli("--language", code, "checklist", "list").stdout
    assert SECURITY[code][0] in listed and "Secure your accounts" not in listed


@pytest.mark.parametrize("code", ["es", "fr"])
async def test_the_privacy_step_shows_the_checklist_in_the_persons_language(
    vault: Vault, code: str, back_to_english: None
) -> None:
    i18n.set_language(code)
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        table = app.screen.query_one(DataTable)
        assert SECURITY[code][0] in table.get_row("accounts-security")
        table.move_cursor(row=table.get_row_index("accounts-security"))
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ChecklistScreen)
        text = screen_text(app)
        assert SECURITY[code][0] in text
        for sentence in ENGLISH:
            assert sentence not in text


def test_plain_mode_reads_a_checklist_in_the_persons_language(
    tmp_path: Path, back_to_english: None
) -> None:
    case = tmp_path / "case"
    Vault.create(case, PASSPHRASE, FAST_KDF)[0].close()
    i18n.set_language("es")
    status, said = walk(case, [PASSPHRASE, "2", "1", "1", "no", "atrás", "atrás", "salir"])
    assert status == 0
    assert "Protege tus cuentas" in said
    assert "Cambia primero la contraseña de tu correo" in said
    assert "Todas las demás cuentas recuperan su contraseña a través de tu correo." in said
    for sentence in ENGLISH:
        assert sentence not in said
