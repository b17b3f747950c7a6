"""The command line's help speaks as the glossary says: Spanish 'tú' ('tu caja fuerte'),
and its examples of a date are ones the parser reads, in the language ('hacia 2023',
'vers 2023'), never Latin 'circa'."""

from __future__ import annotations

import pytest

from tests.support.cli import run_reclaim
from tui.core.shared.fuzzy_dates import When
from tui.core.shared.i18n import speaking


def test_init_help_says_tu_in_spanish() -> None:
    helped = " ".join(run_reclaim("init", "--help", "--language", "es").stdout.split())
    assert "tu caja fuerte" in helped and "su caja fuerte" not in helped


@pytest.mark.parametrize(
    ("code", "about"), [("es", '"hacia 2023"'), ("fr", "«\u00a0vers 2023\u00a0»")]
)
def test_evidence_add_help_gives_dates_the_parser_reads(code: str, about: str) -> None:
    helped = run_reclaim("evidence", "add", "--help", "--language", code).stdout
    assert about in helped and "circa" not in helped, helped
    with speaking(code):
        assert When.parse(about.strip('"«» \u00a0')).stored() == "~2023"
