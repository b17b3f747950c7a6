"""The packs brought up to date on 7 December 2026 (issue 28): each new fact names its
primary source on a legislation site and the day it was checked; the UK's nations are
places of their own that extend `gb`, found by their plain names in the CLI and the
place screen; the police guidance names the kinds of officer to ask for."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import OptionList

from tests.support.pilot import SIZE, settle
from tui.app import ReclaimApp
from tui.core.places.case_place import stored
from tui.core.places.catalogue import check_code, resolve
from tui.core.settings import Settings
from tui.core.takedowns import legal_options
from tui.core.vault.vault import Vault
from tui.screens.place import PlaceScreen

CHECKED = date(2026, 12, 7)


def _law(code: str, law_id: str):
    found = {law.id: law for law in resolve(code).legal}
    assert law_id in found, (code, law_id)
    return found[law_id]


@pytest.mark.parametrize(
    ("code", "law_id", "says", "site"),
    [
        ("us", "federal-civil-action", ("6851", "$150,000", "pseudonym", "injunction"),
         "uscode.house.gov"),
        ("au", "deepfake-sexual-material", ("474.17A", "deepfakes", "3 September 2024"),
         "legislation.gov.au"),
        ("au", "deepfake-aggravated", ("474.17AA", "7 years"), "legislation.gov.au"),
        ("gb-eng", "sharing-offence", ("s 66B", "Online Safety Act 2023"), "legislation.gov.uk"),
        ("gb-sct", "sharing-offence", ("Abusive Behaviour and Sexual Harm (Scotland) Act 2016",
                                       "s 2"), "legislation.gov.uk"),
        ("gb-nir", "sharing-offence", ("Justice Act (Northern Ireland) 2016", "s 51"),
         "legislation.gov.uk"),
        ("gb", "deepfake-creating", ("s 66E", "check commencement"), "legislation.gov.uk"),
    ],
)  # fmt: skip
def test_each_new_law_names_its_primary_source_and_the_day_it_was_checked(
    code: str, law_id: str, says: tuple[str, ...], site: str
):
    law = _law(code, law_id)
    words = f"{law.law} {law.what}"
    for part in says:
        assert part in words, (law_id, part)
    assert site in law.source and law.reviewed == CHECKED


def test_the_2026_uk_offences_say_what_is_confirmed_and_what_is_not():
    law = _law("gb", "cpa-2026-offences")
    assert law.status == "not-in-force" and law.reviewed == CHECKED
    for offence in ("taking or recording", "installing equipment", "limited time", "supplying"):
        assert offence in law.what
    assert "29 April 2026" in law.what and "check commencement" in law.what
    assert "not confirmed in force" in law.text.casefold()  # shown with its status


def test_the_uk_nations_extend_gb_each_with_its_own_law():
    uk = resolve("gb")
    for code, law in [
        ("gb-eng", "Sexual Offences Act 2003, s 66B"),
        ("gb-sct", "Abusive Behaviour and Sexual Harm (Scotland) Act 2016, s 2"),
        ("gb-nir", "Justice Act (Northern Ireland) 2016, s 51"),
    ]:
        nation = resolve(code)
        assert nation.extends == "gb" and nation.emergency.number == "999"
        assert [c.name for c in nation.contacts] == [c.name for c in uk.contacts]
        # Its own law replaces the UK-wide entry, where that entry stood.
        assert _law(code, "sharing-offence").law.startswith(law)
        assert [x.id for x in nation.legal][: len(uk.legal)] == [x.id for x in uk.legal]
    assert "s 66B" not in _law("gb-sct", "sharing-offence").law
    assert "Scotland" in _law("gb", "sharing-offence").what
    assert _law("gb-sct", "cpa-2026-offences").what.count("England and Wales only") == 1


def test_the_nations_are_found_by_their_plain_names():
    assert resolve("Scotland").code == check_code("scotland") == "gb-sct"
    assert resolve("Northern Ireland").code == "gb-nir" and resolve("wales").code == "gb-eng"
    assert resolve("uk").code == "gb"


def test_reclaim_jurisdiction_lists_and_sets_the_nations(cli, vault: Vault):
    listed = cli("jurisdiction", "list").stdout
    for name in ("Scotland (United Kingdom)", "Northern Ireland (United Kingdom)",
                 "England and Wales (United Kingdom)"):  # fmt: skip
        assert name in listed
    done = cli("jurisdiction", "set", "Scotland")
    assert done.returncode == 0 and "Scotland (United Kingdom)" in done.stdout
    assert stored(vault) == "gb-sct"


async def test_the_place_screen_offers_each_nation_after_the_uk(vault: Vault):
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.push_screen(PlaceScreen("gb-sct"))
        await settle(app, pilot)
        options = app.screen.query_one(OptionList)
        ids = [option.id for option in options._options]
        assert ids.index("gb") + 1 == ids.index("gb-eng") < ids.index("gb-sct")
        labels = [str(option.prompt) for option in options._options]
        assert "Scotland (United Kingdom)" in labels
        assert options.highlighted == ids.index("gb-sct")


def test_the_police_guidance_names_the_kinds_of_officer():
    police = legal_options.shipped().option("police-report")
    said = " ".join(police.keep_in_mind)
    assert "online harassment" in said and "cybercrime training" in said
    assert "domestic-violence" in said and "partner or ex-partner" in said
    assert "someone who handles these cases" not in said
