"""Shared fixtures. Tests never read ../shared: the seed is copied into tests/fixtures."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# reportgen speaks the locale's language (LANG=C → English); the tests are written against the
# Chinese a Chinese office sees, whatever the machine running them is set to. Tests of the
# language choice itself pass their own environment without this variable.
os.environ["REPORTGEN_LANG"] = "zh"


# Every program some test needs. On a user's machine a missing one skips those tests with
# the reason; in CI (.ci/run installs them) a missing one is an error, so the tests that prove
# the outputs in real clients (LibreOffice, poppler, pandoc, a browser) can never be skipped
# there unnoticed. A test that needs another program adds it here (and to .ci/run).
REQUIRED_PROGRAMS = ("soffice", "pdftotext", "pdffonts", "pandoc", "chromium", "chromedriver")
REAL_CLIENT_PROGRAMS = REQUIRED_PROGRAMS  # the name older tests import


def console_script() -> Path:
    """Where ``pip install -e .`` puts the ``reportgen`` command for this interpreter."""
    return Path(sys.executable).with_name("reportgen")


def missing_in_ci() -> list[str]:
    """What CI lacks: programs not on PATH, and the console script the command tests run."""
    missing = [name for name in REQUIRED_PROGRAMS if shutil.which(name) is None]
    if not console_script().exists():
        missing.append(f"the reportgen console script ({console_script()}; pip install -e .)")
    return missing


def pytest_sessionstart(session: pytest.Session) -> None:
    if os.environ.get("CI"):
        missing = missing_in_ci()
        if missing:
            raise pytest.UsageError(
                f"CI must install {', '.join(missing)} (see .ci/run); the tests that need "
                "them would otherwise be skipped"
            )


@pytest.fixture(autouse=True)
def chinese_by_default() -> Iterator[None]:
    """Each test starts in Chinese, whatever language an earlier test in this process chose
    (``--lang en`` through CliRunner sets it for the rest of the process)."""
    from reportgen.settings.messages import set_language

    set_language("zh")
    yield
    set_language("zh")


@pytest.fixture
def english() -> Iterator[None]:
    """Messages in English (the CLI's --lang en) for the test, the language before restored."""
    from reportgen.settings.messages import language, set_language

    before = language()
    set_language("en")
    yield
    set_language(before)


@pytest.fixture
def repo() -> Path:
    return REPO


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the bundled project (data/ only) in a temporary folder."""
    root = tmp_path / "project"
    shutil.copytree(DATA, root / "data")
    return root


@pytest.fixture
def reportgen_cmd() -> list[str]:
    """The installed console script, as a user runs it."""
    script = console_script()
    if not script.exists():  # in CI, pytest_sessionstart has already refused to start
        pytest.skip("the reportgen console script is not installed (pip install -e .)")
    return [str(script)]
