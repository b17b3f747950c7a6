"""The system's commonest refusals are said in the language of the sentence around them
(the system's words are English: 'Algo falló al guardar la carpeta (File name too long)')."""

from __future__ import annotations

import errno
import os

import pytest

from tui.core.shared import i18n
from tui.core.shared.errors import explain

COMMON = ("ENOENT", "EACCES", "ENOSPC", "ENAMETOOLONG", "EROFS", "EEXIST", "EISDIR", "ENOTDIR")


@pytest.mark.parametrize("name", COMMON)
@pytest.mark.parametrize("code", ["es", "fr"])
def test_a_common_system_refusal_is_said_in_the_language(name: str, code: str) -> None:
    number = getattr(errno, name)
    english = os.strerror(number)
    with i18n.speaking(code):
        said = explain(OSError(number, english), i18n._("saving the declaration"))
    assert english not in said and "(" not in said
    assert ("guardar la declaración" if code == "es" else "déclaration") in said


def test_a_rarer_refusal_keeps_the_system_words() -> None:
    said = explain(OSError(errno.EBUSY, "Device or resource busy"), "saving the declaration")
    assert said == (
        "Something went wrong while saving the declaration (Device or resource busy); "
        "nothing was changed."
    )


def test_a_missing_file_is_said_plainly_in_english() -> None:
    said = explain(FileNotFoundError(errno.ENOENT, "No such file or directory"), "backing up")
    assert said == (
        "A file or folder that was needed is not there, so backing up was not possible; "
        "nothing was changed."
    )
