"""Plurals a tester's walk in Spanish and French found wrong for one: "Copiadas 1 prueba",
"1 pièce copiées", and "Añadidos como pruebas propias: E-0020." for one file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.evidence.adding import add_file
from tui.core.evidence.inner_exhibits import InnerResult
from tui.core.shared.i18n import _, speaking
from tui.core.vault.vault import Vault
from tui.dialogs.inner_files import result_words
from tui.plain.copies import MADE, exhibits


@pytest.mark.parametrize(
    ("code", "one", "two"),
    [
        (
            "es",
            "Copia hecha en /media/usb: 1 prueba; 3 KB",
            "Copia hecha en /media/usb: 2 pruebas; 3 KB",
        ),
        (
            "fr",
            "Copie faite dans /media/usb : 1 pièce ; 3 KB",
            "Copie faite dans /media/usb : 2 pièces ; 3 KB",
        ),
    ],
)
def test_a_copy_made_in_plain_mode_agrees_with_one_exhibit(code: str, one: str, two: str) -> None:
    with speaking(code):
        said = [
            _(MADE).format(
                exhibits=exhibits(count), folder="/media/usb", written="3 KB", total="9 KB"
            )
            for count in (1, 2)
        ]
    assert said[0].startswith(one), said
    assert said[1].startswith(two), said
    assert "Copiadas 1" not in said[0] and "pièce copiées" not in said[0]


@pytest.mark.parametrize(
    ("code", "one", "two"),
    [
        ("en", "Taken in as an exhibit of its own: E-0001.", "exhibits of their own"),
        ("es", "Añadido como prueba propia: E-0001.", "Añadidos como pruebas propias"),
        ("fr", "Ajoutée comme pièce à part entière : E-0001.", "Ajoutées comme pièces"),
    ],
)
def test_one_file_taken_in_as_an_exhibit_is_said_as_one(
    code: str, one: str, two: str, vault: Vault, tmp_path: Path
) -> None:
    made = []
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(name)
        made.append(add_file(vault, tmp_path / name, {}).exhibit)
    with speaking(code):
        assert result_words(InnerResult(added=made[:1])) == one
        assert two in result_words(InnerResult(added=made))
