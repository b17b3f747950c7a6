"""`reclaim settings`: the case's own settings, kept in its encrypted record:
`read_pictures` (on by default), whether the words in the case's pictures are read, and
`documents_language` (auto by default), the language documents are written in."""

from __future__ import annotations

import argparse

from tui.cli.common import Commands, add_command, open_vault, say
from tui.core.shared.i18n import _

#: Each setting, and what it does, as `reclaim settings` lists them.
SETTINGS = ("read_pictures", "documents_language")
LANGUAGE_VALUES = ("en", "es", "fr", "auto")


def cmd_documents_language(args: argparse.Namespace) -> int:
    """`reclaim settings documents_language [en|es|fr|auto]`: the language the binder,
    letters and declarations are written in (auto: the one their readers read)."""
    from tui.core.binder.documents_language import chosen, save, written_in
    from tui.core.shared.errors import InputError

    if args.value in ("on", "off"):
        raise InputError(_("documents_language is one of en, es, fr or auto."))
    with open_vault(args) as vault:
        if args.value is not None:
            save(vault, args.value)
        sentence = written_in(vault)
        picked = chosen(vault)
    if picked:
        say(_("documents_language: {code} ({sentence})").format(code=picked, sentence=sentence))
    else:
        say(
            _("documents_language: auto ({sentence}; the language of who reads them)").format(
                sentence=sentence
            )
        )
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    from tui.core.evidence.reading.setting import reading_on, set_reading
    from tui.core.shared.errors import InputError

    if args.name == "documents_language":
        return cmd_documents_language(args)
    if args.value not in (None, "on", "off"):
        raise InputError(_("read_pictures is on or off."))
    with open_vault(args) as vault:
        if args.value is not None:
            set_reading(vault, args.value == "on")
        on = reading_on(vault)
    if on:
        say(_("read_pictures: on (the words in the case's pictures are read on this computer)"))
    else:
        say(_("read_pictures: off (the words in the case's pictures are not read)"))
    return 0


def register(commands: Commands) -> None:
    settings = add_command(
        commands,
        "settings",
        cmd_settings,
        _("changing the case's settings"),
        _(
            "show or change the case's own settings (read_pictures on|off, "
            "documents_language en|es|fr|auto)"
        ),
    )
    settings.add_argument("name", choices=SETTINGS, nargs="?", default="read_pictures")
    settings.add_argument("value", choices=("on", "off", *LANGUAGE_VALUES), nargs="?")
