"""``reportgen track YEAR``: was last year's plan carried out, and did it answer the problems?

For the plan of YEAR (``YEAR_plan.yaml``):

- each priority (重点工作), and the highlights of YEAR's review (``YEAR.yaml``) that report on
  it: explicitly, by naming its id in ``reports_on``; where none does, the highlight that
  reads most like it is offered as a suggestion; a priority with neither is unreported;
- each shortcoming (存在问题) of the year before (``YEAR-1.yaml``), and the priorities that
  answer it (``answers``), with the same kind of suggestion where none is named. A shortcoming
  counts as answered only when a priority answers it *and* that priority was carried out
  (a highlight of YEAR's review reports on it); otherwise its verdict names the missing link:
  no priority answers it, or the priority that does was not reported on;
- the review's highlights that report on no priority: work the plan did not name;
- references to ids that do not exist (a typo, or an item renamed), with the id it likely is.

Candidates for a suggestion are found through an index of rare words
(:func:`reportgen.diff.meaning.candidates`), so 2,000 items a side take seconds.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from reportgen.diff import meaning
from reportgen.diff.compare import compose_alone, section_titles
from reportgen.diff.items import ItemView, item_views
from reportgen.diff.words import similarity
from reportgen.model.report import Plan, Review

if TYPE_CHECKING:
    from reportgen.compose.document import Composed
    from reportgen.settings.templating import Templates

# Tuned on the bundled 2023 plan and the test review: a highlight written about a priority
# scores 0.35–0.7 against it, any other highlight below 0.06. A problem and the measure that
# answers it share fewer words (0.09–0.11 against at most 0.06 for the others), so the bar is
# lower there, and the result only ever a suggestion.
REPORT_SUGGESTION = 0.15
ANSWER_SUGGESTION = 0.08

# linked: named (for a shortcoming: answered by a priority that was carried out);
# unreported: a shortcoming answered only by priorities nothing reports on (the missing link);
# suggested: nothing named, an item reads alike; none: nothing at all.
Status = Literal["linked", "unreported", "suggested", "none"]
STATUSES: tuple[Status, ...] = ("linked", "unreported", "suggested", "none")


@dataclass(frozen=True)
class Suggestion:
    item: ItemView
    score: float


@dataclass(frozen=True)
class Tracked:
    """A priority with the highlights reporting on it, or a shortcoming with its answers."""

    item: ItemView
    linked: tuple[ItemView, ...] = ()
    suggestion: Suggestion | None = None
    # A shortcoming: which of the priorities answering it were carried out (reported on).
    # None where that is not asked (priorities, unplanned work).
    carried_out: tuple[ItemView, ...] | None = None

    @property
    def status(self) -> Status:
        if self.linked:
            if self.carried_out is not None and not self.carried_out:
                return "unreported"
            return "linked"
        return "suggested" if self.suggestion else "none"


@dataclass(frozen=True)
class Dangling:
    """``item`` names ``missing`` in its reports_on / answers, and nothing has that id."""

    item: ItemView
    field: str
    missing: str
    likely: str | None = None  # the existing id it most likely means


@dataclass
class TrackResult:
    year: int
    plan_name: str
    review_name: str | None
    previous_name: str | None
    priorities: list[Tracked] = field(default_factory=list)
    shortcomings: list[Tracked] = field(default_factory=list)
    unplanned: list[Tracked] = field(default_factory=list)
    dangling: list[Dangling] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # The author's own title (``titles:``) of the plan's priorities and of the previous
    # review's shortcomings, as the documents show them, where they have one: the summary
    # names a section by it rather than by the template's name.
    titles: dict[str, str] = field(default_factory=dict)

    def count(self, group: str, status: Status) -> int:
        return sum(1 for t in getattr(self, group) if t.status == status)


def _best(item: ItemView, candidates: list[ItemView], threshold: float) -> Suggestion | None:
    scored = [(similarity(item.text, c.text), n, c) for n, c in enumerate(candidates)]
    scored = [s for s in scored if s[0] >= threshold]
    if not scored:
        return None
    score, _, best = max(scored, key=lambda s: (s[0], -s[1]))
    return Suggestion(best, round(score, 2))


def _suggestions(
    targets: list[ItemView], sources: list[ItemView], threshold: float
) -> list[Suggestion | None]:
    """For each target, the source reading most like it: only sources sharing one of its
    rarer words are scored (near-linear; a document of 15 items scores them all)."""
    if len(targets) * len(sources) <= 400:
        return [_best(t, sources, threshold) for t in targets]
    found = meaning.candidates(
        [(t.heading, t.body) for t in targets], [(s.heading, s.body) for s in sources]
    )
    return [
        _best(t, [sources[n] for n in sorted(found[k])], threshold) for k, t in enumerate(targets)
    ]


def track(
    plan: Plan,
    review: Review | None,
    previous: Review | None,
    *,
    sections: dict[str, str],
    names: tuple[str, str | None, str | None] = ("plan", "review", "previous"),
) -> TrackResult:
    """Link ``plan``'s priorities to ``review``'s highlights and ``previous``'s shortcomings."""
    result = TrackResult(
        plan.year, names[0], names[1] if review else None, names[2] if previous else None
    )
    # a part's items (parts/<id or title>) are a section of their own: no priorities
    composed_plan = compose_alone(plan, sections)
    priorities = [v for v in item_views(composed_plan) if v.section == "priorities"]
    result.titles |= _own_titles(plan, composed_plan, "priorities")
    highlights = (
        [v for v in item_views(compose_alone(review, sections)) if v.section == "highlights"]
        if review
        else []
    )
    priority_ids = {p.id for p in priorities if p.id}
    result.priorities = _linked(priorities, highlights, REPORT_SUGGESTION)
    result.dangling += _dangling(highlights, "reports_on", priority_ids)
    unplanned = [h for h in highlights if not h.references]
    result.unplanned = [
        Tracked(h, (), hint)
        for h, hint in zip(
            unplanned, _suggestions(unplanned, priorities, REPORT_SUGGESTION), strict=True
        )
    ]
    if previous is not None:
        composed_previous = compose_alone(previous, sections)
        shortcomings = [v for v in item_views(composed_previous) if v.section == "shortcomings"]
        result.titles |= _own_titles(previous, composed_previous, "shortcomings")
        shortcoming_ids = {s.id for s in shortcomings if s.id}
        reported = {id(t.item) for t in result.priorities if t.linked}
        result.shortcomings = [
            Tracked(
                t.item,
                t.linked,
                t.suggestion,
                tuple(p for p in t.linked if id(p) in reported),
            )
            for t in _linked(shortcomings, priorities, ANSWER_SUGGESTION)
        ]
        result.dangling += _dangling(priorities, "answers", shortcoming_ids)
        unnamed = sum(1 for s in shortcomings if not s.id)
        if unnamed:
            result.notes.append(
                f"{unnamed} shortcoming(s) of {names[2]} have no id, so no priority can name them "
                "in answers; give each an id"
            )
    return result


def _own_titles(document: Plan | Review, composed: Composed, kind: str) -> dict[str, str]:
    """``{kind: title}`` when ``document`` gives section ``kind`` a title of its own (as shown,
    placeholders filled), else nothing."""
    if getattr(document.titles, kind, None) is None:
        return {}
    shown = section_titles(composed).get(kind)
    return {kind: shown} if shown else {}


def _linked(targets: list[ItemView], sources: list[ItemView], threshold: float) -> list[Tracked]:
    """Each target with the sources that name its id; where none does, the source that reads
    most like it, as a suggestion."""
    naming: dict[str, list[ItemView]] = defaultdict(list)
    for source in sources:
        for ref in dict.fromkeys(source.references):
            naming[ref].append(source)
    linked = [tuple(naming.get(t.id, ())) if t.id else () for t in targets]
    unlinked = [t for t, found in zip(targets, linked, strict=True) if not found]
    hints = iter(_suggestions(unlinked, sources, threshold))
    return [
        Tracked(t, found, None if found else next(hints))
        for t, found in zip(targets, linked, strict=True)
    ]


def _dangling(sources: list[ItemView], field: str, known: set[str | None]) -> list[Dangling]:
    """The ids ``sources`` name in ``field`` that no item has, with the one each likely is."""
    ids = sorted(k for k in known if k)
    return [
        Dangling(s, field, ref, likely_id(ref, ids))
        for s in sources
        for ref in s.references
        if ref not in known
    ]


def likely_id(wrong: str, ids: list[str]) -> str | None:
    """The id ``wrong`` most likely misspells (did you mean), if one is close."""
    close = difflib.get_close_matches(wrong, ids, n=1, cutoff=0.6)
    return close[0] if close else None


TRACK_FORMATS = ("md", "json", "html")

LABELS: dict[str, dict[str, str]] = {
    "title": {"zh": "跟踪", "en": "track"},
    "priorities": {"zh": "重点工作落实情况", "en": "Priorities of the plan"},
    "shortcomings": {
        "zh": "上年问题整改情况",
        "en": "Last year's shortcomings, answered by the plan",
    },
    "unplanned": {"zh": "计划外工作", "en": "Work the plan did not name"},
    "dangling": {"zh": "无效引用", "en": "References to nothing"},
    "notes": {"zh": "说明", "en": "Notes"},
    "reported_by": {"zh": "总结对应", "en": "reported by"},
    "answered_by": {"zh": "回应", "en": "answered by"},
    "suggested": {"zh": "相似，未标注", "en": "reads alike, not linked"},
    "none:priorities": {"zh": "无总结对应", "en": "nothing reports on it"},
    "none:shortcomings": {"zh": "无重点工作回应", "en": "no priority answers it"},
    "unfilled": {"zh": "尚待填写", "en": "still to be written"},
    "like": {"zh": "相似于", "en": "reads like"},
    "add": {"zh": "可加", "en": "add"},
}


def labels() -> dict[str, str]:
    from reportgen.settings.messages import localised, message

    return localised(LABELS) | {
        "unreported:shortcomings": message("track_unreported"),
        "not_carried_out": message("track_not_carried_out"),
    }


def summary(result: TrackResult) -> str:
    from reportgen.settings.messages import language, message

    p = {s: result.count("priorities", s) for s in ("linked", "suggested", "none")}
    s = {k: result.count("shortcomings", k) for k in STATUSES}
    n_p, n_s = len(result.priorities), len(result.shortcomings)
    if result.titles:  # a section with the author's own title is named by it
        line = message(
            "track_summary_priorities_titled",
            title=_named(result.titles.get("priorities"), "priorities", result.year),
            total=n_p,
            **p,
        )
        if result.previous_name:
            line += message(
                "track_summary_shortcomings_titled",
                title=_named(result.titles.get("shortcomings"), "shortcomings", result.year - 1),
                total=n_s,
                **s,
            )
        return line
    if language() == "zh":
        line = (
            f"{result.year}年重点工作 {n_p} 项：{p['linked']} 项有总结对应，"
            f"{p['suggested']} 项仅有相似建议，{p['none']} 项无对应"
        )
        if result.previous_name:
            line += message("track_summary_shortcomings", year=result.year - 1, total=n_s, **s)
        return line
    line = (
        f"{n_p} priorities of {result.year}: {p['linked']} reported on, "
        f"{p['suggested']} only suggested, {p['none']} not reported on"
    )
    if result.previous_name:
        line += message("track_summary_shortcomings", year=result.year - 1, total=n_s, **s)
    return line


def _named(title: str | None, kind: str, year: int) -> str:
    """A section as the summary names it: the author's title, with the year of the document
    when the title does not say it (主要问题 → 2022年主要问题); without one, the usual name."""
    from reportgen.settings.messages import message

    if title is None:
        return message(f"track_summary_{kind}_default", year=year)
    return title if str(year) in title else message("track_summary_of_year", year=year, title=title)


def _entry(view: ItemView) -> dict[str, object]:
    from reportgen.diff.new import TO_FILL

    return {
        "place": view.place,
        "heading": view.heading,
        "id": view.id or "",
        "unfilled": TO_FILL in view.text,  # a draft from `reportgen new`, not yet written
    }


def _tracked(tracked: Tracked) -> dict[str, object]:
    suggestion = tracked.suggestion
    carried = tracked.carried_out
    return {
        **_entry(tracked.item),
        "status": tracked.status,
        "linked": [
            {**_entry(v), "carried_out": carried is None or any(v is c for c in carried)}
            for v in tracked.linked
        ],
        "suggestion": {**_entry(suggestion.item), "score": suggestion.score}
        if suggestion
        else None,
    }


def view(result: TrackResult) -> dict[str, object]:
    """Plain values for the templates, the terminal and JSON."""
    from reportgen.settings.messages import message

    return {
        "year": result.year,
        "plan": result.plan_name,
        "review": result.review_name,
        "previous": result.previous_name,
        "priorities": [_tracked(t) for t in result.priorities],
        "shortcomings": [_tracked(t) for t in result.shortcomings],
        "unplanned": [_tracked(t) for t in result.unplanned],
        "dangling": [
            {
                **_entry(d.item),
                "field": d.field,
                "missing": d.missing,
                "likely": d.likely,
                "likely_text": message("track_likely_id", expected=d.likely) if d.likely else "",
            }
            for d in result.dangling
        ],
        "notes": list(result.notes),
        "summary": summary(result),
    }


def render(result: TrackResult, fmt: str, *, templates: Templates) -> str:
    """The follow-up in one of :data:`TRACK_FORMATS` (the terminal view is drawn in
    :mod:`reportgen.cli.track`)."""
    if fmt == "json":
        import json

        return json.dumps(view(result), ensure_ascii=False, indent=2) + "\n"
    return templates.render(f"track.{fmt}.j2", track=view(result), t=labels())
