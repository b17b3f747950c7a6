"""The timeline: forgiving dates kept at their precision and sorted by a stated rule,
events with witnesses and evidence, edits, and the exported account."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests.support.cases import PASSPHRASE, vault_bytes
from tests.support.pictures import make_png
from tui.core.evidence.adding import add_file
from tui.core.shared.errors import InputError, NotFound
from tui.core.shared.fuzzy_dates import When
from tui.core.timeline.events import (
    add_event,
    as_records,
    get_event,
    list_events,
    list_people,
    remove_event,
    save_person,
    update_event,
)
from tui.core.timeline.written_account import as_markdown, as_text, export
from tui.core.vault import custody
from tui.core.vault.vault import Vault


@pytest.mark.parametrize(
    ("typed", "stored", "shown"),
    [
        ("5 March 2024", "2024-03-05", "5 March 2024"),
        ("March 5, 2024", "2024-03-05", "5 March 2024"),
        ("5th Mar 2024 at 21:14", "2024-03-05T21:14", "5 March 2024, 21:14"),
        ("2024-03-05 21:14", "2024-03-05T21:14", "5 March 2024, 21:14"),
        ("2024-03-05", "2024-03-05", "5 March 2024"),
        ("2024-03", "2024-03", "March 2024"),
        ("March 2024", "2024-03", "March 2024"),
        ("2023", "2023", "2023"),
        ("about 2023", "~2023", "about 2023"),
        ("around March 2024", "~2024-03", "about March 2024"),
        ("25/03/2024", "2024-03-25", "25 March 2024"),
        ("05/05/2024", "2024-05-05", "5 May 2024"),
    ],
)
def test_dates_are_read_forgivingly_and_kept_at_their_precision(typed, stored, shown):
    when = When.parse(typed)
    assert when.stored() == stored and when.text() == shown
    assert When.from_stored(stored) == when


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("03/05/2024", 'Is "03/05/2024" 3 May or 5 March?'),
        ("2024-02-30", "not a real date"),
        ("2024-03-05 25:00", "not a real date or time"),
        ("31 April 2024", "not a real date"),
        ("5 Marc 2024", '"marc" is not a month'),
        ("last spring", "is not a date Reclaim can read"),
        ("2099", "is in the future"),
        ("", "When did it happen?"),
        ("1066", "too long ago"),
    ],
)
def test_impossible_or_ambiguous_dates_are_asked_back(typed, message):
    with pytest.raises(InputError, match=message):
        When.parse(typed)


def test_mixed_precisions_sort_by_start_with_the_wider_period_first():
    typed = [
        "2024-03-05",
        "about 2024-03",
        "2024",
        "2024-03-01 09:00",
        "March 2024",
        "2024-03-01",
        "about 2023",
        "2023-12-31 23:59",
        "2024-02",
    ]
    ordered = sorted((When.parse(t) for t in typed), key=When.sort_key)
    assert [w.stored() for w in ordered] == [
        "~2023",
        "2023-12-31T23:59",
        "2024",
        "2024-02",
        "2024-03",
        "~2024-03",
        "2024-03-01",
        "2024-03-01T09:00",
        "2024-03-05",
    ]


def test_events_come_back_in_time_order_whatever_order_they_were_added(vault: Vault):
    add_event(vault, "2024-03-05 21:14", "The post")
    add_event(vault, "March 2024", "Threats all month")
    add_event(vault, "about 2023", "Photos taken")
    add_event(vault, "2024-03-05", "That day")
    add_event(vault, "2024-03-05", "Later the same day")
    assert [e.title for e in list_events(vault)] == [
        "Photos taken",
        "Threats all month",
        "That day",
        "Later the same day",
        "The post",
    ]


def test_witnesses_are_kept_once_and_linked_by_id(vault: Vault, tmp_path: Path):
    add_file(vault, make_png(tmp_path / "a.png"))
    save_person(vault, "Sam Okafor", "sam@example.org", "friend")
    first = add_event(vault, "2024-03", "Threats", witnesses=["sam  okafor"], evidence=["e1"])
    second = add_event(vault, "2024-03-05", "Post", witnesses=["Sam Okafor", "Dana"])
    people = list_people(vault)
    assert [(p.id, p.name) for p in people] == [("P-001", "Sam Okafor"), ("P-002", "Dana")]
    assert first.witnesses == ["P-001"] and first.evidence == ["E-0001"]
    assert second.witnesses == ["P-001", "P-002"]
    save_person(vault, "Sam Okafor", "07700 900123")
    assert list_people(vault)[0].contact == "07700 900123", "updated in one place"
    assert as_records(vault)[1]["witnesses"] == ["Sam Okafor", "Dana"]


def test_unknown_evidence_or_a_missing_title_changes_nothing(vault: Vault):
    before = vault_bytes(vault.path)
    with pytest.raises(NotFound, match="no exhibit E-0007"):
        add_event(vault, "2024-03", "Threats", evidence=["E-0007"], witnesses=["Sam"])
    with pytest.raises(InputError, match="short title"):
        add_event(vault, "2024-03", "  ")
    with pytest.raises(InputError, match="3 May or 5 March"):
        add_event(vault, "03/05/2024", "Post")
    assert vault_bytes(vault.path) == before
    assert list_people(vault) == []


def test_edits_change_only_what_is_given_and_are_logged(vault: Vault):
    event = add_event(vault, "2024-03", "Threats", details="DMs", witnesses=["Sam"])
    changed = update_event(vault, event.id, when="2 March 2024", response="Told Sam")
    assert (changed.when, changed.details, changed.response) == ("2024-03-02", "DMs", "Told Sam")
    assert changed.witnesses == ["P-001"]
    cleared = update_event(vault, "t-1", witnesses=[], details="")
    assert cleared.witnesses == [] and cleared.details == ""
    with pytest.raises(InputError, match="needs a title"):
        update_event(vault, event.id, title="")
    removed = remove_event(vault, "T-0001")
    assert removed.id == "T-0001" and list_events(vault) == []
    with pytest.raises(NotFound):
        get_event(vault, "T-0001")
    actions = [e["action"] for e in custody.entries(vault.table(custody.TABLE))]
    assert actions == ["event added", "event changed", "event changed", "event removed"]
    with Vault.open(vault.path, passphrase=PASSPHRASE) as reopened:
        assert list_people(reopened)[0].name == "Sam", "people stay for other events"


def _sample(vault: Vault, tmp_path: Path) -> None:
    add_file(vault, make_png(tmp_path / "a.png"))
    save_person(vault, "Zoë Ångström", "zoe@example.org", "friend")
    add_event(
        vault,
        "2024-03-05 21:14",
        "The photo was posted",
        details="alex_r posted it *publicly*",
        response="I saved it",
        place="Instagram",
        witnesses=["Zoë Ångström"],
        evidence=["E-0001"],
    )
    add_event(vault, "about 2023", "Photos taken")


def test_the_account_reads_in_order_with_exhibit_references(vault: Vault, tmp_path: Path):
    _sample(vault, tmp_path)
    text = as_text(vault)
    assert text.index("about 2023: Photos taken") < text.index(
        "5 March 2024, 21:14: The photo was posted"
    )
    assert "Who can confirm it: Zoë Ångström (friend)" in text
    assert "(see Exhibit E-0001)" in text
    assert "- Zoë Ångström (friend): zoe@example.org" in text
    markdown = as_markdown(vault)
    assert "## 5 March 2024, 21:14: The photo was posted" in markdown
    assert r"alex\_r posted it \*publicly\*" in markdown


@pytest.mark.parametrize("suffix", ["md", "txt", "docx"])
def test_exports_are_private_files_and_logged(vault: Vault, tmp_path: Path, suffix: str):
    _sample(vault, tmp_path)
    target = export(vault, tmp_path / f"account.{suffix}")
    assert target.stat().st_mode & 0o777 == 0o600
    data = target.read_bytes()
    if suffix == "docx":
        from docx import Document

        document = Document(str(target))
        paragraphs = [p.text for p in document.paragraphs]
        assert "5 March 2024, 21:14: The photo was posted" in paragraphs
        assert "Who can confirm it: Zoë Ångström (friend)" in paragraphs
        assert zipfile.is_zipfile(target)
    else:
        assert "(see Exhibit E-0001)" in data.decode()
    entry = custody.entries(vault.table(custody.TABLE))[-1]
    assert entry["action"] == "timeline export"
    assert entry["details"]["destination"] == str(target)
    assert list(tmp_path.glob("*.part")) == list(tmp_path.glob(".*.tmp")) == []


def test_an_export_refuses_other_formats_and_existing_files(vault: Vault, tmp_path: Path):
    _sample(vault, tmp_path)
    with pytest.raises(InputError, match=r"\.md, \.txt or \.docx"):
        export(vault, tmp_path / "account.pdf")
    (tmp_path / "taken.md").write_text("mine")
    with pytest.raises(InputError, match="already exists"):
        export(vault, tmp_path / "taken.md")
    assert (tmp_path / "taken.md").read_text() == "mine"
    with pytest.raises(InputError, match="no folder"):
        export(vault, tmp_path / "missing" / "a.md")


def test_records_for_json_have_the_documented_fields(vault: Vault, tmp_path: Path):
    _sample(vault, tmp_path)
    records = as_records(vault)
    assert [r["id"] for r in records] == ["T-0002", "T-0001"]
    assert set(records[1]) >= {"id", "when", "title", "details", "response", "witnesses"}
    assert records[1]["evidence"] == ["E-0001"]
    assert json.loads(json.dumps(records, ensure_ascii=False)) == records
