"""Slowing down guesses at a kiosk. Anyone can walk up to a clinic's computer and try
case numbers and passphrases; each try already costs one Argon2id derivation, and after
FREE_TRIES failures in a row the next try has to wait, twice as long each time, up to
MAX_WAIT. A success starts afresh. The count lives in the kiosk's process (KIOSK), so
going back to the start screen or trying another number does not reset it.

The clock is injectable so tests need not sleep.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable

from tui.core.shared import clock as steady_clock
from tui.core.shared.errors import ReclaimError
from tui.core.shared.text import counted

FREE_TRIES = 5
FIRST_WAIT = 30.0
MAX_WAIT = 15 * 60.0


class TooManyTries(ReclaimError):
    """An unlock was refused without trying it: the wait after repeated failures is on."""


def wait_words(seconds: float) -> str:
    """ "2 minutes and 5 seconds": how long is left, rounded up to the second."""
    left = max(1, math.ceil(seconds))
    minutes, rest = divmod(left, 60)
    parts = [counted(minutes, "minute")] if minutes else []
    if rest:
        parts.append(counted(rest, "second"))
    return " and ".join(parts)


def waiting_sentence(seconds: float) -> str:
    return (
        "Several tries in a row did not open a case, so Reclaim waits before the next "
        f"one. You can try again in {wait_words(seconds)}."
    )


class UnlockThrottle:
    """Failures in a row, and until when the next try must wait. Thread-safe: unlocking
    runs in a worker thread while the screen counts down."""

    def __init__(
        self,
        clock: Callable[[], float] = steady_clock.monotonic,
        *,
        free_tries: int = FREE_TRIES,
        first_wait: float = FIRST_WAIT,
        max_wait: float = MAX_WAIT,
    ) -> None:
        self.clock = clock
        self.free_tries = free_tries
        self.first_wait = first_wait
        self.max_wait = max_wait
        self.failures = 0
        self._until = 0.0
        self._lock = threading.Lock()

    def remaining(self) -> float:
        """Seconds until the next try is allowed; 0 when it may be made now."""
        with self._lock:
            return max(0.0, self._until - self.clock())

    def check(self) -> None:
        """Refuse at once (no KDF, nothing read) while the wait is on."""
        if (left := self.remaining()) > 0:
            raise TooManyTries(waiting_sentence(left))

    def failed(self) -> float:
        """Count a failure; returns the wait it starts (0 while tries are still free)."""
        with self._lock:
            self.failures += 1
            over = self.failures - self.free_tries
            if over < 0:
                return 0.0
            wait = min(self.first_wait * 2.0 ** min(over, 32), self.max_wait)
            self._until = self.clock() + wait
            return wait

    def succeeded(self) -> None:
        with self._lock:
            self.failures = 0
            self._until = 0.0


#: The kiosk's one throttle, for the life of the process.
KIOSK = UnlockThrottle()
