"""Plain mode's newer parts, walked in this process with scripted answers: changing and
deleting a timeline event, checking and restoring a copy (never over the open case),
where the person lives and the documents' language, a declaration, the binder's and the
copies' own menus, and a lock in the middle of a form that keeps what was typed."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.plain.test_walk import EVIDENCE, TIMELINE, Typed, walk
from tests.support.cases import FAST_KDF, PASSPHRASE
from tui.core.binder.documents_language import chosen
from tui.core.copies.backup import make_backup
from tui.core.copies.register import list_copies
from tui.core.declarations.drafting import get_facts_for
from tui.core.declarations.kinds import PLAIN
from tui.core.evidence.adding import add_file
from tui.core.evidence.model import list_exhibits
from tui.core.places.case_place import stored
from tui.core.settings import Settings
from tui.core.shared import clock
from tui.core.timeline.events import add_event, list_events
from tui.core.vault.vault import Vault
from tui.plain import copies, declaration, place, prompt, timeline
from tui.plain.walk import LOCKED, LOCKED_IDLE, run_plain

#: Main menu numbers of the steps these tests walk.
COPIES, BINDER, PLACE = "5", "7", "9"


@pytest.fixture
def case(tmp_path: Path) -> Path:
    path = tmp_path / "case"
    Vault.create(path, PASSPHRASE, FAST_KDF)[0].close()
    return path


@pytest.fixture
def with_event(case: Path) -> Path:
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        add_event(vault, "5 March 2024", "They posted my pictures", details="On a forum")
    return case


@pytest.fixture
def with_exhibit(case: Path, tmp_path: Path) -> Path:
    message = tmp_path / "message.txt"
    message.write_text("You will regret this.\n")
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        add_file(vault, message, {"description": "A threatening message"})
    return case


# ---- the timeline ----------------------------------------------------------------------


def test_an_event_is_changed_part_by_part_and_enter_keeps_the_rest(with_event: Path) -> None:
    # when: 6 March 2024; title: kept; details: new; response: new; place: kept.
    answers = ["6 March 2024", "", "On a forum, under my name", "I reported it", ""]
    status, said = walk(with_event, [PASSPHRASE, TIMELINE, "3", "1", *answers, "quit"])
    assert status == 0
    assert "1. T-0001, 5 March 2024: They posted my pictures." in said
    assert "Now: On a forum." in said  # what it says now, before each question
    assert "Event T-0001 is saved with your changes." in said
    with Vault.open(with_event, passphrase=PASSPHRASE) as vault:
        (event,) = list_events(vault)
    assert (event.when, event.title) == ("2024-03-06", "They posted my pictures")
    assert (event.details, event.response) == ("On a forum, under my name", "I reported it")


def test_one_choice_is_said_as_one(with_event: Path) -> None:
    _, said = walk(with_event, [PASSPHRASE, TIMELINE, "3", "2", "1", "", "", "", "", "", "quit"])
    assert said.count(_text(prompt.CHOOSE_ONE)) == 2
    assert _text(prompt.NOT_THE_ONE) in said
    assert "from 1 to 1," not in said and "from 1 to 1." not in said


def test_enter_alone_everywhere_changes_nothing(with_event: Path) -> None:
    _, said = walk(with_event, [PASSPHRASE, TIMELINE, "3", "1", "", "", "", "", "", "quit"])
    assert _text(timeline.UNCHANGED).format(id="T-0001") in said


def test_a_bad_date_in_a_change_is_asked_again(with_event: Path) -> None:
    lines = [PASSPHRASE, TIMELINE, "3", "1", "the 32nd of Smarch", "2023", "", "", "", ""]
    _, said = walk(with_event, [*lines, "quit"])
    assert said.count("When did it happen?") == 2
    with Vault.open(with_event, passphrase=PASSPHRASE) as vault:
        assert list_events(vault)[0].when == "2023"


def test_deleting_an_event_asks_first(with_event: Path) -> None:
    lines = [PASSPHRASE, TIMELINE, "4", "1", "no", "4", "1", "yes", "2", "quit"]
    status, said = walk(with_event, lines)
    assert status == 0
    assert said.count("Delete event T-0001, They posted my pictures?") == 2
    assert "Event T-0001 is kept as it was." in said
    assert "Event T-0001 is deleted." in said
    assert said.rstrip().count("There are no events yet.") == 1  # heard after
    with Vault.open(with_event, passphrase=PASSPHRASE) as vault:
        assert list_events(vault) == []


def test_changing_with_no_events_says_so(case: Path) -> None:
    _, said = walk(case, [PASSPHRASE, TIMELINE, "3", "4", "quit"])
    assert said.count("There are no events yet.") == 2


# ---- copies ----------------------------------------------------------------------------


def test_a_copy_is_checked_and_the_register_notes_it(with_exhibit: Path, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    with Vault.open(with_exhibit, passphrase=PASSPHRASE) as vault:
        made = make_backup(vault, usb)
    status, said = walk(with_exhibit, [PASSPHRASE, COPIES, "2", "1", "4", "quit"])
    assert status == 0
    assert f"1. C-01, backup, at {made.folder}: up to date." in said
    assert f"2. {copies.ANOTHER}" in said
    assert f"The copy at {made.folder} is whole: every file and 1 exhibit match." in said
    with Vault.open(with_exhibit, passphrase=PASSPHRASE) as vault:
        (copy,) = list_copies(vault)
    assert copy.last_verified_at


def test_a_copy_of_a_case_with_no_evidence_yet_is_said_whole(case: Path, tmp_path: Path) -> None:
    (tmp_path / "usb").mkdir()
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        made = make_backup(vault, tmp_path / "usb")
    _, said = walk(case, [PASSPHRASE, COPIES, "2", "1", "quit"])
    assert _text(copies.WHOLE_NO_EVIDENCE).format(folder=made.folder) in said
    assert "0 exhibits" not in said


def test_a_damaged_copy_is_said_not_whole(with_exhibit: Path, tmp_path: Path) -> None:
    (tmp_path / "usb").mkdir()
    with Vault.open(with_exhibit, passphrase=PASSPHRASE) as vault:
        made = make_backup(vault, tmp_path / "usb")
    blob = next((made.folder / "blobs").iterdir())
    blob.write_bytes(b"not what was there")
    _, said = walk(with_exhibit, [PASSPHRASE, COPIES, "2", "2", str(tmp_path / "usb"), "quit"])
    assert f"The copy at {made.folder} is not whole:" in said
    assert _text(copies.MAKE_NEW) in said
    with Vault.open(with_exhibit, passphrase=PASSPHRASE) as vault:
        assert list_copies(vault)[0].check_failed_at


def test_restore_says_where_the_case_goes_and_asks_first(
    with_exhibit: Path, tmp_path: Path
) -> None:
    (tmp_path / "usb").mkdir()
    with Vault.open(with_exhibit, passphrase=PASSPHRASE) as vault:
        make_backup(vault, tmp_path / "usb")
    restored = tmp_path / "case-restored"
    lines = [PASSPHRASE, COPIES, "3", str(tmp_path / "usb"), "yes", PASSPHRASE, "quit"]
    status, said = walk(with_exhibit, lines)
    assert status == 0
    question = _text(copies.GOES_TO).format(folder=restored)
    assert question in said
    assert "The case open now stays as it is." in question  # one plain question, said first
    assert f"The case is restored in {restored}, and every piece of evidence matched." in said
    assert _text(copies.STILL_OPEN) in said
    with Vault.open(restored, passphrase=PASSPHRASE) as vault:
        assert [e.description for e in list_exhibits(vault)] == ["A threatening message"]
    with Vault.open(with_exhibit, passphrase=PASSPHRASE) as vault:
        assert len(list_exhibits(vault)) == 1  # the open case is as it was


def test_restore_never_writes_over_the_open_case(with_exhibit: Path, tmp_path: Path) -> None:
    (tmp_path / "usb").mkdir()
    with Vault.open(with_exhibit, passphrase=PASSPHRASE) as vault:
        make_backup(vault, tmp_path / "usb")
        add_event(vault, "2024", "Only in the open case")
    other = tmp_path / "elsewhere"
    # No to the folder offered; the open case's own folder typed instead, then a folder
    # that is not empty: each refused before the passphrase is asked.
    lines = [PASSPHRASE, COPIES, "3", str(tmp_path / "usb"), "no", str(with_exhibit)]
    lines += [str(tmp_path / "usb"), str(other), "yes", PASSPHRASE]
    status, said = walk(with_exhibit, [*lines, "quit"])
    assert status == 0
    assert _text(copies.OPEN_CASE_FOLDER) in said
    assert _text(copies.NOT_EMPTY).format(folder=tmp_path / "usb") in said
    assert _text(copies.GOES_TO).format(folder=with_exhibit) not in said
    assert said.count(_text(copies.NEW_FOLDER)) == 3
    assert said.count(_text(copies.COPY_PASSPHRASE)) == 1
    assert said.count(_text(copies.STILL_OPEN)) == 1
    with Vault.open(with_exhibit, passphrase=PASSPHRASE) as vault:
        assert [e.title for e in list_events(vault)] == ["Only in the open case"]
    with Vault.open(other, passphrase=PASSPHRASE) as vault:
        assert list_events(vault) == []  # the copy's case, as it was when copied


def test_restore_with_a_wrong_passphrase_makes_nothing(with_exhibit: Path, tmp_path: Path) -> None:
    (tmp_path / "usb").mkdir()
    with Vault.open(with_exhibit, passphrase=PASSPHRASE) as vault:
        make_backup(vault, tmp_path / "usb")
    lines = [PASSPHRASE, COPIES, "3", str(tmp_path / "usb"), "yes", "not it at all", "quit"]
    status, said = walk(with_exhibit, lines)
    assert status == 0
    assert "Traceback" not in said
    assert _text(copies.STILL_OPEN) in said
    assert not (tmp_path / "case-restored").exists()


def test_back_at_the_copies_menu_goes_to_the_main_menu(case: Path) -> None:
    _, said = walk(case, [PASSPHRASE, COPIES, "back", BINDER, "back", "quit"])
    after_copies = said.split("Copies: keep a safe copy", 1)[1]
    assert "1. Make a new copy" in after_copies
    assert after_copies.index("What would you like to do?") < after_copies.index("Main menu.")
    assert "1. Make the binder" in after_copies
    assert "2. Draft a declaration you can sign" in after_copies


# ---- where the person lives, and the documents' language ---------------------------------


def test_where_you_live_and_the_documents_language_are_chosen(case: Path) -> None:
    number = {p.code: str(i) for i, p in enumerate(place.listed_places(), 1)}
    lines = [PASSPHRASE, PLACE, "1", number["ca"], "2", "4", "quit"]  # Canada; French
    status, said = walk(case, lines)
    assert status == 0
    assert "Where you live now: not chosen yet." in said
    assert "Where you live: Canada. Deadlines and next steps follow it." in said
    assert "1. The one that suits where you live: English" in said
    assert "Your documents will be written in French." in said
    assert "Where you live now: Canada." in said.split("Deadlines and next steps", 1)[1]
    assert "1. The one that suits where you live: English (chosen now)" in said
    lines = [PASSPHRASE, PLACE, "1", "back", "2", "back", "back", "quit"]
    _, said = walk(case, lines)  # the list says which is the case's now
    assert f"{number['ca']}. Canada (chosen now)" in said
    assert "4. French (chosen now)" in said
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        assert (stored(vault), chosen(vault)) == ("ca", "fr")


def test_i_would_rather_not_say_is_a_choice(case: Path) -> None:
    lines = [PASSPHRASE, PLACE, "1", str(len(place.listed_places()) + 1), "2", "1", "quit"]
    _, said = walk(case, lines)
    assert _text(place.NOT_SAID_LABEL) in said
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        assert (stored(vault), chosen(vault)) == ("none", "")


@pytest.mark.parametrize("answer", ["gb", "back"])
def test_a_new_case_is_asked_where_the_person_lives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    from tui.core.vault import keys
    from tui.plain import case as plain_case

    monkeypatch.setattr(keys, "calibrate", lambda *a, **k: FAST_KDF)
    monkeypatch.setattr(plain_case, "confirm_code", lambda prompter, code: None)
    number = {p.code: str(i) for i, p in enumerate(place.listed_places(), 1)}
    made = tmp_path / "new"
    lines = ["1", PASSPHRASE, PASSPHRASE, "no", number.get(answer, answer), "quit"]
    status, said = walk(made, lines)
    assert status == 0
    assert "Where do you live?" in said.split("Here is your recovery code.", 1)[1]
    assert (_text(place.LATER) in said) == (answer == "back")
    with Vault.open(made, passphrase=PASSPHRASE) as vault:
        # back: not said (general advice), never '' (a case made before Reclaim asked,
        # read as the United States)
        assert stored(vault) == ("gb" if answer == "gb" else "none")


# ---- a declaration -----------------------------------------------------------------------


def test_a_declaration_asks_what_it_needs_and_is_read_out(with_exhibit: Path) -> None:
    # The plain statement (no place kept, so no one form of a place): the name, then
    # where E-0001 came from (the person this happened to; a screenshot).
    lines = [PASSPHRASE, BINDER, "2", "Sam Doe", "1", "1", "", "quit"]
    status, said = walk(with_exhibit, lines)
    assert status == 0
    assert f"Reclaim drafts this form: {PLAIN.title} ({PLAIN.law})." in said
    assert "Where did exhibit E-0001 come from? It is message.txt. A threatening message." in said
    text = said.split("The declaration starts here.", 1)[1].split("The declaration ends here.")[0]
    with Vault.open(with_exhibit, passphrase=PASSPHRASE) as vault:
        (exhibit,) = list_exhibits(vault)
        assert get_facts_for(vault).name == "Sam Doe"
    assert exhibit.sha256 in text and "Sam Doe" in text
    assert (exhibit.provenance["role"], exhibit.provenance["how"]) == ("self", "screenshot")


def test_a_declaration_is_saved_where_the_person_says(with_exhibit: Path, tmp_path: Path) -> None:
    number = {p.code: str(i) for i, p in enumerate(place.listed_places(), 1)}
    out = tmp_path / "declaration.txt"
    lines = [PASSPHRASE, PLACE, "1", number["au"], "back"]
    # Australia's form also prints an address and an occupation; an age is not asked.
    lines += [BINDER, "2", "Sam Doe", "1 High St, Perth WA", "Nurse", "2", "6", "Alex"]
    lines += [str(out), "quit"]
    status, said = walk(with_exhibit, lines)
    assert status == 0
    assert _text(declaration.SAVED).format(path=out) in said
    assert "Sam Doe" in out.read_text() and "Nurse" in out.read_text()
    with Vault.open(with_exhibit, passphrase=PASSPHRASE) as vault:
        (exhibit,) = list_exhibits(vault)
    assert exhibit.provenance["from_whom"] == "Alex"  # received: who sent it is asked


def test_a_declaration_signed_in_english_has_a_copy_to_read_beside_it(
    with_exhibit: Path, tmp_path: Path
) -> None:
    """A US form is signed in English; documents chosen in Spanish get a copy to read."""
    number = {p.code: str(i) for i, p in enumerate(place.listed_places(), 1)}
    out = tmp_path / "declaration.txt"
    lines = [PASSPHRASE, PLACE, "1", number["us"], "2", "3", "back"]  # the US; Spanish
    lines += [BINDER, "2", "Sam Doe", "1", "1", str(out), "quit"]
    status, said = walk(with_exhibit, lines)
    assert status == 0
    beside = tmp_path / "declaration.copy-to-read.txt"
    assert f"Saved a copy to read to {beside}: it is not signed." in said
    assert "The declaration to sign is in English" in said
    assert "I declare under penalty of perjury" in out.read_text()
    assert "Sam Doe" in beside.read_text() and beside.read_text() != out.read_text()


def test_a_declaration_with_no_evidence_says_what_to_do(case: Path) -> None:
    _, said = walk(case, [PASSPHRASE, BINDER, "2", "quit"])
    assert _text(declaration.NO_EXHIBITS) in said
    assert "Type your full name" not in said  # said before anything is asked


def test_a_uk_age_written_another_way_is_asked_again(with_exhibit: Path) -> None:
    number = {p.code: str(i) for i, p in enumerate(place.listed_places(), 1)}
    lines = [PASSPHRASE, PLACE, "1", number["gb-eng"], "back", BINDER, "2", "Sam Doe"]
    lines += ["grown up", "over 18", "1", "1", "", "quit"]
    _, said = walk(with_exhibit, lines)
    assert 'Give your age as "over 18" or as a number, like 16.' in said
    assert "The declaration starts here." in said


# ---- a lock in the middle of a form ----------------------------------------------------


def test_a_lock_in_the_middle_of_a_form_keeps_what_was_typed(case: Path, tmp_path: Path) -> None:
    picture = tmp_path / "shot.txt"
    picture.write_text("a message\n")
    lines = [PASSPHRASE, EVIDENCE, "1", str(picture), "a screenshot", "lock", PASSPHRASE]
    lines += ["Instagram", "", "", "", "", "", "quit"]  # the rest of the form, after it
    status, said = walk(case, lines)
    assert status == 0
    assert _text(prompt.KEPT_AT_LOCK) in said.split(LOCKED, 1)[1]
    back = said.split(_text(prompt.BACK_WHERE_YOU_WERE), 1)[1]
    assert back.lstrip().startswith("Which site or app was it on?")  # the question it was at
    assert "Type the full path of the file" not in back  # not asked again
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        (exhibit,) = list_exhibits(vault)
    assert (exhibit.description, exhibit.platform) == ("a screenshot", "Instagram")


def test_an_idle_lock_in_a_change_comes_back_to_it(with_event: Path) -> None:
    with clock.fixed(datetime(2026, 12, 7, 9, 0, tzinfo=UTC)) as fixed:
        lines = [PASSPHRASE, TIMELINE, "3", "1", "2023", "New title", "late", PASSPHRASE]
        typed = Typed([*lines, "", "", "", "quit"], fixed)
        typed.waits[6] = 11 * 60  # "late" comes after the idle time: not used
        out = io.StringIO()
        assert run_plain(with_event, Settings(idle_minutes=10), typed, out) == 0
    said = out.getvalue()
    assert LOCKED_IDLE in said and _text(prompt.KEPT_AT_LOCK) in said
    back = said.split(_text(prompt.BACK_WHERE_YOU_WERE), 1)[1]
    assert back.lstrip().startswith("Now: On a forum.")
    with Vault.open(with_event, passphrase=PASSPHRASE) as vault:
        (event,) = list_events(vault)
    assert (event.when, event.title, event.details) == ("2023", "New title", "On a forum")


def test_a_lock_in_a_declaration_comes_back_to_the_question_it_was_at(
    with_exhibit: Path,
) -> None:
    lines = [PASSPHRASE, BINDER, "2", "Sam Doe", "1", "lock", PASSPHRASE, "1", "", "quit"]
    status, said = walk(with_exhibit, lines)
    assert status == 0
    back = said.split(_text(prompt.BACK_WHERE_YOU_WERE), 1)[1]
    assert back.lstrip().startswith("How was it captured?")
    assert "The declaration starts here." in back
    with Vault.open(with_exhibit, passphrase=PASSPHRASE) as vault:
        (exhibit,) = list_exhibits(vault)
    assert (exhibit.provenance["role"], exhibit.provenance["how"]) == ("self", "screenshot")


def test_quit_while_locked_with_something_kept_asks_first(case: Path) -> None:
    lines = [PASSPHRASE, TIMELINE, "1", "2024", "lock", "quit", "no", PASSPHRASE]
    lines += ["It happened", "", "quit"]
    status, said = walk(case, lines)
    assert status == 0
    assert said.count(_text(prompt.UNSAVED)) == 1  # at the passphrase question
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        (event,) = list_events(vault)
    assert (event.when, event.title) == ("2024", "It happened")


def test_a_lock_outside_a_form_keeps_nothing(case: Path) -> None:
    _, said = walk(case, [PASSPHRASE, TIMELINE, "lock", PASSPHRASE, "quit"])
    assert _text(prompt.KEPT_AT_LOCK) not in said
    assert _text(prompt.BACK_WHERE_YOU_WERE) not in said


def test_a_passphrase_is_never_kept_at_a_lock() -> None:
    """Restore's passphrase is asked again after the unlock, not answered from memory."""
    asking = prompt.Prompter(io.StringIO(), io.StringIO())
    asking.trail = [("q", "a"), ("secret", None)]
    with pytest.raises(prompt.Locked), asking.form():
        raise prompt.Locked
    assert asking.at_lock()
    asking.start_over()
    asking.input = io.StringIO("typed again\n")
    assert asking._line("q") == "a"
    assert asking._line("secret", secret=True) == "typed again"
    assert asking.trail == [("q", "a"), ("secret", None)]


def _text(message: str) -> str:
    return message  # English: the tests run in English (tests/conftest.py)


def test_a_copy_made_with_discreet_mode_in_the_settings_has_a_neutral_folder(
    with_exhibit: Path, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    typed = Typed([PASSPHRASE, COPIES, "1", str(usb), "quit"])
    out = io.StringIO()
    assert run_plain(with_exhibit, Settings(idle_minutes=10, discreet=True), typed, out) == 0
    (folder,) = usb.iterdir()
    assert folder.name.startswith("notes-") and "reclaim" not in folder.name
