"""What a title line says: organisation, the year reviewed, the year planned; and dates."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from reportgen.files.kind_words import PLAN_WORDS, REVIEW_WORDS, alternation

_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {
    "○": 0,
    "零": 0,
    "Ｏ": 0,
    "O": 0,
}
YEAR = r"(?:\d{4}|[〇○零Ｏ一二三四五六七八九]{4})"
_YEAR_IN = re.compile(rf"(?P<y>{YEAR})\s*年")
_REVIEW_WORDS = re.compile(alternation(REVIEW_WORDS))
_PLAN_WORDS = re.compile(alternation(PLAN_WORDS))
# The plan half of a title is named by the same words as everywhere (files/kind_words.py).
_CONNECTOR = re.compile(
    rf"(?:及|和|暨|与|以及|、|并)(?=\s*(?:{YEAR}\s*年|下一?年|明年)?[^及和暨与]*?(?:{alternation(PLAN_WORDS)}))"
)
_ORG_END = re.compile(rf"{YEAR}\s*年|年度|上半年|下半年|全年|工作|总结|述职")
_GENERIC_ORGS = {
    "街道",
    "镇",
    "乡",
    "局",
    "办",
    "委",
    "社区",
    "村",
    "中心",
    "公司",
    "单位",
    "区",
    "县",
    "市",
    "我局",
    "我街道",
    "我镇",
    "我乡",
    "本单位",
    "我单位",
    "我办",
    "我委",
    "我中心",
}
_REDACTED = "[*＊XＸ×某]{1,3}"
_ORG_SUFFIX = "街道办事处|街道|镇人民政府|镇|乡|社区|村|管委会|局|委员会|办公室|中心|公司|学校|医院"


@dataclass(frozen=True)
class TitleInfo:
    text: str
    organisation: str  # "" when the title does not name one
    review_year: int | None
    plan_year: int | None
    review_part: str  # the title up to the plan part: "*街道2022年工作总结"
    plan_part: str  # "2023年工作思路", or "" when the title names no plan

    @property
    def plan_only(self) -> bool:
        return bool(self.plan_part) and not self.review_part


def parse_year(text: str) -> int | None:
    if text.isdigit() and len(text) == 4:
        return int(text)
    if len(text) == 4 and all(c in _CN_DIGITS for c in text):
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    return None


def parse_title(title: str) -> TitleInfo:
    """'*街道2022年工作总结及2023年工作思路' → *街道, 2022, 2023."""
    text = title.strip().removeprefix("关于")
    connector = _CONNECTOR.search(text)
    if connector and _REVIEW_WORDS.search(text[: connector.start()]):
        review_part, plan_part = text[: connector.start()], text[connector.end() :]
    elif _PLAN_WORDS.search(text) and not _REVIEW_WORDS.search(text):
        review_part, plan_part = "", text
    else:
        review_part, plan_part = text, ""
    review_year = _first_year(review_part)
    plan_year = _first_year(plan_part)
    first = review_part or plan_part
    end = _ORG_END.search(first)
    organisation = first[: end.start()] if end else ""
    organisation = re.sub(r"(?:的|关于)$", "", organisation.strip())
    if (
        plan_year is None
        and plan_part
        and review_year is not None
        and re.match(r"\s*(?:下一?年|明年)", plan_part)
    ):
        plan_year = review_year + 1
    return TitleInfo(
        title.strip(), organisation, review_year, plan_year, review_part.strip(), plan_part.strip()
    )


def _first_year(text: str) -> int | None:
    match = _YEAR_IN.search(text)
    return parse_year(match["y"]) if match else None


def is_generic_organisation(name: str) -> bool:
    return not name or name in _GENERIC_ORGS


def redacted_organisation(name: str, text: str) -> str | None:
    """The redacted full name of a generic one: 街道 in the title, "*街道" in the text."""
    suffix = re.escape(name) if name and name not in ("我局", "本单位") else f"(?:{_ORG_SUFFIX})"
    match = re.search(f"{_REDACTED}{suffix}", text)
    return match.group() if match else None


def organisation_in_text(text: str) -> str | None:
    """A redacted organisation named in the text (*街道, XX镇), for a document without a title."""
    match = re.search(f"{_REDACTED}(?:{_ORG_SUFFIX})", text)
    return match.group() if match else None


_CN_SMALL = {c: i for i, c in enumerate("〇一二三四五六七八九十")} | {"○": 0, "零": 0}
_DATE = re.compile(
    rf"(?P<y>{YEAR})\s*年\s*(?P<m>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*月\s*"
    r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$"
)


def _small_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_SMALL.get(tens, 0) if tens else 1) * 10 + (
            _CN_SMALL.get(ones, 0) if ones else 0
        )
    return _CN_SMALL.get(text) if len(text) == 1 else None


def parse_date_suffix(text: str) -> tuple[str, dt.date] | None:
    """A line that is, or ends with, a date: ('', 2023-01-05) or ('*街道', 2023-01-05)."""
    match = _DATE.search(text.strip())
    if not match:
        return None
    year, month, day = parse_year(match["y"]), _small_number(match["m"]), _small_number(match["d"])
    if year is None or month is None or day is None:
        return None
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return text.strip()[: match.start()].strip(), date
