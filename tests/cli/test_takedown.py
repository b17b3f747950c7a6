"""`reclaim takedown ...` through the command line."""

from __future__ import annotations

import json

from tests.support.cli import run_reclaim


def test_a_site_is_taken_by_the_names_people_use(cli):
    for typed in ("instagram", "Instagram", "IG"):
        added = cli("takedown", "add", "--site", typed, "--url", "https://ig.example/p/1")
        assert added.returncode == 0, added.stderr
    records = json.loads(cli("takedown", "list", "--json").stdout)
    assert [r["site"] for r in records] == ["meta", "meta", "meta"]
    unknown = cli("takedown", "add", "--site", "myspace", "--url", "https://m.example/1")
    assert unknown.returncode == 1 and "not a site" in unknown.stderr
    listing = run_reclaim("takedown", "sites")
    assert "also: Facebook, Instagram" in listing.stdout
