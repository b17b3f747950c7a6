"""The strength meter: score 0-4 as a coloured bar with words, crack time and advice."""

from __future__ import annotations

from textual.markup import escape

from tui.core.passwords.strength import Assessment
from tui.core.shared.i18n import _

BAR_WIDTH = 20
COLOURS = ("$error", "$error", "$warning", "$success", "$success")


def meter(found: Assessment, detailed: bool = False) -> str:
    """Markup for the meter; `detailed` adds every warning and suggestion."""
    filled = (found.score + 1) * BAR_WIDTH // 5
    bar = f"[{COLOURS[found.score]}]{'█' * filled}[/][dim]{'░' * (BAR_WIDTH - filled)}[/]"
    head = _("{bar} {score}/4 {words} · cracking would take {crack_time}").format(
        bar=bar, score=found.score, words=found.words, crack_time=found.crack_time
    )
    warnings = [w for w in (found.personal_warning, found.warning) if w]
    if not detailed:
        advice = (warnings or list(found.suggestions) or [""])[0]
        return f"{head}\n[dim]{escape(advice)}[/]" if advice else head
    lines = [head, *(f"[$warning]⚠ {escape(w)}[/]" for w in warnings)]
    lines += [f"[dim]• {escape(s)}[/]" for s in found.suggestions]
    return "\n".join(lines)
