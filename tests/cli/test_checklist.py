"""`reclaim checklist ...` through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.cases import vault_bytes
from tui.core.privacy.checklists import find, shipped
from tui.core.vault.vault import Vault


def test_list_shows_every_checklist_with_progress(cli):
    listed = cli("checklist", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    records = json.loads(listed.stdout)
    assert [r["id"] for r in records] == [c.id for c in shipped()]
    for record in records:
        assert {"id", "title", "steps", "done"} <= set(record)
        assert record["done"] == 0 and record["steps"] == len(find(record["id"]).steps)
    text = cli("checklist", "list")
    assert "Instagram privacy settings" in text.stdout and "choose your accounts" in text.stdout


def test_done_ticks_a_step_by_number_or_id_and_show_reports_it(cli):
    instagram = find("instagram")
    assert cli("checklist", "done", "instagram", "2").returncode == 0
    assert cli("checklist", "done", "instagram", instagram.steps[2].id).returncode == 0
    shown = json.loads(cli("checklist", "show", "instagram", "--json").stdout)
    assert shown["done"] == 2
    steps = shown["steps"]
    assert [s["id"] for s in steps] == [s.id for s in instagram.steps]
    assert [s["done"] for s in steps[:4]] == [False, True, True, False]
    assert steps[1]["done_at"].endswith("Z") and steps[0]["done_at"] is None
    assert {"id", "title", "done", "done_at", "do", "why", "warning"} <= set(steps[0])

    text = cli("checklist", "show", "instagram").stdout
    assert f" 2. [x] {instagram.steps[1].title}" in text
    assert f" 1. [ ] {instagram.steps[0].title}" in text
    assert "Warning:" in text

    assert cli("checklist", "done", "instagram", "2", "--undo").returncode == 0
    assert json.loads(cli("checklist", "show", "instagram", "--json").stdout)["done"] == 1


def test_blocking_without_evidence_is_refused_until_anyway(cli, vault: Vault, tmp_path: Path):
    block = next(s for s in find("instagram").steps if s.action == "block")
    before = vault_bytes(vault.path)
    refused = cli("checklist", "done", "instagram", block.id)
    assert refused.returncode == 1
    assert "no evidence from Instagram" in refused.stderr
    assert vault_bytes(vault.path) == before

    assert cli("checklist", "done", "instagram", block.id, "--anyway").returncode == 0
    shown = json.loads(cli("checklist", "show", "instagram", "--json").stdout)
    ticked = next(s for s in shown["steps"] if s["id"] == block.id)
    assert ticked["done"] and ticked["before_evidence"]
    assert "before any evidence was saved" in cli("checklist", "show", "instagram").stdout

    shot = tmp_path / "shot.txt"
    shot.write_text("the profile")
    assert cli("evidence", "add", str(shot), "--platform", "instagram").returncode == 0
    report = next(s for s in find("instagram").steps if s.action == "report")
    assert cli("checklist", "done", "instagram", report.id).returncode == 0


def test_choose_marks_accounts_and_not_relevant(cli):
    assert cli("checklist", "choose", "instagram", "x").returncode == 0
    assert cli("checklist", "choose", "tumblr", "--not-relevant").returncode == 0
    records = {r["id"]: r for r in json.loads(cli("checklist", "list", "--json").stdout)}
    assert records["instagram"]["mine"] and records["x"]["mine"]
    assert records["tumblr"]["not_relevant"] and not records["facebook"]["mine"]
    assert "2 accounts" in cli("checklist", "list").stdout


def test_unknown_checklists_and_steps_get_one_sentence_and_change_nothing(cli, vault: Vault):
    before = vault_bytes(vault.path)
    for args, words in (
        (("show", "myspace"), "no checklist called 'myspace'"),
        (("done", "myspace", "1"), "no checklist called"),
        (("done", "instagram", "99"), "has no step '99'"),
        (("choose", "instagram", "myspace"), "no checklist called 'myspace'"),
    ):
        result = cli("checklist", *args)
        assert result.returncode == 1, args
        assert words in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert vault_bytes(vault.path) == before


def test_choose_takes_the_names_people_use_for_a_platform(cli):
    chosen = cli("checklist", "choose", "twitter", "IG")
    assert chosen.returncode == 0, chosen.stderr
    assert chosen.stdout.startswith("X, Instagram: one of your accounts.")
    mine = {r["id"] for r in json.loads(cli("checklist", "list", "--json").stdout) if r["mine"]}
    assert mine == {"x", "instagram"}
