"""Takedown directions are data: the shipped file covers the sites the guide names,
each says what it asks for, and bad files are refused plainly."""

import json
from pathlib import Path

import pytest

from tests.support.cli import run_reclaim
from tui.core.shared.data_files import ChecklistError
from tui.core.takedowns.deadlines import for_place
from tui.core.takedowns.sites import load, shipped


def test_the_sites_the_guide_names_are_all_there():
    directions = shipped()
    names = " ".join(site.name for site in directions.sites)
    for wanted in ("Facebook", "Instagram", "X (Twitter)", "Snapchat", "TikTok", "Reddit",
                   "Tumblr", "YouTube", "Google Search", "Bing", "Pornhub"):  # fmt: skip
        assert wanted in names, wanted
    kinds = {site.kind for site in directions.sites}
    assert kinds == {"platform", "search", "adult", "fallback"}
    assert {"no-procedure", "copyright"} <= {site.id for site in directions.sites}


def test_every_site_says_what_it_asks_for_and_deadlines_come_from_the_place():
    for site in shipped().sites:
        assert site.asks_for and site.route and site.expect, site.id
        assert site.deadline_hours is None, "deadlines are the law of a place"
    us = {site.id: site for site in for_place("us").sites}
    assert us["meta"].deadline_hours == 48 and "TAKE IT DOWN" in us["meta"].deadline_rule
    assert us["google-search"].deadline_hours is None  # search engines are not bound
    au = {site.id: site for site in for_place("au").sites}
    # Until eSafety gives a notice, its guidance: 48 hours for the platform to act.
    assert (au["reddit"].deadline_hours, au["reddit"].deadline_starts) == (48, "request")
    assert not au["reddit"].deadline_by_law and "guidance" in au["reddit"].deadline_rule
    noticed = {site.id: site for site in for_place("au", notice=True).sites}
    assert (noticed["reddit"].deadline_hours, noticed["reddit"].deadline_starts) == (24, "notice")
    for place in ("gb", "eu", "ca", "ca-bc", "none"):
        assert all(site.deadline_hours is None for site in for_place(place).sites), place
    assert shipped().site("META").name.startswith("Facebook")
    with pytest.raises(ChecklistError, match="not a site Reclaim has directions for"):
        shipped().site("myspace")


def test_hash_services_keep_the_images_on_the_device_and_minors_come_first():
    services = {service.id: service for service in shipped().hash_services}
    assert set(services) == {"stopncii", "take-it-down"}
    for service in services.values():
        assert "hash" in service.how and "device" in service.how
    assert "under 18" in services["take-it-down"].who
    assert "Take It Down" in shipped().under_18
    copyright_route = shipped().site("copyright")
    assert "never for images of anyone under 18" in copyright_route.how


HEAD = """
reviewed = 2026-11-25
source = "pages"
intro = "Ask."
under_18 = "Take It Down."
"""
HASH_SERVICE = """[[hash_services]]
id = "hash"
name = "Hash"
who = "adults"
how = "on the device"
link = "https://example.org/"
"""


def a_site(site_id: str, name: str, *extra: str) -> str:
    """One `[[sites]]` table with every required key, then any `extra` lines."""
    lines = [f'id = "{site_id}"', f'name = "{name}"', 'kind = "platform"', 'route = "Report"']
    lines += ['how = "Press report."', 'asks_for = ["the link"]', 'expect = "An email."']
    return "\n".join(["[[sites]]", *lines, *extra]) + "\n"


GOOD = HEAD + a_site("one", "One") + HASH_SERVICE


def assert_refused(path: Path, text: str, message: str) -> None:
    """`text` written to `path` is refused with `message`, naming the file."""
    path.write_text(text)
    with pytest.raises(ChecklistError, match=message) as refused:
        load(path)
    assert "takedowns.toml" in str(refused.value)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('kind = "platform"', 'kind = "forum"', "kind should be one of"),
        ('asks_for = ["the link"]', "asks_for = []", "asks_for should be a list"),
        ('expect = "An email."', 'expect = "An email."\ndeadline_hours = 48', "jurisdictions"),
        ('link = "https://example.org/"', 'link = "http://example.org/"', "https://"),
        ('id = "one"', 'id = "One Site"', "lowercase"),
        ('expect = "An email."', 'expect = "An email."\ncolour = "red"', "unknown key"),
    ],
)
def test_bad_files_are_refused_naming_the_file(tmp_path: Path, old: str, new: str, message: str):
    assert_refused(tmp_path / "takedowns.toml", GOOD.replace(old, new, 1), message)


def test_the_cli_lists_the_sites_as_text_and_json_with_each_places_clock():
    text = run_reclaim("takedown", "sites")
    assert text.returncode == 0 and "If the person in the images" in text.stdout
    assert "General advice" in text.stdout and "(within" not in text.stdout
    data = json.loads(run_reclaim("takedown", "sites", "--json", "--place", "us").stdout)
    assert data["reviewed"] == "2026-11-25" and data["place"] == "us"
    assert {"id", "name", "route", "asks_for", "deadline_hours"} <= set(data["sites"][0])
    hours = {site["id"]: site["deadline_hours"] for site in data["sites"]}
    assert hours["meta"] == 48 and hours["bing"] is None
    au = json.loads(run_reclaim("takedown", "sites", "--json", "--place", "AU").stdout)
    assert {s["deadline_hours"] for s in au["sites"] if s["kind"] == "platform"} == {48}
    assert au["clocks"][0]["starts"] == "notice" and "s 77" in au["clocks"][0]["rule"]
    uk = run_reclaim("takedown", "sites", "--place", "uk")
    assert "not confirmed in force" in uk.stdout and "(within" not in uk.stdout
    wrong = run_reclaim("takedown", "sites", "--place", "atlantis")
    assert wrong.returncode == 1 and "not a place Reclaim knows" in wrong.stderr


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


SITES = (
    HEAD
    + a_site("one", "One", 'aliases = ["First"]')
    + a_site("two", "Two", 'aliases = ["Second"]')
    + HASH_SERVICE
)


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
    assert_refused(path, SITES.replace(old, new), message)
