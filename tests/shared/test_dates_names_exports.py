"""Dates typed anywhere are read as the timeline reads them; sites and checklists answer
to the names people use; exports read back as what the person typed, in its place."""

from __future__ import annotations

import json
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from markdown_it import MarkdownIt

from tests.support.cli import Result, run_reclaim
from tests.support.pictures import make_png
from tui.core.binder.choices import BinderChoices, chosen_exhibits
from tui.core.evidence.adding import add_file
from tui.core.evidence.changes import update_details
from tui.core.evidence.completeness import assess
from tui.core.evidence.model import clean_details, list_exhibits
from tui.core.privacy.checklists import find, load_folder
from tui.core.shared.data_files import ChecklistError
from tui.core.shared.dates import parse_rough, parse_when
from tui.core.shared.errors import InputError
from tui.core.shared.fuzzy_dates import When
from tui.core.shared.paths import checklists_dir
from tui.core.takedowns.letter_files import blocks, export_letter
from tui.core.takedowns.letters import DEFAULT_DEMANDS, draft_cease_desist, save_facts
from tui.core.takedowns.sites import load, shipped
from tui.core.timeline.events import add_event, get_event
from tui.core.timeline.written_account import as_markdown, export
from tui.core.vault.vault import Vault

Cli = Callable[..., Result]

# ---- 6. dates: one way to type them, everywhere -------------------------------------


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("5 March 2024", "2024-03-05"),
        ("March 5, 2024 at 21:14", "2024-03-05T21:14"),
        ("5th Mar 2024 21:14", "2024-03-05T21:14"),
        ("2024-03-05 21:14", "2024-03-05T21:14"),
        ("2024-03-05T21:14:09", "2024-03-05T21:14:09"),
        ("2024-03-05 21:14:00", "2024-03-05T21:14:00"),
        ("25/03/2024", "2024-03-25"),
        ("March 2024", "2024-03"),
        ("2023", "2023"),
        ("about 2023", "2023~"),
        ("around March 2024", "2024-03~"),
        ("about 5 March 2024", "2024-03-05~"),
    ],
)
def test_exhibit_dates_are_read_like_the_timeline_and_kept_at_their_precision(
    typed: str, kept: str
) -> None:
    assert clean_details({"posted_at": typed, "captured_at": typed}) == {
        "posted_at": kept,
        "captured_at": kept,
    }
    assert clean_details({"posted_at": kept}) == {"posted_at": kept}, "reads back as itself"
    assert When.from_stored(kept) == When.parse(typed)


@pytest.mark.parametrize("typed", ["03/05/2024", "5 Marc 2024", "last spring", "2024-02-30"])
def test_an_exhibit_date_is_asked_back_in_the_timelines_words(typed: str) -> None:
    with pytest.raises(InputError) as timeline:
        When.parse(typed)
    with pytest.raises(InputError) as exhibit:
        clean_details({"posted_at": typed})
    assert str(exhibit.value) == str(timeline.value)


@pytest.mark.parametrize("typed", ["2999", "December 2999", "about 2999", "1 January 2999"])
def test_future_dates_are_still_refused(typed: str) -> None:
    with pytest.raises(InputError, match="is in the future"):
        clean_details({"captured_at": typed})


def test_the_timeline_takes_an_iso_time_as_exhibits_keep_it() -> None:
    assert When.parse("2024-03-05T21:14").stored() == "2024-03-05T21:14"
    assert When.parse("2024-03~").text() == "about March 2024"


def test_dates_worked_from_need_a_day_but_are_typed_the_same_way() -> None:
    assert parse_when("5 March 2024 at 21:14") == "2024-03-05T21:14"
    assert parse_when("1 December 2999", future=True) == "2999-12-01"
    with pytest.raises(InputError, match="not exact enough"):
        parse_when("March 2024")
    assert parse_rough("March 2024") == "2024-03"


def test_vague_dates_sort_in_time_order_wherever_exhibits_are_ordered(
    vault: Vault, tmp_path: Path
) -> None:
    from tui.screens.evidence_rows import SORTS

    typed = [  # (posted, captured), added out of order
        ("about 2023", "2024-01-02"),
        ("5 March 2024 21:14", ""),
        ("March 2024", ""),
        ("", "2024-03-05"),
        ("2024", ""),
        ("2023-12-31 23:59", ""),
        ("", ""),
        ("about March 2024", ""),
    ]
    for number, (posted, captured) in enumerate(typed):
        png = make_png(tmp_path / f"{number}.png", size=(10 + number, 10))
        add_file(vault, png, {"posted_at": posted, "captured_at": captured})
    by_time = chosen_exhibits(vault, BinderChoices(order="time"))
    assert [e.posted_at or e.captured_at or "-" for e in by_time] == [
        "2023-12-31T23:59",
        "2023~",  # about 2023: after what is known exactly in 2023
        "2024",
        "2024-03",
        "2024-03-05",
        "2024-03-05T21:14",
        "2024-03~",
        "-",  # undated last, as before
    ]
    table = sorted(list_exhibits(vault), key=SORTS["captured"][1])
    assert [e.captured_at for e in table][:2] == ["2024-01-02", "2024-03-05"]
    vague = next(e for e in list_exhibits(vault) if e.posted_at == "2024-03")
    assert "posted_at" not in assess(vague).missing, "a month is a date given"


def test_the_cli_takes_the_timelines_dates_and_asks_back_the_same_way(
    cli: Cli, vault: Vault, tmp_path: Path
) -> None:
    added = cli(
        "evidence", "add", str(make_png(tmp_path / "a.png")),
        "--posted-at", "5 March 2024", "--captured-at", "about March 2024",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    shown = json.loads(cli("evidence", "show", "E-0001", "--json").stdout)
    assert (shown["posted_at"], shown["captured_at"]) == ("2024-03-05", "2024-03~")
    ambiguous = cli("evidence", "edit", "E-0001", "--posted-at", "03/05/2024")
    assert ambiguous.returncode == 1
    assert 'Is "03/05/2024" 3 May or 5 March?' in ambiguous.stderr
    future = cli("evidence", "edit", "E-0001", "--captured-at", "2999")
    assert future.returncode == 1 and "is in the future" in future.stderr
    assert "--posted-at" in cli("evidence", "add", "--help").stdout


def test_an_edited_exhibit_keeps_its_vague_date(vault: Vault, tmp_path: Path) -> None:
    exhibit = add_file(vault, make_png(tmp_path / "a.png"), {"posted_at": "about 2023"}).exhibit
    again = update_details(vault, exhibit.id, {"posted_at": exhibit.posted_at})
    assert again.posted_at == "2023~"


async def test_the_evidence_list_shows_about_dates_whole_in_its_column(
    vault: Vault, tmp_path: Path
) -> None:
    from textual.widgets import DataTable

    from tests.support.pilot import settle, unlock
    from tui.app import ReclaimApp
    from tui.core.settings import Settings

    for index, typed in enumerate(("about 2023", "about March 2024", "about 5 March 2024")):
        colour = ("red", "green", "blue")[index]
        add_file(vault, make_png(tmp_path / f"{index}.png", color=colour), {"captured_at": typed})
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        table = app.screen.query_one(DataTable)
        shown = sorted(str(table.get_row_at(i)[2]) for i in range(table.row_count))
        assert shown == ["~2023", "~2024-03", "~2024-03-05"]
        [captured] = [column for column in table.columns.values() if column.key == "captured"]
        assert captured.width >= len("~2024-03-05")


# ---- 7. names people use ------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "site"),
    [
        ("meta", "meta"),
        ("instagram", "meta"),
        ("Instagram", "meta"),
        ("IG", "meta"),
        ("facebook", "meta"),
        ("fb", "meta"),
        ("threads", "meta"),
        ("twitter", "x"),
        ("X", "x"),
        ("google", "google-search"),
        ("Google Search", "google-search"),
        ("youtube", "youtube"),
        ("pornhub", "adult-sites"),
        ("XVideos", "adult-sites"),
        ("xhamster", "adult-sites"),
        ("onlyfans", "adult-sites"),
        ("StopNCII.org", "stopncii"),
        ("take it down", "take-it-down"),
    ],
)
def test_sites_answer_to_their_names_and_aliases(typed: str, site: str) -> None:
    assert shipped().route(typed).id == site


SITES = """
reviewed = 2026-11-25
source = "pages"
intro = "Ask."
under_18 = "Take It Down."
[[sites]]
id = "one"
name = "One"
kind = "platform"
route = "Report"
how = "Press report."
asks_for = ["the link"]
expect = "An email."
aliases = ["First"]
[[sites]]
id = "two"
name = "Two"
kind = "platform"
route = "Report"
how = "Press report."
asks_for = ["the link"]
expect = "An email."
aliases = ["Second"]
[[hash_services]]
id = "hash"
name = "Hash"
who = "adults"
how = "on the device"
link = "https://example.org/"
"""


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('aliases = ["Second"]', 'aliases = ["first"]', "'first' already names one"),
        ('aliases = ["Second"]', 'aliases = ["O-N-E"]', "'O-N-E' already names one"),
        ('aliases = ["Second"]', 'aliases = ["Hash"]', "already names"),
        ('aliases = ["Second"]', 'aliases = ["--"]', "no letters or digits"),
        ('aliases = ["Second"]', 'aliases = [""]', "aliases should be a list of names"),
        ('aliases = ["Second"]', 'aliases = "Second"', "aliases should be a list"),
    ],
)
def test_the_loader_refuses_an_alias_that_names_two_sites(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    path = tmp_path / "takedowns.toml"
    path.write_text(SITES)
    assert load(path).site("second").id == "two"
    path.write_text(SITES.replace(old, new))
    with pytest.raises(ChecklistError, match=message) as refused:
        load(path)
    assert "takedowns.toml" in str(refused.value)


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


def test_the_cli_takes_the_names_people_use(cli: Cli) -> None:
    for typed in ("instagram", "Instagram", "IG"):
        added = cli("takedown", "add", "--site", typed, "--url", "https://ig.example/p/1")
        assert added.returncode == 0, added.stderr
    records = json.loads(cli("takedown", "list", "--json").stdout)
    assert [r["site"] for r in records] == ["meta", "meta", "meta"]
    unknown = cli("takedown", "add", "--site", "myspace", "--url", "https://m.example/1")
    assert unknown.returncode == 1 and "not a site" in unknown.stderr
    chosen = cli("checklist", "choose", "twitter", "IG")
    assert chosen.returncode == 0, chosen.stderr
    assert chosen.stdout.startswith("X, Instagram: one of your accounts.")
    mine = {r["id"] for r in json.loads(cli("checklist", "list", "--json").stdout) if r["mine"]}
    assert mine == {"x", "instagram"}
    listing = run_reclaim("takedown", "sites")
    assert "also: Facebook, Instagram" in listing.stdout


# ---- 15. exports keep their shape ---------------------------------------------------

TRICKY = "\n".join(
    [
        "It started like this:",
        "1. numbered?",
        "2) and this",
        "- a dash",
        "+ a plus",
        "---",
        "===",
        "* a star",
        "> not a quote",
        "    four spaces in",
        "# not a heading",
        "&amp; &copy; &#38; AT&T",
        "<b>not bold</b> *not em* _nor this_ `not code` [not](a link) | a | pipe |",
        "~~not struck~~ and a back\\slash\\",
        "```",
        "2024. A year to forget",
    ]
)


class Blocks(HTMLParser):
    """The rendered HTML as a browser shows it: (tag, text) blocks, a line break as
    "\n" and a soft break in the source as a space; every tag counted."""

    BLOCK = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "pre", "td", "th"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self.tags: dict[str, int] = {}
        self._open = False
        self._after_break = False

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if tag in self.BLOCK:
            self.blocks.append((tag, ""))
            self._open = True
        elif tag == "br":
            self._add("\n")
            self._after_break = True

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCK:
            self._open = False

    def handle_data(self, data: str) -> None:
        if self._after_break:
            data = data.removeprefix("\n")
        self._after_break = False
        self._add(data.replace("\n", " "))

    def _add(self, text: str) -> None:
        if self.blocks and self._open:
            tag, before = self.blocks[-1]
            self.blocks[-1] = (tag, before + text)


def _rendered(markdown: str, parser: MarkdownIt) -> Blocks:
    found = Blocks()
    found.feed(parser.render(markdown))
    return found


@pytest.mark.parametrize(
    "parser",
    [MarkdownIt("commonmark"), MarkdownIt("commonmark").enable(["table", "strikethrough"])],
    ids=["commonmark", "with-tables"],
)
def test_the_markdown_account_reads_back_as_typed_in_its_place(
    vault: Vault, tmp_path: Path, parser: MarkdownIt
) -> None:
    add_file(vault, make_png(tmp_path / "a.png"))
    add_event(
        vault,
        "5 March 2024",
        "1. numbered *title*",
        details=TRICKY,
        response="I said:\n1. stop\n2. now\n---",
        place="- home",
        evidence=["E-0001"],
    )
    add_event(vault, "about 2023", "Before", details="a line\n===")
    found = _rendered(as_markdown(vault), parser)
    assert found.tags.get("h2") == 2 and found.tags.get("h1") == 1
    for tag in ("ol", "ul", "hr", "pre", "code", "blockquote", "em", "a", "table", "del", "b"):
        assert tag not in found.tags, (tag, found.blocks)
    assert found.tags["strong"] == 4, "only the labels are bold"
    expected_details = "\n".join(line.strip() for line in TRICKY.splitlines())
    assert found.blocks[2:] == [
        ("h2", "about 2023: Before"),
        ("p", "What happened: a line\n==="),
        ("h2", "5 March 2024: 1. numbered *title*"),
        (
            "p",
            "Where: - home\n"
            f"What happened: {expected_details}\n"
            "What I did: I said:\n1. stop\n2. now\n---\n"
            "(see Exhibit E-0001)",
        ),
    ]


def test_a_blank_line_the_person_typed_stays_a_paragraph_break(vault: Vault) -> None:
    add_event(vault, "2024", "Gaps", details="first\n\n    1. second", response="done")
    found = _rendered(as_markdown(vault), MarkdownIt("commonmark"))
    assert found.blocks[-2:] == [
        ("p", "What happened: first"),
        ("p", "1. second\nWhat I did: done"),
    ]
    assert "ol" not in found.tags and "pre" not in found.tags


def test_a_multi_line_detail_stays_one_indented_paragraph_in_docx(
    vault: Vault, tmp_path: Path
) -> None:
    add_event(vault, "5 March 2024", "Posted", details="first line\nsecond line\nthird")
    document = Document(str(export(vault, tmp_path / "account.docx")))
    detail = next(p for p in document.paragraphs if p.text.startswith("What happened: first"))
    assert detail.text == "What happened: first line\nsecond line\nthird"
    indent = detail.paragraph_format
    assert indent.left_indent is not None and indent.left_indent > 0
    assert indent.first_line_indent is not None
    assert indent.first_line_indent == -indent.left_indent, "a hanging indent"


def test_a_letters_bullet_keeps_its_later_lines_inside_it_in_docx(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import UTC, datetime

    import tui.core.takedowns.letters

    monkeypatch.setattr(
        tui.core.takedowns.letters, "utc_now", lambda: datetime(2026, 11, 25, 12, tzinfo=UTC)
    )
    save_facts(
        vault, name="Zoë", contact="zoe@example.org", signature="Zoë", no_consent=True,
        recipient="Alex Doe", respond_by="2026-12-09",
    )  # fmt: skip
    event = add_event(
        vault, "12 March 2024", "Alex posted the pictures",
        details="Three posts.\n\nAll deleted a day later.\n1. not a list",
    )  # fmt: skip
    assert get_event(vault, event.id).details.endswith("not a list")
    letter = draft_cease_desist(vault)
    assert (
        "- 12 March 2024: Alex posted the pictures\n  Three posts.\n  \n"
        "  All deleted a day later.\n  1. not a list\n" in letter.text
    )
    path = export_letter(vault, letter, letter.text, tmp_path / "letter.docx")
    bullets = [
        p for p in Document(str(path)).paragraphs if p.style and p.style.name == "List Bullet"
    ]
    assert bullets[0].text == (
        "12 March 2024: Alex posted the pictures\nThree posts.\n\n"
        "All deleted a day later.\n1. not a list"
    )
    assert len(bullets) == 1 + len(DEFAULT_DEMANDS), "the event, then each demand"
    assert blocks("- a\n  b\n\nplain") == [(True, ["a", "b"]), (False, [""]), (False, ["plain"])]
