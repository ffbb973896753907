"""Split an item's text into points, at 一是/二是 or at lead phrases.

Conservative on purpose: the points of an item are rendered one after another with nothing
between them, so any split gives back the same text; a wrong split only misplaces a lead
phrase. A lead phrase (稳进提质统筹经济指标，……) is recognised when it is a short phrase
that opens a sentence and ends at a comma, and the item has at least two of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportgen.importer.numbering import enumeration_starts

LEAD_MIN, LEAD_MAX = 4, 14
INTRO_MAX = (
    60  # an opening sentence this short, before leads, introduces them rather than leads one
)

_COMMA = "，,"
_SENTENCE_END = "。！？!?"
_CLAUSE_END = "；;"
_NOT_IN_LEAD = re.compile(r"[0-9A-Za-z０-９、；;：:。！？!?（）()《》\[\]【】\s%％]")
_NOT_A_LEAD = re.compile(
    r"^(?:截至|截止|目前|今年|去年|明年|近年|近期|当前|同时|此外|另外|其中|但是|然而|因此|所以|总之|"
    r"通过|经过|随着|由于|虽然|尽管|在|对于|自|全年|上半年|下半年|一方面|另一方面|"
    r"按照|根据|依据|遵照|为了)"
)


@dataclass
class PointDraft:
    text: str
    lead: str | None = None
    note: str | None = None  # why the import placed it here, when that is a guess
    subpoints: list[str] = field(default_factory=list)  # （1） （2） under it, without markers


_RUN_IN_SUB = re.compile(r"(?<=[。；;！？!?])（(\d{1,3})）")


def run_in_subpoints(text: str) -> tuple[str, list[str]]:
    """A point's text and the numbered sub-points run in after it: 完成…。（1）…。（2）…。
    (as a run-in item is built); only markers that count 1, 2, 3 … from the first one, each
    after the end of a sentence, and with text before the first."""
    cuts: list[tuple[int, int]] = []
    for found in _RUN_IN_SUB.finditer(text):
        if int(found[1]) == len(cuts) + 1:
            cuts.append((found.start(), found.end()))
    if not cuts or not text[: cuts[0][0]].strip():
        return text, []
    ends = [start for start, _ in cuts[1:]] + [len(text)]
    subs = [text[end:stop].strip() for (_, end), stop in zip(cuts, ends, strict=True)]
    if not all(subs):
        return text, []
    return text[: cuts[0][0]].strip(), subs


def _with_subpoints(point: PointDraft) -> PointDraft:
    point.text, point.subpoints = run_in_subpoints(point.text)
    return point


def split_points(body: str) -> list[PointDraft]:
    """The points of a run-in item's text (everything after its heading sentence), each with
    the sub-points （1）（2） run in after it."""
    return [_with_subpoints(point) for point in _split_points(body)]


def _split_points(body: str) -> list[PointDraft]:
    body = body.strip()
    if not body:
        return []
    starts = enumeration_starts(body)
    if starts:
        cuts = ([0] if starts[0] > 0 else []) + starts
        pieces = [body[a:b].strip() for a, b in zip(cuts, [*cuts[1:], len(body)], strict=True)]
        # 一是…，二是…，三是…。 is one sentence: its parts are no points (a point ends one)
        enumerated = pieces[1:-1] if starts[0] > 0 else pieces[:-1]
        if all(piece[-1] in _SENTENCE_END + _CLAUSE_END for piece in enumerated):
            return [PointDraft(piece) for piece in pieces]
        return [PointDraft(body)]
    leads = find_leads(body)
    if not leads:
        return [PointDraft(body)]
    out: list[PointDraft] = []
    if leads[0][0] > 0:
        out.append(PointDraft(body[: leads[0][0]].strip()))
    for k, (start, comma) in enumerate(leads):
        end = leads[k + 1][0] if k + 1 < len(leads) else len(body)
        out.append(PointDraft(body[comma + 1 : end].strip(), body[start:comma]))
    return out


def lead_at(text: str, start: int = 0) -> int | None:
    """The offset of the comma ending a lead phrase that opens ``text`` at ``start``, if any."""
    comma = min((i for i in (text.find(c, start) for c in _COMMA) if i >= 0), default=-1)
    if comma < 0:
        return None
    phrase = text[start:comma]
    if (
        not LEAD_MIN <= len(phrase) <= LEAD_MAX
        or _NOT_IN_LEAD.search(phrase)
        or _NOT_A_LEAD.match(phrase)
    ):
        return None
    if not text[comma + 1 :].strip():
        return None
    return comma


def find_leads(body: str) -> list[tuple[int, int]]:
    """(start, comma) of each lead phrase in a run-in text."""
    strong: list[tuple[int, int]] = []
    weak: list[tuple[int, int]] = []
    for start in [0, *(i + 1 for i, c in enumerate(body) if c in _SENTENCE_END + _CLAUSE_END)]:
        if start >= len(body):
            continue
        comma = lead_at(body, start)
        if comma is None:
            continue
        after_clause = start > 0 and body[start - 1] in _CLAUSE_END
        (weak if after_clause else strong).append((start, comma))
    if len(strong) < 2:
        return []
    # An opening sentence before the leads: 抢抓…契机，打造…，推进…。突出存量提升，…
    first_start = strong[0][0]
    if first_start == 0 and len(strong) >= 3:
        sentence_end = min((i for i, c in enumerate(body) if c in _SENTENCE_END), default=len(body))
        unlike_the_rest = all(body[0] != body[s[0]] for s in strong[1:])
        if sentence_end < INTRO_MAX and sentence_end + 1 == strong[1][0] and unlike_the_rest:
            strong = strong[1:]
    # After a ；, only a phrase built like the item's other leads: 以闭环…，以多元…；以系统…，
    parallel = [
        w
        for w in weak
        if any(body[w[0]] == body[s[0]] and abs((w[1] - w[0]) - (s[1] - s[0])) <= 2 for s in strong)
    ]
    return sorted(strong + parallel)


def list_leads(points: list[str]) -> list[PointDraft]:
    """Lead phrases of list points (1.加强组织领导，……): only when at least two points have one."""
    commas = [lead_at(p) for p in points]
    if sum(c is not None for c in commas) < 2:
        return [PointDraft(p) for p in points]
    return [
        PointDraft(p[c + 1 :].strip(), p[:c]) if c is not None else PointDraft(p)
        for p, c in zip(points, commas, strict=True)
    ]
