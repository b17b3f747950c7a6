"""The phrases that say what was being done ("making the binder") go into the core's
error sentences ("Something went wrong while {doing}…", "not enough space … for
{doing}"): in Spanish they are infinitives ("al {doing}", "para {doing}"), in French
noun phrases ("pendant {doing}", "pour {doing}"), so that the sentences read right."""

from __future__ import annotations

import errno

import pytest

from tui.core.shared import i18n
from tui.core.shared.errors import explain
from tui.core.shared.unwritable import not_written

DOING = (
    "adding files",
    "backing up",
    "giving the case a new key",
    "making a new key",
    "making the binder",
    "making the case",
    "making the package",
    "reading the files inside it",
    "saving the account",
    "saving the declaration",
    "saving the letter",
    "taking the files in",
)


@pytest.mark.parametrize("doing", DOING)
def test_what_was_being_done_reads_right_inside_an_error(doing: str) -> None:
    full = OSError(errno.ENOSPC, "No space left on device")
    for code, wrong in (("es", (" al al ", "para al ")), ("fr", ("pendant en ", "pour en "))):
        with i18n.speaking(code):
            said = (
                not_written(full, i18n._(doing)) + " " + explain(RuntimeError("x"), i18n._(doing))
            )
        assert i18n.translations(code).gettext(doing) != doing
        assert not any(piece in said for piece in wrong), said
