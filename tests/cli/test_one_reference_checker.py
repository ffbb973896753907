"""One undefined reference reads the same from build, check and diff: one checker says it.

Line 63 of the bundled data/2022.yaml is ``1-9月实现规上工业总产值{{industrial_output}}，`` after
ten spaces, then the 13 characters of 1-9月实现规上工业总产值, so the ``{{`` is at column 24
(the second point of the first highlight).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

WHERE = "data/2022.yaml:63:24"
PATH = "highlights[0].points[1].text"
MESSAGE = "引用了未定义的指标 “industrial_outptu”，请在 metrics 中定义它"
HINT = (
    "是否应为 “industrial_output”？写成 {{industrial_output}}，"
    "或在 metrics 中添加 id 为 industrial_outptu 的指标"
)


def misspelt(project: Path) -> Path:
    review = project / "data" / "2022.yaml"
    lines = review.read_text("utf-8").splitlines(keepends=True)
    assert lines[62] == "          1-9月实现规上工业总产值{{industrial_output}}，\n"
    lines[62] = lines[62].replace("industrial_output", "industrial_outptu")
    review.write_text("".join(lines), "utf-8")
    return project


def run(cmd: list[str], *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*cmd, *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


def the_finding(output: str) -> list[str]:
    """The lines that report the reference: its location line and the hint after it."""
    lines = output.splitlines()
    at = [i for i, line in enumerate(lines) if "industrial_outptu" in line and WHERE in line]
    assert len(at) == 1, output
    return lines[at[0] : at[0] + 2]


def test_build_check_and_diff_name_the_same_place_and_hint(
    reportgen_cmd: list[str], project: Path
) -> None:
    misspelt(project)
    outputs = {
        "build": run(reportgen_cmd, "build", "2022", "-f", "txt", cwd=project),
        "check": run(reportgen_cmd, "check", "2022", cwd=project),
        "diff": run(reportgen_cmd, "diff", "2022", "2023_plan", cwd=project),
    }
    for command, result in outputs.items():
        assert result.returncode == (2 if command == "diff" else 1), (command, result.stderr)
        text = result.stdout + result.stderr
        assert "Traceback" not in text
        head, hint = the_finding(text)
        assert PATH in head and MESSAGE in head, (command, head)
        assert hint.strip() == f"→ {HINT}", (command, hint)
    assert not (project / "build" / "2022.txt").exists()
