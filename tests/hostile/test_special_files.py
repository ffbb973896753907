"""Issue 16, cases 1, 3 (check --fix) , 4, 10 (IO) and 14: special files, size caps and
output streams. Only regular files are read or replaced; every read is capped and never
waits on a FIFO; every refusal names the file and the fix, exit 1, no traceback, nothing of
the last good build lost. Each run is a subprocess bounded in time and peak memory.
``built``, the project with a good build, is hostile/conftest.py's."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_cases import DATA, REVIEW
from measure import measured, snapshot

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and devices are POSIX")


def _special(path: Path, kind: str) -> None:
    path.unlink(missing_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")


WHAT = {"fifo": "命名管道（FIFO）", "zero": "设备文件"}

# (command, exit code): diff, like diff(1), says trouble with exit 2.
READERS = {
    "build": (["build", "2022", "-f", "txt"], 1),
    "check": (["check", "2022"], 1),
    "check-fix": (["check", "2022", "--fix"], 1),
    "diff": (["diff", "2022", "2022"], 2),
    "import": (["import", "incoming.txt", "--year", "2023", "-o", "imported.yaml"], 1),
}


@pytest.mark.parametrize("kind", ["zero", "fifo"])
@pytest.mark.parametrize("command", list(READERS))
def test_a_special_file_as_input_is_refused_at_once(
    built: Path, reportgen_cmd: list[str], kind: str, command: str
) -> None:
    args, code = READERS[command]
    source = built / ("incoming.txt" if command == "import" else DATA)
    _special(source, kind)
    good = snapshot(built / "build")

    run = measured([*reportgen_cmd, *args], built)

    run.within_bounds()
    assert run.code == code, run.text
    assert "不是普通文件" in run.text and WHAT[kind] in run.text, run.text
    assert "请给出一个普通文件的路径" in run.text
    # check names a link by what it resolves to (it checks each real file once)
    assert source.name in run.text or (kind == "zero" and "/dev/zero" in run.text)
    assert snapshot(built / "build") == good
    assert not (built / "imported.yaml").exists()
    mode = os.lstat(source).st_mode
    assert stat.S_ISFIFO(mode) if kind == "fifo" else stat.S_ISLNK(mode)  # left as it was


@pytest.mark.parametrize("kind", ["zero", "fifo"])
def test_every_project_of_a_batch_is_read_by_the_same_reader(
    built: Path, reportgen_cmd: list[str], kind: str
) -> None:
    _special(built / DATA, kind)
    run = measured(
        [*reportgen_cmd, "build", "2022", "--projects", "*", "--jobs", "2"], built.parent
    )
    run.within_bounds()
    assert run.code == 1, run.text
    assert "不是普通文件" in run.text and WHAT[kind] in run.text, run.text


@pytest.mark.parametrize("kind", ["zero", "fifo"])
def test_a_special_file_as_the_manifest_is_refused(
    built: Path, reportgen_cmd: list[str], kind: str
) -> None:
    manifest = built / "build" / ".reportgen.json"
    _special(manifest, kind)
    good = snapshot(built / "build")
    run = measured([*reportgen_cmd, "build", "2022", "-f", "txt"], built)
    run.within_bounds()
    assert run.code == 1, run.text
    assert ".reportgen.json" in run.text and WHAT[kind] in run.text, run.text
    assert snapshot(built / "build") == good


def test_a_manifest_nested_past_the_stack_only_makes_reportgen_careful(
    built: Path, reportgen_cmd: list[str]
) -> None:
    manifest = built / "build" / ".reportgen.json"
    manifest.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (built / DATA).write_text(REVIEW.replace("招商引资", "招商引资工作", 1), encoding="utf-8")
    good = snapshot(built / "build")
    run = measured([*reportgen_cmd, "build", "2022", "-f", "txt"], built)
    run.within_bounds()
    assert run.code == 1, run.text
    assert "build/2022.txt 已经存在，而且不是 reportgen 生成的" in run.text
    assert "--force" in run.text
    assert snapshot(built / "build") == good
    forced = measured([*reportgen_cmd, "build", "2022", "-f", "txt", "--force"], built)
    assert forced.code == 0, forced.text
    assert manifest.read_text(encoding="utf-8").startswith("{")  # a sound manifest again


def test_a_fifo_at_the_output_path_is_not_replaced(built: Path, reportgen_cmd: list[str]) -> None:
    fifo = built / "x"
    os.mkfifo(fifo)
    for force in ([], ["--force"]):
        run = measured([*reportgen_cmd, "build", "2022", "-f", "txt", "-o", "x", *force], built)
        run.within_bounds()
        assert run.code == 1, run.text
        assert "无法写入 x：它不是普通文件，而是命名管道（FIFO）" in run.text
        assert "--output" in run.text
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
        assert not (built / ".reportgen.json").exists()


def test_a_device_at_the_output_path_is_not_replaced_even_with_force(
    built: Path, reportgen_cmd: list[str]
) -> None:
    if os.geteuid() == 0:  # root could replace a real device: use a private one
        device = built / "null"
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        target, shown = "null", "null"
    else:  # anyone else cannot harm /dev/null, and is refused before trying
        device, target, shown = Path("/dev/null"), "/dev/null", "/dev/null"
    before = os.lstat(device)
    run = measured([*reportgen_cmd, "build", "2022", "-f", "txt", "-o", target, "--force"], built)
    run.within_bounds()
    assert run.code == 1, run.text
    assert f"无法写入 {shown}：它不是普通文件，而是设备文件" in run.text
    assert "--force 也不会" in run.text
    after = os.lstat(device)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev
    assert after.st_ino == before.st_ino


def test_an_output_name_too_long_is_named(built: Path, reportgen_cmd: list[str]) -> None:
    good = snapshot(built / "build")
    name = "总结" * 100 + ".txt"  # 300 characters, 604 bytes
    run = measured([*reportgen_cmd, "build", "2022", "-f", "txt", "-o", name], built)
    run.within_bounds()
    assert run.code == 1, run.text
    assert "文件名有 604 字节，文件系统最多允许 255 字节" in run.text
    assert "--output" in run.text
    assert snapshot(built / "build") == good


def test_check_fix_keeps_the_five_megabyte_limit(built: Path, reportgen_cmd: list[str]) -> None:
    source = built / DATA
    source.write_bytes(REVIEW.encode() + b"# " + b"x," * (20 * 1024 * 1024) + b"\n")
    before = source.read_bytes()
    run = measured([*reportgen_cmd, "check", "2022", "--fix"], built)
    run.within_bounds()
    assert run.code == 1, run.text
    assert "有 40 MB" in run.text and "请确认没有选错文件" in run.text
    assert source.read_bytes() == before
    assert not source.with_name("2022.yaml.bak").exists()


def test_check_fix_leaves_a_read_only_file_alone(built: Path, reportgen_cmd: list[str]) -> None:
    source = built / DATA
    source.write_text(REVIEW.replace("招商引资持续发力。", "招商引资,持续发力。"), encoding="utf-8")
    before = source.read_bytes()
    source.chmod(0o444)
    run = measured([*reportgen_cmd, "check", "2022", "--fix"], built)
    run.within_bounds()
    assert run.code == 1, run.text
    assert "data/2022.yaml 是只读文件" in run.text and "chmod u+w" in run.text
    assert source.read_bytes() == before
    assert not source.with_name("2022.yaml.bak").exists()
    source.chmod(0o644)
    fixed = measured([*reportgen_cmd, "check", "2022", "--fix"], built)
    assert "招商引资，持续发力" in source.read_text(encoding="utf-8"), fixed.text


def test_stdout_on_a_full_disk_is_a_message(built: Path, reportgen_cmd: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [*reportgen_cmd, "check", "2022"],
            cwd=built,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    assert done.stderr.strip() == "无法输出结果：No space left on device", done.stderr


def test_a_terminal_that_cannot_show_chinese(built: Path, reportgen_cmd: list[str]) -> None:
    source = built / DATA
    source.write_text(
        REVIEW.replace("招商引资持续发力。", "招商引资持续发力XX。"), encoding="utf-8"
    )
    run = measured(
        [*reportgen_cmd, "build", "2022", "-f", "txt"], built, {"PYTHONIOENCODING": "ascii"}
    )
    run.within_bounds()
    assert run.code == 0, run.text
    # Either our \\uXXXX escapes (print) or UTF-8 (click re-wraps a stream it finds set to
    # ASCII): never a UnicodeEncodeError, and the build's line is there.
    assert "\\u5199\\u5165" in run.text or "已写入" in run.text
    assert "UnicodeEncodeError" not in run.text
