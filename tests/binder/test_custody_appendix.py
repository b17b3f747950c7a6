"""The binder's custody appendix names the fields an edit changed, never the words before
and after (the custody log keeps those in the case, for `reclaim evidence history`)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from tests.support.pictures import make_png
from tui.core.binder.build import build
from tui.core.binder.choices import BinderChoices
from tui.core.evidence.adding import add_file
from tui.core.evidence.changes import update_details
from tui.core.passwords import profile
from tui.core.vault.vault import Vault


def test_an_edits_old_and_new_words_stay_out_of_the_binder(vault: Vault, tmp_path: Path):
    add_file(vault, make_png(tmp_path / "a.png"), {"notes": "Sorrel told me first"})
    update_details(vault, "E-0001", {"notes": "Pipkin told me"})
    profile.change(vault, {"pets": ["Whiskerton"]})
    data = build(vault, BinderChoices(export_date=date(2024, 3, 7)))
    pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]
    log = "\n".join(text for text in pages if "Appendix: custody log" in text)
    assert "fields: notes" in log
    for word in ("Sorrel", "Pipkin", "Whiskerton"):
        assert word not in log
