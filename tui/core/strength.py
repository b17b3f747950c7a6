"""How strong a passphrase is, in plain words (zxcvbn). Nothing here stores or logs the
passphrase; zxcvbn sees at most the first MAX_CHECKED characters so a long paste never
stalls."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from zxcvbn import zxcvbn

MAX_CHECKED = 100
MIN_LENGTH = 10
STRONG_ENOUGH = 3

WORDS = ("very weak", "weak", "fair", "strong", "very strong")


@dataclass(frozen=True)
class Assessment:
    score: int
    """0 (guessed at once) to 4 (very hard to guess)."""
    guesses: float
    crack_time: str
    """Offline, slow-hash attack, in words ("centuries")."""
    warning: str
    suggestions: tuple[str, ...]

    @property
    def words(self) -> str:
        return WORDS[self.score]


def assess(passphrase: str, personal_words: Iterable[str] = ()) -> Assessment:
    result = zxcvbn(passphrase[:MAX_CHECKED], user_inputs=[w for w in personal_words if w])
    feedback = result.get("feedback", {})
    times = result.get("crack_times_display", {})
    return Assessment(
        score=int(result["score"]),
        guesses=float(result["guesses"]),
        crack_time=str(times.get("offline_slow_hashing_1e4_per_second", "")),
        warning=str(feedback.get("warning") or ""),
        suggestions=tuple(str(s) for s in feedback.get("suggestions") or ()),
    )


def weakness(passphrase: str) -> str:
    """Why `passphrase` is too weak to protect a case, or '' when it is fine."""
    if len(passphrase) < MIN_LENGTH:
        return (
            f"That passphrase is too short to protect your case: use at least {MIN_LENGTH} "
            "characters, for example four or five unrelated words."
        )
    found = assess(passphrase)
    if found.score >= STRONG_ENOUGH:
        return ""
    advice = " ".join(part for part in (found.warning, *found.suggestions) if part)
    return (
        f"That passphrase is {found.words} and could be guessed. {advice} "
        "Four or five unrelated words make a strong one."
    ).replace("  ", " ")
