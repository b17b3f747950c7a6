"""A letter saved as a file: in Word, each bullet keeps its later lines inside it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from docx import Document

from tui.core.shared import clock
from tui.core.takedowns.letter_files import blocks, export_letter
from tui.core.takedowns.letters import DEFAULT_DEMANDS, Letter, draft_cease_desist, save_facts
from tui.core.timeline.events import add_event, get_event
from tui.core.vault.vault import Vault


def test_a_letters_bullet_keeps_its_later_lines_inside_it_in_docx(
    vault: Vault, tmp_path: Path
) -> None:
    with clock.fixed(datetime(2026, 11, 25, 12, tzinfo=UTC)):  # the letter's day
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


def test_characters_xml_cannot_hold_become_line_breaks_or_go_in_docx(
    vault: Vault, tmp_path: Path
) -> None:
    text = "Dear Alex\x0bDoe,\x08\n- first\x0bsecond\n"
    letter = Letter(kind="cease-desist", title="To\x0bAlex", text=text)
    path = export_letter(vault, letter, text, tmp_path / "letter.docx")
    paragraphs = [p.text for p in Document(str(path)).paragraphs]
    assert paragraphs[:4] == ["Dear Alex", "Doe,", "first", "second"]
    assert not any(char in "".join(paragraphs) for char in "\x08\x0b")


def test_a_vertical_tab_is_a_line_break_in_pdf_too(
    vault: Vault,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = "Dear Alex\x0bDoe,\x01\n- first\n"
    letter = Letter(kind="cease-desist", title="To\x0bAlex", text=text)
    path = export_letter(vault, letter, text, tmp_path / "letter.pdf")
    assert path.stat().st_size > 0
    printed = capsys.readouterr()
    assert "missing" not in caplog.text + printed.out + printed.err
