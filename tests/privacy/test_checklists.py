"""The checklist files: every shipped one follows the schema, and the schema check
itself refuses what it should."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.core.privacy.checklists import FOLDER, find, load_file, load_folder, shipped
from tui.core.shared.data_files import ChecklistError
from tui.core.shared.paths import checklists_dir

SHIPPED = sorted((checklists_dir() / FOLDER).glob("*.toml"))
PLATFORMS = {"Facebook", "Instagram", "X", "Tumblr", "Snapchat", "TikTok", "WhatsApp", "Reddit"}

GOOD = """
id = "{id}"
title = "Example privacy settings"
platform = "Example"
kind = "privacy"
reviewed = 2026-11-25
source = "Example Help Centre"
intro = "Nothing here deletes anything."

[[steps]]
id = "private"
title = "Make the account private"
do = "Settings → Privacy → Private account."
why = "Only people you approve see your posts."

[[steps]]
id = "block-later"
title = "Block, once the evidence is saved"
do = "Profile → ⋯ → Block."
why = "They can no longer reach you."
warning = "Save the evidence first."
action = "block"
"""


def write(folder: Path, text: str, name: str = "example") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(text.replace("{id}", name), encoding="utf-8")
    return path


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_checklist_follows_the_schema(path: Path):
    checklist = load_file(path)
    assert len(checklist.steps) >= 5
    assert checklist.reviewed.year >= 2026
    assert checklist.intro and checklist.source


def test_the_whole_folder_loads_with_account_security_first():
    checklists = load_folder(checklists_dir() / FOLDER)
    assert checklists[0].kind == "security"
    assert len({c.id for c in checklists}) == len(checklists)


def test_the_guides_platforms_and_account_security_are_all_there():
    found = {c.platform for c in shipped() if c.kind == "privacy"}
    assert found >= PLATFORMS | {"Google"}
    security = [c for c in shipped() if c.kind == "security"]
    assert security, "an accounts-security checklist"
    text = " ".join(f"{s.title} {s.do}" for s in security[0].steps).casefold()
    for topic in ("email", "two-step", "recovery", "log out", "apps"):
        assert topic in text, topic


@pytest.mark.parametrize("checklist", [c for c in shipped() if c.kind == "privacy"], ids=str)
def test_each_privacy_list_warns_and_saves_evidence_before_blocking(checklist):
    text = " ".join(f"{s.warning} {s.do}" for s in checklist.steps).casefold()
    assert "delete" in text, "says not to delete content"
    actions = {s.action for s in checklist.steps}
    assert "block" in actions and "report" in actions
    for step in checklist.steps:
        if step.action:
            assert step.warning, f"{step.id} needs a warning"
    evidence_step = checklist.steps[0]
    assert "evidence" in (evidence_step.title + evidence_step.do).casefold()


def test_friends_or_followers_lists_are_covered_where_they_can_be_hidden():
    for checklist in shipped():
        if checklist.platform in {"Facebook", "Instagram", "X", "TikTok", "Tumblr", "Reddit"}:
            text = " ".join(f"{s.title} {s.do} {s.why}" for s in checklist.steps).casefold()
            assert re.search(r"friends list|followers|following", text), checklist.id


def test_links_and_menus_are_plain_https():
    for checklist in shipped():
        for step in checklist.steps:
            assert not step.link or step.link.startswith("https://")


def test_a_good_file_loads_and_its_prose_is_reflowed(tmp_path: Path):
    text = GOOD.replace(
        'intro = "Nothing here deletes anything."',
        'intro = """\nNothing here\ndeletes anything.\n\nA second   paragraph.\n"""',
    )
    checklist = load_file(write(tmp_path, text))
    assert checklist.intro == "Nothing here deletes anything.\n\nA second paragraph."
    assert [s.id for s in checklist.steps] == ["private", "block-later"]
    assert checklist.steps[1].action == "block"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            lambda t: t.replace('kind = "privacy"', 'kind = "privacy"\ncolour = "red"'),
            "unknown key",
        ),
        (lambda t: t.replace('why = "They', 'tip = "x"\nwhy = "They'), "unknown key: tip"),
        (lambda t: t.replace('source = "Example Help Centre"\n', ""), "missing: source"),
        (
            lambda t: t.replace('why = "Only people you approve see your posts."', ""),
            "missing: why",
        ),
        (lambda t: t.replace('id = "block-later"', 'id = "private"'), "two steps with the id"),
        (
            lambda t: t.replace("reviewed = 2026-11-25", 'reviewed = "lately"'),
            "reviewed should be",
        ),
        (lambda t: t.replace('action = "block"', 'action = "burn"'), "action should be one of"),
        (lambda t: t.replace('kind = "privacy"', 'kind = "gossip"'), "kind should be one of"),
        (lambda t: t.replace('title = "Make', 'title = "  "\nx = "'), "unknown key"),
        (
            lambda t: t.replace('do = "Settings', 'link = "http://x.example"\ndo = "Settings'),
            "https",
        ),
        (lambda t: t + "\n[broken", "not valid TOML"),
        (lambda t: t.replace('id = "private"', 'id = "Private Account"'), "lowercase"),
        (lambda t: t.split("[[steps]]")[0] + "steps = []", "has no steps"),
    ],
)
def test_a_bad_file_is_refused_with_a_sentence_naming_it(tmp_path: Path, change, problem):
    path = write(tmp_path, change(GOOD))
    with pytest.raises(ChecklistError, match=re.escape(problem)) as caught:
        load_file(path)
    assert "example.toml" in str(caught.value)


def test_the_id_must_match_the_file_name(tmp_path: Path):
    path = write(tmp_path, GOOD.replace("{id}", "other"), name="example")
    with pytest.raises(ChecklistError, match="match the file name"):
        load_file(path)


def test_checklists_answer_to_their_platforms_names() -> None:
    assert find("twitter").id == "x"
    assert find("Instagram").id == find("ig").id == "instagram"
    assert find("YouTube").id == "google"


def test_the_loader_refuses_an_alias_that_names_two_checklists(tmp_path: Path) -> None:
    shipped_x = (checklists_dir() / "privacy" / "x.toml").read_text()
    (tmp_path / "x.toml").write_text(shipped_x)
    other = shipped_x.replace('id = "x"', 'id = "other"', 1).replace(
        'platform = "X"', 'platform = "Other"', 1
    )
    (tmp_path / "other.toml").write_text(other)  # still says aliases = ["Twitter", ...]
    with pytest.raises(ChecklistError, match="'Twitter' already names"):
        load_folder(tmp_path)
