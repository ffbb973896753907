"""Scoring a pairing function on the labelled item pairs of tests/fixtures/pairing/pairs.yaml.

A *score function* takes the earlier and the later item (``Side``: heading and points, as
the document shows them) and returns how surely they are the same line of work; a pair is
predicted *same* when its score is at least the threshold. ``evaluate`` gives precision,
recall, F1 and the confusion (with the ids of the pairs it gets wrong), ``best_threshold``
the threshold that separates the set best. The set is described in its README.md.

Plug a pairing function in with a one-line adapter, e.g.::

    evaluate(lambda a, b: my_score(as_item_view(a, "highlights"), ...), 0.5)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import yaml

if TYPE_CHECKING:
    from reportgen.diff.items import ItemView

PAIRS = Path(__file__).resolve().parents[1] / "fixtures" / "pairing" / "pairs.yaml"
KINDS = ("highlights", "priorities", "shortcomings")


@dataclass(frozen=True)
class Side:
    """One item of a pair: its heading and its points (lead phrase and text run together)."""

    heading: str
    points: tuple[str, ...]

    @property
    def body(self) -> str:
        """The points as one paragraph, the way a document runs them together."""
        return "".join(self.points)

    @property
    def text(self) -> str:
        return f"{self.heading}。{self.body}"


@dataclass(frozen=True)
class LabelledPair:
    id: str
    kind: str  # the section both items are in: highlights, priorities or shortcomings
    a: Side  # the earlier year
    b: Side  # the later year
    same: bool  # the same line of work
    why: str
    hard: bool = False


ScoreFn = Callable[[Side, Side], float]


class Confusion(NamedTuple):
    true_positives: int
    false_positives: int
    false_negatives: int
    true_negatives: int
    false_positive_ids: tuple[str, ...]  # paired, but different work
    false_negative_ids: tuple[str, ...]  # the same work, left unpaired


class Evaluation(NamedTuple):
    precision: float
    recall: float
    f1: float
    confusion: Confusion


def _side(raw: dict[str, object]) -> Side:
    points = raw.get("points") or []
    assert isinstance(points, list)
    return Side(str(raw["heading"]), tuple(str(p) for p in points))


def load_pairs(path: Path = PAIRS) -> list[LabelledPair]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        LabelledPair(
            id=entry["id"],
            kind=entry["kind"],
            a=_side(entry["a"]),
            b=_side(entry["b"]),
            same=entry["same"],
            why=entry["why"],
            hard=entry.get("hard", False),
        )
        for entry in raw["pairs"]
    ]


def evaluate(
    score_fn: ScoreFn, threshold: float, pairs: Sequence[LabelledPair] | None = None
) -> Evaluation:
    """Precision, recall and F1 of "same when score ≥ threshold" over the labelled pairs.

    With no pair predicted same, precision is 0 (nothing paired is no pairing), and so is
    recall with no pair labelled same.
    """
    pairs = load_pairs() if pairs is None else pairs
    tp = fp = fn = tn = 0
    wrong_fp: list[str] = []
    wrong_fn: list[str] = []
    for pair in pairs:
        predicted = score_fn(pair.a, pair.b) >= threshold
        if predicted and pair.same:
            tp += 1
        elif predicted:
            fp += 1
            wrong_fp.append(pair.id)
        elif pair.same:
            fn += 1
            wrong_fn.append(pair.id)
        else:
            tn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    confusion = Confusion(tp, fp, fn, tn, tuple(wrong_fp), tuple(wrong_fn))
    return Evaluation(precision, recall, f1, confusion)


def best_threshold(
    score_fn: ScoreFn, pairs: Sequence[LabelledPair] | None = None
) -> tuple[float, Evaluation]:
    """The threshold with the best F1 (ties: the better of precision and recall's minimum).

    Every score that occurs is a candidate cut; the threshold returned lies halfway between
    the lowest score accepted and the highest one below it, so that a pair scoring a little
    differently from its labelled twin falls on the same side.
    """
    pairs = load_pairs() if pairs is None else pairs
    scores = sorted({score_fn(p.a, p.b) for p in pairs}, reverse=True)
    best: tuple[tuple[float, float], float, Evaluation] | None = None
    for n, cut in enumerate(scores):
        below = scores[n + 1] if n + 1 < len(scores) else None
        threshold = cut if below is None else (cut + below) / 2
        result = evaluate(score_fn, threshold, pairs)
        key = (result.f1, min(result.precision, result.recall))
        if best is None or key > best[0]:
            best = (key, threshold, result)
    assert best is not None, "no pairs to choose a threshold on"
    return best[1], best[2]


def report(name: str, threshold: float, result: Evaluation) -> str:
    """The figures as a test prints them."""
    c = result.confusion
    return (
        f"{name} @ {threshold:.3f}: precision {result.precision:.3f}, recall {result.recall:.3f},"
        f" F1 {result.f1:.3f} (TP {c.true_positives}, FP {c.false_positives},"
        f" FN {c.false_negatives}, TN {c.true_negatives})\n"
        f"  paired but different work: {', '.join(c.false_positive_ids) or '-'}\n"
        f"  same work left unpaired:    {', '.join(c.false_negative_ids) or '-'}"
    )


def as_item_view(side: Side, kind: str, number: int = 1) -> ItemView:
    """``side`` as diff sees an item: no id, so that only its words can pair it."""
    from reportgen.diff.items import ItemView

    return ItemView(kind, kind, number, None, side.heading, side.body)
