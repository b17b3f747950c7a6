"""`reclaim log` and the binder's custody appendix say each entry's details in the
language ("nombre original: shot.png", "taille : …"), not under the log's English keys
("original_name=shot.png"); English and --json show them as kept."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.support.cli import run_reclaim
from tests.support.pictures import make_png
from tui.core.binder.build import build
from tui.core.binder.choices import BinderChoices
from tui.core.evidence.adding import add_file
from tui.core.vault.vault import Vault


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("es", ("nombre original: shot.png", "tamaño: ", "hash SHA-256: ")),
        ("fr", ("nom d'origine : shot.png", "taille : ", "empreinte SHA-256 : ")),
    ],
)
def test_reclaim_log_says_the_details_in_the_language(
    code: str, words: tuple[str, ...], vault: Vault, passphrase_file: Path, tmp_path: Path
) -> None:
    exhibit = add_file(vault, make_png(tmp_path / "shot.png"), {}).exhibit
    options = ["log", "--vault", str(vault.path), "--passphrase-file", str(passphrase_file)]
    done = run_reclaim(*options, "--language", code)
    assert done.returncode == 0, done.stderr
    for said in words:
        assert said in done.stdout, done.stdout
    for key in ("original_name", "size=", "sha256=", "exhibit="):
        assert key not in done.stdout
    # English keeps the log's own keys and values, and --json its English keys.
    english = run_reclaim(*options, "--language", "en").stdout
    assert f"size={exhibit.size}, original_name=shot.png" in english
    assert (
        '"original_name": "shot.png"' in run_reclaim(*options, "--json", "--language", code).stdout
    )


def test_the_binders_custody_appendix_says_the_details_in_spanish(
    vault: Vault, tmp_path: Path
) -> None:
    add_file(vault, make_png(tmp_path / "shot.png"), {})
    data = build(vault, BinderChoices(export_date=date(2024, 3, 7), language="es"))
    pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]
    log = "\n".join(pages[-2:])
    assert "nombre original: shot.png" in log, log
    assert "original_name" not in log
