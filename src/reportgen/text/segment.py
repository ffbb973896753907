"""Words of Chinese text, so that a diff reads 完成→启动 rather than a scatter of characters.

Chinese is written without spaces; jieba segments it with its dictionary and an HMM for
unknown words. Figures, codes and Latin words (``12.43``, ``7.8%``, ``1-9``, ``B-24``, ``S1``)
are cut out first and kept whole, and every punctuation mark is a word of its own, so a
change of a figure or a comma never drags its neighbours into the diff.

jieba is imported here on first use only: loading its dictionary takes about one second
(it caches a prepared copy in the temporary folder), which only ``diff`` and ``track`` pay.
"""

from __future__ import annotations

import functools
import logging
import re
from functools import cache
from typing import Any

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_PIECES = re.compile(
    rf"(?P<cjk>[{_CJK}]+)"
    r"|(?P<figure>[0-9A-Za-z]+(?:[.\-:/][0-9A-Za-z]+)*[%‰]?)"
    r"|(?P<space>\s+)"
    r"|(?P<other>.)",
    re.S,
)


@cache
def _jieba() -> Any:
    import jieba

    # jieba logs "Building prefix dict…" to stderr on first load; the user asked for a diff.
    jieba.setLogLevel(logging.CRITICAL)
    jieba.initialize()
    return jieba


def words(text: str) -> list[str]:
    """Cut ``text`` into words; ``"".join(words(text)) == text`` always holds."""
    return list(_cut(text))


@functools.lru_cache(maxsize=1 << 16)
def _cut(text: str) -> tuple[str, ...]:
    # diff cuts each item's text twice (pairing by meaning, then word by word): on two
    # 10,000-item years jieba was half the run.
    out: list[str] = []
    for match in _PIECES.finditer(text):
        chunk = match["cjk"]
        out.extend(_cut_chinese(chunk) if chunk else (match[0],))
    return tuple(out)


@functools.lru_cache(maxsize=1 << 18)
def _cut_chinese(chunk: str) -> tuple[str, ...]:
    """A run of Chinese characters, cut by jieba once however many texts hold it: the same
    item in two years, a text and its folded copy (``diff.words.fold`` changes only marks and
    figures, never these runs), the phrases an office repeats from item to item."""
    return tuple(_jieba().lcut(chunk, HMM=True))
