"""Styles parsed once a process, not at every screen.

Textual parses every style the app knows (its own, each widget's, each screen's) again
whenever a screen brings styles of its own or the colours change: it does so in a new
stylesheet, whose cache of parsed text starts empty. That is some fifty parses each
time a step is first opened, a tenth of the time to open it.

The parsed rules depend only on the text, where it was read from and the colours'
variables, and Textual never changes rules once parsed (one stylesheet already hands
the same rules out again at its next parse), so `SharedParses` keeps them for every
stylesheet of the process, by text, place and variables. Nothing else changes: the
same rules in the same order, and an error in a style still raises where it did."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.cache import LRUCache
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.css.tokenize import tokenize_values
from textual.css.tokenizer import Token
from textual.css.types import CSSLocation

#: Every style of every screen, in each set of colours a person may choose, and room over.
_PARSED: LRUCache[tuple[object, ...], list[RuleSet]] = LRUCache(4096)
_TOKENS: LRUCache[tuple[tuple[str, str], ...], dict[str, list[Token]]] = LRUCache(64)


class SharedParses(Stylesheet):
    """A stylesheet that reuses the rules any of Reclaim's stylesheets parsed before."""

    def __init__(self, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        self._colours = tuple(sorted(self._variables.items()))

    def set_variables(self, variables: dict[str, str]) -> None:
        super().set_variables(variables)
        self._colours = tuple(sorted(self._variables.items()))

    @property
    def _variable_tokens(self) -> dict[str, list[Token]]:
        tokens = _TOKENS.get(self._colours)
        if tokens is None:
            tokens = _TOKENS[self._colours] = tokenize_values(self._variables)
        return tokens

    def _parse_rules(
        self,
        css: str,
        read_from: CSSLocation,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        key = (self._colours, css, read_from, is_default_rules, tie_breaker, scope)
        rules = _PARSED.get(key)
        if rules is None:
            rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
            _PARSED[key] = rules
        return rules

    def reparse(self) -> None:
        """Textual's `reparse` (parse into a new stylesheet, so that an error leaves this
        one as it was), into one that shares the parsed rules."""
        fresh = SharedParses(variables=self._variables)
        for read_from, (css, is_defaults, tie_breaker, scope) in self.source.items():
            fresh.add_source(
                css,
                read_from=read_from,
                is_default_css=is_defaults,
                tie_breaker=tie_breaker,
                scope=scope,
            )
        try:
            fresh.parse()
        except Exception:
            self._invalid_css.update(fresh._invalid_css)
            raise
        self._rules = fresh.rules
        self._rules_map = None
        self.source = fresh.source
        self._require_parse = False

    def copy(self) -> SharedParses:
        copied = SharedParses(variables=self._variables.copy())
        copied.source = self.source.copy()
        return copied


class ParsesStylesOnce(App[Any]):
    """The app's part: its stylesheet shares what was parsed (`SharedParses`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.stylesheet = SharedParses(variables=self.get_css_variables())
