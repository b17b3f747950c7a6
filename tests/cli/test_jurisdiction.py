"""Where you live, through the `reclaim` command line: the places listed, the case's place
set, each place's Safety contacts, routes, laws and letters, and the binder's cover (the
screens that ask it: tests/screens/test_place.py)."""

from __future__ import annotations

import json
import os
import pty
import subprocess
from pathlib import Path

import pytest

from tests.support.cases import PASSPHRASE
from tests.support.cli import RECLAIM, run_reclaim
from tui.core.places.case_place import case_place
from tui.core.vault.vault import Vault


def test_the_places_are_listed_as_text_and_json():
    text = run_reclaim("jurisdiction", "list")
    assert text.returncode == 0 and "ca-bc" in text.stdout and "none" in text.stdout
    data = json.loads(run_reclaim("jurisdiction", "list", "--json").stdout)
    codes = {entry["code"]: entry for entry in data}
    assert set(codes) == {"us", "gb", "gb-eng", "gb-sct", "gb-nir", "ca", "ca-bc", "au", "eu"}
    assert codes["ca-bc"]["extends"] == "ca" and codes["au"]["emergency"] == "000"


@pytest.mark.parametrize(
    ("place", "number", "helplines"),
    [
        ("us", "911", ["CCRI Image Abuse Helpline", "Take It Down (NCMEC)", "NCMEC CyberTipline"]),
        ("uk", "999", ["Revenge Porn Helpline", "Report Remove (Childline and the IWF)"]),
        ("ca", "911", ["Cybertip.ca", "NeedHelpNow.ca"]),
        (
            "ca-bc",
            "911",
            ["Cybertip.ca", "NeedHelpNow.ca", "Civil Resolution Tribunal (intimate images)"],
        ),
        ("au", "000", ["eSafety Commissioner", "1800RESPECT"]),
        ("eu", "112", []),
    ],
)
def test_safety_shows_each_places_number_first_and_its_helplines(place, number, helplines):
    data = json.loads(run_reclaim("safety", "--json", "--place", place).stdout)
    assert data["emergency"]["how"] == number
    names = [contact["name"] for contact in data["contacts"]]
    assert names[: len(helplines)] == helplines and names[-1] == "StopNCII.org (worldwide)"
    text = run_reclaim("safety", "--place", place).stdout
    assert text.index(f"Emergency: {number}") < text.index("Who can help")


def test_safety_starts_from_the_clinics_place_and_its_contacts_stay_on_top(tmp_path: Path):
    config = tmp_path / "config.toml"
    config.write_text(
        '[kiosk]\njurisdiction = "au"\n[[contacts]]\nname = "Front desk"\nhow = "Room 2"\n'
    )
    data = json.loads(run_reclaim("--config", str(config), "safety", "--json").stdout)
    assert data["place"] == "Australia" and data["emergency"]["how"] == "000"
    assert [c["name"] for c in data["contacts"]][:2] == ["Front desk", "eSafety Commissioner"]
    config.write_text('[kiosk]\njurisdiction = "mars"\n')
    bad = run_reclaim("--config", str(config), "safety")
    assert bad.returncode == 1 and "not a place Reclaim knows" in bad.stderr


@pytest.mark.parametrize(
    ("place", "law"),
    [
        ("us", "TAKE IT DOWN Act (federal, 2025)"),
        ("gb", "Sexual Offences Act 2003, s 66B"),
        ("ca", "Criminal Code, s 162.1"),
        ("ca-bc", "Intimate Images Protection Act (BC)"),
        ("au", "Online Safety Act 2021 (Cth)"),
        ("eu", "Directive (EU) 2024/1385"),
    ],
)
def test_legal_options_name_the_law_of_the_place(place, law):
    text = run_reclaim("legal", "options", "--place", place).stdout
    assert "The law where you live: " in text and law in text
    assert "not confirmed in force" in run_reclaim("legal", "options", "--place", "gb").stdout


def test_the_case_place_is_set_and_decides_letters_and_the_ladder(cli, vault: Vault):
    assert cli("jurisdiction", "set", "atlantis").returncode == 1
    done = cli("jurisdiction", "set", "uk")
    assert done.returncode == 0 and "United Kingdom" in done.stdout
    cli("takedown", "add", "--site", "x", "--url", "https://x.example/1")
    cli("takedown", "update", "R-001", "--status", "refused")
    ladder = cli("takedown", "next").stdout
    assert "R-001: 1. You asked X (Twitter)" in ladder
    assert "R-001: 2. Ask the site to look again" in ladder
    assert "R-001: 3. Ask the Revenge Porn Helpline" in ladder and "Bring:" in ladder
    steps = json.loads(cli("takedown", "next", "--json").stdout)
    assert [s["rung"] for s in steps if s["request"] == "R-001"][:2] == [1, 2]
    letter = cli(
        "letter", "takedown", "R-001", "--name", "Zoë", "--contact", "zoe@example.org",
        "--signature", "Zoë", "--confirm-no-consent",
    )  # fmt: skip
    assert "s 66B" in letter.stdout and "everywhere, not only where I live" in letter.stdout
    assert cli("jurisdiction", "set", "au").returncode == 0
    cli("takedown", "update", "R-001", "--status", "submitted", "--notice", "2026-06-05 09:00")
    listed = json.loads(cli("takedown", "list", "--json").stdout)[0]
    assert listed["place"] == "au" and listed["due_at"].endswith("Z") and listed["notice_at"]


def test_init_can_say_where_the_person_lives_and_otherwise_asks(tmp_path: Path) -> None:
    case = tmp_path / "gb-case"
    made = run_reclaim(
        "init", "--vault", str(case), "--passphrase-file", "-", "--place", "uk", stdin=PASSPHRASE
    )
    assert made.returncode == 0, made.stderr
    assert "Where do you live?" not in made.stdout
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        assert case_place(vault) == "United Kingdom"
    other = tmp_path / "other"
    made = run_reclaim("init", "--vault", str(other), "--passphrase-file", "-", stdin=PASSPHRASE)
    assert "Where do you live?" in made.stdout and "jurisdiction set" in made.stdout
    with Vault.open(other, passphrase=PASSPHRASE) as vault:
        # As the app's form starts: general advice until it is said, never the United
        # States' laws and helplines given to a case that has just been made.
        assert case_place(vault) == "not said (general advice)"
    safety = run_reclaim(
        "safety", "--vault", str(other), "--passphrase-file", "-", stdin=PASSPHRASE
    )
    assert "General advice" in safety.stdout and "United States" not in safety.stdout
    bad = run_reclaim(
        "init", "--vault", str(tmp_path / "x"), "--passphrase-file", "-", "--place", "narnia",
        stdin=PASSPHRASE,
    )  # fmt: skip
    assert bad.returncode != 0 and not (tmp_path / "x").exists(), "nothing made for a bad code"


@pytest.mark.parametrize(
    ("code", "named", "not_named"),
    [
        ("gb", "Report Remove", "CyberTipline"),
        ("ca", "Cybertip.ca", "CyberTipline"),
        ("us", "NCMEC CyberTipline", "Report Remove"),
    ],
)
def test_under_18s_are_sent_to_the_services_of_their_place(
    code: str, named: str, not_named: str
) -> None:
    """A child in the UK is not told to report to a US tipline, nor a US one to Childline."""
    out = run_reclaim("takedown", "sites", "--place", code).stdout
    minor = next(p for p in out.split("\n\n") if "under 18 when they were taken" in p)
    assert named in minor and not_named not in minor
    assert "report it to the police" in minor


def test_the_binder_cover_names_the_place_unless_the_person_would_rather_not(
    vault: Vault,
) -> None:
    from pypdf import PdfReader

    from tui.core.binder.build import make
    from tui.core.binder.choices import BinderChoices
    from tui.core.takedowns.deadlines import set_case_place
    from tui.core.timeline.events import add_event

    add_event(vault, "5 March 2024", "The photo was posted")

    def cover() -> str:
        import io

        pdf = PdfReader(io.BytesIO(make(vault, BinderChoices()).data))
        return " ".join(pdf.pages[0].extract_text().split())

    set_case_place(vault, "au")
    assert "Where the person lives Australia" in cover()
    set_case_place(vault, "none")
    assert "Where the person lives" not in cover()


def test_the_guidance_follows_the_case_place_and_place_still_overrides_it(cli) -> None:
    """Issue 26 item 14: all three showed general advice ("place": "general") here."""
    assert cli("jurisdiction", "set", "au").returncode == 0
    safety = json.loads(cli("safety", "--json").stdout)
    assert (safety["place"], safety["emergency"]["how"]) == ("Australia", "000")
    assert "000" in cli("safety").stdout
    assert "The law where you live: Australia" in cli("legal", "options").stdout
    assert json.loads(cli("takedown", "sites", "--json").stdout)["place"] == "au"
    assert "Where you live: Australia" in cli("takedown", "sites").stdout
    other = json.loads(cli("safety", "--json", "--place", "gb").stdout)
    assert (other["place"], other["emergency"]["how"]) == ("United Kingdom", "999")
    assert "Sexual Offences Act 2003" in cli("legal", "options", "--place", "gb").stdout
    assert json.loads(cli("takedown", "sites", "--json", "--place", "gb").stdout)["place"] == "gb"


def test_a_case_made_with_its_place_is_followed(tmp_path: Path) -> None:
    case, passphrase = str(tmp_path / "case"), tmp_path / "passphrase"
    passphrase.write_text(PASSPHRASE)
    made = run_reclaim("init", "--vault", case, "--passphrase-file", "-", "--place", "au",
                       stdin=PASSPHRASE)  # fmt: skip
    assert made.returncode == 0, made.stderr
    opened = ("--vault", case, "--passphrase-file", str(passphrase))
    assert json.loads(run_reclaim("safety", "--json", *opened).stdout)["place"] == "Australia"
    sites = json.loads(run_reclaim("takedown", "sites", "--json", *opened).stdout)
    assert sites["place"] == "au"


def test_legal_options_and_sites_open_the_case_as_every_command_does(vault: Vault) -> None:
    for command in (("legal", "options"), ("takedown", "sites")):
        asked = run_reclaim(*command, "--vault", str(vault.path))
        assert asked.returncode == 1 and "No passphrase was given" in asked.stderr


def test_safety_follows_a_case_this_computer_remembers(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.core.takedowns.deadlines import set_case_place
    from tui.core.vault import device_keyring

    set_case_place(vault, "ca")
    remembered = {vault.header.vault_id: vault.data_key}
    monkeypatch.setattr(device_keyring, "recall", remembered.get)
    done = run_reclaim("safety", "--json", "--vault", str(vault.path))
    assert json.loads(done.stdout)["place"] == "Canada" and done.stderr == ""


def test_safety_without_the_passphrase_shows_general_advice_and_says_how_to_see_the_places(
    vault: Vault, tmp_path: Path
) -> None:
    from tui.cli.jurisdiction import GENERAL_ONLY, NOT_OPENED, NOT_OPENED_BY_IT
    from tui.core.takedowns.deadlines import set_case_place

    set_case_place(vault, "au")
    general = "General advice (place not said)"
    locked = run_reclaim("safety", "--vault", str(vault.path))
    assert locked.returncode == 0 and f" · {general}\n" in locked.stdout
    assert locked.stdout.endswith(f"\n{NOT_OPENED}\n") and "--place CODE" in NOT_OPENED
    as_json = run_reclaim("safety", "--json", "--vault", str(vault.path))
    assert json.loads(as_json.stdout)["place"] == general and as_json.stderr == NOT_OPENED + "\n"
    wrong = tmp_path / "wrong"
    wrong.write_text("not the passphrase\n")
    refused = run_reclaim("safety", "--vault", str(vault.path), "--passphrase-file", str(wrong))
    assert refused.returncode == 0 and refused.stdout.endswith(f"\n{NOT_OPENED_BY_IT}\n")
    no_case = run_reclaim("safety", "--vault", str(tmp_path / "none"))
    assert no_case.returncode == 0 and no_case.stdout.endswith(f"\n{GENERAL_ONLY}\n")
    chosen = run_reclaim("safety", "--vault", str(vault.path), "--place", "none")
    assert chosen.returncode == 0 and "reclaim safety --place" not in chosen.stdout


def test_safety_on_a_terminal_never_waits_for_the_passphrase(vault: Vault) -> None:
    """In a real process whose standard input is a terminal, where reading the
    passphrase from it would wait for someone to type."""
    from tui.cli.jurisdiction import NOT_OPENED

    terminal, typing_end = pty.openpty()
    try:
        done = subprocess.run(
            [str(RECLAIM), "safety", "--vault", str(vault.path), "--passphrase-file", "-"],
            stdin=typing_end,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        os.close(terminal)
        os.close(typing_end)
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith(f"\n{NOT_OPENED}\n")


def test_a_place_not_understood_is_not_repeated_back(vault: Vault) -> None:
    secret = "kettle meadow signal crayon"
    for command in (("safety",), ("legal", "options"), ("takedown", "sites")):
        done = run_reclaim(*command, "--vault", str(vault.path), "--place", secret)
        assert done.returncode == 1 and "not a place Reclaim knows" in done.stderr
        assert secret not in done.stdout + done.stderr
    done = run_reclaim("jurisdiction", "set", secret, "--vault", str(vault.path))
    assert done.returncode == 1 and secret not in done.stdout + done.stderr


def test_safety_names_the_general_place_without_brackets_in_brackets():
    first = run_reclaim("safety").stdout.splitlines()[0]
    assert first == "If you are in danger · General advice (place not said)"
