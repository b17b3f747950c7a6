"""Reading the words in a screenshot: the details it fills as guesses "read from the
picture" (never over what the person typed), what it shows and does not, finding a word
that is only in a picture, the setting that turns reading off, and a damaged picture
said while the others are read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.evidence.reading.drawn import lines_picture
from tui.core.evidence import completeness
from tui.core.evidence.changes import update_details
from tui.core.evidence.intake import add_many
from tui.core.evidence.model import get_exhibit
from tui.core.evidence.reading import engine as engines
from tui.core.evidence.reading import (
    read_exhibit,
    reading_of,
    search,
    set_reading,
    unread_exhibits,
    what_it_shows,
)
from tui.core.evidence.reading.read import ReadingOff
from tui.core.vault.vault import Vault

POST = ["@jordan_m_1987", "5 March 2024 21:14", "https://instagram.com/p/Cx9dkL2"]


def add(vault: Vault, path: Path, data: bytes) -> str:
    path.write_bytes(data)
    result = add_many(vault, [path])
    assert not result.problems, result.problems
    return result.added[0].id


def test_a_screenshot_fills_empty_details_as_guesses_read_from_the_picture(
    recogniser, vault: Vault, tmp_path: Path
):
    exhibit_id = add(vault, tmp_path / "shot.png", lines_picture(POST))
    before = completeness.assess(get_exhibit(vault, exhibit_id))
    reading = read_exhibit(vault, exhibit_id)
    exhibit = get_exhibit(vault, exhibit_id)
    assert exhibit.poster == "@jordan_m_1987"
    assert exhibit.posted_at == "2024-03-05T21:14"
    assert exhibit.url == "https://instagram.com/p/Cx9dkL2"
    for name in ("poster", "posted_at", "url"):
        assert exhibit.guesses[name] == "picture"
    assert "words read from the picture" in completeness.hint(exhibit)
    # Guesses count once the person confirms them.
    guessed = completeness.assess(exhibit)
    assert guessed.done == before.done and {"poster", "posted_at", "url"} <= set(guessed.guessed)
    update_details(vault, exhibit_id, {}, confirm=["poster", "posted_at", "url"])
    assert completeness.assess(get_exhibit(vault, exhibit_id)).done == before.done + 3
    # The words and their boxes are kept in the exhibit's record, nowhere else.
    kept = reading_of(get_exhibit(vault, exhibit_id).to_record())
    assert kept == reading
    (picture,) = kept.pictures
    assert (picture.source, picture.width) == ("picture", 640)
    handle = next(line for line in picture.lines if line.text == "@jordan_m_1987")
    x0, y0, x1, y1 = handle.box
    assert 10 <= x0 < 30 and 10 <= y0 < 30 and 200 < x1 < 320 and 40 < y1 < 70
    assert not any(
        b"jordan" in path.read_bytes() for path in vault.path.rglob("*") if path.is_file()
    )


def test_what_the_person_typed_is_never_overwritten(recogniser, vault: Vault, tmp_path: Path):
    exhibit_id = add(vault, tmp_path / "shot.png", lines_picture(POST))
    update_details(vault, exhibit_id, {"poster": "Jordan M."})
    read_exhibit(vault, exhibit_id)
    exhibit = get_exhibit(vault, exhibit_id)
    assert exhibit.poster == "Jordan M." and "poster" not in exhibit.guesses
    assert exhibit.url == "https://instagram.com/p/Cx9dkL2"


def test_evidence_show_says_what_the_picture_shows_and_does_not(
    recogniser, cli, vault: Vault, tmp_path: Path
):
    shot = tmp_path / "shot.png"
    shot.write_bytes(lines_picture(POST))
    assert cli("evidence", "add", str(shot)).returncode == 0
    before = cli("evidence", "show", "E-0001").stdout
    assert "not read yet (reclaim evidence read E-0001)" in before
    done = cli("evidence", "read")
    assert done.returncode == 0, done.stderr
    assert "1 of 1: E-0001: 3 lines read." in done.stdout
    shown = cli("evidence", "show", "E-0001").stdout
    assert (
        "The picture shows a username (@jordan_m_1987), a posting time (5 March 2024 21:14) "
        "and a web address; it does not show a caption or comment and the date the "
        "screenshot was taken."
    ) in " ".join(shown.split())
    assert "recognised by machine" in shown and "'engine'" not in shown
    assert cli("evidence", "read").stdout.startswith("The words in every picture")


def test_search_finds_a_word_that_is_only_in_a_picture(
    recogniser, cli, vault: Vault, tmp_path: Path
):
    first = add(vault, tmp_path / "a.png", lines_picture(["Ça va, garçon ?", "see you at 9"]))
    add(vault, tmp_path / "b.png", lines_picture(["nothing here"]))
    update_details(vault, first, {"notes": "The garage chat"})
    assert search(vault, "garcon") == []  # not read yet: only the details are searched
    read_exhibit(vault, first)
    hits = search(vault, "GARCON")
    # Found in the picture, and in the caption it filled (a guess read from it).
    assert [(hit.exhibit_id, hit.where) for hit in hits] == [
        (first, "details"),
        (first, "picture"),
    ]
    assert "garçon" in hits[1].text and get_exhibit(vault, first).guesses["caption"] == "picture"
    found = cli("evidence", "search", "garçon").stdout.splitlines()
    assert f"{first}  in the picture: Ça va, garçon ?" in found
    as_json = json.loads(cli("evidence", "search", "see you", "--json").stdout)
    assert as_json == [{"exhibit": first, "where": "picture", "line": "see you at 9"}]
    assert "No exhibit holds" in cli("evidence", "search", "zebra").stdout


def test_reading_turned_off_reads_nothing(cli, vault: Vault, tmp_path: Path):
    add(vault, tmp_path / "shot.png", lines_picture(POST))
    assert "read_pictures: on" in cli("settings").stdout
    assert cli("settings", "read_pictures", "off").returncode == 0
    assert unread_exhibits(vault) == []
    with pytest.raises(ReadingOff):
        read_exhibit(vault, "E-0001")
    refused = cli("evidence", "read")
    assert refused.returncode == 1 and "turned off" in refused.stderr
    exhibit = get_exhibit(vault, "E-0001")
    assert reading_of(exhibit.extra) is None and exhibit.poster == ""
    assert "read_pictures: off" in cli("settings").stdout
    set_reading(vault, True)
    assert unread_exhibits(vault) == ["E-0001"]


def test_a_damaged_picture_is_said_and_the_others_are_read(
    recogniser, cli, vault: Vault, tmp_path: Path
):
    whole = lines_picture(POST)
    add(vault, tmp_path / "cut.png", whole[: len(whole) // 2])
    add(vault, tmp_path / "whole.png", whole)
    done = cli("evidence", "read")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[0].startswith("1 of 2: E-0001: 0 lines read.") and "damaged" in lines[0]
    assert lines[1].startswith("2 of 2: E-0002: 3 lines read.")
    assert reading_of(get_exhibit(vault, "E-0001").extra).problem  # type: ignore[union-attr]
    assert get_exhibit(vault, "E-0002").poster == "@jordan_m_1987"


def test_a_computer_that_cannot_read_says_so(cli, vault: Vault, tmp_path: Path, monkeypatch):
    add(vault, tmp_path / "shot.png", lines_picture(POST))

    def no_models() -> Path:
        raise ImportError("libGL.so.1: cannot open shared object file")

    monkeypatch.setattr(engines, "_engine", None)
    monkeypatch.setattr(engines, "model_folder", no_models)
    done = cli("evidence", "read")
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "reclaim: Reading words in pictures isn't available on this computer."
    )
    assert not engines.available()


def test_ctrl_c_keeps_what_was_read(recogniser, cli, vault: Vault, tmp_path: Path, monkeypatch):
    from tui.core.evidence.reading import read as reading

    add(vault, tmp_path / "a.png", lines_picture(POST))
    add(vault, tmp_path / "b.png", lines_picture(POST[:2]))
    real = reading.read_pictures
    calls: list[str] = []

    def interrupted(vault, exhibit, stop=None):
        calls.append(exhibit.id)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(vault, exhibit, stop)

    monkeypatch.setattr(reading, "read_pictures", interrupted)
    done = cli("evidence", "read")
    assert done.returncode == 130 and "1 of 2: E-0001" in done.stdout
    assert reading_of(get_exhibit(vault, "E-0001").extra) is not None
    assert reading_of(get_exhibit(vault, "E-0002").extra) is None
    assert unread_exhibits(vault) == ["E-0002"]


def test_what_it_shows_reads_the_kept_reading(recogniser, vault: Vault, tmp_path: Path):
    exhibit_id = add(vault, tmp_path / "shot.png", lines_picture(["9:41", *POST[:2]], width=900))
    reading = read_exhibit(vault, exhibit_id)
    shows = what_it_shows(reading, get_exhibit(vault, exhibit_id).to_record())
    assert shows.found["handle"] == "@jordan_m_1987"
    assert "address" in shows.missing
