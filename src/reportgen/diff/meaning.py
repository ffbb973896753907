"""How surely two items of two years are the same line of work, and pairing them one to one.

An office rewords its headings every year (拆征安置取得新突破 → 拆征安置实现新跨越) and its
figures move on, but the work's own words stay: the named projects (江屿村, 滨河大道, 微型消防站),
the domain terms, figures carried over (在原有12个…基础上). The score is the Dice coefficient of
the two items' word sets after segmentation, each word weighted by how rare it is in Chinese
(jieba's inverse document frequencies: 推进, 完成, 工作 weigh little, a village's name a lot),
plus a smaller share for the headings' words and for figures in common. Quoted slogans listing
several phrases (“党建引领、群众参与、比学赶超”) are boilerplate an office opens many items with,
and are left out.

The weights and :data:`THRESHOLD` were set on the labelled set tests/fixtures/pairing/pairs.yaml
(92 pairs; tests/diff/test_pairing_set.py prints precision and recall).

Pairing is near-linear in the number of items: identical texts pair through a hash, and other
candidates are found through an index of each item's rarest words (through a word shared by
more than :data:`COMMON` items, only the few nearest in place), never by scoring all pairs.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

from reportgen.text.segment import words

# score = (dice(text) + HEADING_WEIGHT·dice(heading) + FIGURE_WEIGHT·figures) / TOTAL: 0 to 1.
HEADING_WEIGHT = 0.2
FIGURE_WEIGHT = 0.2
_TOTAL = 1 + HEADING_WEIGHT + FIGURE_WEIGHT
# Set on the labelled set: its same-work pairs score from 0.185 up, different work up to
# 0.331; any cut from 0.236 to 0.261 gives precision 0.932, recall 0.911 (0.263 would give
# 0.953/0.911 by leaving out one more wrong pair, but also 城市建设呈现新蝶变 → 新面貌 of the
# diff fixtures, 0.252, which a reader pairs at once). 0.25 sits in the middle of that range.
THRESHOLD = 0.25
KEYS = 8  # an item is indexed under its KEYS rarest words
COMMON = 50  # a key word shared by more items than this finds only the NEAR…
NEAR = 4  # … items either side of the same place in the old document

_CJK_WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]{2,}")
_SLOGAN = re.compile(r"“[^”]*、[^”]*”")
_FIGURE = re.compile(r"(?<![0-9.])(\d+(?:\.\d+)?)")
_YEAR = re.compile(r"(?:19|20)\d\d")


@cache
def _idf() -> tuple[dict[str, float], float]:
    """jieba's inverse document frequencies and their median (for words it does not know).

    Read from jieba's own file without importing jieba.analyse (which would read it again),
    and kept parsed beside it (:mod:`reportgen.files.cache`): parsing its 270,000 lines took
    0.3 s of every diff and track, a tenth of a diff of 1,000 items.
    """
    from importlib import resources
    from pathlib import Path

    source = resources.files("jieba") / "analyse" / "idf.txt"
    if isinstance(source, Path):  # an ordinary install; a zipped one is parsed every time
        from reportgen.files.cache import load_cached

        table, median = load_cached(source, _parse_idf)
        return table, median
    return _parse_idf(source.read_text(encoding="utf-8"))


def _parse_idf(text: str) -> tuple[dict[str, float], float]:
    """``word idf`` lines: the table, and the median of its values."""
    fields = text.split()
    table = dict(zip(fields[::2], map(float, fields[1::2]), strict=True))
    values = sorted(table.values())
    return table, values[len(values) // 2]


@dataclass(frozen=True)
class Profile:
    """What an item's score is computed from: weighted words of its text and of its heading,
    and the figures in its body (years left out)."""

    text: dict[str, float]
    heading: dict[str, float]
    figures: frozenset[str]
    # The sums of the two weightings, kept: pairing scores one profile against dozens.
    text_total: float = field(init=False, repr=False, compare=False)
    heading_total: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text_total", sum(self.text.values()))
        object.__setattr__(self, "heading_total", sum(self.heading.values()))

    @property
    def keys(self) -> list[str]:
        """Its rarest words, to look candidates up by."""
        return sorted(self.text, key=lambda w: (-self.text[w], w))[:KEYS]


def _weighted(text: str) -> dict[str, float]:
    table, median = _idf()
    return {w: table.get(w, median) for w in words(text) if _CJK_WORD.fullmatch(w)}


def profile(heading: str, body: str) -> Profile:
    body = _SLOGAN.sub("", body)
    figures = frozenset(f for f in _FIGURE.findall(body) if not _YEAR.fullmatch(f))
    on_heading = _weighted(heading)
    return Profile(on_heading | _weighted(body), on_heading, figures)


def score(a: Profile, b: Profile) -> float:
    """How surely ``a`` and ``b`` are the same line of work, 0 to 1.

    The weighted Dice coefficient of the texts' words and of the headings' words (a word
    weighs the same in both, so the shared words' weight counts twice over both totals),
    written out here: pairing scores a few hundred thousand candidates on 10,000 items.
    """
    figures = 0.0
    if a.figures and b.figures:
        figures = len(a.figures & b.figures) / min(len(a.figures), len(b.figures))
    text, heading = a.text, a.heading
    total = a.text_total + b.text_total
    raw = 2 * sum(map(text.__getitem__, text.keys() & b.text.keys())) / total if total else 0.0
    total = a.heading_total + b.heading_total
    if total:
        shared = sum(map(heading.__getitem__, heading.keys() & b.heading.keys()))
        raw += HEADING_WEIGHT * (2 * shared / total)
    return (raw + FIGURE_WEIGHT * figures) / _TOTAL


def pair(
    old: Sequence[tuple[str, str]],
    new: Sequence[tuple[str, str]],
    *,
    allowed: Callable[[int, int], bool] = lambda i, j: True,
    group: Callable[[int, int], object] | None = None,
) -> list[tuple[int, int, float]]:
    """One-to-one pairs ``(i, j, score)`` of items given as ``(heading, body)``, scoring at
    least THRESHOLD.

    Items with the same heading and body (and the same ``group(side, index)``, e.g. their
    section; side 0 is old) pair at once with score 1, without being segmented. For the
    others, candidates share one of their rarest words; the best scoring pairs are taken
    first (greedy), each item at most once.
    """
    key = group or (lambda side, n: None)
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    out: list[tuple[int, int, float]] = []
    waiting: dict[object, deque[int]] = defaultdict(deque)
    for i, text in enumerate(old):
        waiting[(key(0, i), text)].append(i)
    for j, text in enumerate(new):
        queue = waiting.get((key(1, j), text))
        while queue:  # a deque: 9,999 identical drafts (待填写) must not shift a list each time
            i = queue.popleft()
            if allowed(i, j):
                out.append((i, j, 1.0))
                taken_old.add(i)
                taken_new.add(j)
                break
    old_profiles = {i: profile(*old[i]) for i in range(len(old)) if i not in taken_old}
    index: dict[str, list[int]] = defaultdict(list)
    for i, p in old_profiles.items():
        for word in p.keys:
            index[word].append(i)
    candidates: list[tuple[float, int, int]] = []
    for j in range(len(new)):
        if j in taken_new:
            continue
        q = profile(*new[j])
        seen: set[int] = set()
        for word in q.keys:
            posting = index.get(word, [])
            if len(posting) > COMMON:  # a common word: only the items nearest in place
                at = bisect_left(posting, j * len(old) // max(len(new), 1))
                posting = posting[max(at - NEAR, 0) : at + NEAR]
            for i in posting:
                if i in seen or not allowed(i, j):
                    continue
                seen.add(i)
                s = score(old_profiles[i], q)
                if s >= THRESHOLD:
                    candidates.append((s, i, j))
    for s, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i not in taken_old and j not in taken_new:
            out.append((i, j, round(s, 3)))
            taken_old.add(i)
            taken_new.add(j)
    return out


def candidates(
    targets: Sequence[tuple[str, str]], sources: Sequence[tuple[str, str]]
) -> list[set[int]]:
    """For each target ``(heading, body)``, the sources sharing one of its rarest words
    (through a word more than COMMON sources share, only the NEAR nearest in place)."""
    index: dict[str, list[int]] = defaultdict(list)
    for n, source in enumerate(sources):
        for word in profile(*source).keys:
            index[word].append(n)
    out: list[set[int]] = []
    for k, target in enumerate(targets):
        found: set[int] = set()
        for word in profile(*target).keys:
            posting = index.get(word, [])
            if len(posting) > COMMON:
                at = bisect_left(posting, k * len(sources) // max(len(targets), 1))
                posting = posting[max(at - NEAR, 0) : at + NEAR]
            found.update(posting)
        out.append(found)
    return out
