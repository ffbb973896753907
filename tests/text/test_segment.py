from __future__ import annotations

import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from reportgen.text.segment import words


def test_chinese_is_cut_into_words_not_characters() -> None:
    assert words("半年时间完成湿地内整村结算") == [
        "半年",
        "时间",
        "完成",
        "湿地",
        "内",
        "整村",
        "结算",
    ]


def test_figures_and_codes_stay_whole() -> None:
    out = words(
        "1-9月实现规上工业总产值4720万元，同比增长7.8%；固定资产投资12.43亿元。B-24地块、S1线"
    )
    for whole in ("1-9", "4720", "7.8%", "12.43", "B-24", "S1", "，", "；", "。"):
        assert whole in out
    assert "万元" in out and "亿元" in out


@given(st.text(alphabet=st.sampled_from("完成启动湿地结算12.%-,，；ab \n“”")))
def test_words_join_back_to_the_text(text: str) -> None:
    assert "".join(words(text)) == text


def test_jieba_loads_silently() -> None:
    # In a fresh interpreter, so that jieba's first load (which logs to stderr) happens here.
    code = "from reportgen.text.segment import words; print('/'.join(words('完成整村结算')))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout == "完成/整村/结算\n"
    assert result.stderr == ""


def test_a_run_of_chinese_is_cut_alike_in_every_text_that_holds_it() -> None:
    # jieba cuts each run of Chinese once (diff cuts a text and its width-folded copy, and the
    # same item in two years): a run cut on its own, between figures or marks, or after
    # another text held it, gives the same words
    from reportgen.text import segment

    segment._cut.cache_clear()
    segment._cut_chinese.cache_clear()
    assert words("完成整村结算，投资12万元。") == [
        "完成",
        "整村",
        "结算",
        "，",
        "投资",
        "12",
        "万元",
        "。",
    ]
    assert words("完成整村结算,投资１２万元.") == [
        "完成",
        "整村",
        "结算",
        ",",
        "投资",
        "１",
        "２",
        "万元",
        ".",
    ]
    assert segment._cut_chinese.cache_info().misses == 3  # 完成整村结算, 投资, 万元
