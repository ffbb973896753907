"""Placeholders the author forgot to fill: ``X个月``, ``XX``, ``××``, ``○○``, ``TODO``, ``待补充``,
empty brackets, and ``*`` standing for a name."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence

import regex

from reportgen.check.lint import rule
from reportgen.check.lint.view import View
from reportgen.errors import Problem, UserError
from reportgen.settings.messages import message
from reportgen.settings.rules import Rule


@rule("placeholder")
def placeholders(views: Sequence[View], settings: Rule) -> Iterator[Problem]:
    yield from _matches(views, settings)


@rule("placeholder-name")
def placeholder_names(views: Sequence[View], settings: Rule) -> Iterator[Problem]:
    yield from _matches(views, settings)


# Patterns come from a project's rules.yaml: one like (x+x+)+y would backtrack for hours on a
# long line, so all of them together get this many seconds per check.
PATTERN_SECONDS = 2.0


def _matches(views: Sequence[View], settings: Rule) -> Iterator[Problem]:
    pattern = regex.compile("|".join(f"(?:{p})" for p in settings["patterns"]))
    deadline = time.monotonic() + PATTERN_SECONDS
    for view in views:
        for passage in view.passages:
            try:
                found = list(
                    pattern.finditer(passage.text, timeout=max(deadline - time.monotonic(), 0.01))
                )
            except TimeoutError:
                raise UserError(
                    message(
                        "rules_pattern_timeout",
                        rule=settings.id,
                        seconds=PATTERN_SECONDS,
                        where=view.locate(passage, 0),
                    ),
                    hint=message("rules_pattern_timeout_hint"),
                ) from None
            for match in found:
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
