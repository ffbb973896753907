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


# Programs the real-client tests need. On a user's machine a missing one skips those tests
# with the reason; in CI (.ci/run installs them) a missing one is an error, so the tests that
# prove the .docx in LibreOffice can never be skipped there unnoticed.
REAL_CLIENT_PROGRAMS = ("soffice", "pdftotext", "pdffonts")


def pytest_sessionstart(session: pytest.Session) -> None:
    if os.environ.get("CI"):
        missing = [name for name in REAL_CLIENT_PROGRAMS if shutil.which(name) is None]
        if missing:
            raise pytest.UsageError(
                f"CI must install {', '.join(missing)} (see .ci/run); the LibreOffice tests "
                "would otherwise be skipped"
            )


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
    script = Path(sys.executable).with_name("reportgen")
    if not script.exists():
        pytest.skip("the reportgen console script is not installed (pip install -e .)")
    return [str(script)]
