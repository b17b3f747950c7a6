"""The legal options are data: the shipped file covers the options the guide names, in
plain words, and bad files are refused plainly."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tui.core.shared import clock
from tui.core.shared.data_files import ChecklistError
from tui.core.shared.local_formats import long_date
from tui.core.takedowns.legal_options import as_text, load, parse, shipped

IDS = ["police-report", "protective-order", "civil-suit", "cease-and-desist", "takedowns",
       "working-with-a-lawyer"]  # fmt: skip


def test_the_shipped_options_are_all_there_and_recent():
    options = shipped()
    assert [option.id for option in options.options] == IDS
    assert all(option.keep_in_mind and option.what for option in options.options)
    assert clock.today() - timedelta(days=366) <= options.reviewed <= clock.today()
    assert "not legal advice" in options.intro
    warning = " ".join(options.option("cease-and-desist").keep_in_mind)
    assert "violence" in warning and "police first" in warning
    assert "everywhere" in options.option("takedowns").what
    with pytest.raises(ChecklistError, match="not one of the legal options"):
        options.option("duel")


def test_as_text_holds_every_option_and_the_date():
    text = as_text(shipped())
    for option in shipped().options:
        assert f"{option.title}\n{'-' * len(option.title)}" in text
    assert text.endswith(f"Last checked {long_date(shipped().reviewed)}. Not legal advice.")


GOOD: dict[str, Any] = {
    "title": "Options",
    "reviewed": date(2026, 11, 25),
    "source": "pages",
    "intro": "Not legal advice.",
    "options": [
        {
            "id": "one",
            "title": "One",
            "what": "It.",
            "good_for": "Things.",
            "keep_in_mind": ["Time."],
        },
    ],
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"intro": None}, "missing: intro"),
        ({"colour": "red"}, "unknown key: colour"),
        ({"reviewed": "today"}, "reviewed should be a date"),
        ({"options": ["one"]}, "should be an \\[\\[options\\]\\] table"),
        ({"options": [{**GOOD["options"][0], "cost": "free"}]}, "unknown key: cost"),
        ({"options": [{"id": "one", "title": "One", "what": "It."}]}, "missing: good_for"),
        ({"options": [{**GOOD["options"][0], "what": " "}]}, "what is empty"),
        ({"options": []}, "at least one option"),
        ({"options": [{**GOOD["options"][0], "id": "One Option"}]}, "lowercase"),
        ({"options": [GOOD["options"][0], GOOD["options"][0]]}, "used twice"),
        ({"options": [{**GOOD["options"][0], "keep_in_mind": []}]}, "list of sentences"),
        ({"options": [{**GOOD["options"][0], "keep_in_mind": [3]}]}, "list of sentences"),
        ({"options": [{**GOOD["options"][0], "next": 4}]}, "should be a str"),
    ],
)
def test_bad_files_are_refused_plainly(change: dict[str, object], message: str):
    data = {k: v for k, v in {**GOOD, **change}.items() if v is not None}
    with pytest.raises(ChecklistError, match=message) as refused:
        parse(data)
    assert "legal-options.toml" in str(refused.value)


def test_a_good_file_on_disk_loads_with_its_line_breaks_joined(tmp_path: Path):
    path = tmp_path / "legal-options.toml"
    path.write_text(
        'title = "Options"\nreviewed = 2026-11-25\nsource = "pages"\n'
        'intro = """\nNot legal\nadvice.\n"""\n'
        '[[options]]\nid = "one"\ntitle = "One"\nwhat = "It."\ngood_for = "Things."\n'
        'keep_in_mind = ["Time."]\nnext = "Ask."\n'
        '[[options]]\nid = "two"\ntitle = "Two"\nwhat = "It."\ngood_for = "Things."\n'
        'keep_in_mind = ["Money."]\n'
    )
    options = load(path)
    assert options.intro == "Not legal advice."
    assert [(o.id, o.next) for o in options.options] == [("one", "Ask."), ("two", "")]
    assert "Next: Ask." in as_text(options) and as_text(options).count("Next:") == 1


def test_a_damaged_file_on_disk_is_refused_naming_it(tmp_path: Path):
    broken = tmp_path / "legal-options.toml"
    broken.write_text('title = "Options\n')
    with pytest.raises(ChecklistError, match=r"legal-options\.toml is not valid TOML"):
        load(broken)


def test_the_shipped_texts_are_calm_short_sentences():
    options = shipped()
    texts = [options.title, options.intro, options.source]
    for option in options.options:
        texts += [option.title, option.what, option.good_for, option.next, *option.keep_in_mind]
        assert all(item.endswith(".") for item in option.keep_in_mind), option.id
    assert not any("!" in text for text in texts)
