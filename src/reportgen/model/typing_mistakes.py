"""What a Chinese input method types where YAML wants ASCII, found in the source text at the
place it was typed: a full-width ``：`` after a key, full-width spaces as indentation, a
full-width ``－`` as a list marker, Chinese quotes around a value that needed YAML's quotes; and
a continuation line of a ``|`` block that lost its indentation.

YAML itself either accepts these silently (``heading：…`` is a text, not a key) or fails a line
or more later with words about indentation; each is named here at its own line and column with
the fix. Text inside a block scalar (``|`` or ``>``) is the user's prose and is left alone:
``　　今年以来`` there is a paragraph indent, not a mistake.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from itertools import pairwise
from typing import NamedTuple

from reportgen.errors import Location, Problem
from reportgen.settings.messages import message
from reportgen.text.search import occurrences

_KEY = r"[A-Za-z_][A-Za-z0-9_-]*"
_FULL_COLON = re.compile(rf"^(?P<lead>[ ]*(?:-[ ]+)?)(?P<key>{_KEY})[ ]*(?P<colon>：)")
_FULL_SPACE = re.compile(r"^[ ]*\u3000")
_FULL_DASH = re.compile(r"^(?P<lead>[ ]*)(?P<dash>[－—–])[ \u3000]*\S")
# Only a file YAML cannot read needs these: left to ``re``'s cache, compiled on first use
# (~0.4 ms that a build or check of readable files does not pay).
_CHINESE_QUOTED = (
    rf"^(?P<lead>[ ]*(?:-[ ]+|{_KEY}:[ ]+))(?P<open>[“‘「『])(?P<body>.*)(?P<close>[”’」』])[ ]*$"
)
_BLOCK_START = rf"^(?P<indent>[ ]*)(?:-[ ]+)?(?:{_KEY}:[ ]+)?[|>][+-]?[0-9]?[ ]*$"
_STRUCTURAL = rf"^[ ]*(?:#|-(?:[ ]|$)|{_KEY}[ ]*:(?:[ ]|$)|\.\.\.|---)"


class _Line(NamedTuple):  # a NamedTuple: a frozen dataclass costs an import ~0.4 ms
    number: int  # 1-based
    text: str
    in_block: bool  # inside a block scalar's text


def _lines(text: str) -> list[_Line]:
    """Each line, marked when it is the text of a ``|`` or ``>`` block: the lines after the
    opening one that are blank or indented at least as far as the block's first text line."""
    out: list[_Line] = []
    opener: int | None = None  # the indentation of the line that opened the block
    content: int | None = None  # the indentation of the block's first line of text
    for number, line in enumerate(text.split("\n"), start=1):
        indent = len(line) - len(line.lstrip(" "))
        if opener is not None:
            if not line.strip():
                out.append(_Line(number, line, True))
                continue
            if content is None and indent > opener:
                content = indent
            if content is not None and indent >= content:
                out.append(_Line(number, line, True))
                continue
        opener = content = None
        start = re.match(_BLOCK_START, line.split(" #")[0].rstrip())
        if start:
            opener = len(start["indent"])
        out.append(_Line(number, line, False))
    return out


def typing_mistakes(
    text: str,
    shown: str,
    text_lines: set[int] | None = None,
    keys: Callable[[], Collection[str]] | None = None,
) -> list[Problem]:
    """Full-width colons, spaces and dashes where YAML's own are needed, outside block text:
    outside the lines ``text_lines`` names (when YAML could read the file), else outside what
    looks like a ``|`` or ``>`` block.

    ``keys``: when YAML read the file, a word before a full-width colon is a mistaken key only
    if it is one of these names (``heading：…``); ``- GDP：增长5%`` is a point's text. Called
    only when such a line is found."""
    problems = []
    for number, here in _outside_text(text, text_lines):
        colon = _FULL_COLON.match(here)
        if colon and keys is not None and colon["key"] not in keys():
            colon = None  # read as text, and no name the file could mean: the author's text
        elif colon:
            problems.append(
                _problem(shown, number, colon.start("colon"), "typing_colon", colon["key"])
            )
            continue
        space = _FULL_SPACE.match(here)
        if space:
            problems.append(_problem(shown, number, space.end() - 1, "typing_space", ""))
            continue
        dash = _FULL_DASH.match(here)
        if dash and not _FULL_COLON.match(here):
            problems.append(
                _problem(shown, number, dash.start("dash"), "typing_dash", dash["dash"])
            )
    return problems


def _outside_text(text: str, text_lines: set[int] | None) -> Iterator[tuple[int, str]]:
    """Each line's number and text, but the lines of the author's text: those ``text_lines``
    names, else (YAML could not read the file) the lines of what looks like a ``|``/``>`` block.
    Only the second needs :func:`_lines`' walk (~0.3 ms a file)."""
    if text_lines is None:
        return ((line.number, line.text) for line in _lines(text) if not line.in_block)
    lines = text.split("\n")
    return (
        (number, lines[number - 1])
        for number in sorted(_lines_holding(text, _TYPED))
        if number not in text_lines
    )


# Each mistake holds one of these: the full-width colon, space, or a dash. A file YAML read
# has a few lines with one (13 of 2022.yaml's 283): found with str.find, only those lines are
# matched against the three patterns (a check's files: 0.16 ms -> 0.03).
_TYPED = ("：", "\u3000", "－", "—", "–")


def _lines_holding(text: str, chars: Collection[str]) -> set[int]:
    """The 1-based numbers of the lines (split at \\n) of ``text`` holding one of ``chars``."""
    numbers: set[int] = set()
    line, counted = 1, 0
    for at, _ in occurrences(text, chars):
        line += text.count("\n", counted, at)
        counted = at
        numbers.add(line)
    return numbers


def quoting_mistake(text: str, shown: str, error_line: int) -> Problem | None:
    """A value in Chinese quotes on the line YAML failed at (or the one before): YAML takes
    “ ” as text, so a ``: `` inside them still splits the line."""
    lines = text.split("\n")
    for number in (error_line, error_line - 1):
        if 1 <= number <= len(lines):
            match = re.match(_CHINESE_QUOTED, lines[number - 1])
            if match:
                return _problem(shown, number, match.start("open"), "typing_quotes", match["open"])
    return None


def block_break(text: str, shown: str, error_line: int) -> Problem | None:
    """The first line at or above ``error_line`` that ended a ``|``/``>`` block by losing its
    indentation while still being prose (not a key, a list entry or a comment)."""
    lines = _lines(text)
    for previous, line in pairwise(lines):
        if line.number > error_line:
            break
        if not previous.in_block or line.in_block or not line.text.strip():
            continue
        if re.match(_STRUCTURAL, line.text):
            continue
        content = _block_indent(lines, previous.number)
        column = len(line.text) - len(line.text.lstrip(" ")) + 1
        return Problem(
            Location(shown, line.number, column),
            message("typing_block_break"),
            rule="yaml",
            hint=message("typing_block_break_hint", indent=content),
        )
    return None


def _block_indent(lines: list[_Line], last_block_line: int) -> int:
    """How far the text of the block ending at ``last_block_line`` is indented."""
    number = last_block_line
    while number > 1 and lines[number - 2].in_block:
        number -= 1
    first = next(
        (ln for ln in lines[number - 1 : last_block_line] if ln.text.strip()), lines[number - 1]
    )
    return len(first.text) - len(first.text.lstrip(" "))


def _problem(shown: str, line: int, index: int, kind: str, found: str) -> Problem:
    return Problem(
        Location(shown, line, index + 1),
        message(kind, input=found),
        rule="yaml",
        hint=message(f"{kind}_hint", input=found),
    )
