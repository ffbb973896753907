"""guard: reportgen never replaces a file changed by hand, and keeps a .bak of YAML it rewrites."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from reportgen.errors import UserError
from reportgen.files import guard
from reportgen.files.guard import (
    MANIFEST,
    ChangedByHand,
    check_replaceable,
    record,
    rewrite_source,
    write_output,
    write_outputs,
)

pytestmark = pytest.mark.usefixtures("english")  # they read the English wording


def _manifest(folder: Path) -> dict[str, list[str]]:
    return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["files"]


def test_a_file_reportgen_wrote_is_replaced_and_recorded(tmp_path: Path) -> None:
    target = tmp_path / "build" / "2022.docx"
    write_output(target, b"version 1")
    assert _manifest(target.parent) == {"2022.docx": [guard.sha256(b"version 1")]}
    write_output(target, b"version 2")
    assert target.read_bytes() == b"version 2"
    assert _manifest(target.parent) == {"2022.docx": [guard.sha256(b"version 2")]}


def test_a_file_edited_by_hand_is_not_replaced_without_force(tmp_path: Path) -> None:
    target = tmp_path / "2022.docx"
    write_output(target, b"as built")
    target.write_bytes(b"as built, then polished in Word")
    with pytest.raises(ChangedByHand) as caught:
        write_output(target, b"rebuilt")
    assert caught.value.exit_code == 1
    assert "was changed since reportgen wrote it" in caught.value.message
    assert "--force" in caught.value.hint
    assert target.read_bytes() == b"as built, then polished in Word"
    write_output(target, b"rebuilt", force=True)
    assert target.read_bytes() == b"rebuilt"
    write_output(target, b"rebuilt again")  # recorded again: no --force needed now
    assert target.read_bytes() == b"rebuilt again"


def test_a_file_reportgen_never_wrote_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "2022.docx"
    target.write_bytes(b"the user's own document")
    with pytest.raises(ChangedByHand, match="exists and was not written by reportgen"):
        write_output(target, b"generated")
    assert target.read_bytes() == b"the user's own document"


def test_identical_content_is_never_a_conflict(tmp_path: Path) -> None:
    target = tmp_path / "2022.txt"
    target.write_bytes(b"same")
    write_output(target, b"same")
    assert _manifest(tmp_path) == {"2022.txt": [guard.sha256(b"same")]}


def test_a_read_only_file_is_left_alone_without_force(tmp_path: Path) -> None:
    target = tmp_path / "2022.txt"
    write_output(target, b"v1")
    target.chmod(0o444)
    with pytest.raises(ChangedByHand, match="read-only") as caught:
        write_output(target, b"v2")
    assert "make it writable" in caught.value.hint
    assert target.read_bytes() == b"v1"
    write_output(target, b"v2", force=True)
    assert target.read_bytes() == b"v2"


def test_one_refused_target_means_nothing_is_written(tmp_path: Path) -> None:
    docx, md = tmp_path / "2022.docx", tmp_path / "2022.md"
    write_outputs({docx: b"d1", md: b"m1"})
    md.write_bytes(b"m1 edited")
    with pytest.raises(ChangedByHand, match=r"2022\.md"):
        write_outputs({docx: b"d2", md: b"m2"})
    assert docx.read_bytes() == b"d1"
    assert md.read_bytes() == b"m1 edited"


def test_a_crash_before_the_replace_leaves_the_old_file_accepted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "2022.docx"
    write_output(target, b"old")
    real = guard.write_atomic

    def killed_on_target(path: Path, data: bytes, **options: bool) -> None:
        if path == target:
            raise KeyboardInterrupt  # stands for SIGKILL between the two steps
        real(path, data)

    monkeypatch.setattr(guard, "write_atomic", killed_on_target)
    monkeypatch.setattr(
        guard,
        "write_all",
        lambda files, **options: [killed_on_target(*item) for item in files.items()],
    )
    with pytest.raises(KeyboardInterrupt):
        write_output(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    check_replaceable(target, b"newer")  # the old content is still recognised as ours


def test_a_crash_after_the_replace_leaves_the_new_file_accepted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "2022.docx"
    write_output(target, b"old")
    real = guard.write_atomic
    calls: list[Path] = []

    def killed_after_target(path: Path, data: bytes, **options: bool) -> None:
        calls.append(path)
        if path.name == MANIFEST and target in calls:
            raise KeyboardInterrupt  # the final manifest update never happens
        real(path, data)

    monkeypatch.setattr(guard, "write_atomic", killed_after_target)
    monkeypatch.setattr(
        guard,
        "write_all",
        lambda files, **options: [killed_after_target(*item) for item in files.items()],
    )
    with pytest.raises(KeyboardInterrupt):
        write_output(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"new"
    check_replaceable(target, b"newer")  # the new content was recorded before the replace


def test_a_new_file_killed_after_the_replace_is_accepted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "2022.md"
    real = guard.write_atomic
    calls: list[Path] = []

    def killed_after_target(path: Path, data: bytes, **options: bool) -> None:
        calls.append(path)
        if path.name == MANIFEST and target in calls:
            raise KeyboardInterrupt
        real(path, data)

    monkeypatch.setattr(guard, "write_atomic", killed_after_target)
    monkeypatch.setattr(
        guard,
        "write_all",
        lambda files, **options: [killed_after_target(*item) for item in files.items()],
    )
    with pytest.raises(KeyboardInterrupt):
        write_output(target, b"first build")
    monkeypatch.undo()
    check_replaceable(target, b"second build")


def test_a_damaged_manifest_only_makes_reportgen_more_careful(tmp_path: Path) -> None:
    target = tmp_path / "2022.txt"
    write_output(target, b"v1")
    for damage in ("{not json", "[]", '{"files": 3}', '{"files": {"2022.txt": "abc"}}'):
        (tmp_path / MANIFEST).write_text(damage, encoding="utf-8")
        with pytest.raises(ChangedByHand, match="not written by reportgen"):
            write_output(target, b"v2")
    write_output(target, b"v2", force=True)
    assert _manifest(tmp_path) == {"2022.txt": [guard.sha256(b"v2")]}


def test_the_manifest_forgets_files_that_are_gone(tmp_path: Path) -> None:
    write_output(tmp_path / "old-name.txt", b"a")
    (tmp_path / "old-name.txt").unlink()
    write_output(tmp_path / "new-name.txt", b"b")
    assert list(_manifest(tmp_path)) == ["new-name.txt"]


def test_a_folder_that_cannot_be_written_is_named_by_the_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr("reportgen.files.atomic.tempfile.mkstemp", denied)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UserError) as caught:
        write_output(tmp_path / "build" / "2022.docx", b"x")
    assert caught.value.message == "cannot write build/2022.docx: permission denied"


def test_record_lets_a_command_adopt_a_file(tmp_path: Path) -> None:
    target = tmp_path / "2024.yaml"
    target.write_bytes(b"organisation: x\n")
    record(target, b"organisation: x\n")
    write_output(target, b"organisation: y\n")
    assert target.read_bytes() == b"organisation: y\n"


def test_rewrite_source_keeps_a_backup(tmp_path: Path) -> None:
    source = tmp_path / "2022.yaml"
    source.write_bytes(b"text: a,b\n")
    backup = rewrite_source(source, b"text: a\xef\xbc\x8cb\n", original=b"text: a,b\n")
    assert backup == tmp_path / "2022.yaml.bak"
    assert backup.read_bytes() == b"text: a,b\n"
    assert source.read_text(encoding="utf-8") == "text: a，b\n"


def test_rewrite_source_refuses_a_file_saved_meanwhile(tmp_path: Path) -> None:
    source = tmp_path / "2022.yaml"
    source.write_bytes(b"text: saved by the editor a moment ago\n")
    with pytest.raises(ChangedByHand, match="changed on disk while reportgen was working"):
        rewrite_source(source, b"fixed\n", original=b"text: what the command read\n")
    assert source.read_bytes() == b"text: saved by the editor a moment ago\n"
    assert not (tmp_path / "2022.yaml.bak").exists()


# The command line, in process: exit codes and words as a user sees them.

REVIEW = """\
organisation: "*街道"
year: 2022
highlights:
  - heading: 经济发展稳中有进
    points:
      - 完成全年目标。
"""


def _cli(args: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    from reportgen.cli import app
    from reportgen.cli.app import run

    monkeypatch.chdir(cwd)
    monkeypatch.setattr(sys, "argv", ["reportgen", "--lang", "en", *args])
    return run(app)


def test_build_refuses_an_edited_output_and_force_replaces_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "2022.yaml").write_text(REVIEW, encoding="utf-8")
    assert _cli(["build", "2022", "-f", "txt,md"], tmp_path, monkeypatch) == 0
    assert _cli(["build", "2022", "-f", "txt,md"], tmp_path, monkeypatch) == 0  # unchanged: fine
    edited = tmp_path / "build" / "2022.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nmy notes\n", encoding="utf-8")
    capsys.readouterr()
    assert _cli(["build", "2022", "-f", "txt,md"], tmp_path, monkeypatch) == 1
    err = capsys.readouterr().err
    assert "build/2022.md was changed since reportgen wrote it" in err
    assert "--force" in err and "Traceback" not in err
    assert "my notes" in edited.read_text(encoding="utf-8")
    assert _cli(["build", "2022", "-f", "txt,md", "--force"], tmp_path, monkeypatch) == 0
    assert "my notes" not in edited.read_text(encoding="utf-8")


def test_an_output_over_one_mib_is_judged_by_all_its_bytes(tmp_path: Path) -> None:
    # 1 MiB of the same bytes, then what differs: a hash of the first MiB alone would
    # accept the edited file and refuse nothing.
    target = tmp_path / "2022.pdf"
    built = b"%" * (1 << 20) + b"as built" * 1000
    write_output(target, built)
    write_output(target, built + b"rebuilt")  # unchanged since written: accepted
    assert target.read_bytes() == built + b"rebuilt"
    target.write_bytes(built + b"edited by hand")
    with pytest.raises(ChangedByHand, match="was changed since reportgen wrote it"):
        write_output(target, built + b"rebuilt again")
    assert target.read_bytes() == built + b"edited by hand"


def test_a_build_flushes_the_folder_after_the_first_manifest_and_the_output_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The manifest's tidy-up after the output is in place needs no flush of the folder: a
    crash that loses it leaves the manifest that accepts both the old and the new file."""
    from reportgen.files import atomic

    target = tmp_path / "2022.docx"
    write_output(target, b"old")
    flushed: list[Path] = []
    real = atomic.sync_folder
    monkeypatch.setattr(
        atomic, "sync_folder", lambda folder: (flushed.append(folder), real(folder))
    )
    write_output(target, b"new")
    assert flushed == [tmp_path, tmp_path]  # the manifest with both hashes, then the output
    assert target.read_bytes() == b"new"
    check_replaceable(target, b"newer")
