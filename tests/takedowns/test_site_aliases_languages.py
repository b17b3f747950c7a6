"""A site's other names that are words of one language (`aliases_fr = ["autre"]`) are
found whatever the language spoken, and `reclaim takedown sites` shows a reader only
the names of every language and those of the language it speaks (w3: a French reader
saw "aussi : other, other site, web host" and "autre" was refused)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import run_reclaim
from tui.core.places.catalogue import resolve
from tui.core.shared.i18n import speaking
from tui.core.takedowns.sites import load, shipped


@pytest.mark.parametrize(
    ("typed", "site"),
    [
        ("autre", "no-procedure"),
        ("hébergeur", "no-procedure"),
        ("otro", "no-procedure"),
        ("other site", "no-procedure"),
        ("site porno", "adult-sites"),
        ("sitio porno", "adult-sites"),
        ("porn site", "adult-sites"),
        ("droit d'auteur", "copyright"),
        ("derechos de autor", "copyright"),
        ("DMCA", "copyright"),
    ],
)
@pytest.mark.parametrize("code", ["en", "es", "fr"])
def test_every_languages_names_are_found_in_every_language(
    typed: str, site: str, code: str
) -> None:
    with speaking(code):
        assert shipped().route(typed).id == site


def test_takedown_add_takes_a_french_word(cli) -> None:
    added = cli("takedown", "add", "--site", "autre", "--url", "https://h.example/1")
    assert added.returncode == 0, added.stderr


@pytest.mark.parametrize(
    ("code", "shown", "hidden"),
    [
        ("fr", "autre, autre site, hébergeur", ("other site", "web host", "porn site")),
        ("es", "otro, otro sitio, alojamiento web", ("other site", "web host", "adult site")),
        ("en", "other, other site, web host", ("hébergeur", "sitio porno")),
    ],
)
def test_the_listing_shows_the_names_of_the_language_spoken(
    code: str, shown: str, hidden: tuple[str, ...]
) -> None:
    listing = run_reclaim("takedown", "sites", "--language", code)
    assert listing.returncode == 0, listing.stderr
    assert shown in listing.stdout
    assert "Facebook, Instagram" in listing.stdout  # names of every language
    for word in hidden:
        assert word not in listing.stdout


def test_a_words_alias_may_not_name_another_site(tmp_path: Path) -> None:
    text = (Path(__file__).parents[2] / "checklists" / "takedowns.toml").read_text()
    path = tmp_path / "takedowns.toml"
    path.write_text(text.replace('aliases_fr = ["autre",', 'aliases_fr = ["Instagram",', 1))
    with pytest.raises(Exception, match="already names"):
        load(path)


def test_french_says_the_under_18_helplines_with_its_space_before_a_semicolon() -> None:
    with speaking("fr"):
        said = resolve("ca").under_18_help()
    assert " ; " in said and "); " not in said, said
