"""``reportgen new YEAR``: start YEAR's review from YEAR's plan.

Each priority of ``YEAR_plan.yaml`` becomes a highlight to fill, carrying the priority's id
(as its own id and in ``reports_on``) so that ``reportgen track`` links the two; each of its
points becomes a point with the same lead phrase. What is left to write is marked 待填写,
which ``reportgen check`` reports until it is replaced. The plan's text is copied beside each
item as a comment, to report against. Last year's key figures are listed, commented out,
with their ids, so that ``diff`` can compare the figures year on year.

The file is written only if it does not exist: ``new`` never overwrites.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportgen.errors import UserError, display_path
from reportgen.model.report import Plan, Review
from reportgen.settings.messages import message
from reportgen.text.references import format_number
from reportgen.text.yaml_out import comment_lines, scalar, split_lines

TO_FILL = "待填写"
_WRAP = 44  # characters of Chinese per comment line


@dataclass(frozen=True)
class NewReview:
    path: Path
    text: str
    items: int
    notes: tuple[str, ...] = ()


__all__ = ["TO_FILL", "NewReview", "review_text", "scalar", "write_new_review"]


def _comment(text: str, indent: str) -> list[str]:
    return list(comment_lines([text], len(indent), prefix="#   ", width=_WRAP))


def review_text(
    plan: Plan, previous: Review | None, sections: dict[str, str]
) -> tuple[str, list[str]]:
    """The YAML of a review to fill, and notes for the user."""
    year = plan.year
    notes: list[str] = []
    out = [
        *comment_lines(
            [
                f"{plan.organisation} {year}年工作总结 —— 初稿，"
                f"由 `reportgen new {year}` 从 {year}_plan.yaml 生成。"
            ],
            0,
        ),
        "#",
        f"# 每项“亮点工作”对应 {year} 年工作思路中的一项重点工作（id 与 reports_on 相同），",
        "# 便于 `reportgen track` 核对计划的落实情况；计划原文以注释附在各项之前。",
        f"# 把所有“{TO_FILL}”换成实际内容；`reportgen check {year}` 会列出尚未填写之处。",
        "# 不适用的事项可以删除，计划外的工作可以另加事项（不写 reports_on）。",
        "",
        "kind: review",
        f"organisation: {scalar(plan.organisation)}",
        f"year: {year}",
        "",
        "opening: |",
        f"  {TO_FILL}：开头段，如“{year}年来，在……的坚强领导下，……现将主要工作汇报如下。”",
        "",
        *comment_lines([f"── {sections['highlights'].format(year=year)} ──"], 0),
        "highlights:",
    ]
    plan_title = plan.titles.priorities or sections["priorities"].format(year=year)
    for n, priority in enumerate(plan.priorities, start=1):
        marker = f"（{_numeral(n)}）"
        out += comment_lines([f"{plan_title}{marker}{priority.heading}"], 2)
        for point in priority.points:
            out += _comment(point.all_text, "  ")
        if priority.id:
            out.append(f"  - id: {priority.id}")
            out.append(f"    heading: {scalar(f'{TO_FILL}：{priority.heading}')}")
            out.append(f"    reports_on: [{priority.id}]")
        else:
            notes.append(
                f"priority {marker}{priority.heading} has no id: give it one in the plan and "
                "in reports_on here, or track cannot link them"
            )
            out.append(f"  - heading: {scalar(f'{TO_FILL}：{priority.heading}')}")
        out.append("    points:")
        for k, point in enumerate(priority.points or [None], start=1):  # type: ignore[list-item]
            # Each placeholder differs, or check reports them as duplicates too.
            if point is not None and point.lead:
                out.append(f"      - lead: {scalar(point.lead)}")
                out.append(
                    f"        text: {scalar(f'{TO_FILL}：{point.lead}的完成情况和主要数字。')}"
                )
            else:
                todo = f"{TO_FILL}：第{k}点的完成情况和主要数字（{priority.heading}）。"
                out.append(f"      - text: {scalar(todo)}")
        out.append("")
    out += [
        *comment_lines([f"── {sections['shortcomings'].format(year=year)} ──"], 0),
        f"# 给每个问题一个 id，{year + 1}年工作思路的重点工作可以用 answers 引用它。",
        "shortcomings:",
        "  - id: shortcoming-1",
        f"    heading: {TO_FILL}：存在问题",
        "    points:",
        f"      - text: {TO_FILL}。",
    ]
    if previous is not None and previous.metrics:
        out += [
            "",
            f"# ── 关键指标 ── {previous.year}年的指标如下，沿用同一 id，",
            "# `reportgen diff` 就能逐项对比。去掉 # 并填入今年的数值（value 只写数字）。",
            "# metrics:",
        ]
        for metric in previous.metrics:
            last = " ".join(split_lines(f"{format_number(metric.value)}{metric.unit}"))
            out.append(f"#   - id: {metric.id}")
            out.append(f"#     label: {scalar(metric.label)}")
            out.append(f"#     value:        # {previous.year}年：{last}")
            unit = scalar(metric.unit) if metric.unit else '""'
            out.append(f"#     unit: {unit}")
            if metric.period:
                out.append(f"#     period: {scalar(metric.period)}")
    return "\n".join(out) + "\n", notes


def _numeral(n: int) -> str:
    from reportgen.text.numbering import chinese_numeral

    return chinese_numeral(n)


def write_new_review(new: NewReview) -> None:
    from reportgen.files.atomic import write_atomic

    if new.path.exists():  # written meanwhile by someone else
        raise UserError(message("new_exists", path=display_path(new.path)))
    write_atomic(new.path, new.text.encode("utf-8"))
