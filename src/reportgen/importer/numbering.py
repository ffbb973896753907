"""Numbering markers as offices type them: 一、 （一） 1. （1） and their common variants."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN = "一二三四五六七八九十百零〇"
_DIGIT = "0-9０-９"

# Level 1: 一、 一. 一． 一, 第一部分、   Level 2: （一） (一) （一）、
# Level 3: 1. 1． 1、 (not "1.5万": a dot followed by a digit is a decimal point, unless a year
#          follows: 1.2022年主要经济指标)
# Level 4: （1） (1) 1） 1) ①
_MARKERS = (
    (
        1,
        re.compile(
            rf"^(?:[{_CN}]{{1,3}}\s*(?:[、，,]|[．.](?![{_DIGIT}]))|第[{_CN}]{{1,3}}(?:部分|章|篇)\s*[、：:，,．.]?)"
        ),
    ),
    (2, re.compile(rf"^[（(]\s*[{_CN}]{{1,3}}\s*[）)]\s*[、．.]?")),
    (3, re.compile(rf"^[{_DIGIT}]{{1,2}}\s*(?:[、．]|\.(?![{_DIGIT}])|\.(?=\d{{4}}年))")),
    (
        4,
        re.compile(
            rf"^(?:[（(]\s*[{_DIGIT}]{{1,2}}\s*[）)]|[{_DIGIT}]{{1,2}}\s*[）)]|[①-⑳])\s*[、．.]?"
        ),
    ),
)

# 一是 二是 … (also 一要, 一抓): an enumeration run into the text
ENUMERATION = re.compile(
    rf"(?:^|(?<=[。；;，,：:！？]))(?P<n>[{_CN}]{{1,2}}|第[{_CN}]{{1,2}})[是要抓](?=\S)"
)


@dataclass(frozen=True)
class Marker:
    level: int  # 1 一、 2 （一） 3 1. 4 （1）: the kind of marker, not yet the role it plays
    marker: str  # as written, e.g. "(一)"
    rest: str  # the text after it


def parse_marker(text: str) -> Marker | None:
    """The numbering a line opens with, if any."""
    for level, pattern in _MARKERS:
        match = pattern.match(text)
        if match:
            rest = text[match.end() :].lstrip()
            if level == 1 and rest[:1].isdigit() and match.group()[-1:] in ".．,，":
                continue  # "一.5" is not a heading
            return Marker(level, match.group(), rest)
    return None


def enumeration_starts(text: str) -> list[int]:
    """Offsets of 一是 二是 三是 … when they run in order (at least two), else []."""
    from reportgen.text.numbering import chinese_numeral

    found: list[int] = []
    expected = 1
    for match in ENUMERATION.finditer(text):
        number = match["n"].removeprefix("第")
        if number == chinese_numeral(expected):
            found.append(match.start())
            expected += 1
    return found if len(found) >= 2 else []
