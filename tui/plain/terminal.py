"""The terminal's line discipline, for the two things plain mode asks of it: a line read
with the echo off (a passphrase), and the half-typed line taken back out of the terminal
when the idle lock comes (so that it is never joined to the passphrase typed next)."""

from __future__ import annotations

import os
import termios
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO


@contextmanager
def echo_off(input: TextIO) -> Iterator[None]:
    """While it lasts, what is typed is not shown: turned off before the question is
    said, as getpass does, but without discarding what was already typed (getpass's
    TCSAFLUSH would drop a line typed the moment the question appears)."""
    fd = input.fileno()
    before = termios.tcgetattr(fd)
    quiet = list(before)
    quiet[3] &= ~termios.ECHO
    termios.tcsetattr(fd, termios.TCSANOW, quiet)
    try:
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSANOW, before)


def take_pending(input: TextIO) -> str:
    """Take out of the terminal what was typed without Enter (a terminal keeps it in its
    line buffer, and would join it to the next line read): read it with the line
    discipline off for a moment, then discard anything left; only its printable
    characters, trimmed."""
    fd = input.fileno()
    try:
        before = termios.tcgetattr(fd)
    except termios.error:
        return ""
    raw = list(before)
    raw[3] &= ~termios.ICANON
    raw[6] = list(raw[6])
    raw[6][termios.VMIN], raw[6][termios.VTIME] = 0, 0
    pending = b""
    try:
        termios.tcsetattr(fd, termios.TCSANOW, raw)
        while chunk := os.read(fd, 4096):
            pending += chunk
    except OSError:
        pass
    finally:
        termios.tcsetattr(fd, termios.TCSANOW, before)
        termios.tcflush(fd, termios.TCIFLUSH)
    text = pending.decode(errors="replace")
    return "".join(char for char in text if char.isprintable()).strip()
