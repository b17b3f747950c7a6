"""The language plain mode speaks: chosen from the main menu (each language named in
itself, so that a person who can't read the one spoken still finds their own) and kept
as the case's language (`tui.core.vault.case_language`), as the app's palette keeps it;
a case opens in it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.shared.i18n import N_, _

if TYPE_CHECKING:
    from tui.core.vault.vault import Vault
    from tui.plain.prompt import Prompter

#: The choice and its question, in every language Reclaim speaks at once.
CHOOSE = "Language / Idioma / Langue"  # i18n: not shown (the same in every language)
#: Said in the language just chosen.
SPEAKING = N_("From now on, everything is said in English.")


def choose(prompter: Prompter, vault: Vault) -> None:
    """Ask which language to speak; speak it from now on, and keep it as the case's."""
    from tui.core.shared.i18n import LANGUAGES, set_language
    from tui.core.vault.case_language import set_case_language

    codes = list(LANGUAGES)
    code = codes[prompter.choose(CHOOSE, [LANGUAGES[code] for code in codes])]
    set_language(code)
    set_case_language(vault, code)
    prompter.say(_(SPEAKING))


def speak_case_language(vault: Vault) -> None:
    """An opened case speaks the language its person chose, if they chose one."""
    from tui.core.shared.i18n import person_language, set_language
    from tui.core.vault.case_language import case_language

    if (code := case_language(vault)) and code != person_language():
        set_language(code)
