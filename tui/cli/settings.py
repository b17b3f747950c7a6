"""`reclaim settings`: the case's own settings, kept in its encrypted record:
`read_pictures` (on by default), whether the words in the case's pictures are read, and
`documents_language` (auto by default), the language documents are written in, and
`language` (auto by default), the language the app speaks once the case is open.
`reclaim settings` alone lists them all."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tui.cli.common import Commands, add_command, open_vault, say
from tui.core.shared.i18n import _

if TYPE_CHECKING:
    from tui.core.vault.vault import Vault

#: Each setting, and what it does, as `reclaim settings` lists them.
SETTINGS = ("read_pictures", "documents_language", "language")
LANGUAGE_VALUES = ("en", "es", "fr", "auto")


def documents_language(vault: Vault, value: str | None) -> str:
    """`documents_language [en|es|fr|auto]`: the language the binder, letters and
    declarations are written in (auto: the one their readers read)."""
    from tui.core.binder.documents_language import chosen, save, written_in

    if value is not None:
        save(vault, value)
    sentence = written_in(vault)
    picked = chosen(vault)
    if picked:
        return _("documents_language: {code} ({sentence})").format(code=picked, sentence=sentence)
    return _("documents_language: auto ({sentence}; the language of who reads them)").format(
        sentence=sentence
    )


def language(vault: Vault, value: str | None) -> str:
    """`language [en|es|fr|auto]`: the language the app switches to when this case is
    unlocked, on any computer (auto: the one it was started in)."""
    from tui.core.shared.i18n import LANGUAGES
    from tui.core.vault.case_language import case_language, clear_case_language, set_case_language

    if value == "auto":
        clear_case_language(vault)
    elif value is not None:
        set_case_language(vault, value)
    code = case_language(vault)
    if code:
        said = _("language: {code} (the app speaks {language} once this case is open)")
        return said.format(code=code, language=LANGUAGES[code])
    return _("language: auto (the app speaks the language it was started in)")


def read_pictures(vault: Vault, value: str | None) -> str:
    from tui.core.evidence.reading.setting import reading_on, set_reading

    if value is not None:
        set_reading(vault, value == "on")
    if reading_on(vault):
        return _("read_pictures: on (the words in the case's pictures are read on this computer)")
    return _("read_pictures: off (the words in the case's pictures are not read)")


def _checked(name: str | None, value: str | None) -> None:
    from tui.core.shared.errors import InputError

    if name is None and value is not None:
        raise InputError(_("Say which setting to change, like: reclaim settings language es."))
    if name == "read_pictures" and value not in (None, "on", "off"):
        raise InputError(_("read_pictures is on or off."))
    if name == "documents_language" and value in ("on", "off"):
        raise InputError(_("documents_language is one of en, es, fr or auto."))
    if name == "language" and value in ("on", "off"):
        raise InputError(_("language is one of en, es, fr or auto."))


def cmd_settings(args: argparse.Namespace) -> int:
    """One setting, shown or changed; with no name, every setting of the case."""
    _checked(args.name, args.value)
    settings = {
        "read_pictures": read_pictures,
        "documents_language": documents_language,
        "language": language,
    }
    with open_vault(args) as vault:
        if args.name:
            lines = [settings[args.name](vault, args.value)]
        else:
            lines = [settings[name](vault, None) for name in SETTINGS]
    for line in lines:
        say(line)
    return 0


def register(commands: Commands) -> None:
    settings = add_command(
        commands,
        "settings",
        cmd_settings,
        _("changing the case's settings"),
        _(
            "show or change the case's own settings (read_pictures on|off, "
            "documents_language en|es|fr|auto, language en|es|fr|auto)"
        ),
    )
    settings.add_argument("name", choices=SETTINGS, nargs="?")
    values = ("on", "off", *LANGUAGE_VALUES)
    settings.add_argument("value", choices=values, nargs="?", metavar="VALUE")
