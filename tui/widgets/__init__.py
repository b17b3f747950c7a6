"""Reusable widgets.

Loading them (the app does, as it starts) also sets where a line of words may break on
the screen: never before a French ":" or "?", never inside "« … »" (`line_breaks`)."""

from tui.widgets.line_breaks import keep_marks_with_words

keep_marks_with_words()
