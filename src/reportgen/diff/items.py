"""Items （一）（二）… of two documents, matched: by stable id, else by how alike they read.

A matched pair is *moved* when its place changed relative to the other matched items (an
item added above it does not move it), and *reworded* when its text changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from reportgen.compose.document import Block, Composed, ItemRef
from reportgen.diff.words import Op, has_changes, heading_similarity, similarity, word_diff
from reportgen.text.numbering import number_marker

SECTION_KEYS = ("highlights", "shortcomings", "priorities")

# A pair without ids is the same item when its heading reads nearly the same, or, if the
# heading was rewritten, when its body does. Tuned on the bundled data: different items of
# one year score below 0.35 on headings and below 0.3 on bodies.
HEADING_THRESHOLD = 0.6
BODY_THRESHOLD = 0.6


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
    pairs: list[tuple[ItemView, ItemView, str, float]] = []
    by_id = {v.id: v for v in new if v.id}
    used_old: set[int] = set()
    used_new: set[int] = set()
    for i, a in enumerate(old):
        b = by_id.get(a.id) if a.id else None
        if b is not None:
            pairs.append((a, b, "id", 1.0))
            used_old.add(i)
            used_new.add(new.index(b))
    candidates = []
    for i, a in enumerate(old):
        for j, b in enumerate(new):
            if i in used_old or j in used_new or a.section != b.section:
                continue
            if a.id and b.id:  # two different explicit ids are two different items
                continue
            on_heading = heading_similarity(a.heading, b.heading)
            on_body = similarity(a.body, b.body)
            if on_heading >= HEADING_THRESHOLD:
                candidates.append((on_heading + on_body, i, j, "heading"))
            elif on_body >= BODY_THRESHOLD:
                candidates.append((on_heading + on_body, i, j, "text"))
    for score, i, j, how in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i not in used_old and j not in used_new:
            pairs.append((old[i], new[j], how, round(score / 2, 3)))
            used_old.add(i)
            used_new.add(j)
    staying = _in_order(pairs, old, new)
    result = ItemDiff(
        added=[b for j, b in enumerate(new) if j not in used_new],
        removed=[a for i, a in enumerate(old) if i not in used_old],
    )
    for a, b, how, score in sorted(pairs, key=lambda p: new.index(p[1])):
        result.matched.append(
            MatchedItem(
                a,
                b,
                how,
                score,  # type: ignore[arg-type]
                moved=(old.index(a), new.index(b)) not in staying,
                heading_ops=word_diff(a.heading, b.heading),
                body_ops=word_diff(a.body, b.body),
            )
        )
    return result


def _in_order(
    pairs: list[tuple[ItemView, ItemView, str, float]], old: list[ItemView], new: list[ItemView]
) -> set[tuple[int, int]]:
    """The largest set of pairs whose order is the same in both documents: these stayed put.

    Items in one section keep their relative order unless some were moved; the pairs outside
    the longest increasing run of new positions are the moved ones.
    """
    positions = sorted(
        (old.index(a), new.index(b)) for a, b, _, _ in pairs if a.section == b.section
    )
    if not positions:
        return set()
    # Longest increasing subsequence of the new positions, O(n²): a document has ~15 items.
    best = [1] * len(positions)
    back = [-1] * len(positions)
    for k in range(len(positions)):
        for m in range(k):
            if positions[m][1] < positions[k][1] and best[m] + 1 > best[k]:
                best[k], back[k] = best[m] + 1, m
    k = max(range(len(positions)), key=lambda n: (best[n], -n))
    keep = set()
    while k != -1:
        keep.add(positions[k])
        k = back[k]
    return keep
