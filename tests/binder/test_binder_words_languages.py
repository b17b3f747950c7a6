"""A Spanish or French binder says what it prints of a document's pictures in its own
language (their captions and the table naming them), and the day an exhibit was added
the language's way; an English binder is as it was."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.support import inner
from tui.core.binder.build import build
from tui.core.binder.choices import BinderChoices
from tui.core.evidence.adding import add_file
from tui.core.shared import clock
from tui.core.vault.vault import Vault


def _binder_text(vault: Vault, tmp_path: Path, code: str) -> str:
    report = tmp_path / "report.docx"
    report.write_bytes(inner.docx({"image1.png": inner.RED}))
    with clock.fixed(datetime(2024, 3, 5, 20, 15, tzinfo=UTC)):
        add_file(vault, report, {})
    data = build(vault, BinderChoices(export_date=date(2024, 3, 7), language=code))
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize(
    ("code", "caption", "header", "added"),
    [
        (
            "es",
            "Imagen image1.png (40 x 30 píxeles, 101 bytes):",
            "Nombre Tamaño",
            "5 mar 2024 20:15:00 UTC",
        ),
        (
            "fr",
            "Image image1.png (40 x 30 pixels, 101 octets) :",
            "Nom Taille",
            "5 mars 2024 20:15:00 UTC",
        ),
    ],
)
def test_a_documents_pictures_are_captioned_in_the_binders_language(
    code: str, caption: str, header: str, added: str, vault: Vault, tmp_path: Path
) -> None:
    text = _binder_text(vault, tmp_path, code)
    assert caption in text, text
    assert "Picture image1.png" not in text
    assert f"\n{header} SHA-256\n" in text, text
    assert added in text, text


def test_an_english_binder_keeps_its_captions(vault: Vault, tmp_path: Path) -> None:
    text = _binder_text(vault, tmp_path, "en")
    assert "Picture image1.png (40 x 30 pixels, 101 bytes):" in text
    assert "2024-03-05 20:15:00 UTC" in text
