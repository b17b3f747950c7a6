"""How strong a passphrase is, in plain words (zxcvbn). Nothing here stores or logs the
passphrase; zxcvbn sees at most the first MAX_CHECKED characters so a long paste never
stalls."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from zxcvbn import zxcvbn

MAX_CHECKED = 72  # zxcvbn refuses longer input; past this, length alone makes it strong
#: A password holding words from the person's profile is never called better than
#: "fair": whoever knows them tries those words first, whatever zxcvbn's count says.
PERSONAL_CAP = 2
MIN_LENGTH = 10
STRONG_ENOUGH = 3

#: What a personal word is called when nothing more is known of it.
ABOUT_YOU = "a word about you"
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
    personal: tuple[str, ...] = ()
    """What kinds of personal words it contains ("a pet's name"), never the words."""

    @property
    def words(self) -> str:
        return WORDS[self.score]

    @property
    def personal_warning(self) -> str:
        if not self.personal:
            return ""
        kinds = " and ".join(self.personal)
        source = "" if set(self.personal) == {ABOUT_YOU} else " from your profile"
        return f"It contains {kinds}{source}: someone who knows you would try that first."


def assess(passphrase: str, personal_words: Mapping[str, str] | Iterable[str] = ()) -> Assessment:
    """Judge `passphrase`. `personal_words` may map each word to what kind it is
    ("a pet's name") so that the feedback can say which kind was found."""
    kinds = personal_words if isinstance(personal_words, Mapping) else {}
    inputs = [w for w in personal_words if w]
    result = zxcvbn(passphrase[:MAX_CHECKED], user_inputs=inputs)
    feedback = result.get("feedback", {})
    times = result.get("crack_times_display", {})
    found: list[str] = []
    for match in result.get("sequence", []):
        if match.get("dictionary_name") == "user_inputs":
            kind = kinds.get(str(match.get("matched_word", "")), ABOUT_YOU)
            if kind not in found:
                found.append(kind)
    score = int(result["score"])
    return Assessment(
        score=min(score, PERSONAL_CAP) if found else score,
        guesses=float(result["guesses"]),
        crack_time=str(times.get("offline_slow_hashing_1e4_per_second", "")),
        warning=str(feedback.get("warning") or ""),
        suggestions=tuple(str(s) for s in feedback.get("suggestions") or ()),
        personal=tuple(found),
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
