"""The README speaks to the person first (issue 29): its first 40 lines say what Reclaim
is for and that help is one key away, and hold the two commands, which are true."""

from __future__ import annotations

import re
from pathlib import Path

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
