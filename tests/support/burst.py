"""Typing in one burst, as a fast typist does on a slow machine: every key reaches the
app before it has dealt with the first (Pilot's `press` waits after each key)."""

from __future__ import annotations

from textual import events
from textual.pilot import Pilot

from tests.support.pilot import settle, wait_until
from tui.app import ReclaimApp

#: Keys named by what they type.
CHARACTERS = {"space": " ", "enter": "\r", "tab": "\t", "escape": "\x1b"}


def keys_of(text: str) -> list[str]:
    """The keys that type `text`."""
    return ["space" if character == " " else character for character in text]


async def burst(app: ReclaimApp, pilot: Pilot[None], *keys: str) -> None:
    """Send `keys` to the app as the terminal does, all at once ("paste:TEXT" pastes
    TEXT), then let it deal with every one of them."""
    driver = app._driver
    assert driver is not None
    seen = app.keys_seen + len(keys)
    for key in keys:
        event: events.Key | events.Paste
        if key.startswith("paste:"):  # text pasted in one go
            event = events.Paste(key.removeprefix("paste:"))
        else:
            event = events.Key(key, key if len(key) == 1 else CHARACTERS.get(key))
        event.set_sender(app)
        driver.send_message(event)
    await wait_until(pilot, lambda: app.keys_seen >= seen and app.keys_waiting() == 0)
    await settle(app, pilot)
