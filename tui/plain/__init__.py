"""Plain mode (`reclaim --plain`): a guided walk, one line and one question at a time,
for a screen reader or a braille display. No full-screen drawing, no cursor movement,
no colour: numbered choices and words. It stands on `tui.core` alone, like the command
line, and never loads Textual. `walk` is the menu, `prompt` reads and writes lines, and
each step has a module of its own."""
