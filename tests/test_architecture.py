"""The import contracts in pyproject.toml ([tool.importlinter]) hold, and would catch a break.

The layers (cli → app → render → check | diff | importer → compose → settings → model → text →
files → errors) and the forbidden imports are checked by import-linter's own command.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def lint_imports(cwd: Path, *, pythonpath: Path | None = None) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("lint-imports")
    if not script.exists():
        if os.environ.get("CI"):
            pytest.fail(
                "lint-imports is not installed beside the interpreter (pip install -e .[test])"
            )
        pytest.skip("lint-imports is not installed (pip install -e '.[test]')")
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run(
        [str(script), "--no-cache", "--config", str(cwd / "pyproject.toml")],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_contracts_hold() -> None:
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 kept, 0 broken" in result.stdout


def test_a_wrong_import_breaks_them(tmp_path: Path) -> None:
    # A copy of the package with one module that breaks two contracts: the model drawing on
    # the terminal (rich outside cli/) and reaching up into the command line (the layers).
    shutil.copytree(REPO / "src", tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    wrong = tmp_path / "src" / "reportgen" / "model" / "wrong.py"
    wrong.write_text("import rich\n\nfrom reportgen.cli import app\n", "utf-8")
    result = lint_imports(tmp_path, pythonpath=tmp_path / "src")
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "3 kept, 2 broken" in out
    assert "reportgen.model.wrong -> rich" in out
    assert "reportgen.model.wrong -> reportgen.cli" in out
