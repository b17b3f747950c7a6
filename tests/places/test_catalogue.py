"""The catalogue of places is data, read strictly: every fact has its source and review
date, a child extends its parent, codes, names and aliases find a place, and a bad pack is
refused naming its file."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tui.core.places.catalogue import check_code, load_folder, places, resolve, shipped
from tui.core.shared.data_files import ChecklistError
from tui.core.shared.errors import InputError
from tui.core.shared.paths import checklists_dir

SHIPPED = checklists_dir() / "jurisdictions"


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "jurisdictions"
    shutil.copytree(SHIPPED, folder)
    return folder


def test_every_shipped_fact_has_its_source_and_review_date():
    known = shipped()
    assert {"us", "gb", "ca", "ca-bc", "au", "eu", "general"} <= set(known)
    for place in known.values():
        facts: list[Any] = [
            place.emergency,
            *place.contacts,
            *place.clocks,
            *place.routes,
            *place.legal,
        ]
        facts += [place.letter] if place.letter else []
        for fact in facts:
            reviewed = fact.reviewed.isoformat()
            assert fact.source and reviewed in ("2026-12-01", "2026-12-07"), (place.code, fact)
    numbers = {p.code: p.emergency.number for p in places()}
    assert numbers == {"us": "911", "gb": "999", "ca": "911", "ca-bc": "911", "au": "000",
                       "eu": "112", "gb-eng": "999", "gb-sct": "999",
                       "gb-nir": "999"}  # fmt: skip


def test_a_child_extends_its_parent():
    bc, ca = resolve("ca-bc"), resolve("ca")
    assert bc.emergency == ca.emergency
    assert [c.name for c in bc.contacts][: len(ca.contacts)] == [c.name for c in ca.contacts]
    assert "Civil Resolution Tribunal (intimate images)" in [c.name for c in bc.contacts]
    assert {"criminal-code-162-1", "iipa", "re-x-corp"} <= {law.id for law in bc.legal}
    assert bc.letter and "BCCRT 1228" in bc.letter.cites


def test_codes_names_and_fallbacks():
    assert resolve("uk").code == resolve("United Kingdom").code == "gb"
    assert resolve("ca-on").code == "ca" and check_code("CA-ON") == "ca-on"
    assert check_code("none") == "none" and resolve("none").code == "general"
    with pytest.raises(InputError, match="not a place Reclaim knows"):
        resolve("atlantis")


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "gb.toml",
            'name = "United Kingdom"',
            'name = "United Kingdom"\nflag = "x"',
            "unknown key",
        ),
        ("au.toml", 'number = "000"\n', "", "missing: number"),
        ("us.toml", 'source = "https://rainn.org', 'sourced = "https://rainn.org', "unknown key"),
        ("eu.toml", "reviewed = 2026-12-01\n\n[[routes]]", "\n[[routes]]", "missing: reviewed"),
        (
            "gb.toml",
            "so Reclaim counts no deadline. Passed, but not confirmed in force: check with a "
            "lawyer.",
            "is coming.",
            "should say so in its rule",
        ),
        ("au.toml", "hours = 24", "hours = 0", "positive number"),
        ("ca.toml", 'audience = "under-18"', 'audience = "teens"', "audience should be"),
    ],
)
def test_bad_packs_are_refused_naming_the_file(
    tmp_path: Path, file: str, old: str, new: str, message: str
):
    folder = _copy(tmp_path)
    path = folder / file
    assert old in path.read_text()
    path.write_text(path.read_text().replace(old, new, 1))
    with pytest.raises(ChecklistError, match=message) as refused:
        load_folder(folder)
    assert file in str(refused.value)


def test_a_child_without_its_parent_is_refused(tmp_path: Path):
    folder = _copy(tmp_path)
    (folder / "ca.toml").unlink()
    with pytest.raises(ChecklistError, match=r"ca-bc\.toml extends ca, but there is no ca\.toml"):
        load_folder(folder)
