"""Step 3 in the app: checking as you type, the profile, passphrases and accounts."""

from __future__ import annotations

from textual.widgets import Button, DataTable, Input, OptionList, Static, TabbedContent

from tests.support.cases import PASSPHRASE
from tests.support.pilot import SIZE, cut_placeholders, settle, unlock
from tui.app import ReclaimApp
from tui.core.passwords import changed_accounts as accounts
from tui.core.passwords import passphrase, profile
from tui.core.settings import Settings
from tui.core.vault.vault import Vault
from tui.screens.passwords import PasswordsScreen


def shown(app: ReclaimApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def open_step(app: ReclaimApp, pilot) -> None:
    await unlock(app, pilot)
    await pilot.press("3")
    await settle(app, pilot)
    assert isinstance(app.screen, PasswordsScreen)


async def test_the_meter_follows_typing_and_knows_the_profile(vault: Vault):
    profile.save(vault, profile.Profile(pets=["Biscuit"]))
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot)
        field = app.screen.query_one("#password", Input)
        assert field.password is True and app.focused is field
        await pilot.press(*"biscuit77")
        await settle(app, pilot)
        meter = shown(app, "#meter")
        assert "a pet's name from your profile" in meter and "biscuit77" not in meter
        field.value = "correct horse battery staple"
        await settle(app, pilot)
        assert "4/4 very strong" in shown(app, "#meter")

        await pilot.press("ctrl+t")
        assert app.screen.query_one("#password", Input).password is False
        meter_widget = app.screen.query_one("#meter", Static)
        await pilot.press("escape")
        assert field.value == "" and str(meter_widget.render()) == ""
    saved = b"".join(p.read_bytes() for p in vault.path.rglob("*") if p.is_file())
    assert b"correct horse" not in saved


async def test_ctrl_g_makes_a_strong_passphrase(vault: Vault):
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot)
        first = shown(app, "#passphrase")
        await pilot.press("ctrl+g")
        assert app.screen.query_one(TabbedContent).active == "make"
        second = shown(app, "#passphrase")
        assert first != second
        words = second.split("-")
        assert len(words) == passphrase.DEFAULT_WORDS
        assert set(words) <= set(passphrase.word_list())
        assert "4/4" in shown(app, "#passphrase-meter")


async def test_accounts_changed_and_the_profile_are_saved(vault: Vault):
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot)
        app.screen.query_one(TabbedContent).active = "accounts"
        await pilot.pause()
        name = app.screen.query_one("#account-name", Input)
        name.focus()
        name.value = "Gmail"
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.query_one("#account-table", DataTable).row_count == 1
        name.value = ""
        await pilot.press("enter")
        assert "Give the account a name" in shown(app, "#account-message")

        app.screen.query_one(TabbedContent).active = "about"
        await pilot.pause()
        app.screen.query_one("#profile-pets", Input).value = "Biscuit, Rex"
        app.screen.query_one("#profile-save", Button).press()
        await settle(app, pilot)
        assert "Saved" in shown(app, "#profile-message")
        await pilot.press("escape")
        steps = app.screen.query_one("#steps", OptionList)
        assert "1 of 1 account changed" in str(steps.get_option_at_index(2).prompt)
    with Vault.open(vault.path, passphrase=PASSPHRASE) as reopened:
        (gmail,) = accounts.list_accounts(reopened)
        assert gmail.name == "Gmail" and gmail.kind == "email" and gmail.changed_on
        assert profile.load(reopened).pets == ["Biscuit", "Rex"]


async def test_password_manager_guidance_is_shown(vault: Vault):
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot)
        app.screen.query_one(TabbedContent).active = "managers"
        await pilot.pause()
        text = shown(app, "#guidance")
        assert "Bitwarden" in text and "What to look for" in text


async def test_no_placeholder_is_cut_at_80_columns(demo: Vault):
    """Every text field's hint fits the field it is in."""
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, PasswordsScreen)
        assert cut_placeholders(app) == []
