"""Remove what the web and Word leave in a document, and say what was removed.

Debris is dropped only when it is recognisably debris (a page number, a metadata header, a web
page's preface or footer); everything else goes on to the structurer, which keeps what it
cannot place. Lines that the web broke after every ``;`` are joined again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from reportgen.importer.numbering import ENUMERATION, parse_marker
from reportgen.importer.reader import RawParagraph
from reportgen.settings.messages import message
from reportgen.text.punctuation import half_width_marks, is_cjk, normalise_punctuation


@dataclass
class Line:
    """A cleaned paragraph, and the raw paragraphs it was made of."""

    text: str
    sources: list[RawParagraph]
    heading_level: int | None = None
    is_title: bool = False
    from_table: bool = False

    @property
    def where(self) -> str:
        first, last = self.sources[0], self.sources[-1]
        if first.index == last.index:
            return first.where
        return message(f"import_where_{first.unit}s", a=first.index, b=last.index)


@dataclass(frozen=True)
class Dropped:
    reason: str
    where: str
    text: str


@dataclass
class Cleaned:
    lines: list[Line]
    dropped: list[Dropped] = field(default_factory=list)
    rejoined: int = 0
    spaces: int = 0  # paragraphs from which stray spaces were removed
    punctuation: int = 0  # half-width marks made full-width
    preface_title: str | None = None  # a title named by a dropped web preface
    metadata_organisation: str | None = None  # 发布单位/发布机构/来源 of a dropped metadata row
    wrapped: int = 0  # lines joined back to the paragraph a hard line wrap broke


PHRASE_MIN = 3  # a space between two runs of Chinese this long is content: “品质建设 文化古城”
_PHRASE_END = "，。、；：！？“”‘’（）《》"
_SPACES = re.compile(r"[ \t\u00a0\u3000\u2002\u2003\u2009]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b-\x1f\x7f-\x9f]")
_DASH = r"\-—–－~～_"
_PAGE_NUMBER = re.compile(
    rf"^[{_DASH}\s]*(?:第\s*)?\d{{1,3}}\s*页?\s*(?:(?:/|共)\s*\d{{1,3}}\s*页?)?[{_DASH}\s]*$"
    r"|^(?:page|p\.)\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$",
    re.IGNORECASE,
)
_METADATA_KEYS = (
    "索引号|发布日期|发布时间|发文日期|成文日期|生效日期|发布机构|发文机关|发布单位|来源|信息来源|文章来源|"
    "作者|浏览次数|阅读次数|点击数|点击量|访问量|浏览量|主题分类|体裁分类|服务对象分类|公文种类|文号|发文字号|"
    "有效性|字号|分享到|责任编辑|编辑|审核|时间|更新时间|更新日期|点击|阅读|浏览|访问次数"
)
_METADATA = re.compile(rf"^[【\[]?\s*(?:{_METADATA_KEYS})\s*[:：]")
_METADATA_ORG = re.compile(
    r"(?:发布单位|发布机构|发文机关|来源|信息来源|文章来源)\s*[:：]\s*(?P<org>[^|｜\s\u3000]+)"
)
_ORG_NAME = re.compile(
    r"(?:街道办事处|街道|人民政府|镇|乡|社区|村|管委会|局|委员会|办公室|中心|居委会)$"
)
_BREADCRUMB = re.compile(
    r"^(?:当前位置|您的位置|您现在的位置|您当前的位置|所在位置|位置)\s*[:：]|^首页\s*[>＞›»]"
)
_CHROME_WORDS = (
    r"打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回|收藏本页|收藏|分享到|分享|纠错"
)
_WEB_CHROME = re.compile(
    rf"^[【\[]?\s*(?:{_CHROME_WORDS}|扫一扫在手机(?:上)?(?:打开|查看)当前页|扫一扫.*|字体\s*[:：].*)"
    r"\s*[】\]]?[:：]?"
    rf"(?:[\s\u3000]*[【\[]?\s*(?:{_CHROME_WORDS})\s*[】\]]?[:：]?)*$"
)
_NEIGHBOURS = re.compile(r"^(?:上一篇|下一篇|上一条|下一条)\s*[:：]")
_PREFACE = re.compile(
    r"小编|供(?:大家|您|你)?参考|欢迎阅读|欢迎借鉴|希望对(?:您|你|大家)|范文|精选|整理了"
)
_FOOTER = re.compile(
    r"^(?:以上就是|更多.*关注|本文(?:由|来源|链接|地址)|版权(?:所有|声明)|免责声明|转载|相关(?:推荐|阅读|文章)|"
    r"上一篇|下一篇|猜你喜欢)"
)
_PREFACE_TITLE = (
    re.compile(r"《(?P<t>[^》]{4,60})》"),
    re.compile(
        r"(?:整理|准备|收集|分享|带来)(?:了|的)(?:一篇|篇)?(?P<t>[^,，。!！]{4,60}?)(?:范文|范例)?[,，。!！]"
    ),
)
_DATE_LINE = re.compile(r"(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年")


def clean(paragraphs: list[RawParagraph], *, normalise: bool = True) -> Cleaned:
    out = Cleaned(lines=[])
    texts = [
        _INVISIBLE.sub("", p.text).replace("\r", "").strip(" \t\u00a0\u3000") for p in paragraphs
    ]
    nonempty = [i for i, t in enumerate(texts) if t]
    head, tail = set(nonempty[:8]), set(nonempty[-5:])
    indented = _indented(paragraphs, nonempty)
    kept: list[tuple[Line, bool]] = []  # each line, and whether it opened a new paragraph
    for i in nonempty:
        raw, text = paragraphs[i], texts[i]
        reason = _debris(text, i in head, i in tail)
        if reason:
            out.dropped.append(Dropped(reason, raw.where, text))
            if reason == "web preface" and out.preface_title is None:
                out.preface_title = preface_title(text)
            if reason == "metadata" and out.metadata_organisation is None:
                out.metadata_organisation = metadata_organisation(text)
            continue
        squeezed = squeeze_spaces(text)
        if squeezed != text:
            out.spaces += 1
        line = Line(squeezed, [raw], raw.heading_level, raw.is_title, raw.from_table)
        starts = not indented or raw.unit != "line" or _starts_indented(raw.text)
        kept.append((line, starts))
    out.lines, out.wrapped = _unwrap(kept)
    out.lines, out.rejoined = _rejoin(out.lines)
    if normalise:
        for line in out.lines:
            fixed = normalise_punctuation(line.text)
            if fixed != line.text:
                out.punctuation += len(half_width_marks(line.text))
                line.text = fixed
    return out


def _indented(paragraphs: list[RawParagraph], nonempty: list[int]) -> bool:
    """A text whose paragraphs open with an indent: a line without one continues the last."""
    lines = [paragraphs[i] for i in nonempty if paragraphs[i].unit == "line"]
    opened = sum(1 for p in lines if _starts_indented(p.text))
    return opened >= 3 and opened * 4 >= len(lines)


def _starts_indented(text: str) -> bool:
    return text[:1] in ("\u3000", "\t") or text.startswith("  ")


def _unwrap(kept: list[tuple[Line, bool]]) -> tuple[list[Line], int]:
    """Join the lines a hard wrap broke: a line with no indent in an indented text, that opens
    with no number, continues the paragraph above it (the wrap's whitespace goes)."""
    out: list[Line] = []
    joined = 0
    for line, starts in kept:
        previous = out[-1] if out else None
        if previous is not None and _continues(previous, line, starts):
            previous.text += line.text
            previous.sources.extend(line.sources)
            joined += 1
            continue
        out.append(line)
    return out, joined


def _continues(previous: Line, line: Line, starts: bool) -> bool:
    if parse_marker(line.text) or previous.heading_level or line.heading_level:
        return False
    if previous.sources[-1].unit == "line" and previous.text.endswith(("，", "、", ",")):
        return True  # a sentence does not end at a comma: the line was wrapped
    return not starts and not previous.text.endswith(("。", "！", "？", "：", ":"))


def _metadata_cells(text: str) -> list[str]:
    """The cells of a metadata table row flattened with | (索引号|YX-1|发布单位|建设街道|…):
    the cells when the first is a metadata key, else []."""
    cells = [cell.strip() for cell in re.split(r"[|｜]", text)]
    if len(cells) >= 3 and re.fullmatch(rf"(?:{_METADATA_KEYS})", cells[0]):
        return cells
    return []


def metadata_organisation(text: str) -> str | None:
    """The organisation a metadata row names: 发布单位：云溪街道 → 云溪街道 (not 来源：网友投稿)."""
    for match in _METADATA_ORG.finditer(text):
        name = match["org"].strip()
        if _ORG_NAME.search(name):
            return name
    cells = _metadata_cells(text)
    for key, value in pairwise(cells):
        if re.fullmatch(r"发布单位|发布机构|发文机关|来源|信息来源", key) and _ORG_NAME.search(
            value
        ):
            return value
    return None


def _debris(text: str, at_head: bool, at_tail: bool) -> str | None:
    if _PAGE_NUMBER.match(text):
        return "page number"
    if _BREADCRUMB.match(text) or re.search(r"首页\s*[>＞›»]", text):
        return "breadcrumb"
    if len(text) <= 160 and _METADATA.match(text) and not parse_marker(text):
        return "metadata"
    if len(text) <= 200 and _metadata_cells(text):
        return "metadata"
    if _WEB_CHROME.match(text):
        return "web page chrome"
    if len(text) <= 80 and _NEIGHBOURS.match(text):
        return "web footer"
    if at_head and _PREFACE.search(text):
        return "web preface"
    if at_tail and _FOOTER.match(text):
        return "web footer"
    return None


def preface_title(text: str) -> str | None:
    """The title a web preface names.

    "下面是小编为大家整理的街道工作总结及2023年工作思路,供大家参考。" → 街道工作总结及2023年工作思路
    """
    for pattern in _PREFACE_TITLE:
        match = pattern.search(text)
        if match and re.search(r"总结|思路|计划|打算|报告|要点", match["t"]):
            return match["t"].strip()
    return None


def squeeze_spaces(text: str) -> str:
    """Drop the spaces of letter-spaced Chinese (社 会 事 业) and at the ends; a space between
    two phrases (“品质建设 文化古城”, “S1 line”) is content and is kept as written."""

    def replace(match: re.Match[str]) -> str:
        start, end = match.start(), match.end()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if not before or not after:
            return ""
        if not (is_cjk(before) or is_cjk(after)):
            return " "
        if not (is_cjk(before) and is_cjk(after)):
            return ""  # "S1 line 桥下": Word's spacing between Latin and Chinese
        if _run(text, start - 1, -1) < PHRASE_MIN or _run(text, end, 1) < PHRASE_MIN:
            return ""  # 社 会 事 业, 2022年 亮点 工作: spaced-out characters, not phrases
        return match.group()

    return _SPACES.sub(replace, text)


def _run(text: str, at: int, step: int) -> int:
    """How many Chinese characters run from ``text[at]`` (towards ``step``) to a space or mark."""
    count = 0
    while 0 <= at < len(text) and is_cjk(text[at]) and text[at] not in _PHRASE_END:
        count += 1
        at += step
    return count


def _rejoin(lines: list[Line]) -> tuple[list[Line], int]:
    """Join a line ending in ; to the next, unless the next one starts something of its own."""
    out: list[Line] = []
    joined = 0
    for line in lines:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.text.endswith((";", "；"))
            and previous.heading_level is None
            and not previous.is_title
            and not previous.from_table
            and line.heading_level is None
            and not line.from_table
            and not _starts_own_paragraph(line.text)
        ):
            previous.text += line.text
            previous.sources.extend(line.sources)
            joined += 1
            continue
        out.append(line)
    return out, joined


def _starts_own_paragraph(text: str) -> bool:
    return bool(
        parse_marker(text)
        or ENUMERATION.match(text)
        or text.startswith("附件")
        or (len(text) <= 20 and _DATE_LINE.match(text))
    )
