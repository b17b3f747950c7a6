"""The passwords step's password managers in French and Spanish (issue 29, w3): no English
"Open source" or "extras", and French's space before the colon after "(gratuit)"."""

from __future__ import annotations

from tui.core.shared import i18n
from tui.screens.passwords import PasswordsScreen


def test_the_password_managers_are_said_in_french_and_spanish() -> None:
    with i18n.speaking("fr"):
        said = PasswordsScreen._guidance().replace("\u00a0", " ")
        assert "(gratuit ; les offres payantes ajoutent des options en plus) : " in said
        assert "KeePassXC[/b] (gratuit) : Logiciel libre" in said
        assert "Open source" not in said and "extras" not in said
    with i18n.speaking("es"):
        said = PasswordsScreen._guidance()
        assert "(gratis; los planes de pago añaden más opciones): Software libre" in said
        assert "Open source" not in said and "extras" not in said
