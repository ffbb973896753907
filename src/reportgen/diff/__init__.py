"""``reportgen diff``: what changed between two years' documents.

Structure (items added, removed, moved, reworded), text (word by word, Chinese segmented with
jieba) and figures (every metric with both values, converted to one unit). Renderers live in
:mod:`reportgen.diff.output`; the tracked-changes Word document in
:mod:`reportgen.render.docx_diff`.
"""

from reportgen.diff.compare import DocumentDiff, TextChange, compare
from reportgen.diff.figures import FigureRow
from reportgen.diff.items import ItemDiff, ItemView, MatchedItem
from reportgen.diff.words import Op, word_diff

__all__ = [
    "DocumentDiff",
    "FigureRow",
    "ItemDiff",
    "ItemView",
    "MatchedItem",
    "Op",
    "TextChange",
    "compare",
    "word_diff",
]
