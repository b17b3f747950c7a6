"""Home's binder line says its day the language's way (issue 29, w3: "hecha por última
vez el 2026-12-07" on the Spanish home screen)."""

from __future__ import annotations

from datetime import UTC, datetime

from tui.core import steps
from tui.core.shared import clock, i18n
from tui.core.vault import custody
from tui.core.vault.vault import Vault


def test_the_binder_line_says_its_day_in_spanish_and_french(vault: Vault) -> None:
    with clock.fixed(datetime(2026, 12, 7, 22, 0, tzinfo=UTC)), vault.transaction():
        custody.append(vault.table(custody.TABLE), "binder")
    with i18n.speaking("es"):
        assert steps.progress(vault)["binder"] == "hecha por última vez el 7 de diciembre de 2026"
    with i18n.speaking("fr"):
        said = steps.progress(vault)["binder"]
        assert said.endswith("7 décembre 2026") and "2026-12-07" not in said, said
    assert steps.progress(vault)["binder"] == "last made 2026-12-07"
