"""The README speaks to the person first (issue 29): its first 40 lines say what Reclaim
is for and that help is one key away, and hold the two commands, which are true. Its
person's part is also in Spanish and French, and names only commands the parser knows."""

from __future__ import annotations

import argparse
import re
from functools import cache
from pathlib import Path

import pytest

from tui.cli.parser import TOP_OPTIONS_WITH_VALUES, build_parser

ROOT = Path(__file__).resolve().parent.parent
DEMO = "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/reclaim --demo"
TESTS = "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest"


def test_the_first_40_lines_are_for_a_person_and_hold_both_commands():
    top = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:40]
    text = "\n".join(top)
    assert DEMO in top and TESTS in top
    assert "F1" in text and "Safety" in text
    assert "shared" in text and "not your fault" in text
    # Developer words belong under "For developers", at the end.
    for word in ("pytest-xdist", "lint-imports", "mypy", "import-linter", "docstring", "Argon2"):
        assert word not in text, word


def test_the_developer_notes_come_last_and_the_ci_runs_the_readme_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", readme, re.MULTILINE)
    assert headings[-2:] == ["For developers", "Licence"]
    assert TESTS in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "--demo" in (ROOT / "tui" / "cli" / "parser.py").read_text(encoding="utf-8")


# The person's part of the README in Spanish and French (issue 29).
TRANSLATIONS = {
    "es": (ROOT / "tui" / "locale" / "es" / "LEEME.md", "todavía no ha revisado"),
    "fr": (ROOT / "tui" / "locale" / "fr" / "LISEZMOI.md", "n'a pas encore été relue"),
}
BACK_TO_README = "[README.md](../../../README.md)"
#: Code in Markdown: a fenced block's lines, or a `span`.
CODE = re.compile(r"^```[^\n]*\n(.*?)^```|`([^`\n]+)`", re.DOTALL | re.MULTILINE)
#: `reclaim` as a word typed, and what follows it up to a comment or a quote.
TYPED = re.compile(r"(?:^|(?<=[\s\"'/|(]))reclaim[ \t]+([^\n#\"']*)", re.MULTILINE)


def person_part(text: str) -> str:
    """What a person reads: everything before the developers' notes."""
    return text.split("\n## For developers\n")[0]


def the_two_commands() -> list[str]:
    """The install-and-run commands, as the English README's first 40 lines hold them."""
    top = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:40]
    return [line for line in top if line.startswith("python3 -m venv ")]


@cache
def parser_commands() -> tuple[frozenset[str], dict[str, frozenset[str]], frozenset[str]]:
    """The parser's commands, each command's own commands (if any), and its top options."""
    parser = build_parser()
    options = frozenset(o for action in parser._actions for o in action.option_strings)
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    inner: dict[str, frozenset[str]] = {}
    for name, sub in commands.choices.items():
        for action in sub._actions:
            if isinstance(action, argparse._SubParsersAction):
                inner[name] = frozenset(action.choices)
    return frozenset(commands.choices), inner, options


def commands_named(text: str) -> set[tuple[str, ...]]:
    """Every `reclaim COMMAND [SUBCOMMAND]` typed in the code of `text`, each checked
    against the parser (a top option before the command must be one it knows)."""
    known, inner, options = parser_commands()
    named: set[tuple[str, ...]] = set()
    for match in CODE.finditer(text):
        code = match.group(1) or match.group(2)
        for typed in TYPED.finditer(code):
            words = iter(typed.group(1).split())
            command: tuple[str, ...] = ()
            for word in words:
                if word.startswith("-"):
                    assert word.split("=")[0] in options, (word, typed.group(0))
                    if word in TOP_OPTIONS_WITH_VALUES:
                        next(words, None)
                    continue
                assert word in known, f"{typed.group(0)!r}: {word} is not a command"
                command = (word,)
                if word in inner:
                    sub = next((w for w in words if not w.startswith("-")), "")
                    assert sub in inner[word], f"{typed.group(0)!r}: {word} {sub}?"
                    command += (sub,)
                break
            if command:
                named.add(command)
    return named


def test_the_person_part_is_in_spanish_and_french_linked_from_the_top():
    top = "\n".join((ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:5])
    for path, _unreviewed in TRANSLATIONS.values():
        assert f"]({path.relative_to(ROOT).as_posix()})" in top
        assert path.is_file()


def test_each_translation_says_it_is_unreviewed_links_back_and_holds_both_commands():
    commands = the_two_commands()
    assert len(commands) == 2
    for language, (path, unreviewed) in TRANSLATIONS.items():
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0]
        assert unreviewed in first and BACK_TO_README in first, language
        assert (path.parent / "../../../README.md").resolve() == ROOT / "README.md"
        lines = text.splitlines()
        for command in commands:
            assert command in lines, (language, command)
        assert "## For developers" not in text, language


def test_the_translations_name_the_commands_the_english_names_and_the_parser_knows():
    english = commands_named(person_part((ROOT / "README.md").read_text(encoding="utf-8")))
    assert ("evidence", "add") in english and ("backup",) in english
    for language, (path, _unreviewed) in TRANSLATIONS.items():
        named = commands_named(path.read_text(encoding="utf-8"))
        assert named == english, (language, named ^ english)


def headings(text: str) -> list[str]:
    """The levels of a Markdown text's headings, in order ("#", "##", "###"), code left out."""
    prose = re.sub(r"^```.*?^```", "", text, flags=re.DOTALL | re.MULTILINE)
    return re.findall(r"^(#+) ", prose, re.MULTILINE)


def test_the_translations_have_every_section_of_the_english():
    """A section added to the person's part in English is a section missing in each
    translation until it is translated."""
    english = headings(person_part((ROOT / "README.md").read_text(encoding="utf-8")))
    assert english.count("###") >= 3
    for language, (path, _unreviewed) in TRANSLATIONS.items():
        assert headings(path.read_text(encoding="utf-8")) == english, language


def test_a_renamed_or_unknown_command_is_caught():
    assert commands_named("```sh\nreclaim evidence verify\n```") == {("evidence", "verify")}
    for stale in ("`reclaim evidence check`", "`reclaim takedowns list`", "`reclaim --colour`"):
        with pytest.raises(AssertionError):
            commands_named(stale)
