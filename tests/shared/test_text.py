"""Sizes, counts and plurals, said one way everywhere (`tui.core.shared.text`)."""

from __future__ import annotations

from tui.core.shared.text import counted


def test_a_count_agrees_with_its_noun():
    assert counted(1, "exhibit") == "1 exhibit"
    assert counted(2, "exhibit") == "2 exhibits"
    assert counted(1, "copy", "copies") == "1 copy"
    assert counted(0, "copy", "copies") == "0 copies"
