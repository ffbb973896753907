"""The importer's structure stage on small hand-made documents, with the expected parts written
out by hand."""

from __future__ import annotations

from pathlib import Path

import docx

from reportgen.importer import import_document
from reportgen.settings import load_settings

SHIPPED = load_settings(None)  # the shipped settings: a project without templates/


def _headings(items: list) -> list[str]:  # type: ignore[type-arg]
    return [item.heading for item in items]


def test_heading_1_lines_numbered_like_items_still_open_the_sections(tmp_path: Path) -> None:
    # Offices often type （一）（二）（三） into Heading-1 lines: the section words decide.
    path = tmp_path / "numbered_heading_1.docx"
    doc = docx.Document()
    doc.add_paragraph("城南街道2022年工作总结", style="Title")
    doc.add_paragraph("2022年，城南街道在区委区政府的领导下，各项工作取得新成效。")
    doc.add_paragraph("（一）主要成绩", style="Heading 1")
    doc.add_paragraph("经济发展稳中有进", style="Heading 2")
    doc.add_paragraph("全年完成地区生产总值48亿元，同比增长6.8%。")
    doc.add_paragraph("城市面貌持续改善", style="Heading 2")
    doc.add_paragraph("完成老旧小区改造12个，惠及居民3600户。")
    doc.add_paragraph("（二）存在问题", style="Heading 1")
    doc.add_paragraph("基层治理能力有待提升", style="Heading 2")
    doc.add_paragraph("网格员队伍专业化程度不高。")
    doc.add_paragraph("（三）下一步打算", style="Heading 1")
    doc.add_paragraph("持续推动高质量发展", style="Heading 2")
    doc.add_paragraph("全年引进亿元以上项目5个。")
    doc.save(path)

    imported = import_document(path, sections=SHIPPED.sections)

    assert imported.review is not None and imported.plan is not None
    assert _headings(imported.review.highlights) == ["经济发展稳中有进", "城市面貌持续改善"]
    assert _headings(imported.review.shortcomings) == ["基层治理能力有待提升"]
    assert _headings(imported.plan.priorities) == ["持续推动高质量发展"]
    assert imported.plan.year == 2023
