"""`reclaim init --place X` with a code Reclaim doesn't know: what was typed (perhaps a
passphrase typed in the wrong place) is never printed back (issue 26 item 15)."""

from pathlib import Path

from tests.support.cases import PASSPHRASE
from tests.support.cli import run_reclaim


def test_init_never_repeats_an_unknown_place(tmp_path: Path):
    typed = "correct-horse-battery-7431"
    result = run_reclaim(
        "init", "--vault", str(tmp_path / "x"), "--passphrase-file", "-", "--place", typed,
        stdin=PASSPHRASE,
    )  # fmt: skip
    assert result.returncode != 0 and not (tmp_path / "x").exists()
    assert "That is not a place Reclaim knows" in result.stderr
    assert typed not in result.stdout and typed not in result.stderr
    assert "correct-horse" not in result.stdout + result.stderr
