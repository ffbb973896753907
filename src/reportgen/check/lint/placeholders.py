"""Placeholders the author forgot to fill: ``X个月``, ``XX``, ``××``, ``○○``, ``TODO``, ``待补充``,
empty brackets, and ``*`` standing for a name."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

from reportgen.check.lint import rule
from reportgen.check.lint.view import View
from reportgen.errors import Problem, UserError
from reportgen.settings.messages import message
from reportgen.settings.rules import Rule, shipped_patterns


@rule("placeholder")
def placeholders(views: Sequence[View], settings: Rule) -> Iterator[Problem]:
    yield from _matches(views, settings)


@rule("placeholder-name")
def placeholder_names(views: Sequence[View], settings: Rule) -> Iterator[Problem]:
    yield from _matches(views, settings)


def _joined(patterns: Sequence[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


@cache
def _shipped(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(SCANNED.get(p, f"(?:{p})") for p in patterns))


# Shipped patterns as the standard library's engine scans them fastest, each with exactly the
# matches of the pattern it stands for (tests/check/lint/test_placeholders.py holds each to it).
# The engine tries an alternative that starts with a literal or a class only where the text has
# that character, and enters any other (a lookbehind first, a repeat, a group of alternatives)
# at every character of every text: so the lookbehinds follow the first character, repeats
# are written x+ as xx*, and each pattern's own alternatives join the top-level alternation
# (the same order, so the same one wins at each position). Checking 2022 scanned in 0.18 ms,
# not 0.46. (?i:[xｘ]) is [XxＸｘ] (no other code point folds to x or ｘ; the test reads
# them all) without the 65,536-bit table a class of four far-apart characters compiles to.
_X_TAIL = "(?<![A-Za-z0-9].)(?i:[xｘ]){0,2}(?![A-Za-z0-9])"
SCANNED = {
    "(?<![A-Za-z0-9])(?:[XxＸｘ]{1,3})(?![A-Za-z0-9])": f"[Xx]{_X_TAIL}|[Ｘｘ]{_X_TAIL}",
    "[○◯]{1,}": "[○◯][○◯]*",
    "□+": "□□*",
    "_{2,}|＿{2,}": "__+|＿＿+",
    r"\b(?:TODO|TBD|FIXME)\b": r"T(?<=\bT)(?:ODO|BD)\b|F(?<=\bF)IXME\b",
    "待补充|待填写|待填|待完善|待更新": "待(?:补充|填写|填|完善|更新)",
    "[?？]{2,}": "[?？][?？]+",
    r"【\s*】|\[\s*\]|（\s*）|\(\s*\)|〔\s*〕|［\s*］|“\s*”": (
        r"【\s*】|\[\s*\]|（\s*）|\(\s*\)|〔\s*〕|［\s*］|“\s*”"
    ),
}


# Shipped patterns costly to compile (a class of the 21,000 CJK ideographs: ~0.7 ms; of the
# Chinese numerals: ~0.3 ms), and what every match of theirs holds, one of these strings. A
# pattern that cannot match in any text checked is left out of the alternation: it could
# win at no position, so the others find what they found with it.
NEEDS = {
    r"(?<![0-9])[×✕](?=[\u4e00-\u9fff])|[×✕]{2,}": ("×", "✕"),
    r"(?<![一二三四五六七八九十〇零])〇{2,}(?![一二三四五六七八九十〇零年])": ("〇〇",),
    r"[*＊]+(?=[\u4e00-\u9fff])": ("*", "＊"),
}


def _could_match(pattern: str, views: Sequence[View]) -> bool:
    needs = NEEDS.get(pattern)
    return needs is None or any(s in p.text for v in views for p in v.passages for s in needs)


# A shipped pattern that is a run of these characters before an ideograph: alone in its rule
# (placeholder-name), it is matched as the runs and a look at the character after each,
# without the ~0.7 ms of compiling the class (a document naming *街道 needs it).
RUNS_BEFORE_IDEOGRAPH = {r"[*＊]+(?=[\u4e00-\u9fff])": "*＊"}


class _RunsBeforeIdeograph:
    r"""``[chars]+(?=[\u4e00-\u9fff])`` without compiling the class of ideographs: a match is
    a whole run of ``chars`` that an ideograph follows (from no character of a run that none
    follows does one start), so the runs are found and the character after each looked at."""

    def __init__(self, chars: str) -> None:
        self.runs = re.compile(f"[{re.escape(chars)}]+")

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        for run in self.runs.finditer(text):
            if "\u4e00" <= text[run.end() : run.end() + 1] <= "\u9fff":
                yield run


# Patterns come from a project's rules.yaml: one like (x+x+)+y would backtrack for hours on a
# long line, so all of them together get this many seconds per check.
PATTERN_SECONDS = 2.0


def _matches(views: Sequence[View], settings: Rule) -> Iterator[Problem]:
    patterns = settings["patterns"]
    limited = not shipped_patterns(settings.id, patterns)
    if limited:
        import regex  # a project's own patterns: its time limit guards against backtracking

        pattern: Any = regex.compile(_joined(patterns))
    else:
        # The shipped patterns match in linear time: the standard library's engine, compiled
        # once per process, finds the same matches without the regex module's import (~15 ms).
        patterns = [p for p in patterns if _could_match(p, views)]
        if not patterns:
            return
        if len(patterns) == 1 and patterns[0] in RUNS_BEFORE_IDEOGRAPH:
            pattern = _RunsBeforeIdeograph(RUNS_BEFORE_IDEOGRAPH[patterns[0]])
        else:
            pattern = _shipped(tuple(patterns))
    deadline = time.monotonic() + PATTERN_SECONDS
    for view in views:
        for passage in view.passages:
            timeout = {"timeout": max(deadline - time.monotonic(), 0.01)} if limited else {}
            try:
                found = list(pattern.finditer(passage.text, **timeout))
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
