"""The `reclaim` command line through its real entry point, on real files."""

import hashlib
import json
import os
import re
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.cases import NEW_PASSPHRASE, PASSPHRASE, vault_bytes
from tests.support.cli import RECLAIM, Result, run_reclaim, run_reclaim_process
from tests.support.pictures import make_png
from tui.core.vault.vault import Vault

REQUIRED_JSON_KEYS = {
    "id",
    "sha256",
    "size",
    "original_name",
    "media_type",
    "platform",
    "url",
    "poster",
    "posted_at",
    "captured_at",
    "caption",
    "description",
    "significance",
    "added_at",
}


def added_ids(result: Result) -> list[str]:
    return [line.split()[0] for line in result.stdout.splitlines() if line.startswith("E-")]


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["init"],
        ["unlock"],
        ["log"],
        ["remember"],
        ["forget"],
        ["passphrase"],
        ["passphrase", "change"],
        ["evidence"],
        ["evidence", "add"],
        ["evidence", "list"],
        ["evidence", "show"],
        ["evidence", "edit"],
        ["evidence", "verify"],
        ["evidence", "export"],
    ],
)
def test_every_command_has_help(command: list[str]):
    result = run_reclaim(*command, "--help")
    assert result.returncode == 0
    assert "usage: reclaim" in result.stdout


def test_python_dash_m_tui_runs_the_same_command_line():
    done = subprocess.run(
        [sys.executable, "-m", "tui", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.startswith("reclaim ")


def test_init_creates_a_vault_and_shows_the_recovery_code_once(tmp_path: Path):
    # A real process: the case gets the real key derivation cost (the tests' own is cut
    # short), and the entry point of the case and evidence commands is proven.
    case = tmp_path / "case"
    result = run_reclaim_process(
        "init", "--vault", str(case), "--passphrase-file", "-", stdin=PASSPHRASE
    )
    assert result.returncode == 0, result.stderr
    match = re.search(r"\b([0-9A-Z]{4}(?:-[0-9A-Z]{4}){5})\b", result.stdout)
    assert match, result.stdout
    assert "write it down" in result.stdout
    header = json.loads((case / "header.json").read_text())
    assert header["slots"]["passphrase"]["argon2id"]["memory_kib"] >= 64 * 1024
    assert match.group(1) not in (case / "header.json").read_text()
    code_file = tmp_path / "code"
    code_file.write_text(match.group(1))
    unlocked = run_reclaim_process(
        "unlock", "--recovery-code", "--vault", str(case), "--passphrase-file", str(code_file)
    )
    assert unlocked.returncode == 0, unlocked.stderr
    listed = run_reclaim_process(
        "evidence", "list", "--vault", str(case), "--passphrase-file", "-", stdin=PASSPHRASE + "\n"
    )
    assert listed.returncode == 0 and "No evidence yet" in listed.stdout


def test_the_default_vault_is_used_without_vault(isolated_home: Path):
    result = run_reclaim("init", "--passphrase-file", "-", stdin=PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert (isolated_home / "data" / "reclaim" / "case" / "header.json").is_file()


def test_init_refuses_a_weak_passphrase_and_creates_nothing(tmp_path: Path):
    result = run_reclaim(
        "init", "--vault", str(tmp_path / "c"), "--passphrase-file", "-", stdin="password1234"
    )
    assert result.returncode == 1
    assert "could be guessed" in result.stderr
    assert not (tmp_path / "c").exists()


def test_init_refuses_an_existing_case(cli, vault: Vault):
    before = vault_bytes(vault.path)
    result = cli("init")
    assert result.returncode == 1
    assert "not empty" in result.stderr
    assert vault_bytes(vault.path) == before


def test_without_a_terminal_or_file_the_passphrase_is_asked_for_plainly(vault: Vault):
    result = run_reclaim("evidence", "list", "--vault", str(vault.path))
    assert result.returncode == 1
    assert result.stderr.startswith("reclaim: No passphrase was given.")


def test_a_wrong_passphrase_fails_plainly_and_changes_nothing(vault: Vault, tmp_path: Path):
    before = vault_bytes(vault.path)
    sample = make_png(tmp_path / "a.png")
    result = run_reclaim(
        "evidence",
        "add",
        str(sample),
        "--vault",
        str(vault.path),
        "--passphrase-file",
        "-",
        stdin="wrong horse\n",
    )
    assert result.returncode == 1
    assert result.stderr == (
        "reclaim: That passphrase does not open this case. Check it and try again "
        "(or use your recovery code).\n"
    )
    assert vault_bytes(vault.path) == before


def test_add_list_show_and_edit(cli, tmp_path: Path):
    one = make_png(tmp_path / "one.png", color="red")
    two = make_png(tmp_path / "two.png", color="blue")
    result = cli(
        "evidence",
        "add",
        str(one),
        str(two),
        "--platform",
        "Instagram",
        "--poster",
        "someuser",
        "--posted-at",
        "2024-03-05T21:14",
        "--caption",
        "look at this",
        "--description",
        "the post",
        "--significance",
        "shows the poster",
    )
    assert result.returncode == 0, result.stderr
    assert added_ids(result) == ["E-0001", "E-0002"]

    listed = cli("evidence", "list", "--json")
    records = json.loads(listed.stdout)
    assert [r["id"] for r in records] == ["E-0001", "E-0002"]
    assert set(records[0]) >= REQUIRED_JSON_KEYS
    assert records[0]["sha256"] == hashlib.sha256(one.read_bytes()).hexdigest()
    assert records[1]["original_name"] == "two.png"
    assert records[0]["posted_at"] == "2024-03-05T21:14"
    assert records[0]["poster"] == "someuser"

    table = cli("evidence", "list")
    assert "E-0002" in table.stdout and "Instagram" in table.stdout

    edited = cli("evidence", "edit", "e-2", "--description", "the second post")
    assert edited.returncode == 0, edited.stderr
    shown = json.loads(cli("evidence", "show", "E-0002", "--json").stdout)
    assert shown["description"] == "the second post"
    assert "the second post" in cli("evidence", "show", "2").stdout


def test_options_work_before_or_after_the_command(vault: Vault, passphrase_file: Path):
    result = run_reclaim(
        "--vault",
        str(vault.path),
        "--passphrase-file",
        str(passphrase_file),
        "evidence",
        "list",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_a_duplicate_is_reported_not_added(cli, tmp_path: Path):
    one = make_png(tmp_path / "one.png")
    cli("evidence", "add", str(one))
    again = cli("evidence", "add", str(one))
    assert again.returncode == 0
    assert added_ids(again) == []
    assert "already in the case as E-0001" in again.stderr


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "missing.png", "There is no file at"),
        (lambda tmp: tmp, "is a folder"),
    ],
)
def test_a_bad_file_in_a_batch_adds_nothing(cli, vault: Vault, tmp_path: Path, make, message):
    good = make_png(tmp_path / "good.png")
    before = vault_bytes(vault.path)
    result = cli("evidence", "add", str(good), str(make(tmp_path)))
    assert result.returncode == 1
    assert message in result.stderr
    assert result.stderr.count("\n") == 1, "one sentence, one line"
    assert vault_bytes(vault.path) == before


def test_an_impossible_date_is_refused_plainly(cli, vault: Vault, tmp_path: Path):
    before = vault_bytes(vault.path)
    result = cli("evidence", "add", str(make_png(tmp_path / "a.png")), "--posted-at", "2023-02-29")
    assert result.returncode == 1
    assert "2023-02-29 is not a real date" in result.stderr
    assert vault_bytes(vault.path) == before


def test_verify_passes_then_names_the_damaged_item(cli, vault: Vault, tmp_path: Path):
    cli(
        "evidence",
        "add",
        str(make_png(tmp_path / "a.png", color="red")),
        str(make_png(tmp_path / "b.png", color="blue")),
    )
    ok = cli("evidence", "verify")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "All 2 exhibits match" in ok.stdout
    with Vault.open(vault.path, passphrase=PASSPHRASE) as reopened:
        from tui.core.evidence.model import get_exhibit

        blob = reopened.blob_dir / f"{get_exhibit(reopened, 'E-0002').blob}.blob"
    raw = bytearray(blob.read_bytes())
    raw[60] ^= 0x40  # in the encrypted evidence (the blob's card comes at its end)
    blob.write_bytes(bytes(raw))
    bad = cli("evidence", "verify")
    assert bad.returncode == 1
    assert "E-0002: its stored copy is changed." in bad.stdout
    assert "E-0001" not in bad.stdout
    assert "1 of 2 exhibits are damaged" in bad.stdout


def test_export_writes_the_original_bytes(cli, tmp_path: Path):
    source = tmp_path / "recording.bin"
    source.write_bytes(os.urandom(2 * 1024 * 1024 + 1))
    cli("evidence", "add", str(source))
    out = tmp_path / "out"
    out.mkdir()
    result = cli("evidence", "export", "E-0001", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "recording.bin").read_bytes() == source.read_bytes()
    again = cli("evidence", "export", "E-0001", str(out))
    assert again.returncode == 1 and "already exists" in again.stderr
    missing = cli("evidence", "export", "E-0007", str(out))
    assert missing.returncode == 1 and "no exhibit E-0007" in missing.stderr


def change_passphrase(case: Path, stdin: str, *options: str) -> Result:
    """`reclaim passphrase change` on `case`, the old secret and the new one read from
    standard input."""
    return run_reclaim(
        "passphrase",
        "change",
        *options,
        "--vault",
        str(case),
        "--passphrase-file",
        "-",
        "--new-passphrase-file",
        "-",
        stdin=stdin,
    )


def test_passphrase_change_then_recovery_code_change(tmp_path: Path):
    case = tmp_path / "case"
    created = run_reclaim("init", "--vault", str(case), "--passphrase-file", "-", stdin=PASSPHRASE)
    code = re.search(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){5}", created.stdout)
    assert code
    before = {k: v for k, v in vault_bytes(case).items() if k != "header.json"}
    changed = change_passphrase(case, f"{PASSPHRASE}\n{NEW_PASSPHRASE}\n")
    assert changed.returncode == 0, changed.stderr
    assert {k: v for k, v in vault_bytes(case).items() if k != "header.json"} == before
    old = run_reclaim("unlock", "--vault", str(case), "--passphrase-file", "-", stdin=PASSPHRASE)
    assert old.returncode == 1
    third = "velvet-compass-orchard-ember"
    recovered = change_passphrase(case, f"{code.group(0).lower()}\n{third}\n", "--recovery-code")
    assert recovered.returncode == 0, recovered.stderr
    assert (
        run_reclaim(
            "unlock", "--vault", str(case), "--passphrase-file", "-", stdin=third
        ).returncode
        == 0
    )


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (512 * 1024, 512 * 1024))


def test_a_full_disk_fails_plainly_and_leaves_the_vault_as_it_was(
    cli, vault: Vault, tmp_path: Path, passphrase_file: Path
):
    cli("evidence", "add", str(make_png(tmp_path / "first.png")))
    before = vault_bytes(vault.path)
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(2 * 1024 * 1024))
    done = subprocess.run(
        [
            str(RECLAIM),
            "evidence",
            "add",
            str(big),
            "--vault",
            str(vault.path),
            "--passphrase-file",
            str(passphrase_file),
        ],
        capture_output=True,
        text=True,
        preexec_fn=_limit_file_size,
        timeout=60,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "not enough space on the disk" in done.stderr
    assert vault_bytes(vault.path) == before
    assert cli("evidence", "verify").returncode == 0


def test_a_damaged_record_gets_one_plain_sentence(cli, vault: Vault):
    record = vault.path / "case.db"
    raw = bytearray(record.read_bytes())
    raw[-3] ^= 0x10
    record.write_bytes(bytes(raw))
    result = cli("evidence", "list")
    assert result.returncode == 1
    assert result.stderr.startswith("reclaim: The case record is damaged")


def test_the_custody_log_is_shown_and_checked(cli, tmp_path: Path):
    cli("evidence", "add", str(make_png(tmp_path / "a.png")))
    cli("evidence", "verify")
    result = cli("log", "--json")
    assert result.returncode == 0
    assert [e["action"] for e in json.loads(result.stdout)] == ["intake", "verify"]


def test_remember_is_refused_where_there_is_no_keyring(cli):
    result = cli("remember")
    assert result.returncode == 1
    assert "no keyring" in result.stderr


def test_remember_and_forget_with_a_real_keyring(
    vault: Vault, passphrase_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.support.keyring_backend.FileKeyring")
    monkeypatch.setenv("RECLAIM_TEST_KEYRING", str(tmp_path / "keyring.json"))
    monkeypatch.setenv("PYTHONPATH", str(Path(__file__).parents[2]))
    vault_args = ("--vault", str(vault.path))
    assert run_reclaim("evidence", "list", *vault_args).returncode == 1
    remembered = run_reclaim("remember", *vault_args, "--passphrase-file", str(passphrase_file))
    assert remembered.returncode == 0, remembered.stderr
    assert run_reclaim("evidence", "list", *vault_args).returncode == 0
    assert run_reclaim("forget", *vault_args).returncode == 0
    assert run_reclaim("evidence", "list", *vault_args).returncode == 1


def test_large_files_show_progress_on_stderr_only(cli, tmp_path: Path):
    big = tmp_path / "screen-recording.mp4"
    with big.open("wb") as handle:
        for _ in range(33):
            handle.write(os.urandom(1024 * 1024))
    result = cli("evidence", "add", str(big))
    assert result.returncode == 0, result.stderr
    assert "Adding screen-recording.mp4: 100% of 33.0 MiB" in result.stderr
    assert added_ids(result) == ["E-0001"]
    assert "%" not in result.stdout
