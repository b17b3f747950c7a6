"""The declaration screen in the documents' language (issue 29): for a Spanish case in the
US it says in one sentence that the declaration to sign stays English and saves a Spanish
copy to read beside it; for a French case in Canada it writes the Act's French formula."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.support.pictures import make_png
from tests.support.pilot import SIZE, said, screen_text, unlock, wait_until
from tui.app import ReclaimApp
from tui.core.evidence.adding import add_file
from tui.core.evidence.provenance import update_provenance
from tui.core.settings import Settings
from tui.core.shared import i18n
from tui.core.takedowns.deadlines import set_case_place
from tui.core.vault.vault import Vault
from tui.screens.binder import BinderScreen
from tui.screens.declaration import DeclarationScreen


@pytest.fixture
def person() -> Iterator[None]:
    yield
    i18n.set_language("en")


def _case(vault: Vault, tmp_path: Path, place: str) -> str:
    exhibit = add_file(vault, make_png(tmp_path / "a.png")).exhibit
    update_provenance(vault, exhibit.id, {"captured_by": "Ana Pérez", "how": "screenshot"})
    set_case_place(vault, place)
    vault.close()
    return exhibit.sha256


async def _declaration(app: ReclaimApp, pilot) -> DeclarationScreen:
    await unlock(app, pilot)
    await pilot.press("7")
    await wait_until(pilot, lambda: isinstance(app.screen, BinderScreen))
    await pilot.press("ctrl+d")
    await wait_until(pilot, lambda: isinstance(app.screen, DeclarationScreen))
    form = app.screen
    assert isinstance(form, DeclarationScreen)
    return form


async def test_a_spanish_case_in_the_us_keeps_english_to_sign(
    vault: Vault, tmp_path: Path, person
) -> None:
    sha = _case(vault, tmp_path, "us")
    i18n.set_language("es")
    target = tmp_path / "declaracion.txt"
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        form = await _declaration(app, pilot)
        shown = " ".join(screen_text(app).split())
        assert (
            "La declaración que se firma está en inglés, un idioma que acepta su ley; al lado "
            "se guarda una copia en español, solo para leer, nunca para firmar"
        ) in shown
        form.query_one("#decl-name", Input).value = "Ana Pérez"
        form.query_one("#decl-dest", Input).value = str(target)
        await pilot.press("ctrl+e")
        await wait_until(
            pilot, lambda: "La copia para leer que está al lado no se firma" in said(app)
        )
    copy = tmp_path / "declaracion.copia-para-leer.txt"
    signed, read = target.read_text(), copy.read_text()
    assert signed.startswith("DECLARATION OF ANA PÉREZ") and "under penalty of perjury" in signed
    assert "This is the version to sign" in signed
    assert read.startswith("COPIA PARA LEER, NO PARA FIRMAR") and "bajo pena de perjurio" in read
    assert f"SHA-256: {sha}" in signed and f"SHA-256: {sha}" in read


async def test_a_french_case_in_canada_declares_in_french(
    vault: Vault, tmp_path: Path, person
) -> None:
    sha = _case(vault, tmp_path, "ca")
    i18n.set_language("fr")
    target = tmp_path / "declaration.txt"
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        form = DeclarationScreen("ca-affidavit")  # as the binder step opens it for Canada
        await app.push_screen(form)
        await wait_until(pilot, lambda: form.query("#decl-address"))
        assert "Rédigé en français. F3 pour changer." in " ".join(screen_text(app).split())
        form.query_one("#decl-name", Input).value = "Ana Pérez"
        form.query_one("#decl-address", Input).value = "12 rue Longue, Montréal"
        form.query_one("#decl-dest", Input).value = str(target)
        await pilot.press("ctrl+e")
        await wait_until(pilot, lambda: "Brouillon enregistré" in said(app) or target.exists())
        await pilot.press("f3")  # for readers of English: signed in English, a copy to read
        await wait_until(
            pilot, lambda: "signer est en anglais" in " ".join(screen_text(app).split())
        )
    text = target.read_text()
    assert text.startswith("DÉCLARATION SOLENNELLE DE ANA PÉREZ")
    assert (
        "Et je fais cette déclaration solennelle, la croyant consciencieusement vraie et "
        "sachant qu\u2019elle a la même force et le même effet que si elle était faite sous "
        "serment."
    ) in text
    assert f"SHA-256: {sha}" in text
    assert not (tmp_path / "declaration.copie-a-lire.txt").exists()
    assert not (tmp_path / "declaration.copy-to-read.txt").exists()
