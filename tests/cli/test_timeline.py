"""`reclaim timeline ...` through the real entry point."""

import json
from pathlib import Path

import pytest

from tests.support.cases import vault_bytes
from tests.support.cli import run_reclaim
from tests.support.pictures import make_png
from tui.core.vault.vault import Vault


@pytest.mark.parametrize("command", ["add", "list", "remove", "export"])
def test_timeline_commands_have_help(command: str):
    result = run_reclaim("timeline", command, "--help")
    assert result.returncode == 0 and "usage:" in result.stdout


def test_add_list_and_json_in_time_order(cli, tmp_path: Path):
    assert cli("evidence", "add", str(make_png(tmp_path / "a.png"))).returncode == 0
    first = cli(
        "timeline", "add", "--when", "2024-03-05 21:14", "--title", "The post",
        "--details", "posted publicly", "--response", "saved it",
        "--witness", "Sam", "--witness", "Dana", "--evidence", "E-0001",
    )  # fmt: skip
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "T-0001  5 March 2024, 21:14  The post"
    for when, title in (("2024-03", "Threats"), ("2023", "Photos taken"), ("2024-03-05", "Day")):
        assert cli("timeline", "add", "--when", when, "--title", title).returncode == 0
    listing = cli("timeline", "list").stdout.splitlines()
    assert [line.split()[0] for line in listing] == ["T-0003", "T-0002", "T-0004", "T-0001"]
    assert listing[-1].endswith("The post  (see E-0001)")
    records = json.loads(cli("timeline", "list", "--json").stdout)
    assert [r["when"] for r in records] == ["2023", "2024-03", "2024-03-05", "2024-03-05T21:14"]
    post = records[-1]
    assert {
        k: post[k] for k in ("id", "title", "details", "response", "witnesses", "evidence")
    } == {
        "id": "T-0001",
        "title": "The post",
        "details": "posted publicly",
        "response": "saved it",
        "witnesses": ["Sam", "Dana"],
        "evidence": ["E-0001"],
    }


@pytest.mark.parametrize(
    ("when", "message"),
    [
        ("2024-02-30", "not a real date"),
        ("2024-13", "not a real date"),
        ("03/05/2024", "3 May or 5 March"),
        ("soon", "is not a date Reclaim can read"),
    ],
)
def test_impossible_dates_are_refused_plainly(cli, vault: Vault, when: str, message: str):
    before = vault_bytes(vault.path)
    result = cli("timeline", "add", "--when", when, "--title", "x")
    assert result.returncode == 1 and message in result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert vault_bytes(vault.path) == before


def test_unknown_evidence_is_refused_and_nothing_is_added(cli, vault: Vault):
    before = vault_bytes(vault.path)
    result = cli("timeline", "add", "--when", "2024", "--title", "x", "--evidence", "E-0004")
    assert result.returncode == 1
    assert result.stderr.strip() == "reclaim: There is no exhibit E-0004 in this case."
    assert vault_bytes(vault.path) == before


@pytest.mark.parametrize("suffix", ["md", "txt", "docx"])
def test_export_writes_the_account(cli, tmp_path: Path, suffix: str):
    cli("timeline", "add", "--when", "about 2023", "--title", "Photos taken")
    target = tmp_path / f"account.{suffix}"
    result = cli("timeline", "export", str(target))
    assert result.returncode == 0, result.stderr
    assert "not encrypted" in result.stdout
    assert target.stat().st_size > 0 and target.stat().st_mode & 0o777 == 0o600
    if suffix != "docx":
        assert "about 2023: Photos taken" in target.read_text()
    again = cli("timeline", "export", str(target))
    assert again.returncode == 1 and "already exists" in again.stderr


def test_remove_takes_an_event_out(cli):
    cli("timeline", "add", "--when", "2024", "--title", "Mistake")
    result = cli("timeline", "remove", "T-0001")
    assert result.stdout.strip() == "T-0001 (Mistake) is taken out of the timeline."
    assert cli("timeline", "list").stdout.startswith("No events yet.")


def test_export_where_no_file_can_be_made_says_it_as_the_app_does(cli):
    assert cli("timeline", "add", "--when", "2024-03", "--title", "Threats").returncode == 0
    result = cli("timeline", "export", "/proc/nope.docx")  # a folder that takes no new file
    assert result.returncode != 0
    assert "The folder to save into is not there; nothing was written." in result.stderr
    assert "Something went wrong" not in result.stderr


@pytest.mark.parametrize(
    ("language", "date"),
    [("es", "5 de marzo de 2024"), ("fr", "5 mars 2024"), ("en", "5 March 2024")],
)
def test_the_list_says_dates_in_the_language_spoken_and_json_stays_english(
    cli, language: str, date: str
):
    assert cli("timeline", "add", "--when", "2024-03-05", "--title", "Post").returncode == 0
    listing = cli("--language", language, "timeline", "list").stdout
    assert listing.split("  ")[1].strip() == date
    records = json.loads(cli("--language", language, "timeline", "list", "--json").stdout)
    assert records[0]["when_text"] == "5 March 2024"
