from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.diff.words import (
    Op,
    Segment,
    diff_opcodes,
    fold,
    has_changes,
    heading_similarity,
    segments,
    similarity,
    word_diff,
)


def changes(ops: list[Op]) -> list[tuple[str, str, str]]:
    return [(op.kind, op.a, op.b) for op in ops if op.kind != "equal"]


def test_a_changed_word_reads_as_one_word() -> None:
    ops = word_diff("半年时间完成湿地内2个村整村结算", "半年时间启动湿地内2个村整村结算")
    assert changes(ops) == [("replace", "完成", "启动")]


def test_a_changed_figure_is_the_whole_figure() -> None:
    ops = word_diff(
        "同比增长7.8%；固定资产投资12.43亿元。", "同比增长9.3%；固定资产投资13.85亿元。"
    )
    assert changes(ops) == [("replace", "7.8%", "9.3%"), ("replace", "12.43", "13.85")]


def test_insertion_and_deletion() -> None:
    assert changes(word_diff("当前辖区缺乏足够的场地", "当前辖区仍缺乏足够的场地")) == [
        ("insert", "", "仍")
    ]
    assert changes(word_diff("真抓实干、务实求变", "务实求变")) == [("delete", "真抓实干、", "")]


def test_width_alone_is_no_change() -> None:
    assert not has_changes(word_diff("完成14件积案100%化解，0再访", "完成14件积案100％化解,0再访"))
    assert fold("（一）１００％") == "(一)100%"


def test_width_is_a_change_when_exact() -> None:
    ops = word_diff("100%化解", "100％化解", exact=True)
    assert has_changes(ops)
    assert "".join(op.b for op in ops) == "100％化解"


def test_a_rewritten_sentence_is_one_replacement_not_a_scatter() -> None:
    old = "网格智治成效显著，加速形成社会治理体系，细化填充59个网格"
    new = "闭环治理打响品牌，完善村社网格架构，细化调整61个网格"
    kinds = [op.kind for op in word_diff(old, new)]
    # the shared ，细化 between two larger changes is folded into them
    assert kinds == ["replace", "equal"]


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("完成启动湿地结算村整年，。；%％12.亿元 ")),
    st.text(alphabet=st.sampled_from("完成启动湿地结算村整年，。；%％12.亿元 ")),
    st.booleans(),
)
def test_ops_rebuild_both_texts(a: str, b: str, exact: bool) -> None:
    ops = word_diff(a, b, exact=exact)
    assert "".join(op.a for op in ops) == a
    assert "".join(op.b for op in ops) == b
    if exact:
        assert all(op.a == op.b for op in ops if op.kind == "equal")


@given(
    st.lists(st.sampled_from(["完成", "启动", "，", "12", "村"]), max_size=12),
    st.lists(st.sampled_from(["完成", "启动", "，", "12", "村"]), max_size=12),
)
def test_opcodes_cover_both_sides_in_order(a: list[str], b: list[str]) -> None:
    codes = diff_opcodes(a, b)
    assert [c[1] for c in codes[1:]] == [c[2] for c in codes[:-1]]
    assert [c[3] for c in codes[1:]] == [c[4] for c in codes[:-1]]
    if codes:
        assert (codes[0][1], codes[0][3], codes[-1][2], codes[-1][4]) == (0, 0, len(a), len(b))
    for kind, i1, i2, j1, j2 in codes:
        if kind == "equal":
            assert a[i1:i2] == b[j1:j2]


def test_segments_show_the_clause_around_a_change() -> None:
    old = "按照要求，慎终如始筑牢疫情防线，完善平战结合防控机制，强化指挥体系演练，核酸检测。"
    new = old.replace("完善", "健全")
    shown = segments(word_diff(old, new), context=12)
    assert shown == [
        Segment("equal", "…慎终如始筑牢疫情防线，"),
        Segment("delete", "完善"),
        Segment("insert", "健全"),
        Segment("equal", "平战结合防控机制，…"),
    ]
    assert "".join(s.text for s in segments(word_diff(old, new), context=None)).count("完善") == 1


def test_similarity() -> None:
    assert similarity("全面突出党建引领这一核心", "全面突出党建引领这一核心") == 1.0
    assert similarity("党建引领激发新活力", "全面突出党建引领这一核心") > 0.3
    assert similarity("经济运行稳中有进", "全面把牢集聚发展这一路径") == 0.0
    assert similarity("", "") == 1.0
    assert heading_similarity("城市建设呈现新蝶变", "城市建设呈现新面貌") > 0.75
    assert heading_similarity("社会发展开拓新局面", "经济运行稳中有进") < 0.2
