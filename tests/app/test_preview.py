"""The preview's warm rebuild: the page follows the files, keeps the last good page when they
break, and puts each finding on the block it concerns."""

from __future__ import annotations

import re
from pathlib import Path

from reportgen.app.preview import Preview, relevant
from reportgen.compose.document import Block, Origin, Span
from reportgen.errors import Location, Problem
from reportgen.files.project import open_project
from reportgen.render.preview import attach, banner_html


def test_a_broken_file_keeps_the_last_good_page_and_says_where(project: Path) -> None:
    preview = Preview(open_project(project), "2022")
    first = preview.rebuild()
    assert first.version == 1 and not first.problems
    assert first.title == "*街道2022年工作总结及2023年工作思路"
    assert "社会发展开拓新局面" in (first.document or "")

    review = project / "data" / "2022.yaml"
    good = review.read_text(encoding="utf-8")
    review.write_text(good.replace("highlights:", "highlights: [", 1), encoding="utf-8")
    broken = preview.rebuild()
    assert broken.version == 2
    assert broken.document == first.document
    assert broken.problems and re.fullmatch(
        r".*2022\.yaml:\d+:\d+", str(broken.problems[0].location)
    )
    assert "2022.yaml:" in banner_html(broken.problems)

    review.write_text(good.replace("社会发展开拓新局面", "社会发展再上新台阶"), encoding="utf-8")
    fixed = preview.rebuild()
    assert not fixed.problems and "社会发展再上新台阶" in (fixed.document or "")
    assert preview.wait(2, timeout=0.01).version == 3


def test_text_is_escaped(project: Path) -> None:
    review = project / "data" / "2022.yaml"
    text = review.read_text(encoding="utf-8")
    review.write_text(text.replace("社会发展开拓新局面", "<script>x</script>"), encoding="utf-8")
    document = Preview(open_project(project), "2022").rebuild().document or ""
    assert "<script>" not in document and "&lt;script&gt;" in document


def finding(path: str, file: str = "data/2022.yaml") -> Problem:
    return Problem(Location(file, 3, 4), "m", path=path)


def test_findings_go_to_the_block_holding_their_path() -> None:
    blocks = [
        Block("title", (Span("题", origin=Origin("review", ("title",))),)),
        Block("paragraph", (Span("甲", origin=Origin("review", ("opening",))),)),
        Block("paragraph", (Span("乙", origin=Origin("review", ("highlights", 0, "heading"))),)),
        Block("paragraph", (Span("丙", origin=Origin("plan", ("highlights", 0, "heading"))),)),
    ]
    documents = {"data/2022.yaml": "review", "data/2023_plan.yaml": "plan"}
    problems = [
        finding("opening"),
        finding("highlights[0].heading"),
        finding("highlights[0].heading", "data/2023_plan.yaml"),
        finding("organisation"),
        finding("highlights[0].headings"),  # not a child of highlights[0].heading
    ]
    placed, loose = attach(problems, blocks, documents)
    assert placed == {1: [problems[0]], 2: [problems[1]], 3: [problems[2]]}
    assert loose == [problems[3], problems[4]]


def test_only_yaml_changes_call_for_a_rebuild() -> None:
    assert relevant(["/p/data/2022.yaml"])
    assert relevant(["/p/templates/layout.yml", "/p/x.swp"])
    assert not relevant(["/p/data/.2022.yaml.swp", "/p/data/2022.yaml~"])
