"""A project's own templates/reference.docx is the package its document is written into."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest

from reportgen.app.build import BuildRequest, run
from reportgen.oxml.reference import reference_package

DATA = Path(__file__).resolve().parents[2] / "data"
PYTHON_DOCX_TEMPLATE = Path(docx.__file__).parent / "templates" / "default.docx"


def built_with(tmp_path: Path, reference: bytes | None) -> zipfile.ZipFile:
    shutil.copytree(DATA, tmp_path / "data")
    if reference is not None:
        (tmp_path / "templates").mkdir()
        (tmp_path / "templates" / "reference.docx").write_bytes(reference)
    run(BuildRequest("2022", project=tmp_path, output=tmp_path / "out.docx"))
    return zipfile.ZipFile(tmp_path / "out.docx")


def style_names(package: zipfile.ZipFile) -> list[str]:
    return re.findall(r'<w:name w:val="([^"]+)"', package.read("word/styles.xml").decode())


def test_without_one_the_document_is_written_into_reportgens_template(tmp_path: Path) -> None:
    package = built_with(tmp_path, None)
    assert "word/theme/theme1.xml" not in package.namelist()
    assert len(style_names(package)) == 10  # the template's 8, Table Text and Gongwen Table


def test_a_projects_word_template_is_used_with_its_own_parts(tmp_path: Path) -> None:
    package = built_with(tmp_path, PYTHON_DOCX_TEMPLATE.read_bytes())
    assert "word/theme/theme1.xml" in package.namelist()
    assert "Intense Quote" in style_names(package)  # one of that template's own styles
    assert "2022年工作总结" in package.read("word/document.xml").decode()


def test_a_template_missing_the_styles_the_writer_uses_gets_them(tmp_path: Path) -> None:
    source = zipfile.ZipFile(io.BytesIO(reference_package()))
    styles = source.read("word/styles.xml").decode()
    normal_only = re.sub(
        r'<w:style w:type="paragraph" w:styleId="(Title|Heading\d|Footer)".*?</w:style>', "", styles
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            data = normal_only.encode() if name == "word/styles.xml" else source.read(name)
            target.writestr(name, data)
    assert "Title" not in style_names_of(normal_only)
    package = built_with(tmp_path, out.getvalue())
    assert {"Title", "heading 1", "heading 2", "footer"} <= set(style_names(package))


def style_names_of(styles: str) -> list[str]:
    return re.findall(r'<w:name w:val="([^"]+)"', styles)


def with_template(tmp_path: Path) -> Path:
    """A project holding the bundled data and python-docx's template as its reference.docx."""
    shutil.copytree(DATA, tmp_path / "data")
    (tmp_path / "templates").mkdir()
    shutil.copy(PYTHON_DOCX_TEMPLATE, tmp_path / "templates" / "reference.docx")
    return tmp_path


def test_diff_as_a_word_document_is_written_into_the_projects_template(tmp_path: Path) -> None:
    from reportgen.app.diff import DiffRequest
    from reportgen.app.diff import run as run_diff

    project = with_template(tmp_path)
    edited = project / "edited.yaml"
    edited.write_text(
        (project / "data" / "2022.yaml").read_text(encoding="utf-8") + "closing: 特此报告。\n",
        encoding="utf-8",
    )
    report = run_diff(DiffRequest("data/2022.yaml", str(edited), fmt="docx", project=project))
    assert report.docx is not None
    package = zipfile.ZipFile(io.BytesIO(report.docx))
    assert "word/theme/theme1.xml" in package.namelist()  # python-docx's template's own part
    assert "Intense Quote" in style_names(package)
    assert "特此报告" in package.read("word/document.xml").decode()


def test_rollups_word_table_is_written_into_the_districts_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportgen.app.rollup import RollupRequest
    from reportgen.app.rollup import run as run_rollup

    for name in ("a", "b"):
        shutil.copytree(DATA, tmp_path / "orgs" / name / "data")
    (tmp_path / "templates").mkdir()
    shutil.copy(PYTHON_DOCX_TEMPLATE, tmp_path / "templates" / "reference.docx")
    monkeypatch.chdir(tmp_path)
    run_rollup(RollupRequest("2022", ("orgs/*",), ("docx",), output=tmp_path / "out"))
    package = zipfile.ZipFile(tmp_path / "out" / "2022.docx")
    assert "word/theme/theme1.xml" in package.namelist()
    assert "Intense Quote" in style_names(package)


def test_rollups_word_table_without_a_template_uses_reportgens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportgen.app.rollup import RollupRequest
    from reportgen.app.rollup import run as run_rollup

    shutil.copytree(DATA, tmp_path / "orgs" / "a" / "data")
    monkeypatch.chdir(tmp_path)
    run_rollup(RollupRequest("2022", ("orgs/*",), ("docx",), output=tmp_path / "out"))
    package = zipfile.ZipFile(tmp_path / "out" / "2022.docx")
    assert "word/theme/theme1.xml" not in package.namelist()
