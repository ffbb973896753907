"""The bundled data holds the real document (tests/fixtures/seed.txt) sentence for sentence.

Built from data/2022.yaml and data/2023_plan.yaml, the text must equal the seed's body
(everything after its web preface line) once whitespace is removed and the web page's
half-width , ; : ( ) are read as full-width: every sentence present, in order, nothing added
but the generated title. Numbering is generated, so （一） must match the seed's (一) too.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportgen.cli import app
from reportgen.compose.document import Composed, compose_documents
from reportgen.model.report import Plan, Review
from reportgen.model.validate import load_plan, load_review, text_fields
from reportgen.settings import load_settings
from reportgen.text.references import resolve_metric


def repo_root() -> Path:
    return Path(__file__).resolve().parents[1]


DATA = repo_root() / "data"
SEED = repo_root() / "tests" / "fixtures" / "seed.txt"
SEED_SHA256 = "2a77aac2256e06889eba52eb40d0194e390c10cec51688876aca06672c0e07c3"
TITLE = "*街道2022年工作总结及2023年工作思路"
_FULL_WIDTH = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）"})


def normalise(text: str) -> str:
    """No whitespace, and the web page's half-width marks as a submitted document writes them."""
    return "".join(text.split()).translate(_FULL_WIDTH)


def seed_body() -> str:
    """The seed without line 1, the web page's preface (下面是小编为大家整理的……)."""
    return SEED.read_text(encoding="utf-8").split("\n", 1)[1]


def seed_paragraphs() -> list[str]:
    """The seed's paragraphs: a line ending in ';' is a web line break, not a paragraph end."""
    paragraphs, current = [], ""
    for line in seed_body().split("\n"):
        current += line
        if not line.endswith(";"):
            paragraphs.append(current)
            current = ""
    assert not current
    return paragraphs


def first_difference(actual: str, expected: str) -> str:
    at = next((i for i, (a, b) in enumerate(zip(actual, expected, strict=False)) if a != b), None)
    if at is None:
        at = min(len(actual), len(expected))
    return (
        f"differs at character {at} (lengths {len(actual)} vs {len(expected)}):\n"
        f"  built: …{actual[max(0, at - 30) : at + 30]}…\n"
        f"  seed:  …{expected[max(0, at - 30) : at + 30]}…"
    )


def assert_same_text(actual: str, expected: str) -> None:
    assert actual == expected, first_difference(actual, expected)


@pytest.fixture(scope="module")
def review() -> Review:
    return load_review(DATA / "2022.yaml")


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(DATA / "2023_plan.yaml")


@pytest.fixture(scope="module")
def composed(review: Review, plan: Plan) -> Composed:
    return compose_documents(review, plan, load_settings(None).sections)


def body_text(composed: Composed) -> str:
    return "\n".join(block.text for block in composed.body)


def test_the_fixture_is_the_unaltered_seed() -> None:
    raw = SEED.read_bytes()
    assert hashlib.sha256(raw).hexdigest() == SEED_SHA256
    assert raw.decode("utf-8").startswith("下面是小编为大家整理的")


def test_the_title_is_generated_and_the_only_addition(composed: Composed) -> None:
    assert composed.title == TITLE
    assert [b.kind for b in composed.blocks].count("title") == 1
    assert_same_text(normalise(body_text(composed)), normalise(seed_body()))


def test_every_paragraph_matches_the_seed_in_order(composed: Composed) -> None:
    built = [normalise(block.text) for block in composed.body]
    seed = [normalise(paragraph) for paragraph in seed_paragraphs()]
    # opening + 3 section headings + 5 + 3 + 5 items
    assert len(seed) == 17
    assert len(built) == len(seed)
    for n, (ours, theirs) in enumerate(zip(built, seed, strict=True), start=1):
        assert ours == theirs, f"paragraph {n}: {first_difference(ours, theirs)}"


def test_the_cli_builds_the_seed_as_text(tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path / "data")
    result = CliRunner().invoke(
        app, ["build", "2022", "--format", "txt", "--project", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    built = (tmp_path / "build" / "2022.txt").read_text(encoding="utf-8")
    title, _, body = built.partition("\n")
    assert title == TITLE
    assert_same_text(normalise(body), normalise(seed_body()))


def test_the_word_document_reads_back_as_the_seed(tmp_path: Path) -> None:
    """The .docx, read back with python-docx, holds the seed sentence for sentence too."""
    docx = pytest.importorskip("docx")
    shutil.copytree(DATA, tmp_path / "data")
    result = CliRunner().invoke(app, ["build", "2022", "--project", str(tmp_path)])
    assert result.exit_code == 0, result.output
    document = docx.Document(str(tmp_path / "build" / "2022.docx"))
    paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
    # A long title may be broken into lines inside its paragraph; it is still one paragraph.
    assert normalise(paragraphs[0]) == TITLE
    assert_same_text(normalise("".join(paragraphs[1:])), normalise(seed_body()))
    seed = [normalise(paragraph) for paragraph in seed_paragraphs()]
    assert [normalise(p) for p in paragraphs[1:]] == seed


def test_the_structure_of_the_seed(review: Review, plan: Plan, composed: Composed) -> None:
    assert (len(review.highlights), len(review.shortcomings), len(plan.priorities)) == (5, 3, 5)
    assert review.title is None and plan.title is None
    items = [*review.highlights, *review.shortcomings, *plan.priorities]
    assert all(item.id for item in items)
    assert len({item.id for item in items}) == len(items)
    # The points are split at their lead phrases, and each lead is rendered as a lead span.
    leads = [p.lead for item in items for p in item.points if p.lead]
    assert len(leads) == 29
    rendered_leads = [s.text for b in composed.body for s in b.spans if s.role == "lead"]
    assert rendered_leads == leads
    body = body_text(composed)
    assert all(f"{lead}，" in body for lead in leads)


def test_priorities_answer_existing_shortcomings(review: Review, plan: Plan) -> None:
    shortcomings = {s.id for s in review.shortcomings}
    answered = {ident for p in plan.priorities for ident in p.answers}
    assert answered <= shortcomings
    assert answered == shortcomings  # each 2022 shortcoming is taken up in the 2023 plan
    by_id = {p.id: p.answers for p in plan.priorities}
    assert "party-building-planning" in by_id["party-leadership"]
    assert "investment-attraction" in by_id["clustered-development"]
    assert "public-satisfaction" in by_id["reform-innovation"]


# metric id → (what {{id}} renders, what {{id.change}} renders, the seed's words around it)
SEED_FIGURES = {
    "industrial_output": ("4720万元", "7.8%", "1-9月实现规上工业总产值4720万元,同比增长7.8%"),
    "retail_sales": ("5692万元", "1073.1%", "限上消费品零售总额5692万元,同比增长1073.1%"),
    "wholesale_sales": ("31407万元", "281.5%", "限上批发业销售额31407万元,同比增长281.5%"),
    "fixed_asset_investment": ("12.43亿元", None, "固定资产投资12.43亿元。"),
    "compensation_paid": ("26.76亿元", None, "累计发放资金26.76亿元,到户932户"),
    "households_paid": ("932户", None, "到户932户,起底历史遗留问题65件"),
    "resettlement_subscribed": ("2389户", None, "完成吕家岸、罗西2389户安置认购"),
    "hazards_received": ("2286件", None, "今年共受理隐患事项2286件,办结2161件"),
    "hazards_closed": ("2161件", None, "办结2161件,调解25起纠纷"),
    "mediation_success_rate": ("98%", None, "调解成功率达98%。"),
}


def test_metrics_render_to_the_seed_figures(review: Review, composed: Composed) -> None:
    assert sorted(m.id for m in review.metrics) == sorted(SEED_FIGURES)
    referenced = "".join(text for _, text in text_fields(review))
    body = normalise(body_text(composed))
    for metric in review.metrics:
        value, change, words = SEED_FIGURES[metric.id]
        assert resolve_metric(metric, None) == value, metric.id
        if change is not None:
            assert resolve_metric(metric, "change") == change, metric.id
        # The figure is written once, in metrics, and the text refers to it.
        assert f"{{{{{metric.id}}}}}" in referenced, metric.id
        assert value not in referenced.replace(f"{{{{{metric.id}}}}}", ""), metric.id
        assert normalise(words) in normalise(seed_body())
        assert normalise(words) in body, metric.id
    economic = {m.id: (m.value, m.unit, m.period, m.change) for m in review.metrics[:4]}
    assert economic == {
        "industrial_output": (4720, "万元", "1-9月", 7.8),
        "retail_sales": (5692, "万元", "1-9月", 1073.1),
        "wholesale_sales": (31407, "万元", "1-9月", 281.5),
        "fixed_asset_investment": (12.43, "亿元", "1-9月", None),
    }


def test_the_authors_defects_survive(plan: Plan, composed: Composed) -> None:
    body = body_text(composed)
    assert "X个月提前完成省市交办14件积案" in body
    items = [b for b in composed.body if b.level == 2]
    unfinished = [b for b in items if not b.text.endswith("。")]
    assert [b.head for b in unfinished] == ["（四）全面把牢集聚发展这一路径。"]
    assert unfinished[0].text.endswith("以人才链拓展产业链，培养产才融合生态圈")
    assert plan.priorities[3].points[-1].text.endswith("培养产才融合生态圈")


def sentences(paragraph: str) -> int:
    """Sentences of a paragraph, counting an unterminated last one (as in 三、（四）)."""
    return len([s for s in normalise(paragraph).split("。") if s])


def test_the_sentence_count_matches(composed: Composed) -> None:
    seed = normalise(seed_body())
    built = normalise(body_text(composed))
    assert seed.count("。") == 49
    assert built.count("。") == seed.count("。")
    assert built.count("；") == seed.count("；") == 22
    assert [sentences(b.text) for b in composed.body] == [sentences(p) for p in seed_paragraphs()]
    assert sum(sentences(p) for p in seed_paragraphs()) == 53
