"""What a tester's walk of the documents in English, Spanish and French found, fixed: a
guessed time was marked "(estimated)" in English in every binder (its own statement
tells readers to look for "(estimada)" / "(estimée)"), letters stated a guessed capture
time as fact, and a right-to-left override in a file's name acted in the binder
("foto\\u202egpj.exe" read "fotoexe.jpg")."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from babel.dates import format_date
from pypdf import PdfReader

from tui.core.binder.build import build
from tui.core.binder.choices import BinderChoices
from tui.core.binder.faces import named
from tui.core.evidence.adding import add_file
from tui.core.evidence.model import get_exhibit
from tui.core.takedowns.letters import draft, save_facts
from tui.core.takedowns.requests import add_request
from tui.core.vault.vault import Vault

ME = {"name": "Zoë Ångström", "contact": "zoe@example.org", "signature": "Zoë Ångström"}


def binder_text(vault: Vault, code: str = "en") -> str:
    data = build(vault, BinderChoices(export_date=date(2024, 3, 7), language=code))
    text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())


def guessed(vault: Vault, tmp_path: Path, name: str = "note.txt") -> str:
    """An exhibit whose capture time was read from the file's own time."""
    path = tmp_path / name
    path.write_text("what was said")
    exhibit = add_file(vault, path, {"description": "A note"}).exhibit
    assert "captured_at" in exhibit.guesses
    return exhibit.id


@pytest.mark.parametrize(
    ("code", "mark", "kind"),
    [("es", "(estimada)", "archivo de texto"), ("fr", "(estimée)", "fichier texte")],
)
def test_a_guessed_time_and_a_kind_are_said_in_the_binders_language(
    code: str, mark: str, kind: str, vault: Vault, tmp_path: Path
) -> None:
    """The kind was kept English ("text file") inside a Spanish or French sentence."""
    captured = get_exhibit(vault, guessed(vault, tmp_path)).captured_at
    text = binder_text(vault, code)
    # once in the statement that explains the mark, then beside the time in the index
    # and the exhibit's details
    assert text.count(mark) >= 3, text
    assert "(estimated)" not in text
    assert f"{kind}, text/plain" in text, text
    assert "text file" not in text
    # the day the language's way ("5 mar 2024", "5 mars 2024"), not 2024-03-05
    day = format_date(date.fromisoformat(captured[:10]), "medium", locale=code)
    assert f"{day} {captured[11:]}" in text, text


@pytest.mark.parametrize(
    ("code", "said"),
    [
        ("en", "captured {when} (estimated)"),
        ("es", "capturado {when} (hora estimada)"),
        ("fr", "capturé {when} (heure estimée)"),
    ],
)
def test_a_letter_says_a_guessed_capture_time_is_estimated(
    code: str, said: str, vault: Vault, tmp_path: Path
) -> None:
    exhibit_id = guessed(vault, tmp_path)
    when = get_exhibit(vault, exhibit_id).captured_at.replace("T", " ")
    if code != "en":  # the day the language's way: "7 dic 2026 23:33:25"
        day = format_date(date.fromisoformat(when[:10]), "medium", locale=code)
        when = f"{day} {when[11:]}"
    request = add_request(vault, "meta", ["https://facebook.example/p/1"], [exhibit_id])
    save_facts(vault, **{**ME, "no_consent": True})
    text = draft(vault, "takedown", request.id, language=code).text
    assert said.format(when=when) in text, text


def test_a_letter_states_a_confirmed_capture_time_plainly(vault: Vault, tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("what was said")
    exhibit = add_file(vault, path, {"captured_at": "2024-03-05T20:15:00"}).exhibit
    request = add_request(vault, "meta", ["https://facebook.example/p/1"], [exhibit.id])
    save_facts(vault, **{**ME, "no_consent": True})
    text = draft(vault, "takedown", request.id, language="en").text
    assert "captured 2024-03-05 20:15:00\n" in text, text


def test_a_right_to_left_override_in_a_name_is_named_not_obeyed(
    vault: Vault, tmp_path: Path
) -> None:
    guessed(vault, tmp_path, "foto\u202egpj.exe")
    text = binder_text(vault)
    assert "foto\u27e8U+202E\u27e9gpj.exe" in text
    assert "\u202e" not in text


def test_naming_names_every_bidi_control_but_leaves_real_right_to_left_letters() -> None:
    arabic, hebrew = "\u0645\u0631\u062d\u0628\u0627", "\u05e9\u05dc\u05d5\u05dd"
    assert named(f"a\u200fb\u2066c\u2028d {arabic} {hebrew}") == (
        f"a\u27e8U+200F\u27e9b\u27e8U+2066\u27e9c\u27e8U+2028\u27e9d {arabic} {hebrew}"
    )


@pytest.mark.parametrize(
    ("code", "heading"),
    [("en", "5 March 2024: Publication"), ("fr", "5 mars 2024\u00a0: Publication")],
)
def test_a_timeline_heading_takes_the_languages_colon(
    code: str, heading: str, vault: Vault
) -> None:
    """The French binder's timeline read "5 mars 2024: Publication"."""
    from tui.core.shared.i18n import speaking
    from tui.core.timeline.events import add_event
    from tui.core.timeline.written_account import parts

    add_event(vault, "2024-03-05", "Publication")
    with speaking(code):
        assert [part.heading for part in parts(vault)] == [heading]
