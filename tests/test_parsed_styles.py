"""Styles are parsed once a process (tui/parsed_styles.py): the app's next start and its
next screens reuse the rules already parsed, which are the same rules Textual would parse,
and a style in error still fails."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.color import Color
from textual.css import stylesheet as textual_stylesheet
from textual.css.stylesheet import Stylesheet, StylesheetParseError

from tests.support.pilot import SIZE, settle, unlock
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.vault.vault import Vault
from tui.parsed_styles import SharedParses
from tui.screens.evidence import EvidenceScreen


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The style texts Textual parses from now on."""
    parsed: list[str] = []
    textual_parse = textual_stylesheet.parse  # type: ignore[attr-defined]

    def counted(scope: str, css: str, *args: object, **kwargs: object):
        parsed.append(css)
        return textual_parse(scope, css, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(textual_stylesheet, "parse", counted)
    return parsed


async def open_evidence_step(
    vault: Vault, parses: list[str]
) -> tuple[list[tuple[object, ...]], list[str]]:
    """Start the app, unlock, open step 4: the app's rules, in order, and the style texts
    parsed meanwhile."""
    parses.clear()
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        assert isinstance(app.screen, EvidenceScreen)
        assert isinstance(app.stylesheet, SharedParses)
        parsed = list(parses)
        plain = Stylesheet(variables=app.get_css_variables())
        plain.source = dict(app.stylesheet.source)
        plain.parse()
        rules = described(app.stylesheet)
        assert rules == described(plain)  # what Textual would parse
        return rules, parsed


def described(sheet: Stylesheet) -> list[tuple[object, ...]]:
    """Each rule's selectors, styles (as written out: a layout is an object of its own
    at each parse), kind and place, in order."""
    return [
        (
            rule.selectors,
            {name: repr(value) for name, value in rule.styles.get_rules().items()},
            rule.is_default_rules,
            rule.tie_breaker,
        )
        for rule in sheet.rules
    ]


async def test_a_second_start_and_its_screens_parse_no_style_again(
    vault: Vault, parses: list[str]
) -> None:
    first, _parsed = await open_evidence_step(vault, parses)
    again, parsed = await open_evidence_step(vault, parses)
    assert again == first
    assert parsed == []


def test_other_colours_are_parsed_again_and_a_style_in_error_still_fails(
    parses: list[str],
) -> None:
    css = "Static { color: $reclaim-ink; }"
    for ink in ("red", "blue", "red"):
        sheet = SharedParses(variables={"reclaim-ink": ink})
        sheet.add_source(css, read_from=("test_parsed_styles.py", "ink"))
        sheet.parse()
        assert sheet.rules[0].styles.color == Color.parse(ink)
    assert parses == [css, css]  # red, blue; red again was kept

    for _attempt in range(2):  # the second time from what was kept
        broken = SharedParses(variables={})
        broken.add_source("Static { colour: red; }", read_from=("test_parsed_styles.py", "bad"))
        with pytest.raises(StylesheetParseError):
            broken.parse()
        with pytest.raises(StylesheetParseError):
            broken.reparse()


def test_a_reparse_keeps_the_sources_and_an_error_leaves_the_rules_as_they_were() -> None:
    sheet = SharedParses(variables={})
    sheet.add_source("Static { color: red; }", read_from=("test_parsed_styles.py", "one"))
    sheet.parse()
    before = described(sheet)
    sheet.add_source("Static { colour: red; }", read_from=("test_parsed_styles.py", "two"))
    with pytest.raises(StylesheetParseError):
        sheet.reparse()
    assert described(sheet) == before
    assert list(sheet.copy().source) == list(sheet.source)
    assert isinstance(sheet.copy(), SharedParses)


def test_the_path_of_a_style_file_is_part_of_what_is_kept(tmp_path: Path) -> None:
    """The same text read from two files gives rules of each file's own (Textual says
    where a rule came from)."""
    rules = []
    for name in ("one.tcss", "two.tcss"):
        path = tmp_path / name
        path.write_text("Static { color: red; }", encoding="utf-8")
        sheet = SharedParses(variables={})
        sheet.read(path)
        sheet.parse()
        rules.append(sheet.rules[0])
    assert rules[0] is not rules[1]
