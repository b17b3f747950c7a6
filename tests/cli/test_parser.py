"""The parser loads only the module of the command named on the command line, and the table
that says which module that is stays true."""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys

import pytest

from tests.support.cli import run_reclaim
from tui.cli.parser import COMMAND_MODULES, named_command


@pytest.mark.parametrize("module", sorted(set(COMMAND_MODULES.values())))
def test_each_module_adds_the_commands_the_table_gives_it(module: str):
    commands = argparse.ArgumentParser().add_subparsers()
    importlib.import_module(f"tui.cli.{module}").register(commands)
    given = {name for name, owner in COMMAND_MODULES.items() if owner == module}
    assert set(commands.choices) == given


@pytest.mark.parametrize(
    ("argv", "found"),
    [
        (["evidence", "list"], ("evidence", False)),
        (["--vault", "log", "evidence", "list"], ("evidence", False)),
        (["--vault=log", "--passphrase-file", "-", "log"], ("log", False)),
        (["--config", "x.toml", "safety"], ("safety", False)),
        (["--demo"], (None, False)),
        ([], (None, False)),
        (["--kiosk", "--help"], (None, True)),
        (["--", "timeline", "list"], ("timeline", False)),
    ],
)
def test_the_command_is_the_first_word_that_is_no_option_or_its_value(argv, found):
    assert named_command(argv) == found


def test_help_lists_every_command():
    listed = run_reclaim("--help").stdout
    assert all(f"    {name} " in listed for name in COMMAND_MODULES)


def test_a_command_loads_no_other_commands_module():
    code = (
        "import json, sys; from tui.cli.parser import build_parser; "
        "build_parser(['evidence', 'list', '--json']); "
        "print(json.dumps([m for m in sys.modules if m.startswith('tui.cli.')]))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = {name.split(".")[2] for name in json.loads(done.stdout)}
    # metavars: the placeholders' words, which every parser says; output_encoding: how
    # every command writes (neither is a command's module)
    assert loaded == {"common", "parser", "metavars", "output_encoding", "evidence"}
