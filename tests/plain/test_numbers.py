"""The numbers of plain mode's lists are the same in English, Spanish and French: a helper
reading a number over the phone to a person who hears another language gets the same
place, step or choice."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.plain.test_walk import walk
from tests.support.cases import FAST_KDF, PASSPHRASE
from tui.core.places.case_place import stored
from tui.core.places.catalogue import places
from tui.core.shared import i18n
from tui.core.vault.vault import Vault
from tui.plain.place import NOT_SAID_LABEL, WHERE

PLACE = "9"
NUMBERED = re.compile(r"(\d+)\. (.+)")


@pytest.fixture
def case(tmp_path: Path) -> Path:
    path = tmp_path / "case"
    Vault.create(path, PASSPHRASE, FAST_KDF)[0].close()
    return path


@pytest.fixture
def speaking() -> Iterator[None]:
    yield
    i18n.set_language("en")


def numbers_in(case: Path, language: str) -> dict[str, str]:
    """Each number of the place list said in `language`, and the code of the place it
    names (in that language)."""
    i18n.set_language(language)
    _, said = walk(case, [PASSPHRASE, PLACE, "1", "back", "back", "quit"])
    codes = {place.name: place.code for place in places()} | {i18n._(NOT_SAID_LABEL): "none"}
    listed = said.split(i18n._(WHERE), 1)[1].splitlines()[1:]
    numbered: dict[str, str] = {}
    for line in listed:
        if (match := NUMBERED.fullmatch(line)) is None:
            break
        numbered[match[1]] = codes[match[2]]
    return numbered


@pytest.mark.usefixtures("speaking")
def test_the_places_have_the_same_numbers_in_every_language(case: Path) -> None:
    english = numbers_in(case, "en")
    assert len(english) == len(places()) + 1  # every place, and "I would rather not say"
    assert english["1"] == "au"
    for language in ("es", "fr"):
        assert numbers_in(case, language) == english, language


@pytest.mark.usefixtures("speaking")
@pytest.mark.parametrize("language", ["es", "fr"])
def test_the_number_read_out_in_english_chooses_the_same_place(case: Path, language: str) -> None:
    english = numbers_in(case, "en")
    for code in ("us", "gb-sct", "eu"):
        number = next(n for n, c in english.items() if c == code)
        i18n.set_language(language)
        walk(case, [PASSPHRASE, PLACE, "1", number, "quit"])
        i18n.set_language("en")
        with Vault.open(case, passphrase=PASSPHRASE) as vault:
            assert stored(vault) == code, (language, number)
