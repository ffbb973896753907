"""``reportgen new`` as users run it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "diff"


@pytest.fixture
def here(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "data").mkdir(parents=True)
    for name in ("2022.yaml", "2023_plan.yaml"):
        shutil.copy(FIXTURES / "data" / name, root / "data")
    return root


def run(cmd: list[str], *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*cmd, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_new_then_check_then_track(reportgen_cmd: list[str], here: Path) -> None:
    result = run(reportgen_cmd, "new", "2023", cwd=here)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "已写入 data/2023.yaml：共 5 项待填写，每项工作重点一项"
    checked = run(reportgen_cmd, "check", "2023", cwd=here)
    assert checked.returncode == 1  # the placeholders are errors until filled
    assert checked.stdout.count("[placeholder]") + checked.stderr.count("[placeholder]") >= 20
    tracked = run(reportgen_cmd, "track", "2023", cwd=here)
    assert tracked.returncode == 0, tracked.stderr
    assert tracked.stdout.count("(尚待填写)") == 5


def test_new_never_overwrites(reportgen_cmd: list[str], here: Path) -> None:
    target = here / "data" / "2023.yaml"
    target.write_text("kind: review\n", "utf-8")
    result = run(reportgen_cmd, "new", "2023", cwd=here)
    assert result.returncode == 1
    assert "data/2023.yaml 已存在；reportgen new 从不覆盖文件" in result.stderr
    assert target.read_text("utf-8") == "kind: review\n"
