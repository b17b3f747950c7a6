"""A path that can't be written or looked at: one plain sentence, never the error's own."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from tui.core.shared.unwritable import not_found, not_written


def error_from(path: str) -> Exception:
    try:
        Path(path).expanduser().exists()
    except (OSError, ValueError, RuntimeError) as error:
        return error
    raise AssertionError(f"{path!r} could be looked at")


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/tmp/" + "n" * 300, "too long"),
        ("~no-such-user-here/x", "your own home folder"),
    ],
)
def test_what_a_path_s_own_error_becomes(path: str, words: str):
    said = not_written(error_from(path)) + " " + not_found(error_from(path))
    assert words in said or (words == "character no disk accepts" and "no file" in said)
    for sentence in (not_written(error_from(path)), not_found(error_from(path))):
        assert "Errno" not in sentence and "Error" not in sentence and "\x00" not in sentence


def test_a_folder_not_there_or_not_allowed():
    missing = FileNotFoundError(errno.ENOENT, "No such file or directory")
    assert "folder to save into is not there" in not_written(missing)
    refused = PermissionError(errno.EACCES, "Permission denied")
    assert "not allowed to write while saving the file" in not_written(refused)
    assert "not allowed to look" in not_found(refused)


def test_a_name_no_disk_takes():
    sentence = not_written(ValueError("embedded null byte"))
    assert "character no disk accepts" in sentence and "null" not in sentence
