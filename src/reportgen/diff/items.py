"""Items （一）（二）… of two documents, matched: by stable id, else by how alike they read.

A matched pair is *moved* when its place changed relative to the other matched items (an
item added above it does not move it), and *reworded* when its text changed.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Literal

from reportgen.compose.document import Block, Composed, ItemRef
from reportgen.diff import meaning
from reportgen.diff.words import Op, has_changes, heading_similarity, word_diff
from reportgen.text.numbering import number_marker

SECTION_KEYS = ("highlights", "shortcomings", "priorities")

# A pair found by meaning is said to be matched "by heading" when its headings read nearly
# the same, else "by text" (the decision itself is meaning.score's).
HEADING_THRESHOLD = 0.6


@dataclass(frozen=True)
class ItemView:
    """An item as the document shows it (read from compose's blocks): its place, heading
    without the closing 。 and its points' text, metrics filled in."""

    section: str
    section_title: str
    number: int
    id: str | None
    heading: str
    body: str
    layout: str = "run-in"
    references: tuple[str, ...] = ()  # reports_on or answers
    ref: ItemRef | None = field(default=None, compare=False, repr=False)  # compose's item

    @property
    def marker(self) -> str:
        return number_marker(2, self.number)

    @property
    def place(self) -> str:
        return f"{self.section_title}{self.marker}"

    @property
    def text(self) -> str:
        return f"{self.heading}。{self.body}" if self.body else self.heading


@dataclass(frozen=True)
class MatchedItem:
    a: ItemView
    b: ItemView
    matched_by: Literal["id", "heading", "text"]
    score: float
    moved: bool = False
    heading_ops: list[Op] = field(default_factory=list)
    body_ops: list[Op] = field(default_factory=list)

    @property
    def reworded(self) -> bool:
        return has_changes(self.heading_ops) or has_changes(self.body_ops)

    @property
    def relinked(self) -> bool:
        """Its reports_on / answers changed."""
        return self.a.references != self.b.references

    @property
    def restyled(self) -> bool:
        return self.a.layout != self.b.layout

    @property
    def changed(self) -> bool:
        return self.moved or self.reworded or self.relinked or self.restyled


@dataclass
class ItemDiff:
    added: list[ItemView] = field(default_factory=list)
    removed: list[ItemView] = field(default_factory=list)
    matched: list[MatchedItem] = field(default_factory=list)

    @property
    def moved(self) -> list[MatchedItem]:
        return [m for m in self.matched if m.moved]

    @property
    def reworded(self) -> list[MatchedItem]:
        return [m for m in self.matched if m.reworded]

    @property
    def changed(self) -> list[MatchedItem]:
        return [m for m in self.matched if m.changed]


def item_views(composed: Composed | list[Block]) -> list[ItemView]:
    """The items of a composed document (or of its blocks), in order, as it shows them."""
    views: list[ItemView] = []
    for block in composed.blocks if isinstance(composed, Composed) else composed:
        ref = block.item
        if ref is None or (views and views[-1].ref == ref):
            continue
        views.append(
            ItemView(
                ref.section,
                ref.section_title,
                ref.index,
                ref.id,
                ref.heading,
                ref.body,
                ref.layout,
                ref.references,
                ref,
            )
        )
    return views


def match_items(old: list[ItemView], new: list[ItemView]) -> ItemDiff:
    """Pair the items of two documents: an explicit id always wins; items without a common
    id pair by meaning (:mod:`reportgen.diff.meaning`), one to one, within one section.
    Unpaired items are added or removed. Near-linear in the number of items."""
    pairs: list[tuple[int, int, str, float]] = []
    new_by_id = {v.id: j for j, v in enumerate(new) if v.id}
    used_old: set[int] = set()
    used_new: set[int] = set()
    for i, a in enumerate(old):
        j = new_by_id.get(a.id) if a.id else None
        if j is not None and j not in used_new:
            pairs.append((i, j, "id", 1.0))
            used_old.add(i)
            used_new.add(j)
    rest_old = [i for i in range(len(old)) if i not in used_old]
    rest_new = [j for j in range(len(new)) if j not in used_new]

    def allowed(i: int, j: int) -> bool:
        a, b = old[rest_old[i]], new[rest_new[j]]
        # two different explicit ids are two different items
        return a.section == b.section and not (a.id and b.id)

    found = meaning.pair(
        [(old[i].heading, old[i].body) for i in rest_old],
        [(new[j].heading, new[j].body) for j in rest_new],
        allowed=allowed,
        group=lambda side, n: (old[rest_old[n]] if side == 0 else new[rest_new[n]]).section,
    )
    for i, j, confidence in found:
        a, b = old[rest_old[i]], new[rest_new[j]]
        how = "heading" if heading_similarity(a.heading, b.heading) >= HEADING_THRESHOLD else "text"
        pairs.append((rest_old[i], rest_new[j], how, confidence))
        used_old.add(rest_old[i])
        used_new.add(rest_new[j])
    staying = _in_order([(i, j) for i, j, _, _ in pairs if old[i].section == new[j].section])
    result = ItemDiff(
        added=[b for j, b in enumerate(new) if j not in used_new],
        removed=[a for i, a in enumerate(old) if i not in used_old],
    )
    for i, j, how, confidence in sorted(pairs, key=lambda p: p[1]):
        a, b = old[i], new[j]
        result.matched.append(
            MatchedItem(
                a,
                b,
                how,  # type: ignore[arg-type]
                confidence,
                moved=(i, j) not in staying,
                heading_ops=word_diff(a.heading, b.heading),
                body_ops=word_diff(a.body, b.body),
            )
        )
    return result


def _in_order(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The largest set of pairs whose order is the same in both documents: these stayed put.

    Items in one section keep their relative order unless some were moved; the pairs outside
    the longest increasing run of new positions are the moved ones. Patience sorting,
    O(n log n), run from the last pair back, so that of two equally long runs the one
    keeping the earlier items stays (two swapped items: the second one moved).
    """
    positions = sorted(pairs, reverse=True)
    values = [-j for _, j in positions]  # a decreasing run backwards = increasing forwards
    tails: list[int] = []  # tails[k]: the end (index in positions) of the best run of k+1
    tail_values: list[int] = []
    back = [-1] * len(positions)
    for k, value in enumerate(values):
        n = bisect_left(tail_values, value)
        if n > 0:
            back[k] = tails[n - 1]
        if n == len(tails):
            tails.append(k)
            tail_values.append(value)
        else:
            tails[n], tail_values[n] = k, value
    keep: set[tuple[int, int]] = set()
    k = tails[-1] if tails else -1
    while k != -1:
        keep.add(positions[k])
        k = back[k]
    return keep
