"""What the command line prints in Spanish and French says its days the language's way
(`evidence list`, `reclaim log`, `takedown list`, `checklist show`, a letter's copy to
read, a declaration), a size with its unit, and `evidence show`'s values in one column
as far right as the longest label, French labels with their no-break space ('taille :');
English and --json keep their forms."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.support.pictures import make_png
from tui.core.evidence.adding import add_file
from tui.core.evidence.provenance import update_provenance
from tui.core.shared import clock
from tui.core.vault.vault import Vault

ME = ("--name", "Ana Pérez", "--contact", "ana@example.org", "--signature", "Ana Pérez")
ADDED = datetime(2026, 12, 7, 22, 8, 6, tzinfo=UTC)


@pytest.fixture
def case(vault: Vault, tmp_path: Path) -> Vault:
    with clock.fixed(ADDED):
        exhibit = add_file(
            vault, make_png(tmp_path / "a.png"), {"captured_at": "6 March 2024 08:15"}
        ).exhibit
        update_provenance(vault, exhibit.id, {"captured_by": "Ana Pérez", "how": "screenshot"})
    return vault


@pytest.mark.parametrize(
    ("code", "added", "log_time", "size", "colon"),
    [
        ("es", "7 dic 2026", "7 dic 2026 22:08:06 UTC", "99 bytes", ":"),
        ("fr", "7 déc. 2026", "7 déc. 2026 22:08:06 UTC", "99 octets", "\u00a0:"),
    ],
)
def test_evidence_and_log_say_days_and_sizes_the_languages_way(
    cli, case: Vault, code: str, added: str, log_time: str, size: str, colon: str
) -> None:
    listed = cli("evidence", "list", "--language", code).stdout
    assert re.search(rf"\nE-0001  {added}  +image/png", listed), listed
    assert "2026-12-07" not in listed
    shown = cli("evidence", "show", "E-0001", "--language", code).stdout
    lines = shown.splitlines()
    assert "2026-12-07" not in shown and f"{size}\n" in shown, shown
    starts = {len(line) - len(line.split(colon, 1)[1].lstrip()) for line in lines}
    assert len(starts) == 1, f"values in one column:\n{shown}"
    assert all(colon in line for line in lines)
    if code == "fr":
        assert "taille\u00a0: " in shown and "taille:" not in shown
    log = cli("log", "--language", code).stdout
    assert f"    1  {log_time}  " in log, log
    assert "2026-12-07T" not in log
    assert "2026-12-07T22:08:06Z" in cli("log", "--json", "--language", code).stdout
    assert "2026-12-07T22:08:06Z  " in cli("log", "--language", "en").stdout


def test_english_evidence_show_keeps_its_column_and_gains_a_unit(cli, case: Vault) -> None:
    shown = cli("evidence", "show", "E-0001").stdout
    assert "\nsize:             99 bytes\n" in shown, shown
    assert "\nE-0001  2026-12-07  " in cli("evidence", "list").stdout


def test_takedowns_and_checklists_say_days_the_languages_way(cli) -> None:
    cli("jurisdiction", "set", "us")
    with clock.fixed(ADDED):
        cli("takedown", "add", "--site", "reddit", "--url", "https://r.example/1")
        cli("takedown", "update", "R-001", "--status", "submitted")
        listed = cli("takedown", "list", "--language", "es").stdout
    assert "vence 9 dic 2026 22:08 UTC" in listed, listed
    assert re.search(r"R-001  reddit +enviada +vence", listed)
    english = cli("takedown", "list").stdout
    assert "due 2026-12-09 22:08 UTC" in english, english
    assert json.loads(cli("takedown", "list", "--json").stdout)[0]["due_at"].startswith("2026-")
    checked = cli("checklist", "show", "facebook", "--language", "fr").stdout
    assert re.search(r"Vérifié le \d\d?(er)? \w+ 20\d\d\s:", checked), checked
    assert not re.search(r"Vérifié le 20\d\d-", checked)


def test_a_letters_copy_and_a_declaration_say_days_the_languages_way(cli, case: Vault) -> None:
    cli("jurisdiction", "set", "us")
    cli(
        "takedown",
        "add",
        "--site",
        "reddit",
        "--url",
        "https://r.example/1",
        "--evidence",
        "E-0001",
    )
    letter = cli("letter", "takedown", "R-001", *ME, "--confirm-no-consent", "--language", "es")
    assert letter.returncode == 0, letter.stderr
    _english, _sep, copy = letter.stdout.partition("-" * 40)
    assert "E-0001" in copy and "6 mar 2024 08:15" in copy and "2024-03-06" not in copy, copy
    declared = cli(
        "declaration", "--name", "Ana Pérez", "--language", "fr", "--document-language", "fr"
    )
    assert declared.returncode == 0, declared.stderr
    assert "7 déc. 2026 22:08:06 UTC" in declared.stdout, declared.stdout
    assert "6 mars 2024 08:15" in declared.stdout
