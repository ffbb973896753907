"""Placeholders the author forgot to fill: ``X个月``, ``XX``, ``××``, ``○○``, ``TODO``, ``待补充``,
empty brackets, and ``*`` standing for a name."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from reportgen.check.lint import rule
from reportgen.check.lint.view import View
from reportgen.errors import Problem
from reportgen.settings.rules import Rule


@rule("placeholder")
def placeholders(views: Sequence[View], settings: Rule) -> Iterator[Problem]:
    yield from _matches(views, settings)


@rule("placeholder-name")
def placeholder_names(views: Sequence[View], settings: Rule) -> Iterator[Problem]:
    yield from _matches(views, settings)


def _matches(views: Sequence[View], settings: Rule) -> Iterator[Problem]:
    pattern = re.compile("|".join(f"(?:{p})" for p in settings["patterns"]))
    for view in views:
        for passage in view.passages:
            for match in pattern.finditer(passage.text):
                if not match.group():
                    continue
                context = passage.text[max(0, match.start() - 6) : match.end() + 6].replace(
                    "\n", " "
                )
                yield settings.problem(
                    view.locate(passage, match.start()),
                    passage.where,
                    text=match.group(),
                    context=context,
                )
