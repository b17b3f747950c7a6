"""How strong a passphrase is, in plain words (zxcvbn). Nothing here stores or logs the
passphrase; zxcvbn sees at most the first MAX_CHECKED characters so a long paste never
stalls."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from zxcvbn import zxcvbn

from tui.core.shared.i18n import N_, SOURCE_LANGUAGE, _, language, ngettext
from tui.core.shared.text import listed

MAX_CHECKED = 72  # zxcvbn refuses longer input; past this, length alone makes it strong
#: A password holding words from the person's profile is never called better than
#: "fair": whoever knows them tries those words first, whatever zxcvbn's count says.
PERSONAL_CAP = 2
MIN_LENGTH = 10
#: A case's passphrase must need at least this many guesses (zxcvbn's count; 1e10 is
#: its "very strong"): against a stolen case the attacker's only cost is the KDF.
MIN_GUESSES = 10**10
#: A passphrase made only of dictionary words needs at least this many of them: zxcvbn
#: counts three common words ("correct horse battery") at just over MIN_GUESSES once
#: the spaces are taken out, which is how a word-list attacker tries them.
MIN_WORDS = 4
#: What people put between the words of a passphrase; a word-list attacker tries each.
SEPARATORS = re.compile(r"[\s\-_.,+/]+")
#: zxcvbn only knows years up to 2019 ("recent_year"); "2024" is a year too.
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
#: A passphrase of this many common words only (never more than MIN_WORDS - 1).
ONLY_COMMON_WORDS = (
    N_("it is only no common words"),
    N_("it is only one common word"),
    N_("it is only two common words"),
    N_("it is only three common words"),
)
#: How a zxcvbn pattern is named to the person.
PATTERNS = {
    "date": N_("a date"),
    "sequence": N_("letters or digits in order, like abc or 123"),
    "repeat": N_("repeated characters"),
    "spatial": N_("keys that sit next to each other"),
}

#: What a personal word is called when nothing more is known of it.
ABOUT_YOU = N_("a word about you")
WORDS = (N_("very weak"), N_("weak"), N_("fair"), N_("strong"), N_("very strong"))


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
        return _(WORDS[self.score])

    @property
    def personal_warning(self) -> str:
        if not self.personal:
            return ""
        said = [_(kind) for kind in self.personal]
        # English has always joined every kind with "and"; other languages list them.
        kinds = " and ".join(said) if language() == SOURCE_LANGUAGE else listed(said)
        if set(self.personal) == {ABOUT_YOU}:
            return _("It contains {kinds}: someone who knows you would try that first.").format(
                kinds=kinds
            )
        return _(
            "It contains {kinds} from your profile: someone who knows you would try that first."
        ).format(kinds=kinds)


#: zxcvbn's steps for saying a crack time (a month of 31 days, a year of 12 months).
_MINUTE, _HOUR, _DAY = 60, 3600, 86400
_MONTH, _YEAR = 31 * _DAY, 12 * 31 * _DAY
_CENTURY = 100 * _YEAR


def crack_time_words(seconds: float, english: str = "") -> str:
    """How long guessing would take, as zxcvbn says it ("2 seconds", "centuries"), in
    the language spoken; `english` is zxcvbn's own words, kept in English."""
    if language() == SOURCE_LANGUAGE and english:
        return english
    if seconds < 1:
        return _("less than a second")
    if seconds >= _CENTURY:
        return _("centuries")
    if seconds >= _YEAR:
        count = round(seconds / _YEAR)
        return ngettext("{count} year", "{count} years", count).format(count=count)
    if seconds >= _MONTH:
        count = round(seconds / _MONTH)
        return ngettext("{count} month", "{count} months", count).format(count=count)
    if seconds >= _DAY:
        count = round(seconds / _DAY)
        return ngettext("{count} day", "{count} days", count).format(count=count)
    if seconds >= _HOUR:
        count = round(seconds / _HOUR)
        return ngettext("{count} hour", "{count} hours", count).format(count=count)
    if seconds >= _MINUTE:
        count = round(seconds / _MINUTE)
        return ngettext("{count} minute", "{count} minutes", count).format(count=count)
    count = round(seconds)
    return ngettext("{count} second", "{count} seconds", count).format(count=count)


def assess(passphrase: str, personal_words: Mapping[str, str] | Iterable[str] = ()) -> Assessment:
    """Judge `passphrase`. `personal_words` may map each word to what kind it is
    ("a pet's name") so that the feedback can say which kind was found."""
    kinds = personal_words if isinstance(personal_words, Mapping) else {}
    inputs = [w for w in personal_words if w]
    result = zxcvbn(passphrase[:MAX_CHECKED], user_inputs=inputs)
    feedback = result.get("feedback", {})
    times = result.get("crack_times_display", {})
    seconds = result.get("crack_times_seconds", {})
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
        crack_time=crack_time_words(
            float(seconds.get("offline_slow_hashing_1e4_per_second", 0)),
            str(times.get("offline_slow_hashing_1e4_per_second", "")),
        ),
        # zxcvbn's sentences are English; zxcvbn_words puts them in the catalogues.
        warning=_(str(feedback.get("warning") or "")) if feedback.get("warning") else "",
        suggestions=tuple(_(str(s)) for s in feedback.get("suggestions") or ()),
        personal=tuple(found),
    )


def weakness(
    passphrase: str,
    personal_words: Mapping[str, str] | Iterable[str] = (),
    *,
    make_one: str = "",
) -> str:
    """Why `passphrase` is too weak to protect a case, or '' when it is fine, in words
    that say what was found and what to do instead. `personal_words` are the case's own
    words (its profile); `make_one` says how to get a generated passphrase here
    ("press Ctrl+G for one")."""
    passphrase = unicodedata.normalize("NFC", passphrase)  # as the KDF will see it
    if make_one:
        advice = _("Try four or five unrelated words, or {make_one}.").format(make_one=make_one)
    else:
        advice = _("Try four or five unrelated words.")
    if len(passphrase) < MIN_LENGTH:
        return _(
            "This passphrase is too short to protect your case: use at least {count} "
            "characters. {advice}"
        ).format(count=MIN_LENGTH, advice=advice)
    reason = _why_guessable(passphrase, personal_words)
    if not reason:
        return ""
    return _("This passphrase could be guessed quickly: {reason}. {advice}").format(
        reason=reason, advice=advice
    )


def _why_guessable(passphrase: str, personal_words: Mapping[str, str] | Iterable[str]) -> str:
    """What makes `passphrase` quick to guess ("it uses a common word and a year"), or ''.
    It is judged as typed and with its separators taken out, and the weaker reading
    counts: a word-list attacker tries "correct horse" and "correcthorse" alike. Then
    it is judged again as someone who knows the person would: without their words."""
    kinds = dict(personal_words) if isinstance(personal_words, Mapping) else {}
    inputs = [w for w in personal_words if w]
    readings = [zxcvbn(passphrase[:MAX_CHECKED], user_inputs=inputs)]
    joined = SEPARATORS.sub("", passphrase)
    if joined and joined != passphrase:
        readings.append(zxcvbn(joined[:MAX_CHECKED], user_inputs=inputs))
    if reason := _judge(passphrase, readings, kinds):
        return reason
    # zxcvbn counts each personal word as 50 guesses at least and adds 10,000 per
    # further part, so four of them pass; to someone who knows you they cost nothing.
    rest, found = joined.casefold(), list[str]()
    for word in sorted({w.casefold() for w in inputs}, key=len, reverse=True):
        if word in rest:
            rest = rest.replace(word, "")
            found.append(kinds.get(word, ABOUT_YOU))
    if not found or (
        len(rest) >= MIN_LENGTH and not _judge(rest, [zxcvbn(rest[:MAX_CHECKED])], {})
    ):
        return ""
    return _("it uses {found}, which someone who knows you would try first").format(
        found=listed([_(kind) for kind in dict.fromkeys(found)])
    )


def _judge(passphrase: str, readings: list[dict[str, Any]], kinds: Mapping[str, str]) -> str:
    """The reason `readings` (zxcvbn's, as typed and without separators) find the
    passphrase quick to guess, or '' when they don't."""
    weakest = min(readings, key=lambda reading: float(reading["guesses"]))
    sequence: list[dict[str, Any]] = list(readings[-1].get("sequence", []))
    words = max(len([part for part in SEPARATORS.split(passphrase) if part]), len(sequence))
    only_words = all(match.get("pattern") == "dictionary" for match in sequence)
    too_few = only_words and words < MIN_WORDS
    if float(weakest["guesses"]) >= MIN_GUESSES and not too_few:
        return ""
    if too_few and len(sequence) == 1 and sequence[0].get("dictionary_name") == "passwords":
        return _("it is a password many people use")
    if too_few and all(match.get("dictionary_name") != "user_inputs" for match in sequence):
        return _(ONLY_COMMON_WORDS[words])
    personal: list[str] = []
    common: list[str] = []
    patterns: list[str] = []
    for match in weakest.get("sequence", []):
        pattern = match.get("pattern")
        if pattern == "dictionary" and match.get("dictionary_name") == "user_inputs":
            personal.append(kinds.get(str(match.get("matched_word", "")), ABOUT_YOU))
        elif pattern == "dictionary":
            common.append(N_("a common word") if not common else N_("common words"))
        elif pattern in PATTERNS:
            patterns.append(PATTERNS[str(pattern)])
        elif pattern == "regex" and match.get("regex_name") == "recent_year":
            patterns.append(N_("a year"))
    if YEAR.search(passphrase) and not {"a year", "a date"} & set(patterns):
        patterns.append(N_("a year"))
    found = list(dict.fromkeys([*personal, *common[-1:], *patterns]))
    if not found:
        return _("it is not long or varied enough to be hard to guess")
    return _("it uses {found}").format(found=listed([_(item) for item in found]))
