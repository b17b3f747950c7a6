"""Bulleted and numbered lists whose wrapped lines hang under their words, not under the
bullet (`tui.widgets.hanging`)."""

from __future__ import annotations

from rich.console import Console

from tui.widgets.hanging import bullets, hanging


def test_wrapped_list_lines_hang_under_their_words():
    console = Console(width=30, color_system=None)
    with console.capture() as captured:
        console.print(bullets(["Save everything before you report, block or delete."]))
        console.print(hanging([("1.", "Press the power button and volume down together.")]))
    lines = captured.get().splitlines()
    assert lines[0].startswith("  • Save") and lines[1].startswith("    ")
    assert lines[1].strip() and not lines[1].lstrip().startswith("•")
    numbered = [line for line in lines if line.startswith("  1.")]
    following = lines[lines.index(numbered[0]) + 1]
    assert following.startswith("     ") and following.strip()
