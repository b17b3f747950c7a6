"""The installed `reclaim` console script, as a real process, says exactly what `main()`
says in the test's own process, for a command of every group: the entry point stays
proven, and so does the in-process runner the other CLI tests use."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cases import PASSPHRASE
from tests.support.cli import run_reclaim, run_reclaim_process
from tests.support.pictures import make_png
from tui.core.vault.vault import Vault

#: Words beyond ASCII, so that both ways encode the output alike.
ME = ("--name", "Zoë Ångström", "--contact", "zoe@example.org", "--signature", "Zoë Ångström")

#: One command of each group, run against a case holding one exhibit and one request.
EVERY_GROUP = {
    "case": ("log", "--json"),
    "evidence": ("evidence", "list", "--json"),
    "copies": ("copies", "list"),
    "timeline": ("timeline", "list"),
    "takedown": ("takedown", "list"),
    "letter": ("letter", "takedown", "R-001", *ME, "--confirm-no-consent"),
    "legal": ("legal", "options"),
    "checklist": ("checklist", "list"),
    "profile": ("profile", "show"),
    "jurisdiction": ("jurisdiction", "list", "--json"),
    "safety": ("safety", "--json"),
    "refused": ("evidence", "show", "E-0042"),
}


@pytest.fixture
def case_args(cli, vault: Vault, passphrase_file: Path, tmp_path: Path) -> tuple[str, ...]:
    """--vault and --passphrase-file for a case with something in it."""
    added = cli("evidence", "add", str(make_png(tmp_path / "post.png")), "--platform", "Reddit")
    assert added.returncode == 0, added.stderr
    requested = cli("takedown", "add", "--site", "reddit", "--url", "https://reddit.example/p/1")
    assert requested.returncode == 0, requested.stderr
    return ("--vault", str(vault.path), "--passphrase-file", str(passphrase_file))


@pytest.mark.parametrize("group", EVERY_GROUP)
def test_the_console_script_says_what_main_says(group: str, case_args: tuple[str, ...]):
    command = (*EVERY_GROUP[group], *case_args)
    in_process = run_reclaim(*command)
    real = run_reclaim_process(*command)
    assert real == in_process
    assert real.returncode == (1 if group == "refused" else 0), real.stderr


def test_standard_input_reaches_the_real_process_as_it_does_main():
    command = ("password", "check")
    real = run_reclaim_process(*command, stdin=PASSPHRASE + "\n")
    assert real == run_reclaim(*command, stdin=PASSPHRASE + "\n")
    assert real.returncode == 0, real.stderr


def test_help_and_version_exit_as_argparse_says_both_ways():
    for command in (("--version",), ("evidence", "--help"), ("evidence", "list", "--nope")):
        assert run_reclaim_process(*command) == run_reclaim(*command)


def test_a_picture_librarys_warnings_do_not_reach_the_terminal():
    """Pillow's "Corrupt EXIF data" UserWarning was printed under `evidence add`."""
    import warnings

    from tui.cli import quiet_libraries

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        quiet_libraries()
        warnings.warn_explicit(
            "Corrupt EXIF data.", UserWarning, "TiffImagePlugin.py", 982, "PIL.TiffImagePlugin"
        )
        warnings.warn_explicit("ours", UserWarning, "x.py", 1, "tui.core.x")
    assert [str(warning.message) for warning in caught] == ["ours"]
