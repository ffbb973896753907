"""Lint rules over the text of a review and a plan: placeholders, punctuation, figures,
structure and length. One module per family; each rule is a function registered under its
id, and its severity, settings and wording come from ``rules.yaml`` (a project overrides them
in ``templates/rules.yaml``).

A rule receives every file checked together (a review and its plan) as :class:`View` objects,
so that rules across files (the same figure stated twice, the total length) see them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence

from reportgen.check.lint.view import View, build_view
from reportgen.errors import Problem
from reportgen.settings.rules import Rule, rule_ids

RuleFunction = Callable[[Sequence[View], Rule], Iterator[Problem]]
REGISTRY: dict[str, RuleFunction] = {}


def rule(rule_id: str) -> Callable[[RuleFunction], RuleFunction]:
    def register(function: RuleFunction) -> RuleFunction:
        REGISTRY[rule_id] = function
        return function

    return register


def _load_families() -> None:
    # Imported for their @rule registrations.
    from reportgen.check.lint import (  # noqa: F401
        figures,
        length,
        placeholders,
        punctuation,
        references,
        structure,
        typed,
    )


def lint(views: Sequence[View], rules: Mapping[str, Rule]) -> list[Problem]:
    """Every finding of every enabled rule, in file, line and column order."""
    _load_families()
    found: list[Problem] = []
    for rule_id, function in REGISTRY.items():
        settings = rules.get(rule_id)
        if settings is None or not settings.enabled:
            continue
        found.extend(function(views, settings))
    return sort_problems(found)


def sort_problems(problems: list[Problem]) -> list[Problem]:
    unique = {(p.location, p.rule, p.message): p for p in problems}
    return sorted(
        unique.values(),
        key=lambda p: (p.location.file, p.location.line or 0, p.location.column or 0, p.rule),
    )


__all__ = ["REGISTRY", "Rule", "View", "build_view", "lint", "rule", "rule_ids"]
