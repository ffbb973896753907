"""What kind of document this is: a work summary or plan, or a 通知, 请示, 函 … that import
must refuse (saying what it found) rather than give an invented title."""

from __future__ import annotations

import re

from reportgen.importer.cleaner import Line
from reportgen.importer.numbering import parse_marker

# The kinds of 公文 (GB/T 9704) a title ends with; 报告 is left out: a 工作报告 may be a summary.
_KIND_AT_END = re.compile(
    r"(?P<kind>通知|请示|函|批复|通报|决定|公告|通告|意见|纪要|议案|命令|公报|决议)[\s。]*$"
)
_SUMMARY_WORDS = re.compile(r"总结|计划|思路|打算|要点|回顾|述职")
_INNER_PUNCT = re.compile(r"[，,。；;！？!?]")
TITLE_MAX = 80


def refused_kind(lines: list[Line]) -> tuple[str, str] | None:
    """(kind, title line) when one of the first lines is the title of another kind of
    document: '区人民政府办公室关于做好2023年度安全生产工作的通知' → ('通知', …)."""
    for line in lines[:3]:
        text = line.text.strip()
        if len(text) > TITLE_MAX or parse_marker(text) or _INNER_PUNCT.search(text):
            continue
        match = _KIND_AT_END.search(text)
        if match and not _SUMMARY_WORDS.search(text):
            return match["kind"], text
    return None
