"""The Safety page: the place's emergency number first, the clinic's contacts on top."""

from __future__ import annotations

from tui.core.safety import safety_page
from tui.core.settings import Settings


def test_the_safety_page_puts_the_emergency_number_first_and_the_clinic_on_top():
    clinic = Settings(clinic_contacts=(safety_page(Settings()).contacts[0],))
    for code, number, helpline in (
        ("au", "000", "1800RESPECT"),
        ("gb", "999", "Revenge Porn Helpline"),
        ("ca", "911", "Cybertip.ca"),
        ("us", "911", "Take It Down (NCMEC)"),
    ):
        page = safety_page(clinic, code)
        assert page.emergency is not None and page.emergency.how == number
        names = [contact.name for contact in page.contacts]
        assert names[0] == clinic.clinic_contacts[0].name and helpline in names
    assert safety_page(Settings(kiosk_jurisdiction="au")).place == "Australia"
