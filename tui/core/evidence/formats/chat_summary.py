"""What every chat export comes down to: one pass over its messages keeping what the
facts say (how many, from when to when, who, which files) and, for the binder, the rows
printed (bounded). WhatsApp's and Telegram's exports each read their own format into it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from tui.core.evidence.formats.base import (
    MAX_PRINTED_CHARS,
    Block,
    Facts,
    Fields,
    Notice,
    Table,
)
from tui.core.evidence.formats.whatsapp_lines import Message
from tui.core.shared.i18n import N_, _

#: A chat (its text or its JSON) larger than this is not read; it is kept as it is.
MAX_CHAT_BYTES = 64 * 1024 * 1024
#: Messages printed in the binder; the rest is in the original.
MAX_ROWS = 20_000
#: People named in the facts.
MAX_PEOPLE = 50
#: Files named in the facts (and, for a zip, listed and hashed).
MAX_FILES = 5_000

TOO_LONG = N_("The chat is too long to read here; it is kept as it is.")


@dataclass
class ChatSummary:
    """One pass over the messages: what the facts keep and, when asked, the rows printed."""

    keep_rows: bool = False
    count: int = 0
    first: datetime | None = None
    last: datetime | None = None
    people: list[str] = field(default_factory=list)
    more_people: bool = False
    mentioned: dict[str, None] = field(default_factory=dict)
    omitted: int = 0
    rows: list[tuple[str, str, str]] = field(default_factory=list)
    printed: int = 0
    cut: bool = False
    walked: int = 0
    """When not 0: only this many messages were read for the facts, the rest counted."""

    @property
    def partly(self) -> str:
        """A sentence when only the first messages were read for the facts."""
        if not self.walked:
            return ""
        return _(
            "The people and files named are from the first {walked:,} messages only; "
            "all {count:,} are counted."
        ).format(walked=self.walked, count=self.count)

    def add(self, message: Message) -> None:
        self.count += 1
        if message.when is not None:
            self.first = self.first or message.when
            self.last = message.when
        if message.sender and message.sender not in self.people:
            if len(self.people) < MAX_PEOPLE:
                self.people.append(message.sender)
            else:
                self.more_people = True
        for name in message.files:
            if len(self.mentioned) < MAX_FILES:
                self.mentioned[name] = None
        self.omitted += message.omitted
        if self.keep_rows and not self.cut:
            if len(self.rows) >= MAX_ROWS or self.printed >= MAX_PRINTED_CHARS:
                self.cut = True
                return
            time = message.when.strftime("%Y-%m-%d %H:%M") if message.when else message.raw_time
            self.rows.append((time, message.sender, message.text))
            self.printed += len(message.text)

    def facts(self, kind: str, media_type: str) -> Facts:
        facts = Facts(kind=kind, media_type=media_type)
        first = iso_time(self.first)
        facts.guess("posted_at", first, "chat")
        facts.shown.update(
            messages=self.count,
            first_message=first,
            last_message=iso_time(self.last),
            participants=list(self.people),
            media_mentioned=len(self.mentioned),
            media_omitted=self.omitted,
        )
        return facts

    def overview(self, *extra: tuple[str, str]) -> list[Block]:
        """The facts at the top of the printout, then the transcript."""
        people = ", ".join(self.people) + (_(" and more") if self.more_people else "")
        rows = [
            ("Messages", f"{self.count:,}"),
            ("From", shown_time(self.first)),
            ("To", shown_time(self.last)),
            (N_("People in the chat"), people or _("not named")),
            *extra,
        ]
        if self.omitted:
            rows.append((N_("Media left out of the export"), f"{self.omitted:,}"))
        blocks: list[Block] = [Fields([(_(label), value) for label, value in rows])]
        if not self.rows:
            return [*blocks, Notice(_("It holds no messages."))]
        heads = (_("Time"), _("Sender"), _("Message"))
        blocks.append(Table(heads, self.rows, widths=(0.2, 0.2, 0.6)))
        if self.cut:
            shown = _(
                "Only the first {count:,} messages are printed here; the rest is in the original."
            )
            blocks.append(Notice(shown.format(count=len(self.rows))))
        return blocks


def iso_time(when: datetime | None) -> str | None:
    return when.isoformat(timespec="seconds") if when else None


def shown_time(when: datetime | None) -> str:
    return when.strftime("%Y-%m-%d %H:%M") if when else _("not given")


def notice(problem: str) -> list[Block]:
    return [Notice(problem)] if problem else []
