"""files/kind_words: one vocabulary of the words that name a plan or a review, read alike by a
file's name (near misses) and by a document's title (import). The words are written out here
by hand: a word added to or dropped from the vocabulary is a decision this file records."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.files.kind_words import PLAN_WORDS, REVIEW_WORDS, alternation
from reportgen.files.project import near_misses
from reportgen.importer.title import parse_title

PLAN = ["思路", "计划", "打算", "要点", "安排", "重点工作", "工作目标", "谋划"]
REVIEW = ["总结", "回顾", "报告", "情况", "述职", "成效", "亮点"]


def test_the_vocabulary() -> None:
    assert sorted(PLAN_WORDS) == sorted(PLAN)
    assert sorted(REVIEW_WORDS) == sorted(REVIEW)
    assert not set(PLAN_WORDS) & set(REVIEW_WORDS)


def test_alternation_takes_the_longest_word_first_and_each_literally() -> None:
    assert alternation(("思路", "重点工作", "a.b")) == r"重点工作|a\.b|思路"


@pytest.mark.parametrize("word", PLAN)
def test_a_plan_word_names_a_plan_in_a_file_name_and_in_a_title(tmp_path: Path, word: str) -> None:
    (tmp_path / f"2023_{word}.yaml").write_text("", encoding="utf-8")
    (tmp_path / f"2023_工作{word}.yml").write_text("", encoding="utf-8")
    assert near_misses(tmp_path / "2023_plan.yaml") == sorted(
        [tmp_path / f"2023_{word}.yaml", tmp_path / f"2023_工作{word}.yml"]
    )
    assert near_misses(tmp_path / "2023.yaml") == []
    info = parse_title(f"城南街道2023年{word}")
    assert (info.organisation, info.review_year, info.plan_year) == ("城南街道", None, 2023)


@pytest.mark.parametrize("word", REVIEW)
def test_a_review_word_names_a_review_in_a_file_name_and_in_a_title(
    tmp_path: Path, word: str
) -> None:
    (tmp_path / f"2022年{word}.yaml").write_text("", encoding="utf-8")
    (tmp_path / f"2022年度工作{word}.yaml.txt").write_text("", encoding="utf-8")
    assert near_misses(tmp_path / "2022.yaml") == sorted(
        [tmp_path / f"2022年{word}.yaml", tmp_path / f"2022年度工作{word}.yaml.txt"]
    )
    assert near_misses(tmp_path / "2022_plan.yaml") == []
    info = parse_title(f"城南街道2022年工作{word}")
    assert (info.organisation, info.review_year, info.plan_year) == ("城南街道", 2022, None)


def test_the_words_only_a_file_name_uses_stay_out_of_titles(tmp_path: Path) -> None:
    for name in ("2023-Plan.yaml", "2022_review.yaml"):
        (tmp_path / name).write_text("", encoding="utf-8")
    assert near_misses(tmp_path / "2023_plan.yaml") == [tmp_path / "2023-Plan.yaml"]
    assert near_misses(tmp_path / "2022.yaml") == [tmp_path / "2022_review.yaml"]
    # A title's plan needs a Chinese plan word: "plan" alone reads as the review.
    assert parse_title("城南街道2023年plan").plan_year is None


@pytest.mark.parametrize("word", PLAN)
def test_every_plan_word_splits_a_title_into_its_review_and_its_plan(word: str) -> None:
    # 某镇2022年工作总结及2023年工作目标: the plan half is named by the same words as a plan
    # title alone (工作目标 and 谋划 used to leave the whole title as the review).
    info = parse_title(f"城南街道2022年工作总结及2023年工作{word}")
    assert (info.review_year, info.plan_year) == (2022, 2023)
    assert info.review_part == "城南街道2022年工作总结"
    assert info.plan_part == f"2023年工作{word}"
