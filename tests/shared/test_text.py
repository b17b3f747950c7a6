"""Sizes, counts and plurals, said one way everywhere (`tui.core.shared.text`)."""

from __future__ import annotations

from tui.core.shared import text
from tui.core.shared.text import counted


def test_a_count_agrees_with_its_noun():
    assert counted(1, "exhibit") == "1 exhibit"
    assert counted(2, "exhibit") == "2 exhibits"
    assert counted(1, "copy", "copies") == "1 copy"
    assert counted(0, "copy", "copies") == "0 copies"


def test_french_sizes_say_kio_and_mio_held_to_their_number() -> None:
    """French writes the binary units its own way (octets: Kio, Mio, Gio), Spanish keeps
    the international KiB, MiB; both hold the unit to its number with a no-break space."""
    from tui.core.shared import i18n

    with i18n.speaking("fr"):
        assert text.size(1536 * 1024) == "1,5\u00a0Mio"
        assert text.size(15462) == "15,1\u00a0Kio"
        assert text.size(3 * 1024**3) == "3,0\u00a0Gio"
    with i18n.speaking("es"):
        assert text.size(1536 * 1024) == "1,5\u00a0MiB"
    assert text.size(1536 * 1024) == "1.5 MiB"
