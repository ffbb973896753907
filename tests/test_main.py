"""The ``reportgen`` entry point (``reportgen/__main__.py``): how the process ends.

It ends with ``os._exit`` once every stream is flushed, skipping the interpreter's teardown;
these run it in a fresh interpreter, since ending the test process is what it does.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# Records the pydantic switch and the exit code, then ends as the entry point asked.
PROBE = """
import os, sys
real_exit = os._exit
def record(code):
    sys.stderr.write("plugins=%r code=%r\\n" % (os.environ.get("PYDANTIC_DISABLE_PLUGINS"), code))
    sys.stderr.flush()
    real_exit(code)
os._exit = record
sys.argv = ["reportgen", *sys.argv[1:]]
from reportgen.__main__ import main
main()
"""


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    # The entry point's own choice is what is tested: a switch this shell set is left out.
    inherited = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    return subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**inherited, "LANG": "C.UTF-8", **(env or {})},
    )


def project(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "data", tmp_path / "data")
    return tmp_path


def test_output_is_whole_and_the_code_kept_when_the_process_skips_teardown(
    tmp_path: Path,
) -> None:
    done = run("check", "2022", "--format", "json", cwd=project(tmp_path))
    # The bundled data keeps two real findings (a placeholder X, a missing 。): exit 1.
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == "plugins='__all__' code=1"
    report = json.loads(done.stdout)  # the whole JSON reached the pipe before the exit
    assert (report["errors"], report["warnings"], len(report["problems"])) == (2, 5, 7)
    assert report["problems"][-1]["file"] == "data/2023_plan.yaml"


def test_a_build_writes_its_file_before_the_process_ends(tmp_path: Path) -> None:
    done = run("build", "2022", "-o", "out.docx", cwd=project(tmp_path))
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1] == "plugins='__all__' code=0"
    assert (tmp_path / "out.docx").read_bytes()[:2] == b"PK"


def test_a_users_own_pydantic_plugin_setting_is_kept(tmp_path: Path) -> None:
    done = run("--version", cwd=tmp_path, env={"PYDANTIC_DISABLE_PLUGINS": ""})
    assert done.returncode == 0
    assert done.stderr.splitlines()[-1] == "plugins='' code=0"


def test_a_usage_error_keeps_exit_code_2(tmp_path: Path) -> None:
    done = run("build", "--no-such-option", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == "plugins='__all__' code=2"
