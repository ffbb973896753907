"""Issue 16 (cases 2 and 4), third round: every template and settings file of a project is
read like any input. A FIFO, a device, a link out of the project or an oversized file where
``templates/report.txt.j2``, ``rules.yaml``, ``sections.yaml``, ``units.yaml``,
``layout.yaml`` or ``reference.docx`` is expected is refused, located, exit 1, never silently
passed over for the shipped default (the project's own settings would then quietly not
apply) and never read. The same for a district's ``templates/`` and ``rollup.yaml``. Each
run is a subprocess of the installed command, bounded in time and peak memory."""

from __future__ import annotations

import os
import shutil
import stat
import sys
from pathlib import Path

import pytest
from hostile_cases import DATA
from measure import measured, snapshot

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and devices are POSIX")

SETTINGS = [
    "report.txt.j2",
    "rules.yaml",
    "sections.yaml",
    "units.yaml",
    "layout.yaml",
    "reference.docx",
]

NOT_REGULAR = "不是普通文件"
OUTSIDE = "指向项目之外"


@pytest.fixture
def built(built: Path) -> Path:
    """hostile/conftest.py's project with a good build, and a templates/ folder."""
    (built / "templates").mkdir()
    return built


def _place(path: Path, kind: str) -> str:
    """Put a ``kind`` of non-file at ``path``; the words the refusal must contain."""
    if kind == "fifo":
        os.mkfifo(path)
        return f"templates/{path.name} {NOT_REGULAR}，而是命名管道（FIFO）"
    if kind == "device":  # a /dev/zero of the project's own: only root may make one
        if os.geteuid() != 0:
            pytest.skip("making a device node needs root")
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 5))
        return f"templates/{path.name} {NOT_REGULAR}，而是设备文件"
    path.symlink_to("/dev/zero")
    return f"templates/{path.name} {OUTSIDE}（/dev/zero）"


@pytest.mark.parametrize("kind", ["fifo", "device", "zero-link"])
@pytest.mark.parametrize("name", SETTINGS)
def test_a_settings_file_that_is_not_a_file_is_refused(
    built: Path, reportgen_cmd: list[str], name: str, kind: str
) -> None:
    fmt = "docx" if name in ("layout.yaml", "reference.docx") else "txt"
    words = _place(built / "templates" / name, kind)
    good = snapshot(built / "build")
    source = (built / DATA).read_bytes()

    run = measured([*reportgen_cmd, "build", "2022", "-f", fmt], built)

    run.within_bounds()
    assert run.code == 1, run.text
    assert words in run.text, run.text
    assert "请给出一个普通文件的路径" in run.text or "不要用符号链接" in run.text
    assert snapshot(built / "build") == good
    assert (built / DATA).read_bytes() == source


def test_check_reads_rules_through_the_same_gate(built: Path, reportgen_cmd: list[str]) -> None:
    os.mkfifo(built / "templates" / "rules.yaml")
    run = measured([*reportgen_cmd, "check", "2022"], built)
    run.within_bounds()
    assert run.code == 1, run.text
    assert "templates/rules.yaml 不是普通文件，而是命名管道（FIFO）" in run.text


@pytest.mark.parametrize("name", ["report.txt.j2", "reference.docx"])
def test_an_oversized_template_is_refused_before_it_is_read(
    built: Path, reportgen_cmd: list[str], name: str
) -> None:
    with open(built / "templates" / name, "wb") as big:  # sparse: 60 MB that cost nothing
        big.truncate(60 * 1024 * 1024)
    good = snapshot(built / "build")
    run = measured([*reportgen_cmd, "build", "2022", "-f", "docx,txt"], built)
    run.within_bounds()
    assert run.code == 1, run.text
    assert f"templates/{name} 有 60 MB" in run.text and "请确认没有选错文件" in run.text
    assert snapshot(built / "build") == good


def test_a_reference_docx_that_is_not_word_is_located(
    built: Path, reportgen_cmd: list[str]
) -> None:
    (built / "templates" / "reference.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 1000)
    good = snapshot(built / "build")
    run = measured([*reportgen_cmd, "build", "2022", "-f", "docx"], built)
    run.within_bounds()
    assert run.code == 1, run.text
    assert "templates/reference.docx 不是 Word 文档（.docx）" in run.text
    assert "另存为 .docx" in run.text
    assert snapshot(built / "build") == good


@pytest.fixture
def district(built: Path) -> Path:
    """A district folder holding one office's project, as rollup is run."""
    folder = built.parent / "district"
    folder.mkdir()
    shutil.rmtree(built / "templates")
    shutil.move(str(built), folder / "office-a")
    return folder


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_rollup_refuses_a_mapping_that_is_not_a_file(
    district: Path, reportgen_cmd: list[str], kind: str
) -> None:
    mapping = district / "rollup.yaml"
    if kind == "fifo":
        os.mkfifo(mapping)
    else:
        mapping.symlink_to("/dev/zero")
    for extra in ([], ["--mapping", "rollup.yaml"]):
        run = measured(
            [*reportgen_cmd, "rollup", "2022", "--projects", "office-*", "-o", "out", *extra],
            district,
        )
        run.within_bounds()
        assert run.code == 1, run.text
        assert f"rollup.yaml {NOT_REGULAR}" in run.text, run.text
        assert not (district / "out").exists()


def test_rollup_keeps_the_district_templates_inside(
    district: Path, reportgen_cmd: list[str], tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "units.yaml").write_text("万元: {}\n", encoding="utf-8")
    (district / "templates").symlink_to(elsewhere)
    run = measured(
        [*reportgen_cmd, "rollup", "2022", "--projects", "office-*", "-o", "out"], district
    )
    run.within_bounds()
    assert run.code == 1, run.text
    assert f"templates {OUTSIDE}（{elsewhere.resolve()}）" in run.text, run.text
    assert not (district / "out").exists()
