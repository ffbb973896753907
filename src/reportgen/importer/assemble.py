"""Outline → validated :class:`~reportgen.model.report.Review` and `Plan`.

Decides what the outline leaves open: the organisation and the years, which part each section
is (or a part none of the kinds covers, kept in place), the author's section titles, where text
that fits no field of the model goes (an item, with a comment), and whether the title is one
the model generates anyway.

Long because each of these decisions reads the others' results (the years decide the default
titles, the kinds decide where a part goes, the organisation goes into the title); split, the
pieces would pass the whole assembler's state back and forth.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from reportgen.errors import UserError
from reportgen.importer.invalid import invalid_import
from reportgen.importer.points import split_points
from reportgen.importer.structure import (
    KINDS,
    ItemDraft,
    Kind,
    Outline,
    SectionDraft,
    split_heading,
)
from reportgen.importer.title import (
    TitleInfo,
    is_generic_organisation,
    organisation_in_text,
    parse_title,
    redacted_organisation,
)
from reportgen.model.report import (
    SECTION_ITEMS,
    Item,
    Plan,
    Point,
    Report,
    Review,
    Signature,
)
from reportgen.settings.messages import message

CommentPath = tuple[str | int, ...]
_KIND_NAMES = {"highlights": "亮点工作", "shortcomings": "存在问题及短板", "priorities": "重点工作"}
_ITEM_CLASSES = SECTION_ITEMS
_YEAR = re.compile(r"(?<!\d)(20\d\d|19\d\d)\s*年")
# The heading that names a kind most plainly, when two headings name the same kind.
_CORE = {
    "highlights": re.compile(r"工作总结|工作成效|工作回顾|完成情况|亮点"),
    "shortcomings": re.compile(r"问题|不足"),
    "priorities": re.compile(
        r"重点工作|重点任务|主要任务|工作打算|工作思路|工作计划|工作安排|下一步"
    ),
}


@dataclass
class Options:
    organisation: str | None = None
    year: int | None = None  # the year reviewed (for a plan alone: the year planned)


@dataclass
class PartDraft:
    """A part none of the section kinds covers (基本情况, 意见建议), kept where it stands."""

    title: str
    after: str  # "opening" or the kind of the section it follows
    text: list[str] = field(default_factory=list)


@dataclass
class Assembled:
    review: Review | None
    plan: Plan | None
    comments: dict[CommentPath, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    parts: dict[str, int] = field(default_factory=dict)
    items: dict[str, int] = field(default_factory=dict)


def assemble(
    outline: Outline,
    options: Options,
    sections: dict[str, str],
    *,
    shown: str,
    preface_title: str | None = None,
    metadata_organisation: str | None = None,
) -> Assembled:
    assembler = _Assembler(outline, options, sections, shown, preface_title)
    assembler.metadata_organisation = metadata_organisation
    return assembler.run()


def _paragraphs(texts: list[str]) -> str | None:
    """Paragraphs as the model's text holds them (a blank line between two)."""
    return "\n\n".join(texts) or None


class _Assembler:
    def __init__(
        self,
        outline: Outline,
        options: Options,
        sections: dict[str, str],
        shown: str,
        preface_title: str | None,
    ):
        self.outline = outline
        self.options = options
        self.sections = sections
        self.shown = shown
        self.notes: list[str] = list(outline.notes)
        self.comments: dict[CommentPath, list[str]] = {}
        title = outline.title or preface_title
        self.info: TitleInfo | None = parse_title(title) if title else None
        self.title_from_preface = outline.title is None and preface_title is not None
        self.metadata_organisation: str | None = None

    def comment(self, path: CommentPath, text: str) -> None:
        self.comments.setdefault(path, []).append(text)

    # ── what the document is about ─────────────────────────────────────────
    def plan_only(self) -> bool:
        if self.info is not None:
            return self.info.plan_only
        kinds = {s.kind for s in self.outline.sections}
        return kinds == {"priorities"}

    def resolve_kinds(self, review_year: int | None) -> list[tuple[SectionDraft, str, bool]]:
        """Each section's kind, or "other" for a part none of the kinds covers (基本情况,
        保障措施); a kind named twice goes to the heading that names it most plainly."""
        kinds: list[str | None] = []
        sections = self.outline.sections
        for section in sections:
            kind = section.kind
            if (
                section.year is not None
                and review_year is not None
                and section.year > review_year
                and kind != "priorities"
            ):
                kind = "priorities"  # 2023年主要工作 in a 2022 summary is next year's work
            if kind is None and len(sections) == 1:
                kind = "priorities" if self.plan_only() else "highlights"
            kinds.append(kind)
        for kind in KINDS:
            named = [i for i, k in enumerate(kinds) if k == kind]
            if len(named) > 1:
                core = [i for i in named if _CORE[kind].search(sections[i].heading)]
                keep = (core or named)[0]
                for i in named:
                    if i != keep:
                        kinds[i] = None
        return [
            (section, kind or "other", kind is None)
            for section, kind in zip(sections, kinds, strict=True)
        ]

    def years(self) -> tuple[int | None, int | None]:
        """(review year, plan year)."""
        info = self.info
        plan_only = self.plan_only()
        if plan_only:
            plan_year = (
                self.options.year
                or (info.plan_year if info else None)
                or self.section_year("priorities")
            )
            return None, plan_year or self.text_year()
        review_year = (
            self.options.year
            or (info.review_year if info else None)
            or (info.plan_year - 1 if info and info.plan_year else None)
            or self.section_year("highlights", "shortcomings")
            or self.text_year()
        )
        plan_year = (info.plan_year if info else None) or self.section_year("priorities")
        if plan_year is None and review_year is not None:
            plan_year = review_year + 1
        return review_year, plan_year

    def section_year(self, *kinds: str) -> int | None:
        years = [s.year for s in self.outline.sections if s.kind in kinds and s.year]
        return min(years) if years else None

    def text_year(self) -> int | None:
        date = self.outline.signature_date
        if date is not None:
            return date.year - 1 if date.month <= 6 else date.year
        match = _YEAR.search("".join(self.outline.opening))
        return int(match[1]) if match else None

    def organisation(self) -> str | None:
        """Who the document is from: --organisation, the title, a 发布单位 row, the 落款, or a
        redacted name in the text (None when nothing says)."""
        if self.options.organisation:
            return self.options.organisation
        text = "\n".join(
            [*self.outline.opening, *(i.heading for s in self.outline.sections for i in s.items)]
        )
        name = self.info.organisation if self.info else ""
        if name and not is_generic_organisation(name):
            return name
        if name:
            found = redacted_organisation(name, text)
            if found:
                return found
        if self.metadata_organisation:
            return self.metadata_organisation
        if self.outline.signature_name:
            return self.outline.signature_name
        found = organisation_in_text(text)
        if found:
            return found
        return name or None

    # ── building the model ─────────────────────────────────────────────────
    def run(self) -> Assembled:
        found = self.organisation()
        review_year, plan_year = self.years()
        missing = []
        if found is None:
            missing.append(message("import_needs_organisation"))
        if (plan_year if self.plan_only() else review_year) is None:
            missing.append(message("import_needs_year"))
        if missing:
            flags = " ".join(
                flag
                for flag, gone in (
                    ('--organisation "…"', found is None),
                    ("--year 2022", len(missing) == 2 or found is not None),
                )
                if gone
            )
            raise UserError(
                message(
                    "import_needs", file=self.shown, what=message("import_needs_and").join(missing)
                ),
                hint=message("import_needs_hint", flags=flags),
            )
        assert found is not None
        organisation = found
        parts: dict[str, list[ItemDraft]] = {k: [] for k in KINDS}
        paragraphs = dict(self.outline.parts)
        items_count: dict[str, int] = {}
        plan_opening: list[str] = []
        others: list[tuple[PartDraft, list[ItemDraft]]] = []
        titles: dict[str, str] = {}
        intros: dict[str, list[str]] = {}
        any_items = any(s.items for s in self.outline.sections)
        previous = "opening"
        for section, kind, _ in self.resolve_kinds(review_year):
            paragraphs[kind] = paragraphs.get(kind, 0) + section.paragraphs
            if kind == "other":
                part = PartDraft(title=section.heading.rstrip("：:"), after=previous)
                part.text = list(section.intro)
                others.append((part, section.items))
                continue
            previous = kind
            year = plan_year if kind == "priorities" else review_year
            default = self.sections.get(kind, "").format(year=year)
            if section.heading and section.heading.rstrip("：:") != default:
                titles[kind] = section.heading.rstrip("：:")
            drafts = parts[kind]
            intro = list(section.intro)
            if intro and kind == "priorities" and not plan_opening and not self.plan_only():
                plan_opening, intro = intro, []
            if intro and kind not in intros and (section.items or any_items):
                # prose under the section's title, before its items: the section's intro
                intros[kind], intro = list(intro), []
            orphans = [
                self.orphan(text, "原文此段在部分标题下、没有序号，导入为一个事项")
                for text in intro
            ]
            items = [*orphans, *section.items]
            drafts.extend(items)
        review_parts = {k: v for k, v in parts.items() if k != "priorities"}
        has_review = any(review_parts.values())
        has_plan = bool(parts["priorities"])
        if not has_review and not has_plan and others:
            has_review = not self.plan_only()
            has_plan = not has_review
        if not has_review and not has_plan:
            raise UserError(
                message("import_no_items", file=self.shown), hint=message("import_no_items_hint")
            )
        closing = _paragraphs(self.outline.closing)
        opening = _paragraphs(self.outline.opening)
        review = plan = None
        document_key = "review" if has_review else "plan"
        if has_review:
            assert review_year is not None
            review = self.build(
                Review,
                "review",
                organisation=organisation,
                year=review_year,
                opening=opening,
                closing=closing,
                highlights=self.items("review", "highlights", parts["highlights"]),
                shortcomings=self.items("review", "shortcomings", parts["shortcomings"]),
            )
            items_count |= {k: len(parts[k]) for k in ("highlights", "shortcomings")}
        if has_plan:
            year = plan_year if plan_year is not None else (review_year or 0) + 1
            plan_fields: dict[str, Any] = {}
            if not has_review:
                plan_fields = {
                    "opening": _paragraphs([*self.outline.opening, *plan_opening]),
                    "closing": closing,
                }
                if plan_opening:
                    self.comment(("plan", "opening"), "原文“重点工作”部分标题下的引言段也在这里")
            elif plan_opening:
                plan_fields = {"opening": _paragraphs(plan_opening)}
            plan = self.build(
                Plan,
                "plan",
                organisation=organisation,
                year=year,
                priorities=self.items("plan", "priorities", parts["priorities"]),
                **plan_fields,
            )
            items_count["priorities"] = len(parts["priorities"])
            if review is not None and year != review.year + 1:
                self.notes.append(
                    message(
                        "import_plan_year", year=year, expected=review.year + 1, input=review.year
                    )
                )
        self.finish(document_key, review, plan, organisation)
        self.place(review, plan, titles, others)
        for kind, texts in intros.items():
            document = plan if kind == "priorities" else review
            if document is not None:
                document.intros = type(document.intros)(**{kind: _paragraphs(texts)})
        review, plan = self.revalidated(review, plan)
        return Assembled(review, plan, self.comments, self.notes, paragraphs, items_count)

    def place(
        self,
        review: Review | None,
        plan: Plan | None,
        titles: dict[str, str],
        others: list[tuple[PartDraft, list[ItemDraft]]],
    ) -> None:
        """Titles and parts, each on the document that holds its neighbours: a part after the
        plan's section goes with the plan; everything else with the review."""
        documents: dict[str, Review | Plan | None] = {"review": review, "plan": plan}
        own: dict[str, dict[str, str]] = {"review": {}, "plan": {}}
        for kind, title in titles.items():
            own["plan" if kind == "priorities" else "review"][kind] = title
        found: dict[str, list[dict[str, Any]]] = {"review": [], "plan": []}
        for part, drafts in others:
            key = (
                "plan"
                if review is None or (plan is not None and part.after == "priorities")
                else "review"
            )
            if key == "review" and part.after == "priorities":
                part.after = "shortcomings"
            if key == "plan" and part.after in ("highlights", "shortcomings"):
                part.after = "opening"
            if not part.title.strip() and not part.text and not drafts:
                continue  # a bare 一、 with nothing under it: no words to keep
            index = len(found[key])
            items = self.items(key, ("parts", index), drafts)  # type: ignore[arg-type]
            title = part.title.strip() or "（无标题）"
            values: dict[str, Any] = {"title": title, "after": part.after, "items": items}
            if part.text:
                values["text"] = _paragraphs(part.text)
            found[key].append(values)
        for key, document in documents.items():
            if document is None:
                continue
            if own[key]:
                document.titles = type(document.titles)(**own[key])
            if found[key]:
                try:
                    document.parts = found[key]
                except ValidationError as exc:
                    raise invalid_import(exc, self.shown, key) from None

    def orphan(self, text: str, note: str) -> ItemDraft:
        heading, body = split_heading(text)
        item = ItemDraft(heading=heading or text, points=split_points(body) if body else [])
        item.notes.append(note)
        return item

    def items(
        self, document: str, kind: Kind | tuple[str, int], drafts: list[ItemDraft]
    ) -> list[Any]:
        out = []
        where = kind if isinstance(kind, tuple) else (kind,)
        model = Item if isinstance(kind, tuple) else _ITEM_CLASSES[kind]
        for k, draft in enumerate(drafts):
            for note in draft.notes:
                self.comment((document, *where, k), note)
            points = []
            subs: list[list[str]] = []
            for j, p in enumerate(draft.points):
                if p.note:
                    self.comment((document, *where, k, "points", j), p.note)
                if p.text.strip():
                    points.append(Point(lead=p.lead, text=p.text) if p.lead else Point(text=p.text))
                    subs.append(p.subpoints)
                elif p.lead:
                    points.append(Point(text=p.lead))
                    subs.append(p.subpoints)
            heading = draft.heading.strip()
            if not heading:
                heading = points.pop(0).full_text if points else "（无标题）"
                subs = subs[1:]
            for j, found in enumerate(subs):
                if found:  # numbered sub-points （1） （2） of the point
                    points[j] = points[j].model_copy(update={"subpoints": list(found)})
            out.append(
                model(heading=heading, points=points, layout=draft.layout, tables=draft.tables)
            )
        return out

    def build(self, model: type[Review] | type[Plan], key: str, **values: Any) -> Any:
        try:
            return model(**{k: v for k, v in values.items() if v is not None})
        except ValidationError as exc:  # the structurer should never produce this: say what it was
            raise invalid_import(exc, self.shown, key) from None

    def finish(self, key: str, review: Review | None, plan: Plan | None, organisation: str) -> None:
        """Title, signature and attachments go on the first document (the one rendered first)."""
        target = review if review is not None else plan
        assert target is not None
        outline = self.outline
        if outline.attachments:
            target.attachments = list(outline.attachments)
        if outline.signature_date is not None:
            name = outline.signature_name
            if not name:
                name = organisation
                self.comment((key, "signature"), "原文落款只有日期，署名取单位名称")
                self.notes.append(message("import_signature_date_only"))
            target.signature = Signature(name=name, date=outline.signature_date)
        self.set_title(review, plan, organisation)

    def set_title(self, review: Review | None, plan: Plan | None, organisation: str) -> None:
        info = self.info
        if info is None:
            self.notes.append(message("import_no_title"))
            return
        generated = Report(review=review, plan=plan).title
        if self.title_from_preface:
            self.notes.append(
                message("import_title_from_preface", input=info.text, expected=generated)
            )
            return
        if info.text == generated:
            return
        if review is not None:
            # The review's title is the whole title, verbatim, also with the plan beside it.
            review.title = info.text
            if plan is not None and info.plan_part and info.plan_part != f"{plan.year}年工作思路":
                # The plan's own title, used when it is built alone: 某某街道2023年工作打算
                part = info.plan_part
                plan.title = part if part.startswith(organisation) else f"{organisation}{part}"
        elif plan is not None and info.text != f"{plan.organisation}{plan.year}年工作思路":
            plan.title = info.text
        rendered = Report(review=review, plan=plan).title
        if rendered != info.text:
            key = "review" if review is not None else "plan"
            self.comment((key, "title"), f"原文标题“{info.text}”；生成的标题为“{rendered}”")
            self.notes.append(message("import_title_renamed", input=info.text, expected=rendered))

    def revalidated(
        self, review: Review | None, plan: Plan | None
    ) -> tuple[Review | None, Plan | None]:
        # Fields set after construction are validated on assignment; a last full check is cheap.
        return (
            Review.model_validate(review.model_dump()) if review is not None else None,
            Plan.model_validate(plan.model_dump()) if plan is not None else None,
        )
