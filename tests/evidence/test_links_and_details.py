"""A planted link is not followed into someone else's file without the person saying so;
details can come from a file, so they never sit in `ps` or the shell's history."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.pictures import make_png
from tui.core.evidence.intake import add_many
from tui.core.evidence.model import list_exhibits
from tui.core.vault.vault import Vault


def planted(tmp_path: Path) -> Path:
    secret = tmp_path / "someone-else" / "private.txt"
    secret.parent.mkdir()
    secret.write_text("not the person's own file")
    link = tmp_path / "photos" / "IMG_0001.jpg"
    link.parent.mkdir()
    link.symlink_to(secret)
    return link


def test_a_link_is_refused_with_what_it_points_to(cli, vault: Vault, tmp_path: Path):
    link = planted(tmp_path)
    done = cli("evidence", "add", str(link))
    assert done.returncode != 0
    assert "is a link to" in done.stderr and "private.txt" in done.stderr
    assert list_exhibits(vault) == []
    followed = cli("evidence", "add", "--follow-links", str(link))
    assert followed.returncode == 0 and len(list_exhibits(vault)) == 1


def test_a_link_inside_a_folder_is_named_and_the_rest_added(vault: Vault, tmp_path: Path):
    link = planted(tmp_path)
    make_png(link.parent / "real.png")
    result = add_many(vault, [link.parent])
    assert [e.original_name for e in result.added] == ["real.png"]
    assert len(result.problems) == 1 and "is a link to" in result.problems[0]


def test_details_from_a_file_or_standard_input(cli, vault: Vault, tmp_path: Path):
    details = tmp_path / "details.toml"
    details.write_text('poster = "alex_r"\nurl = "https://example.com/p/1"\n')
    shot = make_png(tmp_path / "a.png")
    assert cli("evidence", "add", str(shot), "--details-file", str(details)).returncode == 0
    other = make_png(tmp_path / "b.png", color="red")
    piped = cli("evidence", "add", str(other), "--details-file", "-", stdin='notes = "from stdin"')
    assert piped.returncode == 0
    shown = json.loads(cli("evidence", "list", "--json").stdout)
    assert (shown[0]["poster"], shown[0]["url"]) == ("alex_r", "https://example.com/p/1")
    assert shown[1]["notes"] == "from stdin"
    details.write_text('password = "x"\n')
    refused = cli("evidence", "edit", "E-0001", "--details-file", str(details))
    assert refused.returncode != 0 and "doesn't keep" in refused.stderr
