"""Start-up stays light: a command imports only what it needs.

Each case runs the CLI in a fresh interpreter and reads ``sys.modules`` afterwards, so a heavy
import slipped in at the top of any module the CLI loads fails here, not in a benchmark.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# Runs the CLI as the console script does, then reports what was imported.
PROBE = """
import json, sys
out, sys.argv = sys.argv[1], ["reportgen", *sys.argv[2:]]
from reportgen.cli import main
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
with open(out, "w") as handle:
    json.dump({"code": code, "modules": sorted(sys.modules)}, handle)
"""

RENDERING = ("docx", "lxml", "jinja2", "jieba")


def probe(tmp_path: Path, *args: str, cwd: Path | None = None) -> tuple[int, list[str]]:
    """Exit code and every module (full name) a run of ``reportgen args`` imported."""
    report = tmp_path / "modules.json"
    subprocess.run(
        [sys.executable, "-c", PROBE, str(report), *args],
        cwd=cwd or tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    data = json.loads(report.read_text())
    return data["code"], data["modules"]


def imported(tmp_path: Path, *args: str, cwd: Path | None = None) -> tuple[int, set[str]]:
    code, modules = probe(tmp_path, *args, cwd=cwd)
    return code, {name.split(".")[0] for name in modules}


# The top-level help needs no model and no rich either: a pydantic import at the top of a
# command module would cost every command ~100 ms, rich's help boxes cost --help ~110 ms.
# The help is read from the catalogue (settings/messages.yaml) in the language of the run (the
# version line has no words, but the root command is localised before the command line is
# parsed); the catalogue is kept parsed in __pycache__, so once it is there not even yaml is
# imported (test_warm_help_imports_no_yaml).
# (A command's own --help runs the root callback, and typer then builds its pydantic
# adapters, so that is not asserted for ``build --help``.)
@pytest.mark.parametrize(
    ("args", "forbidden"),
    [
        (["--help"], {*RENDERING, "pydantic", "rich"}),
        (["--version"], {*RENDERING, "pydantic", "rich"}),
        (["build", "--help"], set(RENDERING)),
    ],
)
def test_help_imports_no_rendering_library(
    tmp_path: Path, args: list[str], forbidden: set[str]
) -> None:
    code, modules = imported(tmp_path, *args)
    assert code == 0
    assert "reportgen" in modules and "typer" in modules  # the probe really ran the CLI
    heavy = modules & forbidden
    assert not heavy, f"reportgen {' '.join(args)} imported {heavy}"


def test_failed_build_imports_no_rendering_library(tmp_path: Path) -> None:
    # No data/ here: the command fails before rendering, and must not have paid for it.
    code, modules = imported(tmp_path, "build", "2022")
    assert code == 1
    assert "reportgen" in modules
    assert not modules & set(RENDERING)


def test_check_imports_no_rendering_library(tmp_path: Path, project: Path) -> None:
    code, modules = imported(tmp_path, "check", "2022", cwd=project)
    assert code in (0, 1)  # 1: the bundled data keeps the seed's real findings
    assert "reportgen" in modules and "yaml" in modules  # it did read the files
    assert not modules & {"docx", "lxml", "jinja2"}, modules & {"docx", "lxml", "jinja2"}


def test_check_loads_no_layout(tmp_path: Path, project: Path) -> None:
    # check lints text: the Word layout's models (settings.layout, ~24 M instructions a run) are
    # a build's, not a check's, in a project without templates/ of its own.
    code, modules = probe(tmp_path, "check", "2022", cwd=project)
    assert code == 1  # the seed's findings were printed
    assert "reportgen.check.lint.typed" in modules  # the figures were checked against units
    assert "reportgen.settings.layout" not in modules
    assert "reportgen.settings.stage" not in modules


def test_check_into_a_pipe_imports_no_rich(
    tmp_path: Path, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # rich colours a terminal; into a pipe or a file the text is printed as it is (~30 ms less).
    for forcing in ("FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(forcing, raising=False)
    code, modules = imported(tmp_path, "check", "2022", cwd=project)
    assert code == 1  # the seed's findings were printed
    assert "rich" not in modules


@pytest.mark.parametrize(
    ("fmt", "needed", "not_needed"),
    [
        ("docx", {"docx", "lxml"}, {"jinja2", "jieba"}),
        ("md", {"jinja2"}, {"docx", "lxml", "jieba"}),
    ],
)
def test_build_imports_only_its_format(
    tmp_path: Path, project: Path, fmt: str, needed: set[str], not_needed: set[str]
) -> None:
    code, modules = imported(tmp_path, "build", "2022", "-f", fmt, cwd=project)
    assert code == 0
    assert (project / "build" / f"2022.{fmt}").exists()
    assert needed <= modules
    assert not modules & not_needed, modules & not_needed


def test_warm_help_imports_no_yaml(tmp_path: Path) -> None:
    # The first run anywhere parses messages.yaml and keeps the result; from then on --help and
    # --version read the kept copy (~0.5 ms) instead of importing PyYAML and parsing 75 kB.
    from reportgen.settings import messages

    messages._table.cache_clear()
    messages._table()  # makes sure the kept copy exists
    for args in (["--help"], ["--version"]):
        code, modules = imported(tmp_path, *args)
        assert code == 0
        assert "reportgen" in modules
        assert "yaml" not in modules, f"reportgen {' '.join(args)} imported yaml"


ALL_COMMANDS = {"build", "check", "diff", "import_", "new", "preview", "rollup", "schema", "track"}


def commands_loaded(tmp_path: Path, *args: str, cwd: Path | None = None) -> tuple[int, set[str]]:
    code, modules = probe(tmp_path, *args, cwd=cwd)
    prefix = "reportgen.cli."
    names = {m[len(prefix) :].split(".")[0] for m in modules if m.startswith(prefix)}
    return code, names & ALL_COMMANDS


@pytest.mark.parametrize(
    ("args", "exit_code", "expected"),
    [
        (["build", "2022", "-f", "md"], 0, {"build"}),
        (["--lang", "en", "check", "2022"], 1, {"check"}),  # 1: the seed's real findings
        (["check", "--no-color", "2022"], 1, {"check"}),
        (["schema", "review"], 0, {"schema"}),
        (["track", "--help"], 0, {"track"}),
        (["--help"], 0, ALL_COMMANDS),
        (["biuld", "2022"], 2, ALL_COMMANDS),  # did-you-mean needs every name
    ],
)
def test_a_run_loads_only_the_command_it_names(
    tmp_path: Path, project: Path, args: list[str], exit_code: int, expected: set[str]
) -> None:
    code, loaded = commands_loaded(tmp_path, *args, cwd=project)
    assert code == exit_code
    assert loaded == expected
