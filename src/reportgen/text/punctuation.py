"""Punctuation of Chinese text: which characters are CJK, half-width marks beside Chinese made
full-width, and where a sentence ends.

Pure functions over strings; imports nothing of reportgen. Every change of punctuation the
build makes is decided here (check's rules and ``check --fix`` ask the same functions).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

# What counts as Chinese: the CJK ideographs (the unified blocks, extension A, the
# compatibility block, planes 2 and 3) and the punctuation written with them (CJK symbols,
# full-width marks, quotation marks, the ellipsis and the dash). As the start and the end + 1
# of each range of code points, in order: a character is Chinese when an odd number of
# bounds is at or below it. A character class of these ranges cost the first use ~2.3 ms to
# compile (the engine lists each of the 28,000 ideographs of the BMP); bisect costs nothing.
_CJK_BOUNDS = (
    0x2014, 0x2015,  # — em dash
    0x2018, 0x2020,  # ‘ ’ “ ” and their variants
    0x2026, 0x2027,  # … ellipsis
    0x3000, 0x3040,  # CJK symbols and punctuation: 、。〈〉《》「」…
    0x3400, 0x4DC0,  # CJK unified ideographs extension A
    0x4E00, 0xA000,  # CJK unified ideographs
    0xF900, 0xFB00,  # CJK compatibility ideographs
    0xFF01, 0xFF10,  # full-width ！ to ／
    0xFF1A, 0xFF21,  # full-width ： to ＠
    0x20000, 0x30000,  # planes 2 and 3: extensions B to H, compatibility supplement
)  # fmt: skip
HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
# Every match of either pattern below holds one of these: a text without them is left as it is.
_CHANGED = ",;:?!("


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The half-width marks and parenthesised texts, compiled on first use: most documents
    hold none (~0.2 ms of every check and build)."""
    # ``after`` is looked at, not consumed: it may be the next mark, which needs its own match.
    single = re.compile(r"(?P<before>.?)(?P<mark>[,;:?!])(?P<space>\s*)(?=(?P<after>.?))", re.S)
    # Here too: in "()()、" the first pair's ``after`` is the second pair's "(".
    pair = re.compile(r"(?P<before>.?)\((?P<inside>[^()\n]*)\)(?=(?P<after>.?))", re.S)
    return single, pair


def is_cjk(char: str) -> bool:
    """Whether ``char`` (its first character; "" is not) is Chinese or Chinese punctuation."""
    return bool(char) and bisect_right(_CJK_BOUNDS, ord(char[0])) % 2 == 1


def _single(match: re.Match[str]) -> str:
    before, mark, after = match["before"], match["mark"], match["after"]
    # "增长7.8%;" ending a point is Chinese punctuation too, though both neighbours are not CJK.
    figure_at_end = not after and before != "" and (before.isdigit() or before in "%‰")
    if is_cjk(before) or is_cjk(after) or figure_at_end:
        # A full-width mark carries its own space; a line break after it stays.
        space = "\n" if "\n" in match["space"] else ""
        return f"{before}{HALF_TO_FULL[mark]}{space}"
    return match[0]


def _pair(match: re.Match[str]) -> str:
    before, inside, after = match["before"], match["inside"], match["after"]
    if any(is_cjk(c) for c in inside) or is_cjk(before) or is_cjk(after):
        return f"{before}（{inside}）"
    return match[0]


def normalise_punctuation(text: str) -> str:
    """Half-width , ; : ? ! ( ) next to Chinese become full-width; figures stay half-width.

    ``1-9月``, ``12.43亿元``, ``100%``, ``S1线`` and ``12:30`` are left as they are.
    Idempotent: normalising twice changes nothing more.
    """
    if not any(mark in text for mark in _CHANGED):
        return text  # most texts: six scans of the string, not two substitutions
    # Neighbours are part of each match, so adjacent marks (",(" or ");") need another pass.
    single, pair = _patterns()
    previous = None
    while previous != text:
        previous = text
        text = single.sub(_single, pair.sub(_pair, text))
    return text


def normalise_with_origin(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """:func:`normalise_punctuation`, keeping for each character the origin of the one it
    came from (a mark made full-width keeps the half-width mark's; dropped spaces vanish)."""
    fixed = normalise_punctuation(text)
    if fixed == text:  # most strings: each character keeps its own origin (as the walk below)
        if not origin:
            return fixed, [0] * len(text)
        return fixed, origin[: len(text)] + [origin[-1]] * (len(text) - len(origin))
    out: list[int] = []
    i = 0
    for char in fixed:
        while i < len(text) and not (text[i] == char or HALF_TO_FULL.get(text[i]) == char):
            i += 1  # a space after a mark, dropped
        out.append(origin[min(i, len(origin) - 1)] if origin else 0)
        i += 1
    return fixed, out


def half_width_marks(text: str) -> list[tuple[int, str]]:
    """Offsets and characters that :func:`normalise_punctuation` would change."""
    fixed = normalise_punctuation(text)
    if fixed == text:
        return []
    if len(fixed) == len(text):
        return [(i, a) for i, (a, b) in enumerate(zip(text, fixed, strict=True)) if a != b]
    # Spaces after a mark were dropped; report by walking both strings.
    out: list[tuple[int, str]] = []
    j = 0
    for i, char in enumerate(text):
        if j < len(fixed) and char == fixed[j]:
            j += 1
        elif char in HALF_TO_FULL:
            out.append((i, char))
            j += 1
    return out


_ENDINGS = "。！？；…”’）」』"


def ends_sentence(text: str) -> bool:
    last = text.rstrip()[-1:]
    return last != "" and last in _ENDINGS + ".!?;"


def as_heading_sentence(heading: str) -> str:
    """A run-in heading is a sentence: 社会发展开拓新局面 → 社会发展开拓新局面。"""
    heading = heading.strip()
    return heading if ends_sentence(heading) else f"{heading}。"
