"""Step 8 has one name in French and Spanish, on Home and on the step (issue 29, w3:
"Retraits et recours juridiques" on Home, "Retraits et options juridiques" on the step)."""

from __future__ import annotations

from tui.core.shared import i18n
from tui.core.shared.i18n import _


def test_step_eight_has_one_name() -> None:
    for code in ("fr", "es"):
        with i18n.speaking(code):
            home = _("Takedowns & legal options")
            title = _("Step 8: Takedowns & legal options")
            assert title.endswith(home), (code, home, title)
