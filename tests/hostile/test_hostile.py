"""Every hostile input of the corpus ends in its exit code and its words, never a traceback,
and never costs the user the outputs of their last good build."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile_cases import CASES, DATA, REVIEW, Case

from project_setup import TXT_BUILD, build_with_command, make_project, run_in_process


def _snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file and folder under ``folder``: the bytes of files, None for folders."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None)
        for p in sorted(folder.rglob("*"))
    }


def _project(
    tmp_path: Path, case: Case, build: Callable[[Path], None]
) -> tuple[Path, dict[str, bytes | None]]:
    """A valid project, built once with ``build``, then given the case's files; and the
    snapshot of that good build, which no hostile input may cost the user."""
    root = make_project(tmp_path / "project", {DATA: REVIEW})
    build(root)
    good = _snapshot(root / "build")
    assert (good.get("2022.txt") or b"").startswith("*街道".encode()), good.keys()
    for relative, content in case.files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content() if callable(content) else content)
    return root, good


def test_the_corpus_is_whole() -> None:
    names = [case.name for case in CASES]
    assert len(names) == len(set(names)), "two cases share a name"
    assert len(CASES) >= 40
    assert all(case.words for case in CASES), "every case names the words it expects"


@pytest.mark.parametrize("case", CASES, ids=str)
def test_hostile_input(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:

    def build(root: Path) -> None:
        code = run_in_process(TXT_BUILD, monkeypatch, cwd=root)
        assert code == 0, capsys.readouterr().err

    root, good = _project(tmp_path, case, build)
    if case.prepare:
        case.prepare(root)
    before = _snapshot(root / "build")
    if case.fault:
        case.fault(monkeypatch)
    capsys.readouterr()

    code = run_in_process(["--lang", case.lang, *case.args], monkeypatch)

    out, err = capsys.readouterr()
    assert code == case.exit, f"exit {code}, expected {case.exit}\n{out}{err}"
    for words in case.words:
        assert words in out + err, f"{words!r} not in:\n{out}{err}"
    assert "Traceback" not in err and "internal error" not in err
    after = _snapshot(root / "build")
    if case.exit != 0:
        # The last good build survives every failure, byte for byte, with nothing added
        # (as the case's own preparation left it: an edited or read-only output stays so).
        assert after == before
        if case.prepare is None:
            assert after == good
    elif "-o" in case.args:
        assert after == good  # written elsewhere: the good build is untouched
    else:
        assert after.keys() == good.keys() and after["2022.txt"], "a complete new build"
    for name in case.untouched:
        assert not (root / name).exists(), f"{name} was created: code ran from a data file"


# The same inputs through the installed command, as a user runs it: a few, for their cost.
THROUGH_THE_COMMAND = [
    "tab-indentation",
    "binary-file",
    "fifty-megabytes",
    "python-object-apply",
    "escaped-lone-surrogate",
    "vt-in-lead",
    "template-python-internals",
    "template-endless-recursion",
]


@pytest.mark.parametrize("case", [c for c in CASES if c.name in THROUGH_THE_COMMAND], ids=str)
def test_through_the_installed_command(
    case: Case, tmp_path: Path, reportgen_cmd: list[str]
) -> None:
    root, good = _project(tmp_path, case, lambda root: build_with_command(reportgen_cmd, root))
    result = subprocess.run(
        [*reportgen_cmd, "--lang", case.lang, *case.args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == case.exit, result.stderr
    for words in case.words:
        assert words in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert _snapshot(root / "build") == good  # the earlier good build, byte for byte
    assert not (root / "pwned").exists()


@pytest.mark.parametrize(
    "case",
    [c for c in CASES if DATA in c.files and c.exit in (0, 1)],
    ids=str,
)
def test_check_reads_the_same_inputs(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``reportgen check`` meets every bad data file too: same verdict, same place, no trace."""

    def build(root: Path) -> None:
        assert run_in_process(TXT_BUILD, monkeypatch, cwd=root) == 0

    root, good = _project(tmp_path, case, build)
    capsys.readouterr()
    code = run_in_process(["--lang", case.lang, "check", "2022"], monkeypatch)
    out, err = capsys.readouterr()
    assert code == case.exit, out + err
    assert "Traceback" not in err and "internal error" not in err
    for words in case.words:
        if words.startswith(f"{DATA}:"):  # the place is the same whichever command finds it
            assert words in out + err
    assert _snapshot(root / "build") == good  # check writes nothing
