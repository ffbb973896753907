"""Round trips on the seed: text → YAML → text gives the seed back; YAML → .docx → YAML gives
the same model; and the import holds what the hand-written bundled data holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_helpers import SEED

from reportgen.app.build import build
from reportgen.compose.document import compose_documents
from reportgen.files.project import Project
from reportgen.importer import import_document, output_paths, write_imported
from reportgen.model.report import Plan, Review
from reportgen.model.validate import load_plan, load_review
from reportgen.settings import load_settings

SHIPPED = load_settings(None)  # the shipped settings: a project without templates/

DATA = Path(__file__).resolve().parents[2] / "data"
_FULL_WIDTH = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）"})
# What the build does to the seed's half-width marks, written out by hand: all four kinds sit
# between Chinese characters there, so each becomes full-width.
_SEED_MARKS = str.maketrans({",": "，", ";": "；", "(": "（", ")": "）"})


def normalise(text: str) -> str:
    """As the build tests compare with the seed: no whitespace, the web's half-width marks full."""
    return "".join(text.split()).translate(_FULL_WIDTH)


def seed_paragraphs() -> list[str]:
    """The seed's body (line 1 is the web preface); a line ending in ';' continues."""
    paragraphs, current = [], ""
    for line in SEED.read_text(encoding="utf-8").split("\n")[1:]:
        current += line
        if not line.endswith(";"):
            paragraphs.append(current)
            current = ""
    return paragraphs


def imported_project(root: Path, document: Path) -> Project:
    project = Project(root)
    imported = import_document(document, sections=SHIPPED.sections)
    write_imported(imported, output_paths(imported, project.data_dir, None, None))
    return project


@pytest.fixture(scope="module")
def seed_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return imported_project(tmp_path_factory.mktemp("seed"), SEED)


def test_seed_imports_into_the_two_default_files(seed_project: Project) -> None:
    assert sorted(p.name for p in seed_project.data_dir.glob("*.yaml")) == [
        "2022.yaml",
        "2023_plan.yaml",
    ]
    text = (seed_project.data_dir / "2022.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/review.schema.json\n")
    assert 'organisation: "*街道"' in text
    assert "opening: |" in text


def test_seed_text_round_trip(seed_project: Project) -> None:
    """import the seed, build --format txt: the body is the seed's, paragraph for paragraph."""
    build(seed_project, "2022", ["txt"])
    built = (seed_project.build_dir / "2022.txt").read_text(encoding="utf-8")
    title, blank, *body = built.rstrip("\n").split("\n")
    assert title == "*街道2022年工作总结及2023年工作思路" and blank == ""
    assert normalise("".join(body)) == normalise("".join(seed_paragraphs()))
    # Stronger than the build tests' comparison: the same paragraphs, exactly. The seed's only
    # half-width marks beside Chinese are 185 ',', 22 ';', 13 '(' and 13 ')' (counted by hand
    # below), and each becomes full-width; its decimal points (7.8%, 12.43亿) stay as they are.
    seed = seed_paragraphs()
    joined = "".join(seed)
    assert [joined.count(mark) for mark in ",;()"] == [185, 22, 13, 13]
    assert [joined.count(mark) for mark in ".%-:"] == [7, 7, 4, 0]
    assert body == [p.translate(_SEED_MARKS) for p in seed]
    assert "增长7.8%；" in "".join(body) and "岸线1.2km" in "".join(body)


def test_seed_import_holds_what_the_bundled_data_holds() -> None:
    imported = import_document(SEED, sections=SHIPPED.sections)
    bundled_review, bundled_plan = (
        load_review(DATA / "2022.yaml"),
        load_plan(DATA / "2023_plan.yaml"),
    )
    ours = compose_documents(imported.review, imported.plan, SHIPPED.sections)
    theirs = compose_documents(bundled_review, bundled_plan, SHIPPED.sections)
    assert ours.title == theirs.title
    assert [b.text for b in ours.blocks] == [b.text for b in theirs.blocks]
    assert leads(imported.review, imported.plan) == leads(bundled_review, bundled_plan)


def leads(review: Review | None, plan: Plan | None) -> list[list[str | None]]:
    assert review is not None and plan is not None
    items = [*review.highlights, *review.shortcomings, *plan.priorities]
    return [[p.lead for p in item.points] for item in items]


def test_seed_docx_round_trip(seed_project: Project, tmp_path: Path) -> None:
    """Build the imported seed to .docx, import that, and get the identical model back."""
    pytest.importorskip("reportgen.render.docx")
    build(seed_project, "2022", ["docx"])
    first_review = load_review(seed_project.data_dir / "2022.yaml")
    first_plan = load_plan(seed_project.data_dir / "2023_plan.yaml")
    again = imported_project(tmp_path / "again", seed_project.build_dir / "2022.docx")
    assert load_review(again.data_dir / "2022.yaml") == first_review
    assert load_plan(again.data_dir / "2023_plan.yaml") == first_plan


@pytest.mark.parametrize(
    "name",
    [
        "skipped_level",  # titles: the author's section titles
        "gb18030",
        "signature_attachments",
        "unplaced",  # parts: 主要做法, 其他事项
    ],
)
def test_imported_files_build(name: str, tmp_path: Path) -> None:
    """What import writes is a project `reportgen build` accepts as it is."""
    project = imported_project(tmp_path, SEED.parent / "import" / f"{name}.txt")
    year = min(int(p.stem[:4]) for p in project.data_dir.glob("*.yaml"))
    spec = str(year) if (project.data_dir / f"{year}.yaml").exists() else f"{year}_plan"
    result = build(project, spec, ["txt"])
    assert [p.name for p in result.written] == [f"{spec}.txt"]
