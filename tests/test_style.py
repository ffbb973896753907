"""The code style is part of the test suite, so CI and a contributor see the same verdict."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _ruff() -> list[str]:
    beside = Path(sys.executable).with_name("ruff")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("ruff")
    if found is None:
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    return [found]


@pytest.mark.parametrize("args", [["check"], ["format", "--check"]], ids=["lint", "format"])
def test_ruff(args: list[str]) -> None:
    result = subprocess.run(
        [*_ruff(), *args, "src", "tests", "benchmarks"], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_over_400_lines_without_its_reason() -> None:
    """A long module must say why in its docstring ('Long because …'); otherwise split it."""
    src = REPO / "src" / "reportgen"
    long_unexplained = [
        f"{path.relative_to(src)}: {n} lines"
        for path in sorted(src.rglob("*.py"))
        if (n := len(path.read_text("utf-8").splitlines())) > 400
        and "Long because" not in path.read_text("utf-8")[:4000]
    ]
    assert long_unexplained == []
