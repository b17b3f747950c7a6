"""The command line takes no abbreviations and never repeats what followed an unknown
option: that may be a passphrase someone typed where it doesn't belong."""

from __future__ import annotations

from tests.support.cli import run_reclaim


def test_a_passphrase_typed_as_an_option_is_refused_and_not_echoed():
    secret = "tender-quilt-orbit-canyon"
    done = run_reclaim("evidence", "list", "--passphrase", secret)
    assert done.returncode == 2
    assert secret not in done.stdout + done.stderr
    assert "--passphrase: not something this command takes" in done.stderr
    assert "--passphrase-file" in done.stderr


def test_abbreviations_are_not_taken_for_options(tmp_path):
    done = run_reclaim("evidence", "list", "--passphrase-fil", str(tmp_path / "x"))
    assert done.returncode == 2 and "--passphrase-fil:" in done.stderr
    assert str(tmp_path) not in done.stderr
