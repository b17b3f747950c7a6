"""`reclaim declaration`: asks by option for what it needs, then prints or saves the draft."""

import json
import subprocess
from pathlib import Path

from tests.support.cli import run_reclaim
from tests.support.pictures import make_png


def test_declaration_help():
    result = run_reclaim("declaration", "--help")
    assert result.returncode == 0 and "--kind" in result.stdout


def test_asks_by_option_then_drafts_and_saves_a_pdf(cli, tmp_path: Path):
    added = cli(
        "evidence", "add",
        str(make_png(tmp_path / "a.png")), str(make_png(tmp_path / "b.png", color="red")),
        "--captured-by", "Alex Morgan", "--role", "self", "--how", "screenshot",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    asked = cli("declaration", "--kind", "au-statdec")
    assert asked.returncode == 1
    assert "your full name (--name)" in asked.stderr
    assert "your occupation (--occupation)" in asked.stderr and "(--address)" in asked.stderr
    assert len(asked.stderr.strip().splitlines()) == 1
    result = cli(
        "declaration", "--kind", "au-statdec", "--name", "Alex Morgan",
        "--address", "12 Long Street, Hobart TAS 7000", "--occupation", "nurse",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "true in every particular" in result.stdout
    shas = [e["sha256"] for e in json.loads(cli("evidence", "list", "--json").stdout)]
    assert all(sha in result.stdout for sha in shas)
    target = tmp_path / "statdec.pdf"
    saved = cli("declaration", "--kind", "au-statdec", "--out", str(target))
    assert saved.returncode == 0, saved.stderr
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(text.split())
    assert all(sha in flat for sha in shas)
    log = json.loads(cli("log", "--json").stdout)
    assert log[-1]["action"] == "declaration export"


def test_an_exhibit_with_no_provenance_names_the_command(cli, tmp_path: Path):
    assert cli("evidence", "add", str(make_png(tmp_path / "a.png"))).returncode == 0
    asked = cli("declaration", "--kind", "us-1746", "--name", "Alex Morgan")
    assert asked.returncode == 1
    assert "reclaim evidence provenance E-0001 --captured-by NAME" in asked.stderr


def test_the_binder_prints_the_declaration_after_the_cover(cli, tmp_path: Path):
    added = cli(
        "evidence", "add", str(make_png(tmp_path / "a.png")),
        "--captured-by", "Alex Morgan", "--role", "self", "--how", "screenshot",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    target = tmp_path / "binder.pdf"
    asked = cli("binder", str(target), "--declaration", "us-1746")
    assert asked.returncode == 1 and "(--name)" in asked.stderr and not target.exists()
    assert cli("declaration", "--kind", "us-1746", "--name", "Alex Morgan").returncode == 0
    made = cli("binder", str(target), "--date", "2026-12-07", "--declaration", "us-1746")
    assert made.returncode == 0, made.stderr
    pages = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    second = " ".join(pages[1].split())
    assert second.startswith("DECLARATION OF ALEX MORGAN"), second[:80]
    assert "under penalty of perjury under the laws of the United States of America" in (
        " ".join(" ".join(pages).split())
    )
    (sha,) = [e["sha256"] for e in json.loads(cli("evidence", "list", "--json").stdout)]
    assert sha in "".join(pages[1].split())
    contents = " ".join(pages[2].split())
    assert contents.startswith("Contents Declaration 2")
    # --declaration alone: the kind for where the person lives (the case says nowhere:
    # the plain statement); Python 3.11 refused the empty default as "not one of" the kinds
    again = tmp_path / "again.pdf"
    bare = cli("binder", str(again), "--declaration", "--date", "2026-12-07")
    assert bare.returncode == 0 and again.exists(), bare.stderr
