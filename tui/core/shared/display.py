"""Text from a person or a file, made safe to put on a terminal.

A file name, a caption read from a photo or a detail typed at the command line can hold
control characters, and a terminal obeys them: ESC ] 0; retitles the window, OSC 52
writes the clipboard, ESC [2J clears the screen, a newline starts a fake row of a list,
and a right-to-left override (U+202E) makes the rest of a line read backwards. Rich and
Textual drop only a few of them (BEL, BS, VT, FF, CR), so everything a case holds goes
through here on its way to the screen, in the command line and in the app alike.

Only what is shown changes, never what is stored: evidence is kept exactly as it came.
The control characters are not hidden either, since they may matter to the case; each
one is written out where it was (`\\x1b`, `\\n`, `⟨U+202E⟩`), so that a reader can see
that something odd is there. The visible form is for reading, not for reading back: a
name that really holds the four characters `\\x1b` looks the same, and `--json` (see
`shown_json`) gives the exact value.
"""

from __future__ import annotations

#: Right-to-left and left-to-right marks, embeddings, overrides and isolates, and the
#: Arabic letter mark: they reorder what follows without showing themselves.
BIDI_CONTROLS = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
#: The line and paragraph separators: some programs start a new line at them.
LINE_SEPARATORS = (0x2028, 0x2029)
#: C0, DEL and C1: the characters a terminal may act on instead of showing.
CONTROLS = (*range(0x20), 0x7F, *range(0x80, 0xA0))
_NAMED = {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}


def _visible(code: int) -> str:
    if code in _NAMED:
        return _NAMED[code]
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"⟨U+{code:04X}⟩"


_UNSAFE = (*CONTROLS, *BIDI_CONTROLS, *LINE_SEPARATORS)
#: The bytes of a file name that is not UTF-8, as Python keeps them (lone surrogates):
#: printed, they would reach the terminal raw; each is written out as its byte (`\\xff`).
_RAW_BYTES = {0xDC00 + byte: f"\\x{byte:02x}" for byte in range(0x80, 0x100)}
_ONE_LINE = {code: _visible(code) for code in _UNSAFE} | _RAW_BYTES
_BLOCK = {code: text for code, text in _ONE_LINE.items() if code not in (0x09, 0x0A)}
#: In JSON text these appear only inside strings, where a \\u escape means the same.
_JSON = {code: f"\\u{code:04x}" for code in (*_UNSAFE, *_RAW_BYTES) if code >= 0x7F}


def acts_on_a_terminal(text: str) -> bool:
    """Whether `text` holds any character `shown` would write out (a control, a bidi
    control, a line separator)."""
    return text.translate(_ONE_LINE) != text


def shown(text: str) -> str:
    """`text` for one line (a table cell, a list row, a heading, a notification): every
    control character, newline and tab included, and every bidi control made visible,
    so that nothing can act on the terminal, start a new row or reorder the line."""
    return text.translate(_ONE_LINE)


def shown_block(text: str) -> str:
    """`text` for a place that shows several lines (a letter, notes, the facts of an
    exhibit): newlines and tabs stay real, a Windows line end counts as a newline, and
    every other control character and bidi control is made visible as in `shown`."""
    return text.replace("\r\n", "\n").translate(_BLOCK)


def shown_json(document: str) -> str:
    """JSON text (from `json.dumps(..., ensure_ascii=False)`) with DEL, C1, the bidi
    controls and the line separators written as \\u escapes. `json.dumps` escapes only
    C0; the rest would reach the terminal raw. A program reading the output gets exactly
    the same strings back, so the data stays exact while the terminal stays safe."""
    return document.translate(_JSON)


def kept(before: str, typed: str, *, block: bool = False) -> str:
    """What to save from a form field that was filled with the visible form of `before`:
    `before` itself, exactly, while the person has left the field as it was shown; what
    they typed once they have changed it (they saw the visible form and edited that)."""
    return before if typed == (shown_block if block else shown)(before) else typed
