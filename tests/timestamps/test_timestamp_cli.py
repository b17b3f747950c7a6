"""`reclaim timestamp request|add|list` as a person types it, against a timestamp authority
the test makes with openssl: the request is what openssl reads, the reply is checked
offline and kept, and a reply that does not check is refused with nothing written."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from tests.support.cases import vault_bytes
from tests.support.pictures import make_png
from tests.support.tsa import TimestampAuthority, needs_openssl, openssl
from tui.core.timestamps.checking import CHANGED, NOT_OURS, UNKNOWN
from tui.core.vault.vault import Vault

pytestmark = needs_openssl


def _case_with_two_exhibits(cli, tmp_path: Path) -> list[Path]:
    files = [
        make_png(tmp_path / "post.png"),
        make_png(tmp_path / "chat.png", color="orange"),
    ]
    for each in files:
        assert cli("evidence", "add", str(each)).returncode == 0
    return files


def _request(cli, tmp_path: Path, name: str = "case.tsq") -> Path:
    out = tmp_path / name
    result = cli("timestamp", "request", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_a_request_is_what_openssl_reads_and_covers_the_case(cli, tmp_path: Path):
    files = _case_with_two_exhibits(cli, tmp_path)
    out = tmp_path / "case.tsq"
    result = cli("timestamp", "request", str(out))
    assert result.returncode == 0, result.stderr
    listing = tmp_path / "case.covers.txt"
    covers = listing.read_bytes()
    digest = hashlib.sha256(covers).hexdigest()
    said = " ".join(result.stdout.split())
    assert f"Fingerprint (SHA-256 of the listing): {digest}" in said
    assert "It covers E-0001 to E-0002" in said
    for url in (
        "https://freetsa.org/tsr",
        "http://timestamp.digicert.com",
        "http://timestamp.sectigo.com",
    ):
        assert url in said
    assert "curl -H 'Content-Type: application/timestamp-query' --data-binary @case.tsq" in said
    lines = covers.decode().splitlines()
    for number, each in enumerate(files, start=1):
        line = f"exhibit E-000{number} sha256 {hashlib.sha256(each.read_bytes()).hexdigest()}"
        assert line in lines
    assert re.fullmatch(r"custody-log entry \d+ hash [0-9a-f]{64}", lines[-1])

    shown = openssl("ts", "-query", "-in", str(out), "-text")
    assert shown.returncode == 0, shown.stderr
    text = shown.stdout
    assert "Hash Algorithm: sha256" in text and "Certificate required: yes" in text
    assert re.search(r"Nonce: 0x[0-9A-F]+", text)
    message = "".join(re.findall(r"- ((?:[0-9a-f]{2}[ -]){1,16})", text)).replace("-", " ")
    assert message.split() == [digest[i : i + 2] for i in range(0, 64, 2)]

    listed = json.loads(cli("timestamp", "list", "--json").stdout)
    assert listed == [
        {
            "id": "T-1",
            "requested_at": listed[0]["requested_at"],
            "sha256": digest,
            "covers": {
                "exhibits": 2,
                "first": "E-0001",
                "last": "E-0002",
                "custody_log_entry": listed[0]["covers"]["custody_log_entry"],
            },
            "time": None,
            "authority": None,
        }
    ]
    assert f"custody-log entry {listed[0]['covers']['custody_log_entry']} " in lines[-1]
    assert "waiting for its reply" in cli("timestamp", "list").stdout


def test_the_authoritys_reply_is_checked_and_kept(cli, tmp_path: Path, tsa: TimestampAuthority):
    _case_with_two_exhibits(cli, tmp_path)
    request = _request(cli, tmp_path)
    reply = tsa.reply(request, tmp_path / "reply.tsr")
    added = cli("timestamp", "add", str(reply), "--ca-file", str(tsa.root))
    assert added.returncode == 0, added.stderr
    said = " ".join(added.stdout.split())
    assert "Kept the time-stamp T-1: E-0001 to E-0002 existed no later than" in said
    assert "per CN=Test TSA,O=Reclaim Tests." in said

    openssl_time = openssl("ts", "-reply", "-in", str(reply), "-text").stdout
    (stamp,) = json.loads(cli("timestamp", "list", "--json").stdout)
    assert stamp["authority"] == "CN=Test TSA,O=Reclaim Tests"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", stamp["time"])
    clock = stamp["time"][11:19]
    assert f" {clock} " in openssl_time, "the authority's own time, in UTC"
    text = cli("timestamp", "list").stdout
    assert f"T-1  {stamp['time'].replace('T', ' ').replace('Z', ' UTC')}" in text
    assert "covers E-0001 to E-0002" in text
    log = json.loads(cli("log", "--json").stdout)
    assert [e["action"] for e in log[-2:]] == ["time-stamp requested", "time-stamp added"]

    again = cli("timestamp", "add", str(reply), "--ca-file", str(tsa.root))
    assert again.returncode == 1
    assert (
        again.stderr.strip() == "reclaim: Time-stamp T-1 already has its reply; nothing was kept."
    )


def _refused(cli, vault: Vault, reply: Path, *options: str) -> str:
    before = vault_bytes(vault.path)
    result = cli("timestamp", "add", str(reply), *options)
    assert result.returncode == 1 and result.stdout == ""
    assert vault_bytes(vault.path) == before, "nothing written"
    message: str = result.stderr.strip().removeprefix("reclaim: ")
    assert ". " not in message and "\n" not in message and "Traceback" not in message
    return message


def test_a_reply_to_another_request_is_refused(
    cli, vault: Vault, tmp_path: Path, tsa: TimestampAuthority
):
    _case_with_two_exhibits(cli, tmp_path)
    _request(cli, tmp_path)
    (tmp_path / "other.txt").write_text("someone else's document\n")
    other = tmp_path / "other.tsq"
    made = openssl(
        "ts", "-query", "-data", str(tmp_path / "other.txt"), "-sha256", "-cert",
        "-out", str(other),
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    reply = tsa.reply(other, tmp_path / "other.tsr")
    assert _refused(cli, vault, reply, "--ca-file", str(tsa.root)) == NOT_OURS


@pytest.mark.parametrize("where", ["first", "middle", "time", "signature", "last"])
def test_a_reply_altered_by_one_byte_is_refused(
    cli, vault: Vault, tmp_path: Path, tsa: TimestampAuthority, where: str
):
    _case_with_two_exhibits(cli, tmp_path)
    reply = tsa.reply(_request(cli, tmp_path), tmp_path / "reply.tsr")
    data = bytearray(reply.read_bytes())
    offset = {
        "first": 0,
        "middle": len(data) // 2,
        "time": data.index(b"Z", 80) - 2,  # a digit of the GeneralizedTime
        "signature": len(data) - 10,
        "last": len(data) - 1,
    }[where]
    data[offset] ^= 0x01
    altered = tmp_path / "altered.tsr"
    altered.write_bytes(bytes(data))
    message = _refused(cli, vault, altered, "--ca-file", str(tsa.root))
    assert message in (
        CHANGED,
        NOT_OURS,
        "This file is not a time-stamp reply, or it was damaged; nothing was kept.",
        "The authority did not grant this time-stamp; nothing was kept.",
    )


def test_a_reply_from_an_unknown_authority_is_refused(
    cli, vault: Vault, tmp_path: Path, tsa: TimestampAuthority
):
    _case_with_two_exhibits(cli, tmp_path)
    reply = tsa.reply(_request(cli, tmp_path), tmp_path / "reply.tsr")
    assert _refused(cli, vault, reply) == UNKNOWN


def test_a_request_needs_evidence_and_a_new_tsq(cli, vault: Vault, tmp_path: Path):
    before = vault_bytes(vault.path)
    empty = cli("timestamp", "request", str(tmp_path / "x.tsq"))
    assert empty.returncode == 1
    assert empty.stderr.strip() == "reclaim: There is no evidence in this case to time-stamp yet."
    assert vault_bytes(vault.path) == before and not any(tmp_path.glob("x.*"))
    _case_with_two_exhibits(cli, tmp_path)
    wrong = cli("timestamp", "request", str(tmp_path / "x.txt"))
    assert wrong.returncode == 1 and "ends in .tsq" in wrong.stderr
    (tmp_path / "there.covers.txt").write_text("mine\n")
    taken = cli("timestamp", "request", str(tmp_path / "there.tsq"))
    assert taken.returncode == 1 and "already exists; nothing was written" in taken.stderr
    assert not (tmp_path / "there.tsq").exists()
    assert (tmp_path / "there.covers.txt").read_text() == "mine\n"
    assert json.loads(cli("timestamp", "list", "--json").stdout) == []


def test_the_root_may_be_given_in_der_and_a_file_that_is_no_certificate_is_refused(
    cli, vault: Vault, tmp_path: Path, tsa: TimestampAuthority
):
    _case_with_two_exhibits(cli, tmp_path)
    reply = tsa.reply(_request(cli, tmp_path), tmp_path / "reply.tsr")
    (tmp_path / "notes.txt").write_text("not a certificate\n")
    message = _refused(cli, vault, reply, "--ca-file", str(tmp_path / "notes.txt"))
    assert message == "The file given with --ca-file holds no certificate Reclaim can read."
    der = tmp_path / "root.cer"
    assert (
        openssl("x509", "-in", str(tsa.root), "-outform", "DER", "-out", str(der)).returncode == 0
    )
    added = cli("timestamp", "add", str(reply), "--ca-file", str(der))
    assert added.returncode == 0, added.stderr
