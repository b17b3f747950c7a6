"""A Spanish or French binder says a date known only to its month or year in words, as
its full dates are ('marzo de 2024', 'vers 2023'), never '2024-03'; English keeps the
stored form. The Spanish cover agrees with 'la carpeta' ('Preparada para', 'Preparada
por')."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.support.pictures import make_png
from tui.core.binder.build import build
from tui.core.binder.choices import BinderChoices
from tui.core.evidence.adding import add_file
from tui.core.vault.vault import Vault


def _text(vault: Vault, tmp_path: Path, posted: tuple[str, ...], code: str) -> str:
    for number, when in enumerate(posted):
        picture = make_png(tmp_path / f"{number}.png", color=("teal", "red", "navy")[number])
        add_file(vault, picture, {"posted_at": when})
    data = build(vault, BinderChoices(export_date=date(2024, 3, 7), language=code))
    return " ".join(
        " ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(data)).pages
    )


@pytest.mark.parametrize(
    ("code", "posted", "said", "not_said"),
    [
        (
            "es",
            ("mars 2024", "hacia 2023", "2022"),
            (
                "Publicado marzo de 2024",
                "Publicado hacia 2023",
                "Publicado 2022",
                "Preparada para la policía Preparada por",  # the binder: la carpeta
            ),
            ("2024-03", "about", "Preparado"),
        ),
        (
            "fr",
            ("mars 2024", "about March 2023"),
            ("Publié mars 2024", "Publié vers mars 2023"),
            ("2024-03", "2023-03", "about"),
        ),
        ("en", ("marzo 2024",), ("Posted 2024-03",), ("Posted March",)),
    ],
)
def test_a_month_or_year_is_said_in_words_in_the_binders_language(
    code: str,
    posted: tuple[str, ...],
    said: tuple[str, ...],
    not_said: tuple[str, ...],
    vault: Vault,
    tmp_path: Path,
) -> None:
    text = _text(vault, tmp_path, posted, code)
    for words in said:
        assert words in text, text
    for words in not_said:
        assert words not in text, text
