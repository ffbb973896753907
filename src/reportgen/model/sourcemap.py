"""Where each character of a YAML string value sits in the source text (check, fix, and the
origins compose gives every span: :func:`locate`).

The loader knows where every node *starts*. A finding inside a long block scalar (the ninth
line of a ``text: |``) should name the line and column of the offending character itself, and
``check --fix`` must edit exactly that character. So the source is composed again here (PyYAML
nodes carry their style and end), and each value character is aligned with the source
character it came from: the value is the source minus indentation, quotes, escapes and line
folding, so its characters appear in the source in the same order.
"""

from __future__ import annotations

import functools
import re
from itertools import accumulate
from typing import NamedTuple

import yaml

from reportgen.errors import Location
from reportgen.model.loader import Loaded, PathKey, compose
from reportgen.text.cleaning import clean_with_origin

# A line break as PyYAML counts one: \r\n, \r alone, \n, NEL, LS, PS. Found by the regex engine,
# not a Python loop over every character of the file (~0.5 ms a file on a cold check), and only
# in a file that has a break other than \n (most have none: splitting at \n is 4 times faster).
# Three characters past U+00FF in one class compile to a table of the whole BMP (~0.1 ms):
# each alternative here is one character, or a class of two neighbours.
_RARE_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


@functools.cache
def _line_break() -> re.Pattern[str]:
    return re.compile("\r\n?|\n|\x85|[\u2028\u2029]")


_ESCAPE_LENGTH = {"x": 4, "u": 6, "U": 10}
_LOOKAHEAD = 16  # how far to look for a character after an escape we could not read


# A NamedTuple and a plain class, not dataclasses: making those cost every check ~0.6 ms.
class ScalarSpan(NamedTuple):
    style: str | None  # None (plain), "'", '"', "|" or ">"
    start: int  # source index of the node's first character (its quote or block indicator)
    end: int


class SourceMap:
    """Value offsets → source indices → (line, column), for every string scalar of a file."""

    def __init__(
        self,
        text: str,
        scalars: dict[PathKey, ScalarSpan] | None = None,
        line_starts: list[int] | None = None,
    ) -> None:
        self.text = text
        self.scalars: dict[PathKey, ScalarSpan] = {} if scalars is None else scalars
        self._line_starts: list[int] = [] if line_starts is None else line_starts
        self._aligned: dict[PathKey, list[int]] = {}

    @classmethod
    def of(cls, loaded: Loaded) -> SourceMap:
        # A check asks for a file's map up to three times (references, lint, fix): the spans
        # are read once per text, from the node tree the loader composed when it has it (a
        # second composition cost a check ~1 ms a file), and each map gets its own cache of
        # aligned offsets.
        scalars, line_starts = _scalars_of(loaded.text, loaded.node)
        return cls(loaded.text, scalars, line_starts)

    @classmethod
    def _composed(cls, text: str, node: yaml.Node | None = None) -> SourceMap:
        result = cls(text)
        if node is None:
            try:
                node = compose(text)
            except yaml.YAMLError:  # pragma: no cover - the loader has read this text already
                node = None
        if node is not None:
            result._walk(node, ())
        result._line_starts = _line_starts(text)
        return result

    def _walk(self, node: yaml.Node, path: PathKey) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                self._walk(value, (*path, str(key.value)))
        elif isinstance(node, yaml.SequenceNode):
            for i, child in enumerate(node.value):
                self._walk(child, (*path, i))
        elif isinstance(node, yaml.ScalarNode):
            self.scalars[path] = ScalarSpan(node.style, node.start_mark.index, node.end_mark.index)

    def index(self, path: PathKey, value: str, offset: int) -> int | None:
        """The source index of ``value[offset]``, the string at ``path``; None if unknown."""
        span = self.scalars.get(path)
        if span is None:
            return None
        aligned = self._aligned.get(path)
        if aligned is None or len(aligned) != len(value):
            aligned = align(self.text, span, value)
            self._aligned[path] = aligned
        if not aligned:
            return span.start
        return aligned[min(max(offset, 0), len(aligned) - 1)]

    def position(self, index: int) -> tuple[int, int]:
        """1-based line and column of a source index, counted as PyYAML (and the loader) count."""
        lo, hi = 0, len(self._line_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self._line_starts[mid] <= index:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1, index - self._line_starts[lo] + 1


def _line_starts(text: str) -> list[int]:
    """The index each line starts at: after every break PyYAML counts (``\\r\\n`` is one)."""
    if any(rare in text for rare in _RARE_BREAKS):
        return [0, *(match.end() for match in _line_break().finditer(text))]
    return list(accumulate([len(line) + 1 for line in text.split("\n")[:-1]], initial=0))


def align(src: str, span: ScalarSpan, value: str) -> list[int]:
    """For each character of ``value``, the index of the source character it came from."""
    p, end = span.start, max(span.end, span.start)
    if span.style in ("|", ">"):
        newline = src.find("\n", p, end)
        p = end if newline < 0 else newline + 1  # content starts after the header line
    elif span.style in ("'", '"'):
        p += 1
    out: list[int] = []
    for char in value:
        if char.isspace():
            out.append(min(p, end))
            if p < end and src[p].isspace():
                p += 1
            continue
        p = _skip_layout(src, p, end, span.style)
        if p < end and src[p] == char:
            if span.style == "'" and char == "'" and src[p + 1 : p + 2] == "'":
                out.append(p)
                p += 2
                continue
            out.append(p)
            p += 1
        elif span.style == '"' and p < end and src[p] == "\\":
            out.append(p)
            p += _ESCAPE_LENGTH.get(src[p + 1 : p + 2], 2)
        else:
            found = src.find(char, p, min(end, p + _LOOKAHEAD))
            if found >= 0:
                out.append(found)
                p = found + 1
            else:
                out.append(min(p, end))
    return out


def _skip_layout(src: str, p: int, end: int, style: str | None) -> int:
    """Skip what the value does not hold: indentation, line breaks, escaped line breaks."""
    while p < end:
        if src[p].isspace() or (
            style == '"' and src[p] == "\\" and src[p + 1 : p + 2] in ("\n", "\r")
        ):
            p += 1
        else:
            break
    return p


def locate(loaded: Loaded, path: PathKey, offset: int, source: SourceMap | None = None) -> Location:
    """The line and column of character ``offset`` of the model's (cleaned) string at ``path``:
    what a composed span's :class:`~reportgen.compose.document.Origin` points at.

    A point written as a bare string has no ``text`` key; its path is then the point's own.
    Unknown paths fall back to the nearest node the loader knows.
    """
    raw = value_at(loaded.value, path)
    if not isinstance(raw, str) and path and path[-1] == "text":
        path = path[:-1]
        raw = value_at(loaded.value, path)
    if not isinstance(raw, str):
        return loaded.locate(path)
    _, origin = clean_with_origin(raw)
    raw_offset = origin[min(max(offset, 0), len(origin) - 1)] if origin else 0
    source = source or SourceMap.of(loaded)
    index = source.index(path, raw, raw_offset)
    if index is None:
        return loaded.locate(path)
    line, column = source.position(index)
    return Location(loaded.file, line, column)


def value_at(value: object, path: PathKey) -> object:
    node = value
    for part in path:
        if isinstance(node, dict) and isinstance(part, str):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            return None
    return node


@functools.lru_cache(maxsize=8)
def _scalars_of(
    text: str, node: yaml.Node | None = None
) -> tuple[dict[PathKey, ScalarSpan], list[int]]:
    """Every string scalar's span in ``text`` (read off ``node``, its composed tree, when
    given) and its line starts (shared, never changed)."""
    composed = SourceMap._composed(text, node)
    return composed.scalars, composed._line_starts
