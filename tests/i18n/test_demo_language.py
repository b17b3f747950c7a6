"""The made-up case (`reclaim --demo`) is written in the language the app speaks when it
is made: its exhibits' words, the words drawn in its pictures, its events, its people
and its requests (it was English in every language)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tui.core.demo import SAMPLES, create_demo_case, remove_demo_case
from tui.core.shared import i18n
from tui.core.shared.i18n import _
from tui.core.vault.vault import Vault

#: Words of the English demo that neither Spanish nor French uses.
ENGLISH = re.compile(
    r"\b(the|you|your|with|who|was|posted|reposted|friend|colleague|sample|look|regret|"
    r"everyone|someone|sorry|call|comments|found|threat|shows|took|during|relationship|"
    r"broke|ended|stopped|saved|reported|caption|link|being|agreed)\b",
    re.IGNORECASE,
)
#: The stored details a person reads as words (not names, addresses, times or keys).
WORDS = {
    "title",
    "details",
    "response",
    "description",
    "significance",
    "caption",
    "poster",
    "role",
    "route",
}


def _words(value: Any, key: str = "") -> Iterator[str]:
    if isinstance(value, dict):
        for inner, item in value.items():
            yield from _words(item, inner)
    elif isinstance(value, list):
        for item in value:
            yield from _words(item, key)
    elif isinstance(value, str) and key in WORDS:
        yield value


@pytest.fixture
def spoken() -> Iterator[None]:
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(
    ("code", "passphrase"), [("es", "caso de ejemplo"), ("fr", "dossier exemple")]
)
def test_the_demo_is_made_in_the_language(
    code: str, passphrase: str, spoken: None, tmp_path: Path
) -> None:
    i18n.set_language(code)
    case = create_demo_case(tmp_path / "demo")
    try:
        # Its passphrase too (shown on its unlock screen in the same words).
        Vault.open(case.path, passphrase=passphrase).close()
        said = [
            text
            for table in ("exhibits", "events", "people", "takedowns")
            for record in case.table(table).all()
            for text in _words(dict(record))
        ]
    finally:
        remove_demo_case(case)
    assert len(said) > 20
    assert [text for text in said if ENGLISH.search(text)] == []
    # The words drawn in its pictures (read back when pictures are read) too.
    for sample in SAMPLES:
        for line in sample["lines"]:
            assert not ENGLISH.search(_(str(line))), line


def test_the_english_demo_is_english(tmp_path: Path) -> None:
    case = create_demo_case(tmp_path / "demo")
    try:
        descriptions = [record["description"] for record in case.table("exhibits").all()]
        posters = [record["poster"] for record in case.table("exhibits").all()]
    finally:
        remove_demo_case(case)
    assert "A friend telling me the post was going round" in descriptions
    assert "sam (a friend)" in posters
