"""A document squashed into one paragraph (as copied from some web pages) split again at its
numbering: 一、 二、 三、 after a sentence's end, and （一） （二） … under each, only where the
markers run in sequence; a closing sentence (新的一年，……) after the last item goes on its own."""

from __future__ import annotations

import re
from itertools import pairwise

from reportgen.importer.cleaner import Line
from reportgen.text.numbering import chinese_numeral

SQUASHED_MIN = 120  # a paragraph shorter than this is not a whole document
_TOP = re.compile(r"(?:(?<=^)|(?<=[。！？]))(?P<n>[一二三四五六七八九十]{1,2})、")
_ITEM = re.compile(r"[（(](?P<n>[一二三四五六七八九十]{1,2})[）)]")
_CLOSING = re.compile(
    r"(?<=[。！？])(?:新的一年|总之|总而言之|综上|展望|今后|下一步[，,]?我们|在新的一年)"
)


def unsquash(lines: list[Line]) -> tuple[list[Line], int]:
    """The lines, with each squashed paragraph split; and how many were split."""
    out: list[Line] = []
    split = 0
    for line in lines:
        cuts = _cuts(line.text) if len(line.text) >= SQUASHED_MIN else []
        if not cuts:
            out.append(line)
            continue
        split += 1
        bounds = [0, *cuts, len(line.text)]
        for start, end in pairwise(bounds):
            text = line.text[start:end].strip()
            if text:
                out.append(Line(text, list(line.sources), line.heading_level, False, False))
    return out, split


def _cuts(text: str) -> list[int]:
    """Offsets to split at, or [] unless every top-level marker runs 一、二、三、 in order."""
    tops = _in_sequence(list(_TOP.finditer(text)))
    if len(tops) < 2:
        return []
    cuts = list(tops)
    for k, start in enumerate(tops):
        end = tops[k + 1] if k + 1 < len(tops) else len(text)
        cuts += _in_sequence(list(_ITEM.finditer(text, start, end)))
    closing = _CLOSING.search(text, max(cuts))
    if closing:
        cuts.append(closing.start())
    return sorted(set(cuts))


def _in_sequence(matches: list[re.Match[str]]) -> list[int]:
    """The matches' offsets when their numbers are exactly 一 二 三 … in order, else []."""
    numbers = [m["n"] for m in matches]
    if numbers != [chinese_numeral(n) for n in range(1, len(numbers) + 1)]:
        return []
    return [m.start() for m in matches]
