"""The letters, next routes, legal options and lawyer package through the real `reclaim`
entry point."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import bagit
from docx import Document

from tests.support.cases import vault_bytes
from tests.support.pictures import make_png

ME = ("--name", "Zoë Ångström", "--contact", "zoe@example.org", "--signature", "Zoë Ångström")


def test_a_letter_asks_for_what_is_missing_then_prints(cli, vault_dir: Path, tmp_path: Path):
    cli("takedown", "add", "--site", "reddit", "--url", "https://reddit.example/p/1")
    before = vault_bytes(vault_dir)
    asked = cli("letter", "takedown", "R-001")
    assert asked.returncode == 1 and asked.stdout == ""
    assert "needs: your full name (--name)" in asked.stderr
    assert "--confirm-no-consent" in asked.stderr and "Traceback" not in asked.stderr
    assert vault_bytes(vault_dir) == before
    printed = cli("letter", "takedown", "R-001", *ME, "--confirm-no-consent")
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout.startswith("DRAFT prepared with Reclaim: not legal advice.")
    assert "- https://reddit.example/p/1" in printed.stdout
    again = cli("letter", "takedown", "R-001", "--out", str(tmp_path / "reddit.pdf"))
    assert again.returncode == 0, again.stderr
    assert "not encrypted" in again.stdout and (tmp_path / "reddit.pdf").stat().st_size > 1000


def test_copyright_is_refused_for_a_minor_and_needs_its_own_facts(cli, vault_dir: Path):
    cli("takedown", "add", "--site", "copyright", "--url", "https://host.example/1.jpg")
    refused = cli("letter", "copyright", "R-001", *ME, "--under-18", "unsure")
    assert refused.returncode == 1 and "never the route" in refused.stderr
    asked = cli("letter", "copyright", "R-001", "--under-18", "no")
    assert "confirmation that you took the pictures yourself (--i-took-them)" in asked.stderr
    done = cli("letter", "copyright", "R-001", "--i-took-them", "--work", "A selfie, 2023")
    assert done.returncode == 0, done.stderr
    assert "The original work: A selfie, 2023" in done.stdout
    bad = cli("letter", "copyright", "R-009")
    assert bad.returncode == 1 and "There is no takedown request R-009" in bad.stderr


def test_cease_and_desist_from_the_timeline(cli):
    soon = (datetime.now(UTC) + timedelta(days=14)).date()
    cli("timeline", "add", "--when", "12 March 2024", "--title", "Alex posted the pictures")
    asked = cli("letter", "cease-desist", *ME)
    assert "the name of the person the letter is to (--to)" in asked.stderr
    past = cli("letter", "cease-desist", "--to", "Alex Doe", "--respond-by", "2020-01-01")
    assert past.returncode == 1 and "already come" in past.stderr
    letter = cli("letter", "cease-desist", "--to", "Alex Doe", "--respond-by", soon.isoformat())
    assert letter.returncode == 0, letter.stderr
    assert "To: Alex Doe" in letter.stdout and "- 12 March 2024: Alex posted" in letter.stdout
    assert f"By {soon.day} {soon:%B %Y} you must:" in letter.stdout


def test_pins_come_from_a_file_or_stdin_and_next_routes(cli):
    cli("takedown", "add", "--site", "stopncii")
    kept = cli("takedown", "update", "R-001", "--status", "submitted", "--reference", "SN-5",
               "--pin-file", "-", stdin="8123-44\n")  # fmt: skip
    assert kept.returncode == 0, kept.stderr
    routes = json.loads(cli("takedown", "next", "--json").stdout)
    assert [r["title"] for r in routes] == ["Ask search engines to drop the links"]
    plain = cli("takedown", "next").stdout
    assert "Ask search engines" in plain and "8123" not in plain
    assert "8123" not in cli("takedown", "list", "--json").stdout, "the PIN stays private"


def test_legal_options_and_the_lawyer_package(cli, tmp_path: Path):
    options = cli("legal", "options")
    assert options.returncode == 0 and "not legal advice" in options.stdout.lower()
    cli("evidence", "add", str(make_png(tmp_path / "a.png")))
    cli("timeline", "add", "--when", "2024-03-12", "--title", "Posted on Reddit")
    cli("takedown", "add", "--site", "reddit", "--url", "https://r.example/1")
    cli("takedown", "update", "R-001", "--status", "submitted", "--reference", "RD-1",
        "--pin-file", "-", stdin="7777\n")  # fmt: skip
    notes = tmp_path / "notes.txt"
    notes.write_text("He also wrote to my employer.\n")
    made = cli("legal", "package", str(tmp_path / "for-lawyer"), "--notes-file", str(notes))
    assert made.returncode == 0, made.stderr
    bag = bagit.Bag(str(tmp_path / "for-lawyer"))
    bag.validate()
    data = tmp_path / "for-lawyer" / "data"
    assert {p.name for p in data.iterdir()} == {
        "binder.pdf", "originals", "timeline.docx", "notes.txt", "README.txt"
    }  # fmt: skip
    text = (data / "notes.txt").read_text()
    assert "He also wrote to my employer." in text and "reference RD-1" in text
    assert "7777" not in text
    assert "Where the person lives: United States (assumed" in text, "made before it asked"
    assert cli("jurisdiction", "set", "au").returncode == 0
    cli("legal", "package", str(tmp_path / "for-lawyer-au"))
    text = (tmp_path / "for-lawyer-au" / "data" / "notes.txt").read_text()
    assert "Where the person lives: Australia." in text and "Online Safety Act 2021" in text
    assert "Posted on Reddit" in " ".join(
        p.text for p in Document(str(data / "timeline.docx")).paragraphs
    )
    readme = (data / "README.txt").read_text()
    assert "data/timeline.docx" in readme and "a lawyer" in readme
    again = cli("legal", "package", str(tmp_path / "for-lawyer"))
    assert again.returncode == 1 and "not empty" in again.stderr
