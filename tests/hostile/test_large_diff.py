"""Issue 16 (case 8), third round: ``diff -f docx`` of two large years whose items have no
ids (so every item is paired by meaning) stays near-linear: each item's paragraphs are found
by one index, not a scan per item, and each paragraph is appended in constant time (python-
docx's ``add_paragraph`` looked for the closing w:sectPr through the whole body each time).
Before: 9,999 items against 2,000, 60 s; now bounded like every hostile case."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

from measure import measured

from project_setup import make_project

_WORDS = list("经济发展社会民生养老教育医疗环境治理安全招商项目建设改造服务社区")


def _year(year: int, items: int, seed: int) -> str:
    pick = random.Random(seed)

    def text() -> str:
        return "".join(pick.choice(_WORDS) for _ in range(8))

    body = "".join(
        f"  - heading: {text()}\n    points:\n      - {text()}{text()}。\n" for _ in range(items)
    )
    return (
        f"organisation: 某街道\nyear: {year}\ntitle: 某街道{year}年工作总结\n"
        f"opening: 今年以来，我们扎实推进各项工作。\nhighlights:\n{body}"
        f"signature:\n  name: 某街道办事处\n  date: {year + 1}-01-05\n"
    )


def test_diff_docx_of_two_large_years_without_ids_is_bounded(
    tmp_path: Path, reportgen_cmd: list[str]
) -> None:
    make_project(
        tmp_path, {"data/2021.yaml": _year(2021, 1500, 1), "data/2022.yaml": _year(2022, 1500, 2)}
    )
    run = measured(
        [*reportgen_cmd, "diff", "2021", "2022", "-f", "docx", "-o", "changes.docx"], tmp_path
    )
    run.within_bounds()
    assert run.code == 1, run.text  # diff(1): the years differ
    with zipfile.ZipFile(tmp_path / "changes.docx") as package:
        body = package.read("word/document.xml")
    assert body.count(b"<w:p>") + body.count(b"<w:p ") > 1500
    assert body.rstrip().endswith(b"</w:sectPr></w:body></w:document>")
