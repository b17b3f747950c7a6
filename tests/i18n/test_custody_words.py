"""The custody log keeps each action's English key (it is hashed into the chain, and old
cases keep theirs), and shows it in the language spoken: `reclaim log` in Spanish says
"añadida al caso", not "intake"; an action this Reclaim does not know is shown as kept."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.support.cli import run_reclaim
from tests.support.pictures import make_png
from tui.core.evidence.adding import add_file
from tui.core.shared.i18n import speaking
from tui.core.vault.custody_words import known_actions, said
from tui.core.vault.vault import Vault

TUI = Path(__file__).resolve().parents[2] / "tui"


def _written_actions() -> set[str]:
    """Every action key written to the log by a literal in Reclaim's code."""
    found: set[str] = set()
    for path in TUI.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if "custody.append(" not in source and ".log(vault" not in source:
            continue
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            if node.func.attr == "append" and ast.unparse(node.func.value) == "custody":
                action = node.args[1] if len(node.args) > 1 else None
            elif node.func.attr == "log" and len(node.args) > 1:  # a binder's or package's
                action = node.args[1]
            else:
                continue
            for each in ast.walk(action) if action is not None else ():
                if isinstance(each, ast.Constant) and isinstance(each.value, str):
                    found.add(each.value)
    return found


def test_every_action_written_is_known() -> None:
    written = _written_actions()
    assert {"intake", "binder", "package", "event added", "exclude", "include"} <= written
    assert written - known_actions() == set()


@pytest.mark.parametrize("code", ["es", "fr"])
def test_every_known_action_is_said_in_the_language(code: str) -> None:
    with speaking(code):
        for action in known_actions():
            assert said(action) != action, (code, action)


def test_english_and_unknown_actions_are_shown_as_kept() -> None:
    assert said("intake") == "intake"
    with speaking("es"):
        assert said("something newer") == "something newer"


@pytest.mark.parametrize(
    ("code", "words"), [("es", "añadida al caso"), ("fr", "ajoutée au dossier")]
)
def test_reclaim_log_says_the_actions_in_the_language(
    code: str, words: str, vault: Vault, passphrase_file: Path, tmp_path: Path
) -> None:
    add_file(vault, make_png(tmp_path / "shot.png"), {})
    options = ["log", "--vault", str(vault.path), "--passphrase-file", str(passphrase_file)]
    done = run_reclaim(*options, "--language", code)
    assert done.returncode == 0, done.stderr
    assert words in done.stdout
    assert " intake " not in done.stdout
    # The log keeps the English key: --json shows it as kept, in every language.
    assert '"action": "intake"' in run_reclaim(*options, "--json", "--language", code).stdout
