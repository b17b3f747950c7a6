"""The words of each key (a binding's description, tooltip and group) in the person's
language.

Textual's bindings are class attributes, read at import, so their words are marked
`N_()` and stay English in the classes. Each screen, widget and the app keep their
own copy of their class's bindings (`_bindings`), which the footer, the key panel and
the command palette read; `speak_keys` puts the translated words in those copies, from
the English of the class, so that it can be done again when the language changes."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual.binding import Binding

from tui.core.shared.i18n import _

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.dom import DOMNode


def spoken(binding: Binding, words: Callable[[str], str] = _) -> Binding:
    """`binding` with its words in the language spoken now (English words as written);
    `words` turns English into what is shown (a screen's own, e.g. discreet words)."""
    group = binding.group
    if group is not None and group.description:
        group = Binding.Group(words(group.description), compact=group.compact)
    return replace(
        binding,
        description=words(binding.description) if binding.description else "",
        tooltip=words(binding.tooltip) if binding.tooltip else "",
        group=group,
    )


def speak_keys(node: DOMNode) -> None:
    """Put `node`'s keys in the language spoken now, from its class's English words.
    A binding the class does not have (added while running) is left as it is. A node
    with a `key_words(english) -> str` method says its keys in its own words."""
    english = type(node)._merged_bindings
    if english is None:
        return
    originals = {
        (key, binding.action): binding
        for key, bindings in english.key_to_bindings.items()
        for binding in bindings
    }
    words: Callable[[str], str] = getattr(node, "key_words", _)
    own = node._bindings.key_to_bindings
    for key, bindings in own.items():
        own[key] = [
            spoken(originals[key, binding.action], words)
            if (key, binding.action) in originals
            and _same_but_words(binding, originals[key, binding.action])
            else binding
            for binding in bindings
        ]


def _same_but_words(binding: Binding, original: Binding) -> bool:
    """True when `binding` is the class's `original`, maybe with translated words (a
    screen may change a binding's words itself, e.g. the kiosk's neutral ones)."""
    return (
        binding.show == original.show
        and binding.priority == original.priority
        and binding.id == original.id
    )


def speak_keys_within(node: DOMNode) -> None:
    """`speak_keys` for `node` and every node under it."""
    speak_keys(node)
    for child in node.walk_children():
        speak_keys(child)
