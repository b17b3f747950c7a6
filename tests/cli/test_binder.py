"""`reclaim binder` as a person types it, run in this process through `tui.cli.main`."""

import hashlib
import io
import json
import subprocess
from pathlib import Path

import bagit
import pikepdf

from tests.support.cases import vault_bytes
from tests.support.cli import run_reclaim
from tests.support.pictures import make_png
from tui.core.vault.vault import Vault


def test_binder_help():
    result = run_reclaim("binder", "--help")
    assert result.returncode == 0 and "--attach-originals" in result.stdout
    assert "not PDF/A" in " ".join(result.stdout.split()), "the password's cost is said"


def test_a_binder_with_a_password_and_originals(cli, tmp_path: Path):
    source = make_png(tmp_path / "post.png")
    assert cli("evidence", "add", str(source), "--description", "the post").returncode == 0
    secret = tmp_path / "binder-password.txt"
    secret.write_text("apple river cloud stone\n")
    target = tmp_path / "binder.pdf"
    result = cli(
        "binder", str(target), "--for", "lawyer", "--prepared-by", "Jordan",
        "--date", "2024-03-07", "--paper", "letter", "--attach-originals",
        "--password-file", str(secret),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Wrote {target}: ")
    assert "not encrypted" not in result.stdout
    assert "The PDF is encrypted, so it is not PDF/A" in result.stdout
    data = target.read_bytes()
    with pikepdf.open(io.BytesIO(data), password="apple river cloud stone") as pdf:
        (spec,) = pdf.attachments.values()
        assert spec.get_file().read_bytes() == source.read_bytes()
        assert float(pdf.pages[0].mediabox[2]) == 612
    log = json.loads(cli("log", "--json").stdout)
    assert log[-1]["action"] == "binder" and log[-1]["details"]["encrypted"] is True


def test_same_date_same_bytes_through_the_cli(cli, tmp_path: Path):
    cli("evidence", "add", str(make_png(tmp_path / "a.png")))
    for name in ("one.pdf", "two.pdf"):
        result = cli("binder", str(tmp_path / name), "--date", "2024-03-07")
        assert result.returncode == 0, result.stderr
        assert "not encrypted" in result.stdout and "PDF/A-2b" in result.stdout
    assert (tmp_path / "one.pdf").read_bytes() == (tmp_path / "two.pdf").read_bytes()


def test_refusals_are_one_sentence_and_change_nothing(cli, vault: Vault, tmp_path: Path):
    before = vault_bytes(vault.path)
    empty = cli("binder", str(tmp_path / "b.pdf"))
    assert empty.returncode == 1
    assert empty.stderr.strip() == (
        "reclaim: There is no evidence to put in a binder yet (or all of it is removed)."
    )
    bad_date = cli("binder", str(tmp_path / "b.pdf"), "--date", "7 March")
    assert bad_date.returncode == 1 and "is not a date" in bad_date.stderr
    assert vault_bytes(vault.path) == before and not (tmp_path / "b.pdf").exists()


def test_the_usb_package_is_a_valid_bagit_bag(cli, tmp_path: Path):
    source = make_png(tmp_path / "post.png")
    cli("evidence", "add", str(source), "--description", "the post")
    folder = tmp_path / "usb" / "case-for-police"
    (tmp_path / "usb").mkdir()
    result = cli("binder", str(folder), "--package", "--date", "2024-03-07")
    assert result.returncode == 0, result.stderr
    assert "BagIt bag" in result.stdout
    bag = bagit.Bag(str(folder))
    bag.validate()
    assert bag.info["Bagging-Date"] == "2024-03-07"
    assert (folder / "data" / "originals" / "E-0001-post.png").read_bytes() == source.read_bytes()
    assert (folder / "data" / "binder.pdf").read_bytes().startswith(b"%PDF")
    assert "bagit.py --validate" in (folder / "data" / "README.txt").read_text()
    checked = subprocess.run(
        ["sha256sum", "-c", "manifest-sha256.txt"], cwd=folder, capture_output=True, text=True
    )
    assert checked.returncode == 0 and checked.stdout.count(": OK") == 3

    (folder / "data" / "originals" / "E-0001-post.png").write_bytes(b"changed")
    try:
        bagit.Bag(str(folder)).validate()
    except bagit.BagValidationError:
        pass
    else:
        raise AssertionError("a changed original must fail validation")
    again = cli("binder", str(folder), "--package")
    assert again.returncode == 1 and "is not empty" in again.stderr
    log = json.loads(cli("log", "--json").stdout)
    # One entry for the package, naming the binder it carries (no separate binder entry).
    binder_sha256 = hashlib.sha256((folder / "data" / "binder.pdf").read_bytes()).hexdigest()
    assert [e["action"] for e in log[-2:]] == ["intake", "package"]
    assert log[-1]["details"]["binder_sha256"] == binder_sha256
