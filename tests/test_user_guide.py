"""README.zh-CN.md, the office worker's guide: every command it shows in a ``console`` block
runs here, in order, in a copy of the bundled project, through the installed command under a
Chinese locale, and prints exactly what the guide shows (standard error and output as a
terminal interleaves them). Other code blocks may only install reportgen or show YAML and
messages, never a command to run."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
GUIDE = REPO / "README.zh-CN.md"
FENCE = re.compile(r"^```(?P<lang>\w*)\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL)
# Blocks that are not run: installing reportgen itself, and examples of a file or a message.
NOT_RUN = {"powershell", "bash", "yaml", "text"}


def blocks() -> list[tuple[str, str]]:
    return [(m["lang"], m["body"]) for m in FENCE.finditer(GUIDE.read_text(encoding="utf-8"))]


def sessions() -> list[tuple[str, list[str]]]:
    """Each ``$ command`` of the console blocks with the lines printed under it."""
    out: list[tuple[str, list[str]]] = []
    for lang, body in blocks():
        if lang != "console":
            continue
        for line in body.rstrip("\n").split("\n"):
            if line.startswith("$ "):
                out.append((line[2:], []))
            else:
                out[-1][1].append(line)
    return out


def test_the_guide_has_only_console_blocks_to_run_and_links_from_the_readme() -> None:
    langs = [lang for lang, _ in blocks()]
    assert set(langs) <= {"console"} | NOT_RUN, langs
    assert langs.count("console") >= 5
    commands = [command.split()[:2] for command, _ in sessions()]
    for needed in ("check", "build", "new", "track", "diff"):
        assert ["reportgen", needed] in commands
    first = (REPO / "README.md").read_text(encoding="utf-8").split("\n\n")[1]
    assert "README.zh-CN.md" in first


def test_every_command_in_the_guide_prints_what_the_guide_shows(
    reportgen_cmd: list[str], tmp_path: Path
) -> None:
    project = tmp_path / "单位"
    shutil.copytree(DATA, project / "data")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("REPORTGEN_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE", "NO_COLOR")
    }
    env.update(LANG="zh_CN.UTF-8", PYTHONUNBUFFERED="1")
    for command, shown in sessions():
        words = shlex.split(command)
        assert words[0] == "reportgen", command
        result = subprocess.run(
            [*reportgen_cmd, *words[1:]],
            cwd=project,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=120,
        )
        assert result.returncode in (0, 1), (command, result.stdout)
        assert result.stdout.rstrip("\n").split("\n") == shown, command
