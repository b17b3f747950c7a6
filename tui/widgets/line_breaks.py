"""Where a line of words may break: never before a French ":", ";", "?", "!" or "»",
never after "«", and never at a non-breaking space.

French puts a space before those marks ("Étape 8 : Retraits", "Il manque encore : …").
Every Static, Label, Footer and Rich `Text` on the screen is wrapped by one function,
`rich._wrap.divide_line` (Textual's `Content` and Rich's `Text.wrap` both call it), which
takes a "word" to be `\\s*\\S+\\s*`: a break could come at any space, the space before a
colon too, and even at U+00A0 / U+202F, which Python counts as whitespace, so that a
line could start with ":" or a "»" stand alone. `keep_marks_with_words` gives it a word
that holds such a space inside, as Unicode's line-breaking rules (UAX #14: NBSP is
"glue", the French marks close a phrase) would. This is the one place the rule is made;
the app installs it as it starts (TextArea, where the person types, is not touched).
"""

from __future__ import annotations

import re

#: Spaces that join rather than separate: no-break, narrow no-break, figure space.
NO_BREAK = "\u00a0\u202f\u2007"
#: Marks that French sets after a space, and that must not begin a line.
CLOSING = ":;?!»"
#: A space that belongs to the word around it: any no-break space, a space before a
#: closing mark, and a space after "«".
_GLUE = rf"[{NO_BREAK}]|[ {NO_BREAK}]+(?=[{CLOSING}])|(?<=«)[ {NO_BREAK}]+"
#: A word as the wrapper takes it: breaking spaces before, then letters and glue, then
#: breaking spaces after (Rich's own is `\s*\S+\s*`).
WORD = re.compile(rf"[^\S{NO_BREAK}]*(?:{_GLUE}|[^\s])+[^\S{NO_BREAK}]*")


def keep_marks_with_words() -> None:
    """Make every wrapped line on the screen break only where a line may break."""
    import rich._wrap

    rich._wrap.re_word = WORD
