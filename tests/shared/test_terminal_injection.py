"""Names and details from a person or a file never act on the terminal.

A file name or a detail can hold an escape sequence (a window title, a clipboard write
with OSC 52, a screen clear), a newline that fakes a row, a C1 control or a bidi
override. The command line and the app show each of them in a visible form, and the
case keeps the exact original."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from tests.support.cases import PASSPHRASE
from tests.support.pictures import make_png
from tests.support.pilot import SIZE, settle, unlock
from tui.app import ReclaimApp
from tui.core.evidence.adding import add_file
from tui.core.evidence.model import get_exhibit
from tui.core.settings import Settings
from tui.core.shared.display import kept, shown, shown_block, shown_json
from tui.core.timeline.events import add_event, as_records
from tui.core.vault.vault import Vault
from tui.screens.evidence import EvidenceScreen
from tui.screens.exhibit import ExhibitScreen
from tui.screens.timeline import TimelineScreen
from tui.widgets.fields import StoredInput, StoredTextArea

TITLE = "\x1b]0;pwned\x07"
CLIPBOARD = "\x1b]52;c;aGVsbG8=\x07"
CLEAR = "\x1b[2J"
FAKE_ROW = "ok\nE-0099  2024-01-01  image-png  1 KiB  Fake  planted row"
OVERRIDE = "\u202egnp.exe"
C1_CSI = "\x9b31mred"
ATTACKS = [TITLE, CLIPBOARD, CLEAR, FAKE_ROW, OVERRIDE, C1_CSI]
MARKUP = "[bold red]x[/]"
#: What may never reach the terminal from a case: C0 but newline, DEL, C1, bidi controls.
RAW = {chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))} - {"\n"}
RAW |= {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068"}
RAW |= {"\u2069", "\u200e", "\u200f", "\u061c", "\u2028", "\u2029"}


def raw_in(text: str) -> set[str]:
    return {ch for ch in text if ch in RAW}


def assert_safe(output: str) -> None:
    assert not raw_in(output), sorted(map(hex, map(ord, raw_in(output))))
    assert not any(line.startswith("E-0099") for line in output.split("\n")), output


# ---- the display functions --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "visible"),
    [
        (TITLE, "\\x1b]0;pwned\\x07"),
        (CLIPBOARD, "\\x1b]52;c;aGVsbG8=\\x07"),
        (CLEAR, "\\x1b[2J"),
        ("a\nb\tc\rd", "a\\nb\\tc\\rd"),
        (OVERRIDE, "⟨U+202E⟩gnp.exe"),
        ("\u2066x\u2069\u200e\u200f\u061c", "⟨U+2066⟩x⟨U+2069⟩⟨U+200E⟩⟨U+200F⟩⟨U+061C⟩"),
        (C1_CSI, "\\x9b31mred"),
        ("\x00\x7f\x85", "\\x00\\x7f\\x85"),
        ("line\u2028sep", "line⟨U+2028⟩sep"),
    ],
)
def test_shown_makes_every_control_visible_on_one_line(text: str, visible: str):
    assert shown(text) == visible
    assert not raw_in(shown(text)) and "\n" not in shown(text)


@pytest.mark.parametrize(
    "text",
    ["Zoë's screenshot", "مرحبا بالعالم", "写真 2024", "🙂 ok", "C:\\Users\\sam", MARKUP, ""],
)
def test_ordinary_text_is_shown_as_it_is(text: str):
    assert shown(text) == text
    assert shown_block(text) == text


def test_shown_is_the_same_when_applied_twice():
    for text in ATTACKS:
        assert shown(shown(text)) == shown(text)
        assert shown_block(shown_block(text)) == shown_block(text)


def test_shown_block_keeps_newlines_and_tabs_but_nothing_else():
    text = "first line\r\n\tindented\nthen" + CLEAR + OVERRIDE
    assert shown_block(text) == "first line\n\tindented\nthen\\x1b[2J⟨U+202E⟩gnp.exe"
    assert shown_block("a\rb") == "a\\rb"


def test_shown_json_gives_back_the_exact_strings_with_nothing_raw():
    data = {"name": "".join(ATTACKS), OVERRIDE: ["\x7f", "\u2028"]}
    document = shown_json(json.dumps(data, indent=2, ensure_ascii=False))
    assert json.loads(document) == data
    assert not raw_in(document)


def test_a_field_left_as_shown_keeps_the_stored_value():
    assert kept(TITLE, shown(TITLE)) == TITLE
    assert kept(FAKE_ROW, shown_block(FAKE_ROW), block=True) == FAKE_ROW
    assert kept("a\r\nb", "a\nb", block=True) == "a\r\nb"
    assert kept(TITLE, "the new title") == "the new title"
    assert kept(TITLE, shown(TITLE) + " edited") == shown(TITLE) + " edited"


# ---- the command line -------------------------------------------------------------


def file_name(number: int, attack: str) -> str:
    """A file name holding the attack (a file name can hold anything but / and NUL)."""
    return f"{number}{attack}.png".replace("/", "_")


@pytest.fixture
def hostile(vault: Vault, tmp_path: Path) -> Vault:
    """Exhibits whose file names and details, and events whose title, details and
    witness, hold each attack (plus one name that looks like markup)."""
    colours = ("red", "green", "blue", "teal", "navy", "olive", "maroon")
    for number, attack in enumerate([*ATTACKS, MARKUP]):
        path = make_png(tmp_path / file_name(number, attack), color=colours[number])
        details = {"description": attack, "platform": attack, "poster": attack, "caption": attack}
        add_file(vault, path, details)
        add_event(vault, f"2024-03-0{number + 1}", attack, details=attack, witnesses=[attack])
    return vault


def test_adding_prints_the_file_names_visibly(cli, tmp_path: Path):
    paths = [
        make_png(tmp_path / file_name(n, a), color=f"#{n}0{n}0{n}0") for n, a in enumerate(ATTACKS)
    ]
    added = cli("evidence", "add", *map(str, paths), "--description", FAKE_ROW)
    event = cli("timeline", "add", "--when", "2024-03-05", "--title", TITLE + FAKE_ROW)
    for result in (added, event):
        assert result.returncode == 0, result.stderr
        assert_safe(result.stdout)
        assert_safe(result.stderr)
    assert "0\\x1b]0;pwned\\x07.png" in added.stdout
    assert "4⟨U+202E⟩gnp.exe.png" in added.stdout
    assert shown(TITLE + FAKE_ROW) in event.stdout


@pytest.mark.parametrize("command", [["evidence", "list"], ["log"], ["timeline", "list"]])
def test_listings_show_control_characters_visibly(hostile, cli, command: list[str]):
    result = cli(*command)
    assert result.returncode == 0, result.stderr
    assert_safe(result.stdout)
    assert_safe(result.stderr)
    for visible in ("\\x1b]0;pwned\\x07", "\\x1b]52;c;", "\\x1b[2J", "⟨U+202E⟩", "\\x9b31m"):
        assert visible in result.stdout
    assert "ok\\nE-0099" in result.stdout


def test_show_writes_every_detail_on_its_own_line(hostile, cli):
    for number, attack in enumerate(ATTACKS, start=1):
        result = cli("evidence", "show", f"E-{number:04d}")
        assert result.returncode == 0, result.stderr
        assert_safe(result.stdout)
        lines = result.stdout.split("\n")
        assert f"description:      {shown(attack)}" in lines
        assert f"original name:    {shown(file_name(number - 1, attack))}" in lines


@pytest.mark.parametrize(
    "command",
    [["evidence", "list"], ["evidence", "show", "E-0005"], ["log"], ["timeline", "list"]],
)
def test_json_output_is_exact_and_safe_for_a_terminal(hostile, cli, command: list[str]):
    result = cli(*command, "--json")
    assert result.returncode == 0, result.stderr
    assert not raw_in(result.stdout)
    assert OVERRIDE in json.dumps(json.loads(result.stdout), ensure_ascii=False)


def test_the_case_keeps_the_exact_originals(hostile, cli):
    assert cli("evidence", "list").returncode == 0  # showing changes nothing
    with Vault.open(hostile.path, passphrase=PASSPHRASE) as case:
        for number, attack in enumerate([*ATTACKS, MARKUP], start=1):
            exhibit = get_exhibit(case, f"E-{number:04d}")
            assert exhibit.original_name == file_name(number - 1, attack)
            assert (exhibit.description, exhibit.platform, exhibit.caption) == (attack,) * 3
        titles = [record["title"] for record in as_records(case)]
    assert titles == [*ATTACKS, MARKUP]


# ---- the app ----------------------------------------------------------------------


def terminal_text(app: ReclaimApp) -> str:
    """Every character the screen (with its notifications) sends to the terminal, as the
    compositor lays it out; the styles and cursor moves Textual adds are not in it."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def cells(app: ReclaimApp, column: int) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(table.get_row_at(row)[column]) for row in range(table.row_count)]


async def test_the_evidence_table_and_exhibit_screen_show_the_visible_form(hostile: Vault):
    everything = [*ATTACKS, MARKUP]
    app = ReclaimApp(hostile.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        assert isinstance(app.screen, EvidenceScreen)
        assert cells(app, 3) == cells(app, 5) == [shown(attack) for attack in everything]
        assert MARKUP in terminal_text(app), "shown as written, not read as markup"
        assert not raw_in(terminal_text(app))

        for row, attack in enumerate(everything):
            app.screen.query_one(DataTable).move_cursor(row=row)
            await pilot.press("enter")
            await settle(app, pilot)
            assert isinstance(app.screen, ExhibitScreen)
            heading = str(app.screen.query_one("#heading", Static).render())
            assert heading == f"E-{row + 1:04d} · {shown(file_name(row, attack))}"
            assert app.screen.query_one("#description", StoredInput).value == shown(attack)
            assert app.screen.query_one("#caption", StoredTextArea).text == shown_block(attack)
            assert not raw_in(terminal_text(app))
            await pilot.press("escape")  # saves the form as it was shown
            await settle(app, pilot)
            assert isinstance(app.screen, EvidenceScreen)

    with Vault.open(hostile.path, passphrase=PASSPHRASE) as case:
        for number, attack in enumerate(everything, start=1):
            exhibit = get_exhibit(case, f"E-{number:04d}")
            assert (exhibit.description, exhibit.platform, exhibit.caption) == (attack,) * 3


async def test_a_timeline_title_is_shown_as_written_never_as_markup(hostile: Vault):
    app = ReclaimApp(hostile.path, Settings())
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await unlock(app, pilot)
        await pilot.press("6")
        await settle(app, pilot)
        assert isinstance(app.screen, TimelineScreen)
        assert cells(app, 1) == [shown(attack) for attack in [*ATTACKS, MARKUP]]
        assert MARKUP in terminal_text(app)
        assert not raw_in(terminal_text(app))
        app.screen.query_one(DataTable).move_cursor(row=len(ATTACKS))
        await pilot.press("x")
        await settle(app, pilot)
        assert f'Take "{MARKUP}" out of the timeline?' in terminal_text(app)
        await pilot.press("y")
        await settle(app, pilot)
        assert f"T-0007 ({MARKUP}) is taken out" in terminal_text(app)
        assert not raw_in(terminal_text(app))
