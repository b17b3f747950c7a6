"""`reclaim legal options` at a shell says the command to type for a next step, never a
key of the app's screen ("Press w on this step", "Appuyez sur w à cette étape"), in
every language; the app's page keeps its keys."""

from __future__ import annotations

import pytest

from tests.support.cli import run_reclaim
from tui.core.shared.i18n import speaking
from tui.core.takedowns.legal_options import as_text, shipped


@pytest.mark.parametrize(
    ("code", "keys", "commands"),
    [
        (
            "en",
            ("Press w", "Press d", "Press p", "Step 7", "on this step", "(step 7)"),
            ("Next: reclaim letter cease-desist drafts one.", "reclaim binder FILE.pdf"),
        ),
        (
            "es",
            ("Pulsa", "este paso", "paso 7"),
            ("reclaim letter cease-desist", "reclaim binder ARCHIVO.pdf --for police"),
        ),
        (
            "fr",
            ("Appuyez", "cette étape", "étape 7"),
            ("reclaim letter cease-desist en rédige une.", "reclaim legal package RÉPERTOIRE"),
        ),
    ],
)
def test_the_command_line_says_commands_not_keys(
    code: str, keys: tuple[str, ...], commands: tuple[str, ...]
) -> None:
    done = run_reclaim("legal", "options", "--place", "us", "--language", code)
    assert done.returncode == 0, done.stderr
    for key in keys:
        assert key not in done.stdout, (key, done.stdout)
    for command in commands:
        assert command in done.stdout, (command, done.stdout)
    assert "reclaim takedown next" in done.stdout


def test_the_apps_page_keeps_its_keys() -> None:
    with speaking("en"):
        text = as_text(shipped())
    assert "Next: Press w on this step to draft one." in text


def test_french_says_the_first_of_the_month_and_a_laws_colon_its_way() -> None:
    from datetime import date

    from tui.core.places.catalogue import resolve
    from tui.core.shared.local_formats import long_date
    from tui.core.takedowns.legal_options import place_lines

    with speaking("fr"):
        assert long_date(date(2026, 12, 1)) == "1er décembre 2026"
        assert long_date(date(2026, 12, 11)) == "11 décembre 2026"
        laws = place_lines(resolve("ca"))
    assert any("\u00a0: " in line and not line.startswith(" ") for line in laws), laws
    with speaking("es"):
        assert long_date(date(2026, 12, 1)) == "1 de diciembre de 2026"
