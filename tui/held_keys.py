"""Keys typed while a screen is on its way wait for it, and reach it in the order typed.

A fast typist on a slow machine presses the key that opens a form and types at once.
Textual hands each key to whatever has the focus when the app reads the key: the
letters after the opening key reached the old screen (a screen's keys are acted on
only once the key has gone up through its widgets and back to the app, and the next
letters were handed out before that), or the new screen before it had a field with
the focus, and were lost, or taken as the old screen's keys ("x" removes an event).

So the app lets one key through at a time (`HoldsKeys`): the next waits until the last
has been dealt with (it went up through every widget that may take it and came back,
what it set off has quieted down, and the screen on show is built and drawn once), then
goes on. Pasted text waits in the same line. A key typed while a screen is being built
for another reason (a question after saving) waits for it the same way.

Ctrl+L (lock) and F12 (cover) never wait: they act at once, and keys still waiting then
are let go of, never typed into the unlock screen that follows."""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from typing import Any

from textual import events
from textual.app import App
from textual.message import Message
from textual.message_pump import MessagePump
from textual.screen import Screen

#: Actions that act at once, ahead of any key waiting: lock, and cover the screen.
AT_ONCE = frozenset({"lock", "cover"})
#: How often a key's progress is looked at, in seconds, once it has taken a while; the
#: first looks are at each turn of the event loop (most keys are dealt with in a few).
LOOK_EVERY = 0.002
AT_EACH_TURN = 50
#: The longest a key waits for the widgets to quiet down (something busy all the time,
#: as a progress bar, must not hold the keys back for ever), in seconds. A screen being
#: built is always waited for.
QUIET_WITHIN = 0.5
#: The longest a key waits for a screen's first frame, in seconds.
DRAWN_WITHIN = 1.0

Typed = events.Key | events.Paste


class KeyDealtWith(Message):
    """Sent up after a key, through the same widgets: once it reaches the app, the key
    went through them all (each widget deals with its messages in order)."""

    def __init__(self, number: int) -> None:
        super().__init__()
        self.number = number


class HoldsKeys(App[Any]):
    """The app's part: one key through at a time, the others held in order."""

    _held: deque[Typed]
    _again: Typed | None = None
    """A held key sent again, on its way to `on_event` (not to be held a second time)."""
    _dropped: Typed | None = None
    """A held key sent again, let go of by a lock before it arrived."""
    _seen = 0
    _keys = 0
    """How many keys went through: each one's number, as its `KeyDealtWith` says."""
    _in_flight = 0
    """The number of the key on its way (0: none; -1: a held key sent again)."""
    _came_back = 0
    """The number of the last key whose `KeyDealtWith` reached the app."""
    _sent_to: MessagePump | None = None
    """Where the key on its way was first handed."""
    _watching: asyncio.Task[None] | None = None
    _drawn: Screen[Any] | None = None
    """The last screen seen built and drawn once: not waited for again."""

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.Paste) and not event.is_forwarded:
            if not self._goes_now(event):
                return
            if self._on_show() is None:  # the app is ending: nothing to type into
                self._seen += 1
                return
            await super().on_event(event)
            self._follow(event)
            return
        await super().on_event(event)

    def keys_waiting(self) -> int:
        """How many keys are held or on their way (0 once every key was dealt with)."""
        return len(self._waiting) + (self._in_flight != 0)

    @property
    def keys_seen(self) -> int:
        """How many keys (and pastes) were dealt with, or let go of by a lock."""
        return self._seen

    @property
    def _waiting(self) -> deque[Typed]:
        """The keys held, oldest first."""
        try:
            return self._held
        except AttributeError:  # the first key
            self._held = deque()
            return self._held

    def _goes_now(self, event: Typed) -> bool:
        """Whether `event` is dealt with now (else it is held, after those held)."""
        if event is self._again:
            self._again = None
            return True
        if event is self._dropped:
            return False
        if isinstance(event, events.Key) and self._at_once(event.key):
            self._seen += len(self._waiting) + (self._again is not None)
            self._waiting.clear()  # never typed into what the lock shows next
            self._dropped, self._again = self._again, None
            self._stop_watching()
            return True
        if self._waiting or self._in_flight or not self._screen_ready():
            self._waiting.append(event)
            self._watch()
            return False
        return True

    def _at_once(self, key: str) -> bool:
        bindings = self._bindings.key_to_bindings.get(key, ())
        return any(binding.action in AT_ONCE for binding in bindings)

    def _on_show(self) -> Screen[Any] | None:
        """The screen on show (None before the first, or as the app ends)."""
        try:
            return self.screen
        except Exception:
            return None

    def _screen_ready(self) -> bool:
        screen = self._on_show()
        return screen is not None and screen.is_mounted and screen is self._drawn

    def _follow(self, event: Typed) -> None:
        """Send a `KeyDealtWith` after `event`, where it was handed (the app itself,
        when one of its own keys took it), and hold the next key until it is back."""
        target: MessagePump = self
        if event.is_forwarded:
            target = self.focused or self.screen
        self._seen += 1
        self._keys += 1
        self._in_flight = self._keys
        self._sent_to = target
        if not target.post_message(KeyDealtWith(self._keys)):
            self._came_back = self._keys  # closing: nothing comes back from there
        self._watch()

    def on_key_dealt_with(self, message: KeyDealtWith) -> None:
        self._came_back = message.number

    def _watch(self) -> None:
        if self._watching is None or self._watching.done():
            self._watching = asyncio.create_task(self._until_dealt_with())

    def _stop_watching(self) -> None:
        if self._watching is not None:
            self._watching.cancel()
            self._watching = None
        self._in_flight = 0
        self._sent_to = None

    async def _until_dealt_with(self) -> None:
        """Wait until the key on its way was dealt with and the screen on show is
        ready, then send the next key held (once more through `on_event`). Whatever
        goes wrong in the waiting, the keys go on: typing must never stop."""
        with contextlib.suppress(Exception):
            await self._wait()
        self._sent_to = None
        if not self._waiting:
            self._in_flight = 0
            return
        self._in_flight = -1  # a key typed meanwhile waits behind it
        self._again = _again(self._waiting.popleft())
        self.post_message(self._again)

    async def _wait(self) -> None:
        loop = asyncio.get_running_loop()
        quiet_by = loop.time() + QUIET_WITHIN
        looks = 0
        while True:
            while not self._dealt_with() and loop.time() < quiet_by:
                looks += 1
                await asyncio.sleep(0 if looks < AT_EACH_TURN else LOOK_EVERY)
            if self._screen_ready():
                break
            screen = await self._built()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(screen.wait_for_refresh(), DRAWN_WITHIN)
            self._drawn = screen  # what a key set off on it may still be on its way

    async def _built(self) -> Screen[Any]:
        """The screen on show, once it is built."""
        while (screen := self._on_show()) is None or not screen.is_mounted:
            await asyncio.sleep(LOOK_EVERY)
        return screen

    def _dealt_with(self) -> bool:
        """The key on its way came back to the app (or where it went is gone), and
        nothing it set off is still waiting in the app, the screen or the widgets
        between the focus and the screen."""
        sent_to = self._sent_to
        gone = sent_to is None or (sent_to is not self and not sent_to.is_attached)
        if self._in_flight > 0 and self._came_back < self._in_flight and not gone:
            return False
        pumps: list[MessagePump] = [self]
        focused = self.focused if self._on_show() is not None else None
        for start in (focused, self._on_show(), sent_to):
            node = start
            while node is not None and node is not self:
                pumps.append(node)
                node = node._parent
        # Textual keeps no public count of the messages waiting, nor a public parent
        # for every message pump.
        return all(pump._message_queue.empty() for pump in pumps)

    def on_unmount(self) -> None:
        self._stop_watching()


def _again(event: Typed) -> Typed:
    """A held key or paste as new, to be sent to the app once more."""
    again: Typed
    if isinstance(event, events.Key):
        again = events.Key(event.key, event.character)
    else:
        again = events.Paste(event.text)
    return again
