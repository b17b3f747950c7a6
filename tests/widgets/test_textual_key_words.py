"""Textual's own words for its widgets' keys ("Cursor up", "Select all") are in the
catalogues, so the keys panel speaks the person's language (tester w3 found ~20 lines of
English there on every screen with a text field)."""

from __future__ import annotations

import inspect
from collections.abc import Iterator

import pytest
import textual.app
import textual.command
import textual.containers
import textual.screen
import textual.widgets
from textual.binding import Binding

from tui.core.shared import i18n
from tui.widgets.textual_key_words import TEXTUAL_WIDGET_KEY_WORDS

#: Textual's words that Reclaim's catalogues already hold from elsewhere.
HELD_ELSEWHERE = {"Home", "Quit", "Exit the command palette"}


def textual_binding_words() -> set[str]:
    """Every binding description of the installed Textual's widgets and screens."""
    names: list[str] = getattr(textual.widgets, "__all__")  # noqa: B009 (lazy module)
    classes = {getattr(textual.widgets, name) for name in names}
    for module in (textual.screen, textual.app, textual.command, textual.containers):
        classes |= {item for _name, item in inspect.getmembers(module, inspect.isclass)}
    words = set()
    for cls in classes:
        for ancestor in getattr(cls, "__mro__", ()):
            for binding in ancestor.__dict__.get("BINDINGS", ()) or ():
                if isinstance(binding, Binding) and binding.description:
                    words.add(binding.description)
                elif isinstance(binding, tuple) and len(binding) >= 3 and binding[2]:
                    words.add(binding[2])
    return words


@pytest.fixture
def speaking() -> Iterator[None]:
    yield
    i18n.set_language("en")


def test_every_textual_key_word_is_listed() -> None:
    """A Textual upgrade that adds a key's words fails here until they are listed."""
    assert textual_binding_words() - HELD_ELSEWHERE <= set(TEXTUAL_WIDGET_KEY_WORDS)


@pytest.mark.parametrize("code", ["es", "fr"])
def test_every_textual_key_word_is_said_in_the_language(code: str, speaking: None) -> None:
    i18n.set_language(code)
    untranslated = {word for word in textual_binding_words() if i18n._(word) == word}
    assert not untranslated
