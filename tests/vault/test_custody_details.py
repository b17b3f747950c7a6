"""A custody entry's details keep their English keys and values in the log (hashed into
the chain), and are said in the language where they are shown: in Spanish
"nombre original: foto.png, tamaño: 14,8 KiB (15.129 bytes)", never "original_name=".
English shows them as the log always has."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tui.core.shared.i18n import speaking
from tui.core.vault import custody_details
from tui.core.vault.custody_details import known_details, name, pair, value

TUI = Path(__file__).resolve().parents[2] / "tui"


def _written_details() -> set[str]:
    """Every detail key a custody entry is written with by name in Reclaim's code."""
    found: set[str] = set()
    for path in TUI.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if "custody.append(" not in source and ".log(vault" not in source:
            continue
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            appended = node.func.attr == "append" and ast.unparse(node.func.value) == "custody"
            if not appended and node.func.attr != "log":
                continue
            for keyword in node.keywords:
                if keyword.arg is not None:
                    found.add(keyword.arg)
                for each in ast.walk(keyword.value):  # **({"derived_from": ...} if ... else {})
                    if isinstance(each, ast.Dict):
                        found.update(
                            key.value
                            for key in each.keys
                            if isinstance(key, ast.Constant) and isinstance(key.value, str)
                        )
    return found


def test_every_detail_written_is_known() -> None:
    written = _written_details()
    assert {"original_name", "size", "sha256", "derived_from", "destination"} <= written
    assert written - known_details() == set()


def test_the_details_built_elsewhere_are_known() -> None:
    # intake_record's and verify's details are put together before they are appended.
    assert {"taken_in_by", "computer", "reclaim_version", "checked", "damaged"} <= known_details()
    assert "removed_unfinished_pieces" in known_details()


def test_every_known_detail_is_said_in_spanish() -> None:
    with speaking("es"):
        for key in known_details():
            assert name(key) != key, key


@pytest.mark.parametrize(
    ("code", "said"),
    [
        ("es", "nombre original: chat-1.png"),
        ("fr", "nom d'origine : chat-1.png"),
    ],
)
def test_a_detail_is_said_with_its_name_in_the_language(code: str, said: str) -> None:
    with speaking(code):
        assert pair("original_name", value("original_name", "chat-1.png")) == said


def test_a_size_is_said_the_languages_way_and_exactly() -> None:
    with speaking("es"):
        assert value("size", 15129) == "14,8\u00a0KiB (15.129 bytes)"
        assert value("size", 512) == "512 bytes"
    with speaking("fr"):
        said = value("size", 15129)
        assert said.startswith("14,8\u00a0Kio (15") and said.endswith("129 octets)"), said


def test_a_time_is_said_with_the_languages_day() -> None:
    with speaking("es"):
        assert value("backup_made_at", "2024-03-05T20:15:00Z") == "5 mar 2024 20:15:00 UTC"
    with speaking("fr"):
        assert value("time", "2024-03-05T20:15:00Z") == "5 mars 2024 20:15:00 UTC"
        assert value("was", "E-0003") == "E-0003"


def test_changes_and_fields_are_named_as_a_person_names_them() -> None:
    changes = {
        "status": {"from": "drafted", "to": "submitted"},
        "reference": {"from": "", "to": "IG-2026-118"},
    }
    with speaking("es"):
        assert value("fields", ["reference", "status"]) == "referencia, estado"
        assert value("changes", changes) == (
            "estado: borrador → enviada; referencia: — → IG-2026-118"
        )
        assert value("encrypted", True) == "sí"
    with speaking("fr"):
        assert value("changes", changes) == (
            "état : brouillon → envoyée ; référence : — → IG-2026-118"
        )
    with speaking("es"):
        assert value("damaged", ["E-0002", "log"]) == "E-0002, el registro de custodia"


def test_english_shows_the_details_as_kept() -> None:
    assert pair("size", value("size", 15129)) == "size=15129"
    assert value("fields", ["notes"]) == "['notes']"
    assert value("fields", ["notes"], lambda kept: ", ".join(kept)) == "notes"
    assert name("original_name") == "original_name"


def test_an_unknown_detail_is_shown_as_kept() -> None:
    with speaking("es"):
        assert name("something_newer") == "something_newer"
        assert value("something_newer", "E-0001") == "E-0001"
    assert custody_details.local_stamp("2024-02-30T10:00:00Z") == "2024-02-30T10:00:00Z"


def test_the_binders_appendix_line_follows_the_languages_punctuation() -> None:
    assert custody_details.labelled("size", "15129") == "size: 15129"
    with speaking("fr"):
        shown = custody_details.labelled("original_name", "chat-1.png")
    assert shown == "nom d'origine : chat-1.png"
