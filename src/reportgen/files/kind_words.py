"""The words that name a plan (工作思路, 计划 …) or a review (工作总结, 述职 …), decided once.

Two readers ask whether a name means a plan or a review: a file's name (``2023_计划.yaml`` is
a near miss of ``2023_plan.yaml``, files.project) and a document's title (某街道2022年工作总结
及2023年工作思路, importer.title). Each builds its own pattern from these words; the words
themselves are one vocabulary. Here, below both, because files may not import the importer.
"""

from __future__ import annotations

import re

# 工作计划 and 工作思路 need no entry of their own: 计划 and 思路 are in them.
PLAN_WORDS: tuple[str, ...] = (
    "思路",
    "计划",
    "打算",
    "要点",
    "安排",
    "重点工作",
    "工作目标",
    "谋划",
)
REVIEW_WORDS: tuple[str, ...] = ("总结", "回顾", "报告", "情况", "述职", "成效", "亮点")


def alternation(words: tuple[str, ...]) -> str:
    """``words`` as a regular expression's alternatives, the longest first (so 重点工作 is
    taken whole, not cut at a shorter word), each matched literally."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
