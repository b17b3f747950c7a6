"""A binder for a case in the United States or Canada was printed on A4 unless Letter was
asked for: people there print on Letter. The core, the command line, the binder screen
and plain mode all start from the case's place; a paper chosen wins."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from textual.widgets import Select

from tests.support.pilot import SIZE, unlock
from tui.app import ReclaimApp
from tui.core.binder.build import build
from tui.core.binder.choices import BinderChoices, default_paper
from tui.core.evidence.adding import add_file
from tui.core.places.case_place import save_place
from tui.core.settings import Settings
from tui.core.vault.vault import Vault
from tui.screens.binder import BinderScreen

LETTER, A4 = 612.0, 595.28


def a_note(vault: Vault, tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text("what was said")
    add_file(vault, tmp_path / "note.txt", {"description": "A note"})


def width(data: bytes) -> float:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return float(pdf.pages[0].mediabox[2])


@pytest.mark.parametrize(
    ("place", "paper"),
    [
        ("us", "letter"),
        ("ca-on", "letter"),
        ("ca", "letter"),
        ("ca-bc", "letter"),
        ("gb", "a4"),
        ("gb-sct", "a4"),
        ("", "a4"),
    ],
)
def test_the_default_paper_follows_the_cases_place(vault: Vault, place: str, paper: str) -> None:
    if place:
        save_place(vault, place)
    assert default_paper(vault) == paper


def test_a_binder_in_the_us_is_on_letter_unless_a4_is_chosen(vault: Vault, tmp_path: Path) -> None:
    a_note(vault, tmp_path)
    save_place(vault, "us")
    day = date(2024, 3, 7)
    assert width(build(vault, BinderChoices(export_date=day))) == pytest.approx(LETTER)
    chosen = BinderChoices(export_date=day, paper="a4")
    assert width(build(vault, chosen)) == pytest.approx(A4, abs=0.1)


def test_the_command_lines_binder_in_canada_is_on_letter(cli, vault: Vault, tmp_path: Path):
    save_place(vault, "ca-bc")
    a_note(vault, tmp_path)
    target = tmp_path / "binder.pdf"
    result = cli("binder", str(target), "--date", "2024-03-07")
    assert result.returncode == 0, result.stderr
    assert width(target.read_bytes()) == pytest.approx(LETTER)
    again = tmp_path / "a4.pdf"
    assert cli("binder", str(again), "--date", "2024-03-07", "--paper", "a4").returncode == 0
    assert width(again.read_bytes()) == pytest.approx(A4, abs=0.1)


def test_plain_mode_leaves_the_paper_to_the_cases_place() -> None:
    assert BinderChoices(prepared_for="police").paper == ""
    BinderChoices().check()


@pytest.mark.parametrize(("place", "paper"), [("us", "letter"), ("au", "a4")])
async def test_the_binder_screen_starts_on_the_cases_paper(
    vault: Vault, place: str, paper: str
) -> None:
    save_place(vault, place)
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("7")
        assert isinstance(app.screen, BinderScreen)
        assert app.screen.query_one("#paper", Select).value == paper
