"""How long does ``reportgen diff`` take on two years of a long review, items without ids?

    python benchmarks/diff.py                      # 1,000 and 9,999 items, terminal and json
    python benchmarks/diff.py --items 9999 --runs 1 --formats json
    python benchmarks/diff.py --items 9999 --profile   # cProfile of one in-process diff

Each run is the installed command as a whole process (start-up and jieba's dictionary
included). The two years are generated here: the later year changes most items' figures,
rewords one heading in 20, drops one item in 50, adds one in 50 and swaps one pair in 100, so
that pairing by meaning, word-level diffs and the move finder all have work to do; with
``--rewritten`` the later year is written anew (other items, other projects), the case where
a tracked-changes document deletes and inserts everything. Prints the median wall time and the
CPU time (user + system) of the median run.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PLACES = (
    "江屿村", "后岸村", "上垟村", "丹东村", "应潭村", "滨河大道", "凤栖湿地公园", "江湾数字大厦",
    "云峰路", "学院路", "青石社区", "望江社区", "新塘片区", "梅林工业区", "北山公园", "东湖街区",
)  # fmt: skip
WORKS = (
    "道路改造", "污水管网", "养老服务中心", "托育园", "微型消防站", "老旧小区", "文化礼堂",
    "雨污分流", "停车泊位", "农贸市场", "公共厕所", "口袋公园", "便民服务站", "充电桩",
)  # fmt: skip
VERBS = ("推进", "完成", "新建", "提升", "实施", "启动", "改造", "建成", "整治", "盘活")
GOALS = ("取得新突破", "实现新跨越", "呈现新面貌", "迈上新台阶", "跑出加速度", "展现新作为")
HEAD = 'kind: review\norganisation: "江屿街道"\nyear: {year}\nhighlights:'


def _item(heading: str, text: str) -> str:
    return f"  - heading: {heading}\n    points:\n      - text: {text}"


# Characters of the names of the item's own projects (two of them name one project).
NAMES = (
    "安宝昌成大德东丰福富广海和宏华吉嘉金锦京康乐利林隆美明南宁平浦祺庆"
    "瑞润山盛世顺泰天通万旺伟文西祥新信兴旭雅阳怡益永裕元源云泽正志中州"
)


def _work(k: int) -> tuple[str, list[str]]:
    """Item ``k``: a heading and five to nine clauses (verb, place, work, figures), drawn
    from the pools with a seed of its own, and a project name of its own in each clause (as
    real items name their own projects): no run of Chinese repeats from item to item, so
    that segmentation costs what it does on real text."""
    pick = random.Random(k)
    heading = f"{pick.choice(PLACES)}{pick.choice(WORKS)}{pick.choice(GOALS)}"
    name = NAMES[k % len(NAMES)] + NAMES[k // len(NAMES) % len(NAMES)]
    clauses = [
        f"{pick.choice(VERBS)}{name}{pick.choice(PLACES)}{pick.choice(WORKS)}"
        f"{pick.randint(1, 99)}处"
        for _ in range(pick.randint(5, 9))
    ]
    clauses.append(f"为{name}项目投资{k % 997 + 1}万元，惠及群众{k * 7 % 9973}户")
    return heading, clauses


def two_years(n: int, *, rewritten: bool = False) -> tuple[str, str]:
    """A review of ``n`` items and the next year's, edited as described above, or (with
    ``rewritten``) written anew: ``n`` other items, of other projects."""
    old, new = [HEAD.format(year=2023)], [HEAD.format(year=2024)]
    if rewritten:
        for k in range(n):
            heading, clauses = _work(k)
            old.append(_item(heading, "，".join(clauses) + "。"))
            heading, clauses = _work(100_000 + k)
            new.append(_item(heading, "，".join(clauses) + "。"))
        return "\n".join(old) + "\n", "\n".join(new) + "\n"
    later: list[str] = []
    for k in range(n):
        heading, clauses = _work(k)
        old.append(_item(heading, "，".join(clauses) + "。"))
        if k % 50 == 0:  # dropped next year
            continue
        if k % 20 == 3:
            heading = heading[:-3] + "新成效"
        if k % 5:  # most figures move on
            clauses[-1] = clauses[-1].split("投资")[0] + (
                f"投资{k % 997 + 1 + k % 5}万元，惠及群众{k * 7 % 9973 + 3}户"
            )
        later.append(_item(heading, "，".join(clauses) + "。"))
        if k % 50 == 24:  # new work next year
            extra_heading, extra = _work(n + k)
            later.append(_item(extra_heading, "，".join(extra) + "。"))
    for k in range(10, len(later) - 1, 100):  # swapped with the next one
        later[k], later[k + 1] = later[k + 1], later[k]
    new.extend(later)
    return "\n".join(old) + "\n", "\n".join(new) + "\n"


def _run(command: list[str], cwd: Path) -> tuple[float, float]:
    before = os.times()
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = os.times()
    if done.returncode not in (0, 1):
        sys.exit(done.stderr)
    cpu = after.children_user + after.children_system
    return wall, cpu - before.children_user - before.children_system


def profile(old: Path, new: Path, root: Path) -> None:
    from reportgen.app.diff import DiffRequest, run

    run(DiffRequest(str(old), str(old), "json", project=root))  # jieba's dictionary loaded
    profiler = cProfile.Profile()
    profiler.enable()
    run(DiffRequest(str(old), str(new), "json", project=root))
    profiler.disable()
    pstats.Stats(profiler).sort_stats(os.environ.get("SORT", "cumulative")).print_stats(
        int(os.environ.get("TOP", "30"))
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", default="1000,9999")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--formats", default="terminal,json")
    parser.add_argument("--profile", action="store_true", help="cProfile one diff in-process")
    parser.add_argument(
        "--rewritten", action="store_true", help="the later year written anew: nothing pairs"
    )
    args = parser.parse_args()
    command = str(Path(sys.executable).with_name("reportgen"))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "data").mkdir()
        for n in (int(x) for x in args.items.split(",")):
            old, new = root / f"old{n}.yaml", root / f"new{n}.yaml"
            texts = two_years(n, rewritten=args.rewritten)
            old.write_text(texts[0], "utf-8")
            new.write_text(texts[1], "utf-8")
            if args.profile:
                profile(old, new, root)
                continue
            for fmt in args.formats.split(","):
                out = ["-f", fmt, "-o", str(root / f"out.{fmt}")] if fmt != "terminal" else []
                runs = sorted(
                    (
                        _run([command, "diff", str(old), str(new), *out], root)
                        for _ in range(args.runs)
                    ),
                    key=lambda r: r[0],
                )
                wall = statistics.median(r[0] for r in runs)
                cpu = runs[len(runs) // 2][1]
                print(f"{n:6} items, -f {fmt:8}: {wall:6.2f} s wall, {cpu:6.2f} s CPU")


if __name__ == "__main__":
    main()
