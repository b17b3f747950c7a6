"""`reclaim settings`: the case's own settings, kept in its encrypted record. For now one:
`read_pictures` (on by default), whether the words in the case's pictures are read."""

from __future__ import annotations

import argparse

from tui.cli.common import Commands, add_command, open_vault, say
from tui.core.shared.i18n import _

#: Each setting, and what it does, as `reclaim settings` lists them.
SETTINGS = ("read_pictures",)


def cmd_settings(args: argparse.Namespace) -> int:
    from tui.core.evidence.reading.setting import reading_on, set_reading

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
        _("show or change the case's own settings (read_pictures on|off)"),
    )
    settings.add_argument("name", choices=SETTINGS, nargs="?", default="read_pictures")
    settings.add_argument("value", choices=("on", "off"), nargs="?")
