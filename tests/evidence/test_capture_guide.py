"""The capture guide is data: the shipped file loads, covers every way of capturing, asks
for what the guide says a capture should show, and bad files are refused plainly."""

import re
from pathlib import Path

import pytest

from tui.core.evidence.capture_guide import KIND_TITLES, KINDS, load, shipped
from tui.core.shared.data_files import ChecklistError

GOOD = """
title = "How to capture"
reviewed = 2026-11-25
source = "help pages"
intro = "Save first."
should_show = ["The username."]
{methods}
"""
METHOD = """
[[methods]]
id = "{id}"
kind = "{kind}"
device = "Phone"
title = "Do it"
steps = ["Press a button."]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "capture-guide.toml"
    path.write_text(text)
    return path


def every_kind(**changes: str) -> str:
    methods = [METHOD.format(id=f"way-{kind}", kind=kind) for kind in KINDS]
    text = GOOD.format(methods="".join(methods))
    for old, new in changes.items():
        text = text.replace(old, new)
    return text


def test_the_shipped_guide_covers_every_kind_with_unique_ids():
    guide = shipped()
    assert set(KIND_TITLES) == set(KINDS)
    for kind in KINDS:
        assert guide.by_kind(kind), kind
    ids = [method.id for method in guide.methods]
    assert len(ids) == len(set(ids)) >= 10
    devices = " ".join(method.device for method in guide.by_kind("screenshot"))
    for device in ("iPhone", "Android", "Windows", "Mac"):
        assert device in devices


def test_the_guide_asks_for_what_a_capture_should_show():
    text = " ".join(shipped().should_show).lower()
    for pattern in (r"username|profile", r"date and time", r"comments", r"web address|url"):
        assert re.search(pattern, text), pattern
    assert "crop" in shipped().intro and "before you report" in shipped().intro


def test_no_method_tells_the_person_to_delete_or_block_first():
    for method in shipped().methods:
        text = " ".join((*method.steps, method.tip)).lower()
        assert not re.search(r"\b(delete|block|report)\b", text), method.id


def test_a_minimal_good_file_loads(tmp_path: Path):
    guide = load(write(tmp_path, every_kind()))
    assert [m.kind for m in guide.methods] == list(KINDS)
    assert guide.should_show == ("The username.",)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({'title = "How to capture"\n': ""}, "missing: title"),
        ({'intro = "Save first."': 'intro = "Save first."\ncolour = "red"'}, "unknown key"),
        ({'should_show = ["The username."]': "should_show = []"}, "list of sentences"),
        ({'steps = ["Press a button."]': 'steps = [""]'}, "list of sentences"),
        ({'kind = "pdf"': 'kind = "fax"'}, "kind should be one of"),
        ({'id = "way-pdf"': 'id = "way-screenshot"'}, "used twice"),
        ({'id = "way-pdf"': 'id = "Way PDF"'}, "lowercase"),
        ({'device = "Phone"': 'device = " "'}, "device is empty"),
        ({"reviewed = 2026-11-25": 'reviewed = "yesterday"'}, "reviewed should be a date"),
        ({'title = "Do it"': "title = [1"}, "not valid TOML"),
    ],
)
def test_bad_files_are_refused_in_one_sentence_naming_the_file(
    tmp_path: Path, changes: dict[str, str], message: str
):
    with pytest.raises(ChecklistError, match=message) as refused:
        load(write(tmp_path, every_kind(**changes)))
    assert "capture-guide.toml" in str(refused.value)


def test_a_kind_with_no_method_is_refused(tmp_path: Path):
    text = GOOD.format(methods=METHOD.format(id="only", kind="screenshot"))
    with pytest.raises(ChecklistError, match="no method for: recording, pdf, download"):
        load(write(tmp_path, text))
