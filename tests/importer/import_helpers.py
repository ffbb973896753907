"""Test documents for ``reportgen import`` that must be Word files, built with python-docx, and
the structure summary the tests compare with ``tests/fixtures/import/*.expected.yaml``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:  # the corpus builder imports this module without reportgen's importer
    from reportgen.importer import Imported

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed.txt"


def structure_of(imported: Imported) -> dict[str, Any]:
    """What a person checks after an import: who, which years, the parts and their items."""
    review, plan = imported.review, imported.plan
    first = imported.first
    out: dict[str, Any] = {
        "organisation": first.organisation,
        "year": review.year if review else None,
        "plan_year": plan.year if plan else None,
        "title": review.title if review else None,
        "plan_title": plan.title if plan else None,
        "opening": _paragraph_count(first.opening),
        "closing": _paragraph_count(first.closing),
        "signature": (
            {"name": first.signature.name, "date": first.signature.date.isoformat()}
            if first.signature
            else None
        ),
        "attachments": list(first.attachments),
        "dropped": _count(d.reason for d in imported.report.dropped),
    }
    for kind, document in (("highlights", review), ("shortcomings", review), ("priorities", plan)):
        items = getattr(document, kind) if document is not None else []
        out[kind] = [_item(item) for item in items]
    parts = [  # the issue-12 contract's parts:, as written in the YAML
        {
            "document": key,
            "title": part["title"],
            "after": part["after"],
            "items": [item["heading"] for item in part.get("items", [])],
        }
        for key, data in imported.data().items()
        for part in data.get("parts", [])
    ]
    if parts:
        out["parts"] = parts
    intros = {  # prose under a section's title, before its items: paragraphs per section
        kind: _paragraph_count(text)
        for document in (review, plan)
        if document is not None
        for kind, text in document.intros.model_dump(exclude_none=True).items()
    }
    if intros:
        out["intros"] = intros
    return out


def _item(item: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"heading": item.heading, "points": len(item.points)}
    if item.layout != "run-in":
        out["layout"] = item.layout
    leads = [p.lead for p in item.points if p.lead]
    if leads:
        out["leads"] = leads
    if item.tables:  # tables of figures inside the item: rows per table
        out["tables"] = [len(table) for table in item.tables]
    return out


def _paragraph_count(text: str | None) -> int:
    return len(text.split("\n")) if text else 0


def _count(values: Any) -> dict[str, int]:
    out: dict[str, int] = {}
    for value in values:
        out[value] = out.get(value, 0) + 1
    return out


def expected(name: str) -> dict[str, Any]:
    return yaml.safe_load((FIXTURES / f"{name}.expected.yaml").read_text(encoding="utf-8"))


# ── Word documents ───────────────────────────────────────────────────────────


def heading_styles(path: Path) -> Path:
    """Title and Heading 1/2 styles, no typed numbers; body paragraphs in Normal."""
    import docx

    doc = docx.Document()
    doc.add_paragraph("XX街道2022年工作总结", style="Title")
    doc.add_paragraph(
        "2022年，XX街道在区委区政府的领导下，凝心聚力、真抓实干，各项工作取得新成效。"
    )
    doc.add_paragraph("主要成绩", style="Heading 1")
    doc.add_paragraph("经济发展稳中有进", style="Heading 2")
    doc.add_paragraph("全年完成地区生产总值48亿元，同比增长6.8%，规上工业产值增长9.1%。")
    doc.add_paragraph("城市面貌持续改善", style="Heading 2")
    doc.add_paragraph("完成老旧小区改造12个，惠及居民3600户。")
    doc.add_paragraph("新建口袋公园5个，新增绿地2.4万平方米。")
    doc.add_paragraph("存在不足", style="Heading 1")
    doc.add_paragraph("基层治理能力有待提升", style="Heading 2")
    doc.add_paragraph("网格员队伍专业化程度不高，数字化治理手段运用不够。")
    doc.add_paragraph("下一步打算", style="Heading 1")
    doc.add_paragraph("持续推动高质量发展", style="Heading 2")
    doc.add_paragraph("聚焦主导产业补链强链，全年引进亿元以上项目5个。")
    doc.save(path)
    return path


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

#: Word's own list levels for a 公文 outline: 一、 （一） 1.
OFFICIAL_LEVELS: tuple[tuple[str, str], ...] = (
    ("chineseCounting", "%1、"),
    ("chineseCounting", "（%2）"),
    ("decimal", "%3."),
)


def install_numbering(doc: Any, levels: Sequence[tuple[str, str]], num_id: int = 90) -> int:
    """Add a multilevel list to ``doc``'s numbering.xml: one (numFmt, lvlText) per level.
    Returns the numId that paragraphs refer to (see ``numbered``)."""
    from docx.oxml import parse_xml

    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    numbering = doc.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {_W} w:abstractNumId="{num_id}">'
            f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>'
        ),
    )
    numbering.append(
        parse_xml(f'<w:num {_W} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>')
    )
    return num_id


def numbered(doc: Any, text: str, level: int, num_id: int = 90) -> Any:
    """A paragraph numbered by Word (numPr), its number not typed into the text."""
    paragraph = doc.add_paragraph(text)
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id
    return paragraph


def outline_level(paragraph: Any, level: int) -> Any:
    """Mark ``paragraph`` (any style) with Word's outline level (0 = level 1)."""
    from docx.oxml import parse_xml

    paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {_W} w:val="{level}"/>'))
    return paragraph


def auto_numbering(path: Path) -> Path:
    """Word's automatic numbering: 一、 （一） 1. come from numbering.xml, not from the text."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = docx.Document()
    install_numbering(doc, OFFICIAL_LEVELS)

    title = doc.add_paragraph("XX镇2022年工作总结及2023年工作思路")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("2022年，XX镇坚持稳中求进，统筹发展和安全，圆满完成全年目标任务。")
    numbered(doc, "2022年亮点工作", 0)
    numbered(doc, "产业发展迈出新步伐。全年新签约项目8个，总投资21亿元。", 1)
    numbered(doc, "乡村面貌焕然一新", 1)
    numbered(doc, "完成农房改造120户。", 2)
    numbered(doc, "新建农村公路15公里。", 2)
    numbered(doc, "存在问题及短板", 0)
    numbered(doc, "村级集体经济基础薄弱。部分村缺少稳定收入来源。", 1)
    numbered(doc, "2023年重点工作", 0)
    numbered(doc, "抓项目促发展。力争新开工项目10个。", 1)
    numbered(doc, "抓治理保稳定。深化网格化管理。", 1)
    doc.save(path)
    return path


def outline_levels(path: Path) -> Path:
    """Section headings marked by outline level in Normal style; a tracked insertion and a
    tracked deletion; a table; a soft line break; a page number typed into the body."""
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    doc = docx.Document()
    doc.add_paragraph("XX区教育局2022年工作总结")
    doc.add_paragraph("2022年，区教育局坚持立德树人根本任务，推动全区教育事业优质均衡发展。")

    def outlined(text: str) -> None:
        outline_level(doc.add_paragraph(text), 0)

    outlined("一、2022年亮点工作")
    p = doc.add_paragraph("（一）教育质量稳步提升。")
    p._p.append(
        parse_xml(
            f'<w:ins {w} w:id="1" w:author="a">'
            "<w:r><w:t>全区中考平均分提高5分。</w:t></w:r></w:ins>"
        )
    )
    p._p.append(
        parse_xml(
            f'<w:del {w} w:id="2" w:author="a">'
            "<w:r><w:delText>这句已删除。</w:delText></w:r></w:del>"
        )
    )
    table = doc.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, (("指标", "数值"), ("新增学位", "3200个")), strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    soft = doc.add_paragraph("（二）办学条件持续改善。新建学校3所，")
    soft.add_run().add_break()
    soft.add_run("改扩建学校5所。")
    outlined("二、存在问题及短板")
    doc.add_paragraph("（一）优质资源供给不足。热点学校学位紧张，城乡差距仍然存在。")
    doc.add_paragraph("- 2 -")
    outlined("三、2023年重点工作")
    doc.add_paragraph("（一）扩大优质教育资源。新建改扩建学校6所，新增学位4000个。")
    doc.save(path)
    return path


DOCX_BUILDERS: dict[str, Callable[[Path], Path]] = {
    "heading_styles": heading_styles,
    "auto_numbering": auto_numbering,
    "outline_levels": outline_levels,
}
