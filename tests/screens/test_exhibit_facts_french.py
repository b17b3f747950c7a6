"""The exhibit's side panel says "SHA-256 :" in French, as its other labels ("Type :")
(issue 29, w3)."""

from __future__ import annotations

from pathlib import Path

from tests.support.pictures import make_png
from tui.core.evidence.adding import add_file
from tui.core.shared import i18n
from tui.core.vault.vault import Vault
from tui.screens.exhibit_facts import facts_text


def test_the_hash_label_has_frenchs_space(vault: Vault, tmp_path: Path) -> None:
    exhibit = add_file(vault, make_png(tmp_path / "a.png")).exhibit
    with i18n.speaking("fr"):
        lines = facts_text(vault, exhibit).replace("\u00a0", " ").splitlines()
    assert "SHA-256 :" in lines, lines
    assert "SHA-256:" in facts_text(vault, exhibit).splitlines()
