"""Plain mode said "28 U.S.C. § 1746" as "28 U.S.C. artículo  1746", with two spaces."""

from __future__ import annotations

import pytest

from tui.core.shared.i18n import speaking
from tui.plain import prompt


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("en", "28 U.S.C. section 1746 and section 9"),
        ("es", "28 U.S.C. artículo 1746 and artículo 9"),
        ("fr", "28 U.S.C. article 1746 and article 9"),
    ],
)
def test_a_section_sign_is_said_as_a_word_with_one_space(code: str, words: str) -> None:
    with speaking(code):
        assert prompt.spoken("28 U.S.C. § 1746 and §9") == words
