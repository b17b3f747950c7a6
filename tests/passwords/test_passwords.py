"""Passwords: the profile's words count against a password, passphrases are strong,
the accounts list keeps dates only, and the CLI never shows a password."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.cases import PASSPHRASE, vault_bytes
from tests.support.cli import run_reclaim
from tui.core.passwords import changed_accounts as accounts
from tui.core.passwords import passphrase, profile
from tui.core.passwords.managers import shipped as guidance
from tui.core.passwords.strength import assess
from tui.core.shared.errors import InputError
from tui.core.vault.vault import Vault

PERSON = profile.Profile(
    names=["Mary-Jane Smith"], pets=["Biscuit"], dates=["1990-03-05"], usernames=["mj_smith88"]
)


def test_profile_words_cover_names_pets_dates_and_usernames():
    words = PERSON.personal_words()
    assert {"mary", "jane", "maryjane", "smith", "biscuit", "1990", "0503", "05031990"} <= set(
        words
    )
    assert words["biscuit"] == "a pet's name"
    assert words["05031990"] == "a date that matters to you"
    assert {"mj_smith88", "smith88", "smith"} & set(words)


@pytest.mark.parametrize("password", ["biscuit1990", "Biscuit05031990!", "maryjane2024"])
def test_a_password_built_on_the_profile_scores_lower_and_says_why(password: str):
    plain = assess(password)
    personal = assess(password, PERSON.personal_words())
    assert personal.score <= 2
    assert personal.score < plain.score or personal.guesses < plain.guesses
    assert personal.personal and "from your profile" in personal.personal_warning
    assert "someone who knows you" in personal.personal_warning
    assert password.casefold() not in personal.personal_warning.casefold()


def test_an_unrelated_passphrase_is_untouched_by_the_profile():
    found = assess("correct horse battery staple", PERSON.personal_words())
    assert found.score == 4 and not found.personal


def test_generated_passphrases_score_four_and_differ():
    made = {passphrase.generate(5) for _ in range(300)}
    assert len(made) == 300
    for each in made:
        assert len(each.split("-")) == 5
        assert set(each.split("-")) <= set(passphrase.word_list())
        assert assess(each).score == 4
    assert 7700 < len(passphrase.word_list()) <= 7776
    assert all(word.isalpha() for word in passphrase.word_list())
    assert passphrase.generate(4, " ").count(" ") == 3


@pytest.mark.parametrize("count", [0, 3, 13])
def test_a_word_count_out_of_range_is_refused(count: int):
    with pytest.raises(InputError):
        passphrase.generate(count)


def test_the_profile_is_kept_in_the_vault(vault: Vault):
    profile.save(vault, PERSON)
    with Vault.open(vault.path, passphrase=PASSPHRASE) as reopened:
        assert profile.load(reopened) == PERSON
    assert b"Biscuit" not in b"".join(vault_bytes(vault.path).values())


def test_accounts_keep_dates_and_two_step_only(vault: Vault):
    accounts.record_account(vault, "Gmail", "email", "2024-03-06", two_step=True)
    accounts.record_account(vault, "instagram", "social media")
    accounts.record_account(vault, "  gmail ", "email", "2024-03-07")  # same account
    listed = accounts.list_accounts(vault)
    assert [(a.name, a.changed_on, a.two_step) for a in listed] == [
        ("gmail", "2024-03-07", False),
        ("instagram", "", False),
    ]
    assert accounts.summary(listed) == "1 of 2 accounts changed · 0 with two-step"
    assert set(vault.table(accounts.TABLE).all()[0]) == {
        "name", "kind", "changed_on", "two_step", "key"
    }  # fmt: skip


@pytest.mark.parametrize(
    ("name", "kind", "when", "words"),
    [
        ("", "email", "", "a name"),
        ("Gmail", "diary", "", "kind of account"),
        ("Gmail", "email", "6 March", "not a date"),
        ("Gmail", "email", "2999-01-01", "future"),
    ],
)
def test_bad_account_entries_are_refused_plainly(vault: Vault, name, kind, when, words):
    with pytest.raises(InputError, match=words):
        accounts.record_account(vault, name, kind, when)
    assert accounts.list_accounts(vault) == []


def test_password_manager_guidance_is_data():
    text = guidance()
    assert len(text.options) >= 4 and text.look_for
    assert any("free" in option.cost for option in text.options)
    assert any("paid" in option.cost for option in text.options)


# ---- the command line ---------------------------------------------------------------


def test_check_reads_stdin_and_never_prints_the_password():
    secret = "biscuit1990"
    result = run_reclaim("password", "check", "--json", "--personal", "Biscuit", stdin=secret)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert set(found) == {"score", "guesses", "crack_time", "warning", "suggestions"}
    assert found["score"] <= 1 and "profile" not in found["warning"]
    assert "someone who knows you" in found["warning"]
    assert secret not in result.stdout + result.stderr
    text = run_reclaim("password", "check", stdin="correct horse battery staple")
    assert "Strength: 4 of 4" in text.stdout and "centuries" in text.stdout


def test_check_uses_the_case_profile_when_a_vault_is_given(cli, vault: Vault):
    assert cli("profile", "set", "pets", "Biscuit, Rex").returncode == 0
    shown = json.loads(cli("profile", "show", "--json").stdout)
    assert shown["pets"] == ["Biscuit", "Rex"]
    with_case = json.loads(cli("password", "check", "--json", stdin="rexbiscuit77").stdout)
    alone = json.loads(run_reclaim("password", "check", "--json", stdin="rexbiscuit77").stdout)
    assert with_case["score"] < alone["score"] or with_case["guesses"] < alone["guesses"]
    assert "a pet's name" in with_case["warning"]


def test_check_refuses_a_password_on_the_command_line_and_an_empty_one():
    refused = run_reclaim("password", "check", "hunter2")
    assert refused.returncode == 2 and "hunter2" not in refused.stdout
    empty = run_reclaim("password", "check", stdin="")
    assert empty.returncode == 1 and "No password was given" in empty.stderr


@pytest.mark.parametrize(("code", "word"), [("es", "ventana"), ("fr", "guitare")])
def test_a_passphrase_is_made_of_words_in_the_persons_language(code: str, word: str) -> None:
    """A Spanish or French speaker remembers and spells words of their own language; each
    is plain letters (no accent to find over SSH), and the list is long enough."""
    from tui.core.shared import i18n

    words = passphrase.word_list(code)
    assert word in words and "abacus" not in words and len(words) > 8000
    assert all(each.isascii() and each.isalpha() and each.islower() for each in words)
    try:
        i18n.set_language(code)
        made = passphrase.generate(6).split("-")
        assert set(made) <= set(words) and passphrase.entropy_bits(6) > 77
    finally:
        i18n.set_language("en")


def test_generate_prints_one_passphrase_on_the_last_line():
    result = run_reclaim("password", "generate", "--words", "7", "--separator", "dot")
    assert result.returncode == 0
    last = result.stdout.strip().splitlines()[-1]
    assert len(last.split(".")) == 7
    assert set(last.split(".")) <= set(passphrase.word_list())
    bad = run_reclaim("password", "generate", "--words", "2")
    assert bad.returncode == 1 and "between 4 and 12" in bad.stderr


def test_the_profile_cli_refuses_an_unknown_field(cli, vault: Vault, tmp_path: Path):
    before = vault_bytes(vault.path)
    result = cli("profile", "set", "secrets", "x")
    assert result.returncode == 2
    assert vault_bytes(vault.path) == before


def test_a_very_long_password_is_judged_without_error():
    long = "correct horse battery staple " * 200
    assert assess(long).score == 4
    result = run_reclaim("password", "check", "--json", stdin=long)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["score"] == 4
