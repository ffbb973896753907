"""rollup.yaml, the district's mapping of metrics: every problem at its line and column, with
the key or unit it likely is."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.errors import InvalidInput
from reportgen.settings.rollup import load_mapping
from reportgen.settings.templating import Templates
from reportgen.settings.units import load_units

GOOD = """\
metrics:
  - id: industrial_output
    label: 规上工业总产值
    unit: 亿元
    aliases: [规模以上工业总产值, gyzcz]
  - id: firms
    label: 新增市场主体
    unit: 家
"""


@pytest.fixture(autouse=True)
def _here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # messages name rollup.yaml as the user types it


def problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "rollup.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        load_mapping(path, load_units(Templates(None)))
    return [p.format() for p in caught.value.problems]


def test_names_lead_to_the_canonical_id(tmp_path: Path) -> None:
    path = tmp_path / "rollup.yaml"
    path.write_text(GOOD, encoding="utf-8")
    mapping = load_mapping(path, load_units(Templates(None)))
    assert mapping.find("gyzcz", "whatever") == "industrial_output"
    assert mapping.find("x", "规模以上 工业总产值") == "industrial_output"  # spaces do not count
    assert mapping.find("x", "规上工业总产值") == "industrial_output"
    assert mapping.find("firms", "") == "firms"  # 家 is the district's own unit: accepted
    assert mapping.find("x", "y") is None


def test_a_misspelt_key_is_located_with_the_key_it_likely_is(tmp_path: Path) -> None:
    found = problems(tmp_path, GOOD.replace("    label: 新增", "    lable: 新增"))
    assert any(
        line.startswith("rollup.yaml:7:5") and "“lable”" in line and "“label”" in line
        for line in found
    ), found


def test_a_misspelt_unit_is_located_with_the_unit_it_likely_is(tmp_path: Path) -> None:
    (found,) = problems(tmp_path, GOOD.replace("unit: 亿元", "unit: 亿园"))
    assert found.startswith("rollup.yaml:4:11")
    assert "“亿园”" in found and "是否应为 “亿元”" in found


def test_a_name_two_metrics_claim_is_refused_at_the_second(tmp_path: Path) -> None:
    text = GOOD + "    aliases: [gyzcz]\n"
    (found,) = problems(tmp_path, text)
    assert found.startswith("rollup.yaml:9:15")
    assert "“gyzcz”" in found and "industrial_output" in found and "[rollup]" in found


def test_a_repeated_id_and_an_empty_list(tmp_path: Path) -> None:
    (found,) = problems(tmp_path, GOOD.replace("id: firms", "id: industrial_output"))
    assert found.startswith("rollup.yaml:6:")
    assert problems(tmp_path, "metrics: []\n")
