"""An email's attachments that are pictures are printed after its text, under their
names (as a document's pictures are), in a .eml and an Outlook .msg; a file that only
says it is a picture is listed, not printed; at most 20 are printed."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.support import inner
from tui.core.evidence import formats
from tui.core.evidence.formats import base as blocks
from tui.core.evidence.formats.inner_files import MAX_EMAIL_PICTURES

RED = inner.png((200, 30, 30), (40, 30))
BLUE = inner.png((20, 40, 200), (30, 40))


@pytest.mark.parametrize(
    ("maker", "name"), [(inner.email, "mail.eml"), (inner.outlook, "mail.msg")]
)
def test_the_pictures_attached_to_an_email_are_printed(
    maker: Callable[[dict[str, bytes]], bytes], name: str
) -> None:
    data = maker({"red.png": RED, "notes.png": b"not a picture at all", "blue.png": BLUE})
    shown, reason = formats.printable(data, name)
    assert reason == ""
    pictures = [b for b in shown if isinstance(b, blocks.Picture)]
    assert [p.caption.split(" (")[0] for p in pictures] == ["Picture red.png", "Picture blue.png"]
    assert pictures[0].caption.startswith("Picture red.png (40 x 30 pixels, ")
    assert [(p.width, p.height) for p in pictures] == [(40, 30), (30, 40)]
    table = next(i for i, b in enumerate(shown) if isinstance(b, blocks.Table))
    assert table < shown.index(pictures[0])  # listed first, then printed


def test_at_most_twenty_pictures_of_an_email_are_printed() -> None:
    data = inner.email({f"p{n:02d}.png": inner.png((n, 30, 30)) for n in range(25)})
    shown, _ = formats.printable(data, "mail.eml")
    assert sum(isinstance(b, blocks.Picture) for b in shown) == MAX_EMAIL_PICTURES == 20
    table = next(b for b in shown if isinstance(b, blocks.Table))
    assert len(table.rows) == 25  # every one still listed
