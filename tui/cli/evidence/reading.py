"""`reclaim evidence list`, `show`, `similar` and `export`: reading the evidence, never
changing it."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from tui.cli.common import open_vault, say, say_json
from tui.core.evidence.model import get_exhibit, list_exhibits
from tui.core.shared.display import shown, shown_json
from tui.core.shared.i18n import N_, SOURCE_LANGUAGE, _, language, pgettext
from tui.core.shared.text import size

# Each command loads the core modules it needs when it runs, not when the parser is built:
# `evidence list` never pays for intake's file readers (keeps start-up fast).


def cmd_evidence_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        exhibits = list_exhibits(vault)
    if args.json:
        say(shown_json(records_json([exhibit.listing() for exhibit in exhibits])))
        return 0
    if not exhibits:
        say(_("No evidence yet. Add some with: reclaim evidence add FILE"))
        return 0
    added, kind, size_ = _("ADDED"), _("TYPE"), _("SIZE")
    platform, heading = _("PLATFORM"), _("DESCRIPTION")
    day_width = max(len(added), *(len(added_day(e.added_at)) for e in exhibits)) + 2
    say(f"{'ID':<8}{added:<{day_width}}{kind:<18}{size_:>10}  {platform:<12}{heading}")
    for e in exhibits:
        description = shown(e.description or e.original_name)
        if e.excluded:
            description += _(" (left out of the binder)")
        say(
            f"{e.id:<8}{added_day(e.added_at):<{day_width}}{shown(e.media_type)[:17]:<18}"
            f"{size(e.size):>10}  {shown(e.platform)[:11]:<12}{description}"
        )
    return 0


def added_day(stamp: str) -> str:
    """The day an exhibit was added, the language's short way ("7 dic 2026"); English
    keeps 2026-12-07."""
    from datetime import date

    from tui.core.shared.local_formats import short_date

    try:
        day = date.fromisoformat(stamp[:10])
    except ValueError:
        return stamp[:10]
    return stamp[:10] if language() == SOURCE_LANGUAGE else short_date(day)


def records_json(records: list[dict[str, Any]]) -> str:
    """A JSON array with one record to a line. Each line is json's C encoder at work; an
    indent would make json encode every token in Python instead, which for 20,000
    exhibits takes longer than opening the case."""
    if not records:
        return "[]"
    return "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n]"


_PROVENANCE = ("provenance", "provenance_guesses")  # said in words, below the details
#: The names of an exhibit's details, as `evidence show` says them.
DETAIL_NAMES = (
    N_("sha256"),
    N_("size"),
    N_("original name"),
    N_("media type"),
    N_("added at"),
    N_("added offset"),
    N_("file modified at"),
    N_("width"),
    N_("height"),
    N_("exif captured at"),
    N_("platform"),
    N_("url"),
    N_("poster"),
    N_("posted at"),
    N_("captured at"),
    N_("caption"),
    N_("description"),
    N_("significance"),
    N_("notes"),
    N_("excluded"),
    N_("phash"),
    N_("guesses"),
    N_("derived from"),
    N_("extra"),
)


def cmd_evidence_show(args: argparse.Namespace) -> int:
    from tui.core.evidence.inner_links import InnerLinks

    with open_vault(args) as vault:
        exhibit = get_exhibit(vault, args.id)
        links = InnerLinks(list_exhibits(vault)).lines(exhibit)
    record = exhibit.listing()
    if args.json:
        say_json(record)
        return 0
    from tui.cli.evidence.words import picture_lines
    from tui.core.evidence.formats import fact_lines
    from tui.core.evidence.provenance import lines

    rows = [
        (_(key.replace("_", " ")), detail_text(key, value))
        for key, value in record.items()
        if value not in ("", None, {}, [], False)
        and key not in ("facts", "reading", "taken_from", *_PROVENANCE)
    ]
    rows += [(_(label), text) for label, text in [*lines(exhibit), *links]]
    rows += [(_(label), text) for label, text in fact_lines(exhibit.facts)]
    rows += [(_(label), text) for label, text in picture_lines(exhibit)]
    say_rows(rows)
    return 0


def say_rows(rows: list[tuple[str, str]], most: int = 30) -> None:
    """Each "label: text", the texts in one column as far right as the longest label
    (up to `most` characters: a longer one keeps a space before its text)."""
    width = min(most, max((len(with_colon(shown(label))) for label, _text in rows), default=0))
    for label, text in rows:
        say(labelled(label, text, width + 1))


def detail_text(key: str, value: object) -> str:
    """A detail's value in words: "yes" for a flag that is set, and each guess as the
    detail it fills and where it came from, not as the record keeps them."""
    from tui.core.evidence.guesses import GUESS_SOURCES

    if value is True:
        return _("yes")
    if key == "size" and isinstance(value, int):
        return size(value)  # "638 bytes", "14,8 KiB"
    if key.endswith("_at") and isinstance(value, str) and language() != SOURCE_LANGUAGE:
        from tui.core.shared.fuzzy_dates import as_written
        from tui.core.shared.local_formats import dates_in

        return dates_in(as_written(value))  # "7 mar 2024 09:30:00 UTC", "hacia mar 2024"
    if key == "guesses" and isinstance(value, dict):
        return "; ".join(
            _("{detail}, from {source}").format(
                detail=_(str(name).replace("_", " ")),
                source=_(GUESS_SOURCES.get(str(source), str(source))),
            )
            for name, source in value.items()
        )
    if isinstance(value, list):  # the exhibits it was made from: "E-0001, E-0002"
        return ", ".join(map(str, value))
    return str(value)


def labelled(label: str, text: str, width: int = 18) -> str:
    """ "label:" in a column `width` wide, then `text`; a label too long for the column
    (as some are in other languages) keeps a space before its text."""
    head = f"{with_colon(shown(label)):<{width}}"
    return head + ("" if head.endswith(" ") else " ") + shown(text)


def with_colon(label: str) -> str:
    """ "label:" as the language writes it: French with a no-break space ("taille :")."""
    return pgettext("label", "{label}:").format(label=label)


def cmd_evidence_similar(args: argparse.Namespace) -> int:
    from tui.core.evidence.similar import similar_groups

    with open_vault(args) as vault:
        exhibits = list_exhibits(vault)
    groups = similar_groups(exhibits)
    if args.json:
        say(json.dumps(groups))
        return 0
    if not groups:
        say(_("No two images in the case look like the same picture."))
    for group in groups:
        say(_("Same picture: ") + ", ".join(group))
    return 0


def cmd_evidence_export(args: argparse.Namespace) -> int:
    from tui.core.evidence.export import export_original

    with open_vault(args) as vault:
        target = export_original(vault, args.id, Path(args.dest).expanduser())
    say(
        _(
            "Wrote the original bytes to {path}; its SHA-256 matches the one taken at intake."
        ).format(path=shown(str(target)))
    )
    return 0
