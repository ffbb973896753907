"""app.build.Rebuilder: the warm rebuild a long-lived process (the preview server) calls."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from reportgen.app.build import BuildRequest, Rebuilder, run
from reportgen.errors import UsageError, UserError

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path


def bump(path: Path) -> None:
    """A later modification time, as an editor's save gives it."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_a_rebuild_is_the_bytes_the_build_command_writes(project: Path) -> None:
    out = project / "out.docx"
    run(BuildRequest("2022", project=project, output=out))
    rebuilder = Rebuilder(project)
    assert rebuilder.build("2022", "docx") == out.read_bytes()
    assert rebuilder.build("2022", "docx") == out.read_bytes()  # and again, warm
    assert not (project / "build").exists()  # nothing written


def test_an_edited_data_file_is_read_again(project: Path) -> None:
    rebuilder = Rebuilder(project)
    before = rebuilder.build("2022", "md").decode()
    review = project / "data" / "2022.yaml"
    review.write_text(review.read_text("utf-8").replace("现将主要工作", "现将重点工作"), "utf-8")
    bump(review)
    after = rebuilder.build("2022", "md").decode()
    assert "现将主要工作" in before and "现将重点工作" in after


def test_a_new_layout_in_templates_is_picked_up(project: Path) -> None:
    rebuilder = Rebuilder(project)
    assert b'<w:sz w:val="44"/>' in _styles(rebuilder.build("2022"))
    (project / "templates").mkdir()
    (project / "templates" / "layout.yaml").write_text("title:\n  size_pt: 20\n", "utf-8")
    assert b'<w:sz w:val="40"/>' in _styles(rebuilder.build("2022"))


def test_bad_input_is_the_located_error_and_a_bad_format_a_usage_error(project: Path) -> None:
    rebuilder = Rebuilder(project)
    review = project / "data" / "2022.yaml"
    review.write_text(review.read_text("utf-8") + "\nyear: 二零二二\n", "utf-8")
    bump(review)
    with pytest.raises(UserError) as error:
        rebuilder.build("2022")
    assert "2022.yaml:" in error.value.format()  # file:line:col, as the build says it
    with pytest.raises(UsageError):
        rebuilder.build("2022", "odt")


def _styles(docx: bytes) -> bytes:
    import io
    import zipfile

    return zipfile.ZipFile(io.BytesIO(docx)).read("word/styles.xml")


def test_projects_without_templates_share_the_shipped_settings_once(tmp_path: Path) -> None:
    from reportgen.app.build import settings_of
    from reportgen.files.project import Project

    first, second = tmp_path / "s001", tmp_path / "s002"
    for root in (first, second):
        shutil.copytree(DATA, root / "data")
    one = settings_of(Project(first))
    assert settings_of(Project(second)) is one  # loaded once for a whole batch
    assert one.layout.body.size_pt == 16  # the shipped 三号


def test_settings_are_loaded_again_when_templates_change(project: Path) -> None:
    from reportgen.app.build import settings_of
    from reportgen.files.project import Project

    templates = project / "templates"
    templates.mkdir()
    layout = templates / "layout.yaml"
    layout.write_text("title:\n  size_pt: 20\n", "utf-8")
    assert settings_of(Project(project)).layout.title.size_pt == 20
    assert settings_of(Project(project)) is settings_of(Project(project))
    layout.write_text("title:\n  size_pt: 18\n", "utf-8")
    bump(layout)
    assert settings_of(Project(project)).layout.title.size_pt == 18
    (templates / "units.yaml").write_text("面积:\n  亩: 1\n", "utf-8")  # a file added
    assert settings_of(Project(project)).units.group("亩") == "面积"
    layout.unlink()  # and removed: the shipped 二号 again
    assert settings_of(Project(project)).layout.title.size_pt == 22
