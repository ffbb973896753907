"""Recognise a cleaned document's structure: title, opening, sections, items, points, ending.

Levels are read from what the document does, not from fixed markers: the sections are the
most senior headings (一、, a Heading 1, or a line that names a section such as 存在问题),
the items are the next level used under each section, whatever marker it has (a document may
put 1. directly under 一、), and what lies under an item becomes its points.

Long because recognising a document's levels is one decision over one list of lines (sections,
items, points, ending); split, its helpers would pass that state back and forth.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from reportgen.importer.cleaner import Line
from reportgen.importer.numbering import ENUMERATION, parse_marker
from reportgen.importer.points import PointDraft, list_leads, split_points
from reportgen.importer.title import YEAR, parse_date_suffix, parse_year
from reportgen.model.report import SECTION_KINDS

Kind = Literal["highlights", "shortcomings", "priorities"]
KINDS: tuple[Kind, ...] = SECTION_KINDS  # type: ignore[assignment]  # the model's registry

# Section kinds by meaning; the first group that matches wins, so 重点工作完成情况 is a review.
_STRONG_KINDS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("highlights", re.compile(r"亮点|成绩|成效|回顾|完成情况|取得")),
    ("shortcomings", re.compile(r"问题|不足|短板|差距|困难|薄弱")),
    (
        "priorities",
        re.compile(r"重点工作|重点任务|思路|计划|下一步|打算|安排|要点|目标任务|主要任务|展望"),
    ),
)
_WEAK_HIGHLIGHTS = re.compile(r"主要工作|工作情况|开展情况|进展|做法|总结")
_SENTENCE_END = "。！？!?"
_TITLE_WORDS = re.compile(r"总结|思路|计划|打算|报告|要点|安排|回顾")
_INNER_PUNCT = re.compile(r"[，,。；;！？!?]")
_CLOSING = re.compile(
    r"^(?:总之|总而言之|综上|回首|展望|新的一年|新征程|站在新的起点|今后|我们将|我们坚信|以上|特此|专此|"
    r"请审阅|妥否|下一步[，,]?我们|在新的一年)"
)
_YEAR_IN = re.compile(rf"(?P<y>{YEAR})\s*年")
# 1. 2、 before an attachment's name (2.2023年…: a dot before a year is a number's dot too)
_ATTACHMENT_NUMBER = r"\d{1,2}\s*(?:、|[.．](?!\d)|[.．](?=\d{4}年))"
_ATTACHMENT = re.compile(r"^附\s*件\s*\d*\s*[:：]?")  # 附件： 附件2： 附 件 2：
HEADING_LONG = 40
COLON_HEADING_MAX = 20


_FINISHED = "。！？；：!?;:…"
_CLOSERS = "”’）)」』》"


def mid_sentence(text: str, following: str) -> bool:
    """Whether ``text`` stops inside a sentence that ``following`` goes on with (neither is a
    row of a table, kept as text with its cells joined by ｜)."""
    end = text.rstrip()
    if not end or "｜" in end or "｜" in following:
        return False
    if end[-1] in _CLOSERS and len(end) > 1:
        end = end[:-1]
    return end[-1] not in _FINISHED


def _tables(sub: list[Line]) -> tuple[list[Line], list[list[list[str]]]]:
    """An item's lines without its tables' rows, and those tables (each a list of rows of
    cells, in order): a Word table inside an item is the item's table of figures, which the
    model keeps after the item's text."""
    rest: list[Line] = []
    tables: dict[int, list[list[str]]] = {}
    for line in sub:
        source = line.sources[0]
        if line.from_table and source.cells:
            tables.setdefault(source.index, []).append(list(source.cells))
        else:
            rest.append(line)
    return rest, list(tables.values())


@dataclass
class ItemDraft:
    heading: str
    points: list[PointDraft] = field(default_factory=list)
    layout: Literal["run-in", "list"] = "run-in"
    notes: list[str] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)


@dataclass
class SectionDraft:
    heading: str  # as written, without its marker
    kind: Kind | None
    year: int | None
    items: list[ItemDraft] = field(default_factory=list)
    intro: list[str] = field(default_factory=list)
    where: str = ""
    paragraphs: int = 0  # raw paragraphs of the heading, its intro and its items


@dataclass
class Outline:
    title: str | None = None
    opening: list[str] = field(default_factory=list)
    sections: list[SectionDraft] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    signature_name: str | None = None
    signature_date: dt.date | None = None
    notes: list[str] = field(default_factory=list)
    parts: dict[str, int] = field(default_factory=dict)  # raw paragraphs per part

    def count(self, part: str, lines: list[Line]) -> None:
        self.parts[part] = self.parts.get(part, 0) + sum(len(line.sources) for line in lines)


class NoStructure(Exception):
    """The document has neither sections nor numbered items."""


def section_kind(heading: str) -> tuple[Kind | None, bool]:
    """(kind, strong): strong when a section word says it (亮点, 问题, 重点工作 …)."""
    for kind, pattern in _STRONG_KINDS:
        if pattern.search(heading):
            return kind, True
    if _WEAK_HIGHLIGHTS.search(heading):
        return "highlights", False
    return None, False


def split_heading(rest: str) -> tuple[str, str]:
    """A run-in heading and the text after it: '社会发展开拓新局面。按照……' → both parts.

    The heading's 。 is left out (rendering adds it back); ！ and ？ are kept. A short phrase
    ending in a colon is a heading too: '加强党建工作：一是……' (it will be rendered with 。).
    """
    rest = rest.strip()
    end = next((i for i, c in enumerate(rest) if c in _SENTENCE_END), None)
    colon = next((i for i, c in enumerate(rest) if c in "：:"), None)
    if (
        colon is not None
        and (end is None or colon < end)
        and 0 < colon <= COLON_HEADING_MAX
        and not _INNER_PUNCT.search(rest[:colon])
        and rest[colon + 1 :].strip()
    ):
        return rest[:colon].strip(), rest[colon + 1 :].strip()
    if end is None:
        return rest.rstrip("：:").strip(), ""
    heading = rest[:end] if rest[end] == "。" else rest[: end + 1]
    return heading.strip(), rest[end + 1 :].strip()


def is_heading_alone(text: str) -> bool:
    return not split_heading(text)[1]


def looks_like_title(line: Line) -> bool:
    text = line.text
    return (
        4 <= len(text) <= 60
        and not parse_marker(text)
        and bool(_TITLE_WORDS.search(text))
        and not _INNER_PUNCT.search(text)
    )


def _unnumbered_section(line: Line) -> bool:
    text = line.text.rstrip("：:")
    return (
        len(text) <= 20
        and "如下" not in text
        and not parse_marker(line.text)
        and not _INNER_PUNCT.search(text)
        and section_kind(text)[1]
    )


def _opens_section(line: Line, style_level: int | None, marker_level: int | None) -> bool:
    """A section heading: the top heading style, the top marker level, or a line like 存在问题."""
    marker = parse_marker(line.text)
    if style_level is not None and line.heading_level == style_level:
        return marker is None or marker.level == 1 or section_kind(marker.rest)[1]
    if marker is not None:
        return marker.level == marker_level and line.heading_level in (None, style_level)
    return line.heading_level is None and _unnumbered_section(line)


def _enumerated(body: list[Line]) -> bool:
    """Paragraphs opening with 一是 二是 三是 … in order: the items of a section without （一）."""
    from reportgen.text.numbering import chinese_numeral

    if len(body) < 2:
        return False
    for n, line in enumerate(body, start=1):
        match = ENUMERATION.match(line.text)
        if not match or match["n"].removeprefix("第") != chinese_numeral(n):
            return False
    return True


def _enumerated_item(text: str) -> ItemDraft:
    match = ENUMERATION.match(text)
    assert match is not None
    heading, body = split_heading(text[match.end() :])
    item = ItemDraft(heading=heading, points=split_points(body))
    item.notes.append(f"原文以“{match.group()}”开头，序号改为自动生成的（一）（二）……")
    return item


class _Structurer:
    def __init__(self, lines: list[Line]):
        self.lines = list(lines)
        self.out = Outline()

    def run(self) -> Outline:
        self.take_title()
        self.take_ending()
        lines = self.lines
        starts = self.section_starts(lines)
        if not starts:
            return self.without_sections(lines)
        opening = lines[: starts[0]]
        self.out.opening = [line.text for line in opening]
        self.out.count("opening", opening)
        bounds = [*starts, len(lines)]
        for k, start in enumerate(starts):
            body = lines[start + 1 : bounds[k + 1]]
            last = k == len(starts) - 1
            if last:
                body = self.take_closing(body)
            self.out.sections.append(self.section(lines[start], body))
        return self.out

    # ── the beginning and the end ──────────────────────────────────────────
    def take_title(self) -> None:
        lines = self.lines
        if not lines:
            return
        taken = 0
        if lines[0].is_title:
            while taken < len(lines) and lines[taken].is_title:
                taken += 1
        elif looks_like_title(lines[0]):
            taken = 1
        elif (
            len(lines) > 1
            and len(lines[0].text) <= 20
            and not _INNER_PUNCT.search(lines[0].text)
            and not parse_marker(lines[0].text)
            and looks_like_title(lines[1])
        ):
            taken = 2  # 单位名称 on one line, the rest of the title on the next
        if (
            taken
            and taken < len(lines)
            and re.match(r"^(?:及|和|暨|与|并)", lines[taken].text)
            and len(lines[taken].text) <= 30
            and not _INNER_PUNCT.search(lines[taken].text)
            and _TITLE_WORDS.search(lines[taken].text)
        ):
            taken += 1  # a title wrapped before its second half: ……工作总结 / 及2024年工作思路
        if taken:
            self.out.title = "".join(line.text for line in lines[:taken])
            self.out.count("title", lines[:taken])
            del lines[:taken]

    def take_ending(self) -> None:
        """落款 (signature and date) and 附件 notes, from the end of the document."""
        lines = self.lines
        self.take_attachments()
        if lines and not parse_marker(lines[-1].text):
            found = parse_date_suffix(lines[-1].text)
            if found and len(found[0]) <= 30 and not _INNER_PUNCT.search(found[0]):
                name, date = found
                taken = [lines.pop()]
                if not name and lines and self.signature_like(lines[-1].text):
                    name = lines[-1].text
                    taken.insert(0, lines.pop())
                self.out.signature_name = name or None
                self.out.signature_date = date
                self.out.count("signature", taken)
        if not self.out.attachments:
            self.take_attachments()

    @staticmethod
    def signature_like(text: str) -> bool:
        return len(text) <= 30 and not _INNER_PUNCT.search(text) and not parse_marker(text)

    def take_attachments(self) -> None:
        """附件 notes among the last 11 lines: 附件：1.…… 2.…… (on one line or one a line), or
        one 附件1：…… line per attachment."""
        lines = self.lines
        window = max(0, len(lines) - 11)
        start = next(
            (i for i in range(len(lines) - 1, window - 1, -1) if _ATTACHMENT.match(lines[i].text)),
            None,
        )
        if start is None:
            return
        while start > window and _ATTACHMENT.match(lines[start - 1].text):
            start -= 1  # 附件1：…… / 附件2：……: each its own 附件 line
        block = lines[start:]
        following_ok = all(
            (parse_marker(line.text) or _ATTACHMENT.match(line.text)) and len(line.text) <= 80
            for line in block[1:]
        )
        if not following_ok:
            return
        names: list[str] = []
        for line in block:
            text = re.sub(rf"{_ATTACHMENT.pattern}\s*", "", line.text)
            marker = parse_marker(text)
            if marker and marker.level >= 3:
                text = marker.rest
            text = text.strip().rstrip("。；;，,")
            # 附件：1.……表 2.……表 on one line: one attachment each
            for name in re.split(rf"[\s\u3000]*(?<!\d)(?={_ATTACHMENT_NUMBER})", text):
                name = re.sub(rf"^{_ATTACHMENT_NUMBER}\s*", "", name).strip().rstrip("。；;，,")
                if name:
                    names.append(name)
        if not names:
            return
        self.out.attachments = names
        self.out.count("attachments", block)
        del lines[start:]

    def take_closing(self, body: list[Line]) -> list[Line]:
        """Trailing paragraphs that close the document rather than continue its last item."""
        tail = len(body)
        while (
            tail > 0
            and not parse_marker(body[tail - 1].text)
            and body[tail - 1].heading_level is None
        ):
            tail -= 1
        trailing = body[tail:]
        if not trailing or tail == 0:
            return body
        # under a heading alone (（二）加强队伍建设), the first paragraph is that item's text even
        # when it opens like a closing (我们将……)
        last = body[tail - 1]
        marker = parse_marker(last.text)
        first = 1 if is_heading_alone(marker.rest if marker else last.text) else 0
        start = next(
            (i for i, line in enumerate(trailing) if i >= first and _CLOSING.match(line.text)), None
        )
        if start is None and self.items_are_single_paragraphs(body[:tail]):
            start = 0
        if start is None:
            return body
        closing = trailing[start:]
        self.out.closing = [line.text for line in closing]
        self.out.count("closing", closing)
        return body[: tail + start]

    def items_are_single_paragraphs(self, body: list[Line]) -> bool:
        """Run-in items, one paragraph each (as in the seed): then an unnumbered paragraph after
        the last one is not part of it."""
        marked = [parse_marker(line.text) for line in body]
        if not marked or marked[0] is None or marked[-1] is None:
            return False
        return all(m is not None and not is_heading_alone(m.rest) for m in marked)

    # ── sections ───────────────────────────────────────────────────────────
    def section_starts(self, lines: list[Line]) -> list[int]:
        styled = [line.heading_level for line in lines if line.heading_level]
        style_level = min(styled) if styled else None
        marker_level = self.section_marker_level(lines)
        return [
            i for i, line in enumerate(lines) if _opens_section(line, style_level, marker_level)
        ]

    @staticmethod
    def section_marker_level(lines: list[Line]) -> int | None:
        markers = [m for m in (parse_marker(line.text) for line in lines) if m]
        if any(m.level == 1 and is_heading_alone(m.rest) for m in markers):
            return 1
        named = [m.level for m in markers if is_heading_alone(m.rest) and section_kind(m.rest)[1]]
        return min(named) if named else None

    def section(self, line: Line, body: list[Line]) -> SectionDraft:
        marker = parse_marker(line.text)
        heading, run_in = split_heading(marker.rest if marker else line.text)
        kind, _ = section_kind(heading)
        year_match = _YEAR_IN.search(heading)
        section = SectionDraft(
            heading=heading,
            kind=kind,
            year=parse_year(year_match["y"]) if year_match else None,
            where=line.where,
        )
        section.paragraphs = sum(len(x.sources) for x in [line, *body])
        if run_in:
            section.intro.append(run_in)
        item_starts = self.item_starts(body, marker.level if marker else None, line.heading_level)
        if not item_starts and _enumerated(body):
            section.items = [_enumerated_item(b.text) for b in body]
            return section
        first = item_starts[0] if item_starts else len(body)
        section.intro.extend(b.text for b in body[:first])
        bounds = [*item_starts, len(body)]
        for k, start in enumerate(item_starts):
            section.items.append(self.item(body[start], body[start + 1 : bounds[k + 1]]))
        return section

    def item_starts(
        self, body: list[Line], section_marker: int | None, section_style: int | None
    ) -> list[int]:
        deeper_styles = [
            b.heading_level
            for b in body
            # the section's own style too: a （一） styled like the 一、 above it opens no section
            if b.heading_level and b.heading_level >= (section_style or 0)
        ]
        item_style = min(deeper_styles) if deeper_styles else None
        levels = [
            m.level
            for m in (parse_marker(b.text) for b in body)
            if m and m.level > (section_marker or 0)
        ]
        item_marker = min(levels) if levels else None
        return [
            i
            for i, b in enumerate(body)
            if (item_style is not None and b.heading_level == item_style)
            or (
                item_marker is not None
                and (m := parse_marker(b.text)) is not None
                and m.level == item_marker
                and b.heading_level in (None, item_style)
            )
        ]

    # ── items and points ───────────────────────────────────────────────────
    def item(self, line: Line, sub: list[Line]) -> ItemDraft:
        sub, tables = _tables(sub)
        item = self.item_text(line, sub)
        item.tables = tables
        return item

    def item_text(self, line: Line, sub: list[Line]) -> ItemDraft:
        marker = parse_marker(line.text)
        item_level = marker.level if marker else None
        rest = marker.rest if marker else line.text
        if not rest.strip() and sub:  # "（一）" alone, its heading on the next line
            rest, sub = sub[0].text, sub[1:]
        heading, body = split_heading(rest)
        item = ItemDraft(heading=heading or rest)
        if body and rest.strip()[len(heading) : len(heading) + 1] in ("：", ":"):
            item.notes.append("原文小标题后是“：”，生成时小标题以“。”结尾")
        if not body and len(heading) > HEADING_LONG:
            item.notes.append("原文此段没有句号，整段作为小标题")
        if body:
            item.points = split_points(body)
            for extra in sub:
                marker = parse_marker(extra.text)
                if marker is not None and marker.level > max(item_level or 0, 3) and item.points:
                    item.points[-1].subpoints.append(marker.rest)  # （1） under the text
                    continue
                last = item.points[-1] if item.points else None
                if last is not None and not last.subpoints and mid_sentence(last.text, extra.text):
                    # a break inside a sentence (…服务中心， | 日均服务…): the run-in paragraph
                    # is built without it, so it is one point, as a reader of the build sees
                    last.text += extra.text
                    last.note = last.note or "原文在句中另起一段，导入后接在前文之后"
                    continue
                item.points.append(
                    PointDraft(extra.text, note="原文另起一段，导入后并入本事项的自然段")
                )
            return item
        sub_markers = [parse_marker(s.text) for s in sub]
        levels = [m.level for m in sub_markers if m and m.level > (item_level or 0)]
        point_level = min(levels) if levels else None
        if point_level is not None:
            item.layout = "list"
            texts: list[str] = []
            notes: list[str | None] = []
            subpoints: list[list[str]] = []
            for s, m in zip(sub, sub_markers, strict=True):
                if m is not None and m.level == point_level:
                    texts.append(m.rest)
                    notes.append(None)
                    subpoints.append([])
                elif not texts:
                    texts.append(s.text)
                    notes.append("原文此段没有序号，导入为列表中的一项")
                    subpoints.append([])
                elif m is not None and m.level > point_level:
                    subpoints[-1].append(m.rest)  # （1） under a 1.: a numbered sub-point
                else:
                    texts[-1] += s.text
                    notes[-1] = "原文另起的段落已并入本项"
            item.points = list_leads(texts)
            for point, note, subs in zip(item.points, notes, subpoints, strict=True):
                point.note = note
                point.subpoints = subs
        elif len(sub) == 1:
            item.points = split_points(sub[0].text)
        elif sub and all(ENUMERATION.match(s.text) for s in sub):
            item.points = [PointDraft(s.text) for s in sub]
        elif sub:
            item.layout = "list"
            item.points = list_leads([s.text for s in sub])
            item.notes.append("原文各段没有序号，导入为编号列表（1. 2. …）")
        return item

    # ── a document without sections ────────────────────────────────────────
    def without_sections(self, lines: list[Line]) -> Outline:
        item_starts = self.item_starts(lines, None, None)
        if len(item_starts) < 2:
            raise NoStructure
        body = self.take_closing(lines[item_starts[0] :])
        opening = lines[: item_starts[0]]
        self.out.opening = [line.text for line in opening]
        self.out.count("opening", opening)
        section = SectionDraft(heading="", kind=None, year=None)
        section.paragraphs = sum(len(x.sources) for x in body)
        starts = [i - item_starts[0] for i in item_starts if i - item_starts[0] < len(body)]
        bounds = [*starts, len(body)]
        for k, start in enumerate(starts):
            section.items.append(self.item(body[start], body[start + 1 : bounds[k + 1]]))
        self.out.sections.append(section)
        self.out.notes.append("原文没有“一、”之类的部分标题，各事项按其内容归入一个部分")
        return self.out


def structure(lines: list[Line]) -> Outline:
    """The outline of a cleaned document; :class:`NoStructure` when it has none."""
    return _Structurer(lines).run()
