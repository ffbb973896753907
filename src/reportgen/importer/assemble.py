"""Outline → validated :class:`~reportgen.model.report.Review` and `Plan`.

Decides what the outline leaves open: the organisation and the years, which part each section
is, where text that fits no field of the model goes (an item, with a comment), and whether the
title is one the model generates anyway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from reportgen.errors import UserError
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


@dataclass
class Options:
    organisation: str | None = None
    year: int | None = None  # the year reviewed (for a plan alone: the year planned)


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
) -> Assembled:
    return _Assembler(outline, options, sections, shown, preface_title).run()


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

    def comment(self, path: CommentPath, text: str) -> None:
        self.comments.setdefault(path, []).append(text)

    # ── what the document is about ─────────────────────────────────────────
    def plan_only(self) -> bool:
        if self.info is not None:
            return self.info.plan_only
        kinds = {s.kind for s in self.outline.sections}
        return kinds == {"priorities"}

    def resolve_kinds(self, review_year: int | None) -> list[tuple[SectionDraft, Kind, bool]]:
        """Each section's part, and whether it was a guess (a heading that names no part)."""
        out: list[tuple[SectionDraft, Kind, bool]] = []
        previous: Kind | None = None
        for section in self.outline.sections:
            kind = section.kind
            if (
                section.year is not None
                and review_year is not None
                and section.year > review_year
                and kind != "priorities"
            ):
                kind = "priorities"  # 2023年主要工作 in a 2022 summary is next year's work
            guessed = kind is None
            if kind is None:
                # What an office did goes with the highlights; what follows the plan, with the plan.
                kind = (
                    "priorities" if self.plan_only() or previous == "priorities" else "highlights"
                )
            out.append((section, kind, guessed))
            previous = kind
        return out

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

    def organisation(self) -> str:
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
        if self.outline.signature_name:
            return self.outline.signature_name
        found = organisation_in_text(text)
        if found:
            return found
        if name:
            return name
        raise UserError(
            f"{self.shown}: cannot tell which organisation the document is from",
            hint='give it with --organisation, e.g. --organisation "*街道"',
        )

    # ── building the model ─────────────────────────────────────────────────
    def run(self) -> Assembled:
        organisation = self.organisation()
        review_year, plan_year = self.years()
        if (plan_year if self.plan_only() else review_year) is None:
            raise UserError(
                f"{self.shown}: cannot tell which year the document is about",
                hint="give it with --year, e.g. --year 2022",
            )
        parts: dict[str, list[ItemDraft]] = {k: [] for k in KINDS}
        paragraphs = dict(self.outline.parts)
        items_count: dict[str, int] = {}
        plan_opening: list[str] = []
        for section, kind, guessed in self.resolve_kinds(review_year):
            paragraphs[kind] = paragraphs.get(kind, 0) + section.paragraphs
            drafts = parts[kind]
            intro = list(section.intro)
            if intro and kind == "priorities" and not plan_opening and not self.plan_only():
                plan_opening, intro = intro, []
            orphans = [
                self.orphan(text, "原文此段在部分标题下、没有序号，导入为一个事项")
                for text in intro
            ]
            items = [*orphans, *section.items]
            if section.heading and items:
                merged = bool(drafts)
                self.note_section(
                    section, kind, guessed, merged, (review_year, plan_year), items[0]
                )
            drafts.extend(items)
        review_parts = {k: v for k, v in parts.items() if k != "priorities"}
        has_review = any(review_parts.values())
        has_plan = bool(parts["priorities"])
        if not has_review and not has_plan:
            raise UserError(
                f"{self.shown}: found section headings but no items under them",
                hint="number the items (（一） or 1.) under each 一、 heading, and import again",
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
        review, plan = self.revalidated(review, plan)
        return Assembled(review, plan, self.comments, self.notes, paragraphs, items_count)

    def note_section(
        self,
        section: SectionDraft,
        kind: Kind,
        guessed: bool,
        merged: bool,
        years: tuple[int | None, int | None],
        first: ItemDraft,
    ) -> None:
        """One comment on a section's first item when its heading will not come back as written."""
        year = years[1] if kind == "priorities" else years[0]
        expected = self.sections.get(kind, "").format(year=year)
        renamed = bool(expected) and section.heading.rstrip("：:") != expected
        if not (guessed or merged or renamed):
            return
        # The comment in the YAML is Chinese, as the file is; the report speaks the user's language.
        zh: list[str] = []
        said: list[str] = []
        if guessed:
            zh.append(f"无法判断属于哪一部分，归入“{_KIND_NAMES[kind]}”")
            said.append(message("import_section_guessed", input=kind, name=_KIND_NAMES[kind]))
        if merged:
            zh.append(f"并入“{_KIND_NAMES[kind]}”")
            said.append(message("import_section_merged", input=kind, name=_KIND_NAMES[kind]))
        elif renamed:
            zh.append(f"生成时用“{expected}”（可在 templates/sections.yaml 中修改）")
            said.append(message("import_section_renamed", input=kind, expected=expected))
        first.notes.insert(0, f"原文部分标题“{section.heading}”：" + "；".join(zh))
        self.notes.append(
            message("import_section", input=section.heading, where=section.where)
            + message("list_separator").join(said)
        )

    def orphan(self, text: str, note: str) -> ItemDraft:
        heading, body = split_heading(text)
        item = ItemDraft(heading=heading or text, points=split_points(body) if body else [])
        item.notes.append(note)
        return item

    def items(self, document: str, kind: Kind, drafts: list[ItemDraft]) -> list[Any]:
        out = []
        for k, draft in enumerate(drafts):
            for note in draft.notes:
                self.comment((document, kind, k), note)
            points = []
            for j, p in enumerate(draft.points):
                if p.note:
                    self.comment((document, kind, k, "points", j), p.note)
                if p.text.strip():
                    points.append(Point(lead=p.lead, text=p.text) if p.lead else Point(text=p.text))
                elif p.lead:
                    points.append(Point(text=p.lead))
            heading = draft.heading.strip() or (points.pop(0).full_text if points else "（无标题）")
            out.append(_ITEM_CLASSES[kind](heading=heading, points=points, layout=draft.layout))
        return out

    def build(self, model: type[Review] | type[Plan], key: str, **values: Any) -> Any:
        try:
            return model(**{k: v for k, v in values.items() if v is not None})
        except ValidationError as exc:  # the structurer should never produce this: say what it was
            raise UserError(
                f"{self.shown}: the imported {key} is not valid: {exc.errors()[0]['msg']} "
                f"at {'.'.join(map(str, exc.errors()[0]['loc']))}",
                hint="this is a limitation of import; please report it with the document",
            ) from None

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
            default = f"{review.organisation}{review.year}年工作总结"
            part = info.review_part or info.text
            if part != default:
                review.title = part
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
