"""A generated district for the rollup tests and benchmark: N offices under orgs/, each a
project with data/YEAR.yaml in the shape offices write, and the district's rollup.yaml.

Made up for the tests (no public document's text). What is special, for N = 30:

- offices 3, 6, 9 … write 规上工业总产值 in 亿元, the others in 万元;
- offices 4, 8, 12 … name it their own way (id ``gyzcz``, label 规模以上工业总产值): an alias;
- office 5 has a figure the district does not collect (新增市场主体, 家): unmatched;
- office 7 has no 2022 review (only 2021): missing;
- office 13's review is not valid YAML: failed;
- office 20 states a change of 50% where its two values give 10%: a figure conflict.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

YEAR = 2022
MISSING, BROKEN, CONFLICT, UNMATCHED = 7, 13, 20, 5

MAPPING = """\
# 区级指标对照表
metrics:
  - id: industrial_output
    label: 规上工业总产值
    unit: 亿元
    aliases: [规模以上工业总产值, gyzcz]
  - id: retail_sales
    label: 限上消费品零售总额
    unit: 万元
  - id: households_paid
    label: 资金发放到户户数
    unit: 户
  - id: mediation_success_rate
    label: 调解成功率
    unit: "%"
"""

HEAD = """\
kind: review
organisation: "{name}"
year: {year}
opening: |
  {year}年来，{name}认真贯彻落实区委区政府决策部署，现将主要工作汇报如下。
highlights:
  - id: economy
    heading: 经济运行稳中有进
    points:
      - lead: 稳进提质统筹经济指标
        text: 全年规上工业总产值{{{{{output_id}}}}}，经济运行总体平稳。
shortcomings:
  - id: weak-industry
    heading: 产业基础仍然薄弱
    points:
      - text: 新增项目不多，后劲不足。
metrics:
"""


@dataclass(frozen=True)
class Office:
    """What office ``number`` wrote, for the tests to compute the expected table from."""

    number: int
    name: str
    output_id: str
    output_label: str
    output: str  # the value as written in the YAML
    output_unit: str
    output_previous: str | None
    output_change: str | None
    retail: int  # 万元
    households: int  # 户
    rate: str  # %
    extra: bool  # the unmatched 新增市场主体


def office(number: int) -> Office:
    alias = number % 4 == 0
    in_yi = number % 3 == 0
    if in_yi:
        output, unit = f"{Decimal('0.3') + Decimal(number) / 100:.4f}", "亿元"
    else:
        output, unit = str(4000 + number * 37), "万元"
    previous = change = None
    if number == CONFLICT:
        output, unit, previous, change = "4400", "万元", "4000", "50"
    elif number % 5 == 1:
        previous = (
            str(3500 + number * 11) if unit == "万元" else f"{Decimal(output) - Decimal('0.05')}"
        )
    return Office(
        number,
        f"第{number}街道",
        "gyzcz" if alias else "industrial_output",
        "规模以上工业总产值" if alias else "规上工业总产值",
        output,
        unit,
        previous,
        change,
        retail=1000 + number * 101,
        households=number * 13 + 7,
        rate=f"{90 + number % 10}.5",
        extra=number == UNMATCHED,
    )


def review_text(o: Office, year: int = YEAR) -> str:
    text = HEAD.format(name=o.name, year=year, output_id=o.output_id)
    text += f"  - id: {o.output_id}\n    label: {o.output_label}\n    value: {o.output}\n"
    text += f"    unit: {o.output_unit}\n"
    if o.output_previous is not None:
        text += f"    previous: {o.output_previous}\n"
    if o.output_change is not None:
        text += f"    change: {o.output_change}\n"
    text += f"  - id: retail_sales\n    label: 限上消费品零售总额\n    value: {o.retail}\n"
    text += "    unit: 万元\n"
    text += f"  - id: households_paid\n    label: 资金发放到户户数\n    value: {o.households}\n"
    text += "    unit: 户\n"
    text += f"  - id: mediation_success_rate\n    label: 调解成功率\n    value: {o.rate}\n"
    text += '    unit: "%"\n'
    if o.extra:
        text += "  - id: new_firms\n    label: 新增市场主体\n    value: 120\n    unit: 家\n"
    return text


def make_district(root: Path, count: int = 30, *, mapping: bool = True) -> list[Office]:
    """Write the district into ``root`` (orgs/p01 …, rollup.yaml); the offices written."""
    offices = []
    for number in range(1, count + 1):
        o = office(number)
        data = root / "orgs" / f"p{number:02d}" / "data"
        data.mkdir(parents=True)
        if number == MISSING:
            (data / f"{YEAR - 1}.yaml").write_text(review_text(o, YEAR - 1), encoding="utf-8")
            continue
        text = review_text(o)
        if number == BROKEN:
            text = text.replace(f"year: {YEAR}", f"year: [{YEAR}")
        (data / f"{YEAR}.yaml").write_text(text, encoding="utf-8")
        offices.append(o)
    if mapping:
        (root / "rollup.yaml").write_text(MAPPING, encoding="utf-8")
    return offices
