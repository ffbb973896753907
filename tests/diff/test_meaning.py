"""Pairing items of two years by meaning: what an item's profile holds, the pairing's rules
(explicit id first, one to one, unpaired stays unpaired) and its speed on 9,999 items."""

from __future__ import annotations

import resource
import subprocess
import time
from pathlib import Path

import pytest

from reportgen.diff import meaning
from reportgen.diff.items import ItemView, match_items

DEMOLITION_A = (
    "拆征安置取得新突破",
    "完成江屿村、后岸村整村结算，累计发放补偿资金18.6亿元。",
)
DEMOLITION_B = (
    "拆征安置实现新跨越",
    "完成剩余3个村整村结算，江屿村、后岸村累计发放补偿资金23.4亿元。",
)
PARK = ("凤栖湿地公园开园", "建成凤栖湿地公园一期，新增绿地12公顷，布设健身步道3公里。")


def view(section: str, n: int, heading: str, body: str, id_: str | None = None) -> ItemView:
    return ItemView(section, section, n, id_, heading, body)


def test_a_profile_leaves_out_slogans_years_and_single_characters() -> None:
    p = meaning.profile(
        "平安创建提质增效", "坚持“党建引领、群众参与”，2023年创成平安村社18个，下降3.5%。"
    )
    assert "党建" not in p.text and "引领" not in p.text  # the quoted slogan listing phrases
    assert p.figures == {"18", "3.5"}  # 2023 is a year, not a figure of the work
    assert all(len(word) >= 2 for word in p.text)
    assert set(p.heading) <= set(p.text)


def test_a_quoted_name_is_not_a_slogan() -> None:
    p = meaning.profile("养老服务", "建成“颐乐园”居家养老服务中心。")
    assert "乐园" in p.text  # jieba cuts 颐|乐园; the name's word is kept


def test_rare_words_weigh_more_than_common_ones() -> None:
    # 推进 is in every report, 江屿村 in one office's: sharing the name says more.
    common = meaning.score(meaning.profile("", "推进工作"), meaning.profile("", "推进江屿村"))
    rare = meaning.score(meaning.profile("", "江屿村工作"), meaning.profile("", "江屿村推进"))
    assert rare > common


def test_identical_items_with_figures_score_one() -> None:
    p = meaning.profile(*DEMOLITION_A)
    assert meaning.score(p, p) == pytest.approx(1.0)


def test_the_same_work_reworded_pairs_and_other_work_does_not() -> None:
    result = match_items(
        [view("highlights", 1, *DEMOLITION_A), view("highlights", 2, *PARK)],
        [view("highlights", 1, *DEMOLITION_B)],
    )
    assert [(m.a.heading, m.b.heading, m.matched_by) for m in result.matched] == [
        ("拆征安置取得新突破", "拆征安置实现新跨越", "text")
    ]
    assert 0.25 <= result.matched[0].score < 1
    assert [v.heading for v in result.removed] == ["凤栖湿地公园开园"]
    assert result.added == []


def test_one_to_one_the_closer_wins() -> None:
    closer = view("highlights", 2, "拆征安置取得新突破", DEMOLITION_A[1].replace("18.6", "19"))
    result = match_items(
        [view("highlights", 1, *DEMOLITION_A)],
        [view("highlights", 1, *DEMOLITION_B), closer],
    )
    assert [m.b.number for m in result.matched] == [2]
    assert [v.number for v in result.added] == [1]


def test_an_explicit_id_wins_and_two_different_ids_never_pair() -> None:
    old = [view("highlights", 1, *DEMOLITION_A, "demolition"), view("highlights", 2, *PARK, "park")]
    new = [
        view("highlights", 1, *PARK, "demolition"),  # the author says: this one continues it
        view("highlights", 2, *DEMOLITION_A, "resettlement"),  # same text, another id
    ]
    result = match_items(old, new)
    assert [(m.a.heading, m.b.heading, m.matched_by) for m in result.matched] == [
        ("拆征安置取得新突破", "凤栖湿地公园开园", "id")
    ]
    assert [v.id for v in result.added] == ["resettlement"]
    assert [v.id for v in result.removed] == ["park"]


def test_items_pair_only_within_their_section() -> None:
    result = match_items(
        [view("highlights", 1, *DEMOLITION_A)], [view("priorities", 1, *DEMOLITION_A)]
    )
    assert result.matched == []


# ── speed: near-linear in the number of items ──────────────────────────────────────────────

PLACES = ("江屿村", "后岸村", "滨河大道", "凤栖湿地公园", "江湾数字大厦", "云峰路", "学院路")
WORKS = ("道路改造", "污水管网", "养老服务中心", "托育园", "微型消防站", "老旧小区", "文化礼堂")


def big_review(n: int) -> str:
    lines = ['kind: review\norganisation: "江屿街道"\nyear: 2023\nhighlights:']
    for k in range(n):
        place, work = PLACES[k % 7], WORKS[k // 7 % 7]
        lines.append(
            f"  - heading: {place}{work}第{k + 1}项\n    points:\n"
            f"      - text: 推进{place}{work}{k + 1}处，"
            f"投资{k % 997 + 1}万元，惠及{k * 7 % 9973}户。"
        )
    return "\n".join(lines) + "\n"


def test_diff_of_9999_items_against_itself_takes_seconds(
    tmp_path: Path, reportgen_cmd: list[str]
) -> None:
    big = tmp_path / "big.yaml"
    big.write_text(big_review(9999), encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    done = subprocess.run(
        [*reportgen_cmd, "diff", str(big), str(big)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    seconds = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    # The bound is on the command's own processor time: wall time on a shared machine
    # measures the other processes too.
    print(f"diff of 9,999 items against itself: {cpu:.1f} s of CPU, {seconds:.1f} s wall")
    assert done.returncode == 0, done.stderr
    assert cpu < 20
    assert seconds < 120


def test_the_rarity_table_is_read_as_word_and_weight_with_its_median() -> None:
    # jieba's idf.txt, three lines of it; the median weighs the words it does not know
    table, median = meaning._parse_idf("江屿村 13.9\n推进 3.2\n工作 2.15\n")
    assert table == {"江屿村": 13.9, "推进": 3.2, "工作": 2.15}
    assert median == 3.2


def test_the_rarity_table_kept_parsed_is_jiebas() -> None:
    # the table is kept parsed beside jieba's file: what comes back is what parsing gives
    from importlib import resources

    source = resources.files("jieba") / "analyse" / "idf.txt"
    meaning._idf.cache_clear()
    assert meaning._idf() == meaning._parse_idf(source.read_text(encoding="utf-8"))
