"""The texts rules read: the same as the document's, and each character traced to the YAML."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reportgen.check.lint.view import build_view, make_passage
from reportgen.model.loader import load_yaml_text
from reportgen.model.report import Metric
from reportgen.text.cleaning import clean_text, clean_with_origin
from reportgen.text.references import fill_with_origin

_RAW = st.text(st.sampled_from(list("改革创新，。ab1 \t\n")), max_size=40)


@given(_RAW)
def test_clean_with_origin_is_clean_text(raw: str) -> None:
    text, origin = clean_with_origin(raw)
    assert text == clean_text(raw)
    assert len(origin) == len(text)
    for char, offset in zip(text, origin, strict=True):
        assert raw[offset] == char or (char == "\n" and raw[offset].isspace())
    assert origin == sorted(origin)


def test_filled_reference_maps_to_its_braces() -> None:
    metric = Metric(id="output", label="产值", value=4720, unit="万元", change=-7.8)
    text, origin = fill_with_origin(
        "产值{{output}}，下降{{output.change}}。", list(range(32)), {"output": metric}
    )
    assert text == "产值4720万元，下降7.8%。"
    assert origin[2:8] == [2] * 6  # 4720万元 comes from the {{ at offset 2
    assert origin[text.index("7.8")] == len("产值{{output}}，下降")


def test_unknown_reference_stays_as_written() -> None:
    passage = make_passage(("opening",), "opening", "产值{{nothing}}。", {})
    assert passage.text == "产值{{nothing}}。"


def test_view_tolerates_a_broken_file() -> None:
    loaded = load_yaml_text(
        "organisation: 7\nyear: x\nhighlights:\n  - heading: 经济发展\n"
        "    points: [1, 完成任务。, {text: 好}]\n  - 不是事项\nmetrics: [{id: a, value: 多}]\n",
        "data/2022.yaml",
    )
    view = build_view(loaded, "review")
    assert [p.where for p in view.passages] == [
        "highlights[0].heading",
        "highlights[0].points[1]",
        "highlights[0].points[2].text",
    ]
    assert len(view.sections["highlights"][0].points) == 3
    assert view.metrics[0].metric is None


def test_a_valid_documents_metrics_are_its_entries_validated_one_by_one() -> None:
    from pathlib import Path

    from reportgen.model.report import Plan, Review
    from reportgen.model.validate import validate_schema

    data = Path(__file__).parents[3] / "data"
    for name, model in (("2022.yaml", Review), ("2023_plan.yaml", Plan)):
        loaded = load_yaml_text((data / name).read_text(encoding="utf-8"), name)
        document, problems = validate_schema(loaded, model)
        assert document is not None and not problems
        assert document.metrics or model is Plan  # the sample plan has none
        given_them = build_view(loaded, document.kind, document.metrics)
        alone = build_view(loaded, document.kind)
        assert [(m.path, m.metric, m.raw) for m in given_them.metrics] == [
            (m.path, m.metric, m.raw) for m in alone.metrics
        ]
        assert given_them.passages == alone.passages
