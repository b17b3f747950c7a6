"""An email's "(the sender's clock)" was kept at intake in the language spoken then, and
shown so ever after: English inside a Spanish or French panel and `evidence show`; and
its label said "Enviado el: UTC+03:00", a date's words for a time zone."""

from __future__ import annotations

import pytest

from tui.core.evidence.formats import fact_lines
from tui.core.shared.i18n import speaking

KEPT = {
    "en": "UTC+03:00 (the sender's clock)",
    "es": "UTC+03:00 (reloj del remitente)",
    "fr": "UTC+03:00 (horloge de l'expéditeur)",
}


@pytest.mark.parametrize("kept_in", ["en", "es", "fr"])
@pytest.mark.parametrize(
    ("code", "line"),
    [
        ("en", ("Sent on", "UTC+03:00 (the sender's clock)")),
        ("es", ("Zona horaria del envío", "UTC+03:00 (reloj del remitente)")),
        ("fr", ("Fuseau horaire de l'envoi", "UTC+03:00 (horloge de l'expéditeur)")),
    ],
)
def test_the_senders_clock_is_said_in_the_language_spoken_now(
    kept_in: str, code: str, line: tuple[str, str]
) -> None:
    with speaking(code):
        assert line in fact_lines({"kind": "email", "sent_clock": KEPT[kept_in]})


def test_a_clock_kept_in_other_words_is_shown_as_kept() -> None:
    with speaking("es"):
        assert ("Zona horaria del envío", "UTC+03:00") in fact_lines({"sent_clock": "UTC+03:00"})
