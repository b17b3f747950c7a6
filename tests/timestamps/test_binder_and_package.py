"""A kept time-stamp in the binder (its line, with what it covers) and in the package (its
files, and HOW-TO-CHECK's `openssl ts -verify` steps, which pass as written)."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import bagit
import pypdf

from tests.support.pictures import make_png
from tests.support.tsa import TimestampAuthority, needs_openssl, openssl

pytestmark = needs_openssl


def _stamped_case(cli, tmp_path: Path, tsa: TimestampAuthority) -> dict[str, object]:
    for name, color in (("post.png", "teal"), ("chat.png", "orange"), ("dm.png", "navy")):
        assert cli("evidence", "add", str(make_png(tmp_path / name, color=color))).returncode == 0
    request = tmp_path / "case.tsq"
    assert cli("timestamp", "request", str(request)).returncode == 0
    reply = tsa.reply(request, tmp_path / "reply.tsr")
    assert cli("timestamp", "add", str(reply), "--ca-file", str(tsa.root)).returncode == 0
    (stamp,) = json.loads(cli("timestamp", "list", "--json").stdout)
    return dict(stamp)


def test_the_binder_prints_each_stamp_and_what_it_covers(
    cli, tmp_path: Path, tsa: TimestampAuthority
):
    stamp = _stamped_case(cli, tmp_path, tsa)
    target = tmp_path / "binder.pdf"
    assert cli("binder", str(target), "--date", "2026-12-07").returncode == 0
    text = " ".join(
        " ".join((page.extract_text() or "").split()) for page in pypdf.PdfReader(target).pages
    )
    moment = str(stamp["time"])
    line = (
        f"T-1: E-0001 to E-0003 existed no later than {moment[:10]} {moment[11:16]} UTC, "
        "per CN=Test TSA,O=Reclaim Tests"
    )
    assert line in text
    assert f"Listing SHA-256 {stamp['sha256']}" in text


def test_the_package_carries_the_stamp_and_openssl_verifies_it_as_told(
    cli, tmp_path: Path, tsa: TimestampAuthority
):
    stamp = _stamped_case(cli, tmp_path, tsa)
    package = tmp_path / "package"
    made = cli("binder", str(package), "--package", "--for", "lawyer", "--date", "2026-12-07")
    assert made.returncode == 0, made.stderr
    assert bagit.Bag(str(package)).is_valid()
    folder = package / "data" / "timestamps"
    assert sorted(p.name for p in folder.iterdir()) == [
        "timestamp-1.ca.pem",
        "timestamp-1.covers.txt",
        "timestamp-1.tsq",
        "timestamp-1.tsr",
    ]
    assert (folder / "timestamp-1.tsq").read_bytes() == (tmp_path / "case.tsq").read_bytes()
    assert (folder / "timestamp-1.tsr").read_bytes() == (tmp_path / "reply.tsr").read_bytes()
    covers = (folder / "timestamp-1.covers.txt").read_text()
    assert covers == (tmp_path / "case.covers.txt").read_text()
    manifest = (package / "manifest-sha256.txt").read_text()
    for line in covers.splitlines()[1:-1]:
        _exhibit, number, _sha, digest = line.split()
        assert re.search(rf"^{digest}  data/originals/{number}-", manifest, re.M), number
    assert "data/timestamps/" in (package / "data" / "README.txt").read_text()

    how_to = (package / "HOW-TO-CHECK.txt").read_text()
    steps = [line.strip() for line in how_to.splitlines() if "openssl ts -verify" in line]
    assert len(steps) == 2 and any("-queryfile" in s for s in steps)
    assert any("-data" in s for s in steps)
    for step in steps:
        done = openssl(*shlex.split(step)[1:], cwd=package)
        assert done.returncode == 0 and "Verification: OK" in done.stdout, done.stderr
    listed = openssl("dgst", "-sha256", str(folder / "timestamp-1.covers.txt")).stdout
    assert str(stamp["sha256"]) in listed
