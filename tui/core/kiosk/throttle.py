"""Slowing down guesses at a kiosk. Anyone can walk up to a clinic's computer and try
case numbers and passphrases; each try already costs one Argon2id derivation, and
failures cost more: two counts, each giving FREE_TRIES free failures and then a wait,
twice as long each time, up to MAX_WAIT.

- One count per case number: only a success at that very number clears it, so opening
  one's own case between guesses at someone else's number does not help.
- One count for the whole kiosk: no success clears it; it forgets one failure for each
  FORGET_AFTER that passes with no wait on, so a clinic's ordinary typos fade.

A try waits for the longer of the two. The counts are kept on disk in the kiosk's cases
folder (`.unlock-tries`), sealed with an HMAC whose key is kept beside it
(`.unlock-key`), so a restart does not clear them; a count that is missing while its key
is there, or does not match its seal, counts as the worst case: the longest wait, once.
With neither (a new kiosk, or one upgraded from a version that kept no counts) the
counts start at zero. Times on disk are wall-clock seconds (tui.core.shared.clock), so
tests need not sleep.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import math
import secrets
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui.core.shared import clock as wall_clock
from tui.core.shared.atomic import atomic_write, make_private_dir
from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import _, ngettext

FREE_TRIES = 5
FIRST_WAIT = 30.0
MAX_WAIT = 15 * 60.0
#: The kiosk-wide count forgets one failure per this many seconds without a wait on.
FORGET_AFTER = 10 * 60.0
#: A case number's count is dropped after this long with no try at it.
KEEP_CASE = 30 * 24 * 3600.0
STATE = ".unlock-tries"
KEY = ".unlock-key"
#: One lock for every throttle kept on disk in this process: one that is sealing a new
#: kiosk's counts (key, then counts) is never read half-way by another.
_ON_DISK = threading.Lock()


class TooManyTries(ReclaimError):
    """An unlock was refused without trying it: the wait after repeated failures is on."""


def wait_words(seconds: float) -> str:
    """ "2 minutes and 5 seconds": how long is left, rounded up to the second."""
    left = max(1, math.ceil(seconds))
    minutes, rest = divmod(left, 60)
    parts = [ngettext("{count} minute", "{count} minutes", minutes).format(count=minutes)]
    seconds_left = ngettext("{count} second", "{count} seconds", rest).format(count=rest)
    if minutes and rest:
        return _("{minutes} and {seconds}").format(minutes=parts[0], seconds=seconds_left)
    return parts[0] if minutes else seconds_left


def waiting_sentence(seconds: float) -> str:
    return _(
        "Several tries did not open a case, so Reclaim waits before the next "
        "one. You can try again in {wait}."
    ).format(wait=wait_words(seconds))


def _now() -> float:
    return wall_clock.utc_now().timestamp()


def _fresh() -> dict[str, Any]:
    return {"kiosk": {"failures": 0, "since": 0.0, "until": 0.0}, "cases": {}}


class UnlockThrottle:
    """The kiosk's two counts, and until when the next try must wait. `folder` (the
    kiosk's cases folder) keeps them on disk; without it they live in this object.
    Thread-safe: unlocking runs in a worker thread while the screen counts down."""

    def __init__(
        self,
        clock: Callable[[], float] = _now,
        *,
        folder: Path | None = None,
        free_tries: int = FREE_TRIES,
        first_wait: float = FIRST_WAIT,
        max_wait: float = MAX_WAIT,
    ) -> None:
        self.clock = clock
        self.folder = folder
        self.free_tries = free_tries
        self.first_wait = first_wait
        self.max_wait = max_wait
        self._state = _fresh()
        self._lock = _ON_DISK if folder is not None else threading.Lock()

    # ---- the counts ----------------------------------------------------------------

    @property
    def failures(self) -> int:
        """The kiosk-wide count now (after what time has forgiven)."""
        with self._lock:
            return int(self._load()["kiosk"]["failures"])

    def case_failures(self, case: str) -> int:
        with self._lock:
            return int(self._load()["cases"].get(case, {}).get("failures", 0))

    def remaining(self, case: str = "") -> float:
        """Seconds until the next try (at `case`) is allowed; 0 when it may be made now."""
        with self._lock:
            state = self._load()
            until = state["kiosk"]["until"]
            if case in state["cases"]:
                until = max(until, state["cases"][case]["until"])
            return float(min(self.max_wait, max(0.0, until - self.clock())))

    def check(self, case: str = "") -> None:
        """Refuse at once (no KDF, nothing read) while a wait is on."""
        if (left := self.remaining(case)) > 0:
            raise TooManyTries(waiting_sentence(left))

    def _wait(self, failures: int) -> float:
        over = failures - self.free_tries
        if over < 0:
            return 0.0
        return min(self.first_wait * 2.0 ** min(over, 32), self.max_wait)

    def failed(self, case: str = "") -> float:
        """Count a failure at `case`; returns the wait it starts (0 while tries are free)."""
        with self._lock:
            state = self._load()
            now = self.clock()
            kiosk = state["kiosk"]
            kiosk["failures"] += 1
            kiosk["since"] = now
            wait = self._wait(kiosk["failures"])
            kiosk["until"] = max(kiosk["until"], now + wait)
            if case:
                entry = state["cases"].setdefault(case, {"failures": 0, "until": 0.0})
                entry["failures"] += 1
                entry["last"] = now
                case_wait = self._wait(entry["failures"])
                entry["until"] = max(entry["until"], now + case_wait)
                wait = max(wait, case_wait)
            self._save(state)
            return wait

    def succeeded(self, case: str = "") -> None:
        """A case opened: its own count starts afresh; the kiosk's count does not."""
        with self._lock:
            state = self._load()
            if state["cases"].pop(case, None) is not None:
                self._save(state)

    # ---- keeping them --------------------------------------------------------------

    def _forget(self, state: dict[str, Any]) -> dict[str, Any]:
        """What time has forgiven: one kiosk-wide failure per FORGET_AFTER since the
        last failure or the end of the last wait, whichever is later; a case number
        not tried for KEEP_CASE."""
        now = self.clock()
        kiosk = state["kiosk"]
        start = max(kiosk["since"], kiosk["until"])
        if kiosk["failures"] and now > start:
            forgiven = min(kiosk["failures"], int((now - start) // FORGET_AFTER))
            if forgiven:
                kiosk["failures"] -= forgiven
                kiosk["since"] = start + forgiven * FORGET_AFTER
        state["cases"] = {
            case: entry
            for case, entry in state["cases"].items()
            if now - entry.get("last", now) < KEEP_CASE or entry["until"] > now
        }
        return state

    def _worst(self) -> dict[str, Any]:
        """A count that can't be trusted: the longest wait, starting now."""
        state = _fresh()
        now = self.clock()
        failures = self.free_tries + int(math.log2(self.max_wait / self.first_wait)) + 1
        state["kiosk"] = {"failures": failures, "since": now, "until": now + self.max_wait}
        return state

    def _key(self, create: bool) -> bytes | None:
        assert self.folder is not None
        path = self.folder / KEY
        with contextlib.suppress(FileNotFoundError):
            key = path.read_bytes()
            return key if len(key) == 32 else b""
        if not create:
            return None
        make_private_dir(self.folder)
        key = secrets.token_bytes(32)
        atomic_write(path, key)
        return key

    @staticmethod
    def _seal(key: bytes, body: bytes) -> str:
        return hmac.new(key, body, hashlib.sha256).hexdigest()

    def _load(self) -> dict[str, Any]:
        if self.folder is None:
            return self._forget(self._state)
        key = self._key(create=False)
        try:
            raw = (self.folder / STATE).read_bytes()
        except FileNotFoundError:
            raw = None
        except OSError:
            raw = b""
        if raw is None and key is None:
            # A new kiosk, or one from a version that kept no counts: nothing to distrust
            # yet; sealed from now on. (Whoever can delete both files can read the cases'
            # files as well; the seal is for a count changed or removed on its own.)
            state = _fresh()
            self._save(state)
        elif raw is None or not key:
            state = self._worst()
            self._save(state)
        else:
            unsealed = self._unseal(key, raw)
            state = self._worst() if unsealed is None else unsealed
            if unsealed is None:
                self._save(state)
        self._state = self._forget(state)
        return self._state

    def _unseal(self, key: bytes, raw: bytes) -> dict[str, Any] | None:
        try:
            sealed = json.loads(raw)
            body = json.dumps(sealed["counts"], sort_keys=True).encode()
            if not hmac.compare_digest(self._seal(key, body), str(sealed["seal"])):
                return None
            state = sealed["counts"]
            kiosk = state["kiosk"]
            for name in ("failures", "since", "until"):
                float(kiosk[name])
            for entry in state["cases"].values():
                int(entry["failures"])
                float(entry["until"])
            return dict(state)
        except (ValueError, KeyError, TypeError, AttributeError):
            return None

    def _save(self, state: dict[str, Any]) -> None:
        self._state = state
        if self.folder is None:
            return
        key = self._key(create=True)
        if not key:  # a damaged key: start a new one (the counts are already the worst)
            (self.folder / KEY).unlink(missing_ok=True)
            key = self._key(create=True)
            assert key
        body = json.dumps(state, sort_keys=True).encode()
        sealed = {"counts": state, "seal": self._seal(key, body)}
        atomic_write(self.folder / STATE, json.dumps(sealed, sort_keys=True).encode())


#: The kiosk's throttle, made on first use by `for_kiosk` (tests put their own here).
KIOSK: UnlockThrottle | None = None


def for_kiosk(cases_dir: Path) -> UnlockThrottle:
    """The kiosk's throttle, kept in its cases folder, the same for every number typed."""
    global KIOSK
    if KIOSK is None or (KIOSK.folder is not None and KIOSK.folder != cases_dir):
        KIOSK = UnlockThrottle(folder=cases_dir)
    return KIOSK
