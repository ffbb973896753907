"""In CI a missing program or console script stops the run: tests that need them never skip."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def _pytest_in_ci(path: str, executable: str | None = None) -> subprocess.CompletedProcess[str]:
    setup = f"import sys; sys.executable = {executable!r}; " if executable else ""
    code = setup + "import pytest; sys.exit(pytest.main(['-q', '-p', 'no:cacheprovider', "
    code += f"'--co', {str(TESTS / 'test_ci_guard.py')!r}]))"
    env = {**os.environ, "CI": "1", "PATH": path}
    return subprocess.run(
        [sys.executable, "-c", "import sys; " + code],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=TESTS.parent,
    )


def test_ci_refuses_to_start_without_the_programs(tmp_path: Path) -> None:
    result = _pytest_in_ci(str(tmp_path))  # a PATH with nothing on it
    assert result.returncode == 4, result.stdout + result.stderr
    said = result.stdout + result.stderr
    for name in ("soffice", "pdftotext", "pdffonts", "pandoc", "chromium", "chromedriver"):
        assert name in said


def test_ci_refuses_to_start_without_the_console_script(tmp_path: Path) -> None:
    # Every program present (as stand-ins), but no reportgen beside the interpreter.
    for name in ("soffice", "pdftotext", "pdffonts", "pandoc", "chromium", "chromedriver"):
        stand_in = tmp_path / name
        stand_in.write_text("#!/bin/sh\n")
        stand_in.chmod(0o755)
    result = _pytest_in_ci(str(tmp_path), executable=str(tmp_path / "python"))
    said = result.stdout + result.stderr
    assert result.returncode == 4, said
    assert "the reportgen console script" in said and "soffice" not in said
