"""build.py as a library: what a build reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.app import build as build_module
from reportgen.app.build import build, load_sources, validate_first
from reportgen.files.project import open_project
from reportgen.settings import load_settings


def test_a_build_reads_and_validates_each_file_once(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_again(path: Path) -> None:
        raise AssertionError(f"{path} was read a second time")

    monkeypatch.setattr(build_module, "load_review", read_again)
    monkeypatch.setattr(build_module, "load_plan", read_again)
    result = build(open_project(project), "2022", ["txt"])
    assert [p.name for p in result.written] == ["2022.txt"]
    text = result.written[0].read_text(encoding="utf-8")
    assert "三、2023年重点工作" in text  # the plan was built too


def test_the_checked_documents_are_the_loaded_ones(project: Path) -> None:
    opened = open_project(project)
    _, checked = validate_first(opened, "2022", load_settings(None))
    assert load_sources(opened, "2022", checked) == load_sources(opened, "2022")
    review = next(f for f in checked.files if f.kind == "review")
    assert load_sources(opened, "2022", checked).review is review.document
