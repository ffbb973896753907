"""Issue 16, case 11, as a user meets it: Ctrl-C (SIGINT) at a random moment of a real
command, from the loading of its libraries to its last rename, prints one line, exits 130,
and leaves no temporary file or folder, ``reportgen-pdf-*`` included."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_cases import DATA, REVIEW
from measure import snapshot

from project_setup import make_project

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGINT is POSIX")

RUNS = 14
LINE = "已中断（Ctrl-C），原有文件没有改动"


# The command as its console script runs it, announcing on stdout the moment its entry point
# is imported (Ctrl-C while Python itself starts is Python's business, not reportgen's): the
# signal then lands anywhere from the loading of reportgen's libraries to the last rename.
LAUNCHER = """
import sys
from reportgen.__main__ import main
sys.argv = ["reportgen", *sys.argv[1:]]
print("ready", flush=True)
main()
"""


def _interrupt(args: list[str], cwd: Path, delay: float, env: dict[str, str]) -> tuple[int, str]:
    process = subprocess.Popen(
        [sys.executable, "-c", LAUNCHER, *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == b"ready"
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    return process.returncode, err.decode("utf-8", "replace")


def _debris(*folders: Path) -> list[str]:
    return [
        str(p)
        for folder in folders
        for p in folder.rglob("*")
        if p.name.endswith(".tmp") or p.name.startswith("reportgen-pdf-")
    ]


def _check(code: int, err: str) -> None:
    assert "Traceback" not in err and "internal error" not in err, err
    if code == 130:
        assert err.count(LINE) == 1 and err.strip().splitlines()[-1] == LINE, err
    else:
        assert code == 0, err  # finished before the signal
        assert LINE not in err


def test_ctrl_c_at_any_moment(tmp_path: Path, reportgen_cmd: list[str]) -> None:
    root = make_project(tmp_path / "project", {DATA: REVIEW})
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = {**os.environ, "TMPDIR": str(temporary)}
    command = ["build", "2022", "-f", "txt,md,html,docx"]
    subprocess.run([*reportgen_cmd, *command], cwd=root, check=True, capture_output=True, env=env)
    good = snapshot(root / "build")
    seed = int(os.environ.get("REPORTGEN_FAULT_SEED", random.randrange(1 << 30)))
    chance = random.Random(seed)
    codes = []
    for _ in range(RUNS):
        delay = chance.uniform(0.0, 1.0)
        code, err = _interrupt([*command, "--force"], root, delay, env)
        _check(code, err)
        codes.append(code)
        # The same review builds the same bytes: interrupted or not, nothing differs.
        assert snapshot(root / "build") == good, f"seed {seed}, delay {delay:.3f}"
        assert not _debris(root, temporary), f"seed {seed}, delay {delay:.3f}"
    assert 130 in codes, f"no run was interrupted (seed {seed}): {codes}"


def test_ctrl_c_while_loading_the_libraries(tmp_path: Path, reportgen_cmd: list[str]) -> None:
    """The first tenth of a second, before any command runs: still one line, exit 130."""
    for delay in (0.0, 0.01, 0.03, 0.06, 0.1):
        code, err = _interrupt(["check", "2022"], tmp_path, delay, dict(os.environ))
        assert code == 130, err
        _check(code, err)


@pytest.mark.skipif(
    shutil.which("soffice") is None and not os.environ.get("CI"),
    reason="needs LibreOffice (soffice)",
)
def test_ctrl_c_during_the_pdf_leaves_no_folder(tmp_path: Path, reportgen_cmd: list[str]) -> None:
    root = make_project(tmp_path / "project", {DATA: REVIEW})
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = {**os.environ, "TMPDIR": str(temporary)}
    command = [*reportgen_cmd, "build", "2022", "-f", "docx", "--pdf"]
    process = subprocess.Popen(
        command, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )
    deadline = time.monotonic() + 60
    while not list(temporary.glob("reportgen-pdf-*")) and time.monotonic() < deadline:
        time.sleep(0.02)  # wait until LibreOffice is at work in its folder
    assert list(temporary.glob("reportgen-pdf-*")), "the PDF export never started"
    time.sleep(0.3)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    _check(process.returncode, err.decode("utf-8", "replace"))
    assert process.returncode == 130
    assert not _debris(root, temporary), _debris(root, temporary)
    assert not (root / "build" / "2022.pdf").exists()


@pytest.mark.parametrize(
    ("language", "line"),
    [("zh", LINE), ("en", "interrupted (Ctrl-C); the previous files are as they were")],
)
def test_the_line_survives_a_catalogue_cut_off_while_loading(language: str, line: str) -> None:
    """When Ctrl-C cut the yaml import short, the line is read from the catalogue plainly."""
    from reportgen.cli.app import _catalogue_line
    from reportgen.settings.messages import language as current
    from reportgen.settings.messages import set_language

    before = current()
    set_language(language)
    try:
        assert _catalogue_line("interrupted") == line
    finally:
        set_language(before)
