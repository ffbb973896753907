"""reportgen.cli.common: how diff and track hand over their text."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.cli.common import show_or_write
from reportgen.errors import UserError


def test_text_goes_to_standard_output_without_a_summary(capsys: pytest.CaptureFixture) -> None:
    show_or_write("对比\n结果\n", None, "一行摘要", color=False, force=False)
    assert capsys.readouterr().out == "对比\n结果\n"


def test_written_text_is_summarised_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.chdir(tmp_path)
    show_or_write("对比\n", tmp_path / "out.md", "一行摘要", color=False, force=False)
    assert (tmp_path / "out.md").read_text("utf-8") == "对比\n"
    assert capsys.readouterr().out == "一行摘要\n已写入 out.md\n"


def test_a_file_edited_since_is_kept_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    target = tmp_path / "out.md"
    show_or_write("第一版\n", target, "摘要", color=False, force=False)
    target.write_text("手工修改\n", "utf-8")
    with pytest.raises(UserError):
        show_or_write("第二版\n", target, "摘要", color=False, force=False)
    assert target.read_text("utf-8") == "手工修改\n"
    show_or_write("第二版\n", target, "摘要", color=False, force=True)
    assert target.read_text("utf-8") == "第二版\n"
