"""Batch builds: many projects in one run, one bad project reported and skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.app import batch
from reportgen.app.batch import BatchResult, Outcome, Reporter, build_many, find_projects
from reportgen.errors import UsageError

REVIEW = """\
organisation: "{name}"
year: 2022
opening: 2022年来，{name}认真贯彻落实区委区政府部署，现将主要工作汇报如下。
highlights:
  - id: economy
    heading: 社会发展开拓新局面
    points:
      - lead: 稳进提质统筹经济指标
        text: 落实纾困解难举措，经济运行稳中有进。
shortcomings:
  - heading: 产业结构有待优化
    points:
      - 新兴产业占比不高。
"""

PLAN = """\
organisation: "{name}"
year: 2023
priorities:
  - heading: 聚力产业转型
    points:
      - 培育新兴产业。
"""

BROKEN = 7  # the project whose review lacks its items' headings


def make_projects(root: Path, count: int = 20) -> list[Path]:
    """``count`` projects orgs/p00…; p07 is invalid and p05 has no plan."""
    projects = []
    for i in range(count):
        data = root / "orgs" / f"p{i:02d}" / "data"
        data.mkdir(parents=True)
        review = REVIEW.format(name=f"第{i + 1}街道")
        if i == BROKEN:
            review = review.replace("heading: 产业结构有待优化", "title: 产业结构有待优化")
        (data / "2022.yaml").write_text(review, encoding="utf-8")
        if i != 5:
            (data / "2023_plan.yaml").write_text(
                PLAN.format(name=f"第{i + 1}街道"), encoding="utf-8"
            )
        projects.append(data.parent)
    return projects


@pytest.fixture
def orgs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    monkeypatch.chdir(tmp_path)
    return make_projects(tmp_path)


class Recorder(Reporter):
    def __init__(self) -> None:
        self.events: list[tuple[str, object]] = []

    def start(self, total: int) -> None:
        self.events.append(("start", total))

    def done(self, outcome: Outcome) -> None:
        self.events.append(("done", outcome.project.name))

    def finish(self) -> None:
        self.events.append(("finish", None))


def assert_nineteen_built(result: BatchResult, orgs: list[Path]) -> None:
    assert [o.project for o in result.outcomes] == orgs  # the order given, whatever finished first
    assert len(result.built) == 19
    [failed] = result.failed
    assert failed.project == orgs[BROKEN] and not failed.written and not failed.bug
    # The same located message the user would see building that project alone.
    assert "orgs/p07/data/2022.yaml:" in failed.error
    assert "heading" in failed.error and "title" in failed.error
    assert result.exit_code == 1
    assert "生成了 19/20 个项目" in result.summary() and "；1 个失败：orgs/p07" in result.summary()
    for i, project in enumerate(orgs):
        txt = project / "build" / "2022.txt"
        if i == BROKEN:
            assert not txt.exists()
            continue
        text = txt.read_text(encoding="utf-8")
        assert text.startswith(f"第{i + 1}街道2022年工作总结")  # each project's own content
        assert ("2023年重点工作" in text) == (i != 5)


def test_one_broken_project_is_reported_and_the_others_are_built(orgs: list[Path]) -> None:
    recorder = Recorder()
    result = build_many(orgs, "2022", ["txt"], reporter=recorder)
    assert_nineteen_built(result, orgs)
    assert result.jobs == 1
    assert recorder.events[0] == ("start", 20) and recorder.events[-1] == ("finish", None)
    assert sorted(name for kind, name in recorder.events if kind == "done") == [
        p.name for p in orgs
    ]
    [without_plan] = [o for o in result.outcomes if o.project.name == "p05"]
    assert any("没有2023年的计划" in note for note in without_plan.notes)


def test_several_processes_build_the_same(orgs: list[Path]) -> None:
    recorder = Recorder()
    result = build_many(orgs, "2022", ["txt", "md"], jobs=2, reporter=recorder)
    assert_nineteen_built(result, orgs)
    assert result.jobs == 2
    assert ("start", 20) in recorder.events and recorder.events[-1] == ("finish", None)
    assert (orgs[0] / "build" / "2022.md").read_text(encoding="utf-8").startswith("# 第1街道")


def test_messages_keep_the_chosen_language_in_worker_processes(orgs: list[Path]) -> None:
    from reportgen.settings.messages import language, set_language

    before = language()
    set_language("en")
    try:
        english = build_many(orgs[5:9], "2022", ["txt"], jobs=2).failed[0].error
        set_language("zh")
        chinese = build_many(orgs[5:9], "2022", ["txt"], jobs=2).failed[0].error
    finally:
        set_language(before)
    assert english != chinese


def test_a_bug_in_one_project_does_not_stop_the_others(
    orgs: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportgen.app import build as build_module

    real = build_module.build

    def flaky(project, spec, formats, output=None, **options):  # type: ignore[no-untyped-def]
        if project.root.name == "p03":
            raise RuntimeError("boom")
        return real(project, spec, formats, output, **options)

    monkeypatch.setattr(build_module, "build", flaky)
    result = build_many(orgs[:5], "2022", ["txt"])
    [failed] = result.failed
    assert failed.project.name == "p03" and failed.bug
    assert "internal error: RuntimeError: boom" in failed.error
    assert len(result.built) == 4
    assert result.exit_code == 3


def test_output_folder_gives_each_project_its_own(orgs: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "district"
    result = build_many(orgs[:3], "2022", ["txt"], output=out)
    assert not result.failed
    assert sorted(p.name for p in out.iterdir()) == ["p00", "p01", "p02"]
    assert (out / "p01" / "2022.txt").read_text(encoding="utf-8").startswith("第2街道")
    several = build_many(orgs[:1], "2022", ["txt", "md"], output=out)
    assert {p.name for p in several.outcomes[0].written} == {"2022.txt", "2022.md"}


def test_output_refuses_two_projects_of_the_same_name(tmp_path: Path) -> None:
    a, b = tmp_path / "a" / "same", tmp_path / "b" / "same"
    with pytest.raises(UsageError, match="两个项目同名 “same”"):
        build_many([a, b], "2022", ["txt"], output=tmp_path / "out")


def test_find_projects_takes_folders_and_patterns(orgs: list[Path], tmp_path: Path) -> None:
    (tmp_path / "orgs" / "README.md").write_text("not a project", encoding="utf-8")
    found = find_projects(["orgs/*"])
    assert found == [p.resolve() for p in orgs]  # files left out, sorted
    assert find_projects(["orgs/p01", "orgs/p0[01]"]) == [orgs[1].resolve(), orgs[0].resolve()]
    with pytest.raises(UsageError, match="没有匹配到任何文件夹") as caught:
        find_projects(["org/*"])
    assert "引号" in caught.value.hint


def test_jobs_must_not_be_negative(orgs: list[Path]) -> None:
    with pytest.raises(UsageError, match="--jobs"):
        build_many(orgs, "2022", ["txt"], jobs=-1)


def test_zero_jobs_means_one_per_core(orgs: list[Path]) -> None:
    result = build_many(orgs[:4], "2022", ["txt"], jobs=0)
    assert result.jobs == min(batch.default_jobs(), 4)
    assert len(result.built) == 4


def test_an_output_edited_by_hand_fails_that_project_unless_forced(orgs: list[Path]) -> None:
    build_many(orgs[:3], "2022", ["txt"])
    edited = orgs[1] / "build" / "2022.txt"
    edited.write_text("my own changes", encoding="utf-8")
    result = build_many(orgs[:3], "2022", ["txt"])
    assert [o.project for o in result.failed] == [orgs[1]]
    assert "2022.txt" in result.failed[0].error
    assert edited.read_text(encoding="utf-8") == "my own changes"
    forced = build_many(orgs[:3], "2022", ["txt"], force=True)
    assert not forced.failed
    assert edited.read_text(encoding="utf-8").startswith("第2街道")


def test_check_findings_are_counted_not_fatal(orgs: list[Path]) -> None:
    review = orgs[2] / "data" / "2022.yaml"
    review.write_text(
        review.read_text(encoding="utf-8").replace("经济运行稳中有进。", "经济运行稳中有进"),
        encoding="utf-8",
    )
    [outcome] = build_many(orgs[2:3], "2022", ["txt"]).outcomes
    assert outcome.ok and outcome.findings >= 1
    assert any("reportgen check 2022 --project orgs/p02" in note for note in outcome.notes)


def test_summary_names_at_most_ten_failures() -> None:
    outcomes = [Outcome(Path(f"orgs/p{i:02d}"), error="error: x") for i in range(12)]
    summary = BatchResult(
        [*outcomes, Outcome(Path("orgs/ok"), written=(Path("a"),))], 2.6
    ).summary()
    assert summary.startswith("生成了 1/13 个项目，用时 2.6 秒（每个项目 200 毫秒）")
    assert "12 个失败：orgs/p00, orgs/p01" in summary and "orgs/p09 等，另有 2 个" in summary
    assert "orgs/p10" not in summary
