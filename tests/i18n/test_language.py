"""Which language is spoken: the environment, what the person asked for, and a
document's own language beside the person's."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from tui.core.shared import i18n, local_formats, text


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "es_ES.UTF-8"}, "es"),
        ({"LANG": "fr_CA.UTF-8"}, "fr"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANGUAGE": "de:fr:en", "LANG": "es_ES.UTF-8"}, "fr"),
        ({"LC_ALL": "es_MX.UTF-8", "LANG": "fr_FR.UTF-8"}, "es"),
        ({"LC_ALL": "C.UTF-8", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        # BCP 47 tags, as some desktops and SSH clients send them
        ({"LANG": "fr-CA"}, "fr"),
        ({"LANGUAGE": "es-MX:en"}, "es"),
        ({"LC_ALL": "fr_BE@euro"}, "fr"),
    ],
)
def test_the_language_comes_from_the_environment(environ, expected) -> None:
    assert i18n.language_from_environment(environ) == expected


def test_what_the_person_asked_for_comes_first() -> None:
    assert i18n.chosen_language("FR", {"LANG": "es_ES.UTF-8"}) == "fr"
    assert i18n.chosen_language("de", {"LANG": "es_ES.UTF-8"}) == "es"
    assert i18n.chosen_language(None, {}) == "en"
    assert i18n.chosen_language("es-MX", {}) == "es"
    assert i18n.chosen_language("fr_CA.UTF-8", {}) == "fr"


def test_a_damaged_catalogue_speaks_english_and_the_others_still_speak(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A .mo file with a bad magic number or cut short (a bad copy, a full disk) must not
    keep Reclaim, and its Safety page, from starting in any language."""
    import shutil

    from tests.support.cli import run_reclaim

    locale = tmp_path / "locale"
    shutil.copytree(i18n.LOCALE_DIR, locale)
    (locale / "es" / "LC_MESSAGES" / "cli.mo").write_bytes(b"\x00garbage" * 50)
    cut = locale / "es" / "LC_MESSAGES" / "core.mo"
    cut.write_bytes(cut.read_bytes()[:100])
    monkeypatch.setattr(i18n, "LOCALE_DIR", locale)
    i18n.translations.cache_clear()
    try:
        with i18n.speaking("es"):
            assert i18n._("English") == "inglés"  # the documents' catalogue still speaks
        monkeypatch.setenv("LANGUAGE", "es")
        safety = run_reclaim("safety")
        assert safety.returncode == 0 and "Traceback" not in safety.stderr
        assert "112" in safety.stdout or "911" in safety.stdout
    finally:
        i18n.translations.cache_clear()


def test_a_document_speaks_its_own_language_in_its_own_thread_only() -> None:
    seen: dict[str, str] = {}

    def other_thread() -> None:
        seen["other"] = i18n.language()

    i18n.set_language("es")
    try:
        with i18n.speaking("en"):
            assert i18n.language() == "en"
            thread = threading.Thread(target=other_thread)
            thread.start()
            thread.join()
        assert seen["other"] == "es"
        assert i18n.language() == "es"
    finally:
        i18n.set_language("en")


def test_dates_numbers_and_lists_follow_the_language() -> None:
    day = date(2024, 3, 5)
    assert local_formats.long_date(day) == "5 March 2024"
    assert text.size(4 * 1024 * 1024) == "4.0 MiB"
    assert text.listed(["a", "b", "c"]) == "a, b and c"
    with i18n.speaking("es"):
        assert local_formats.long_date(day) == "5 de marzo de 2024"
        assert text.size(4 * 1024 * 1024) == "4,0\u00a0MiB"
        assert text.listed(["a", "b", "c"]) == "a, b y c"
    with i18n.speaking("fr"):
        assert local_formats.long_date(day) == "5 mars 2024"
        assert text.listed(["a", "b"]) == "a et b"
