"""templates/layout.yaml: the standard's numbers, project overrides, located errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.errors import InvalidInput
from reportgen.settings import messages
from reportgen.settings.layout import PT_PER_MM, load_layout, merge
from reportgen.settings.templating import Templates


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(messages, "_language", "en")


def override(tmp_path: Path, text: str) -> Templates:
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    (folder / "layout.yaml").write_text(text, encoding="utf-8")
    return Templates(folder)


def problems(tmp_path: Path, text: str) -> list:
    with pytest.raises(InvalidInput) as caught:
        load_layout(override(tmp_path, text))
    return caught.value.problems


def test_the_shipped_layout_is_gb_t_9704() -> None:
    layout = load_layout(Templates(None))
    page = layout.page
    assert (page.width_mm, page.height_mm) == (210, 297)
    margins = (page.margin_top_mm, page.margin_bottom_mm, page.margin_left_mm, page.margin_right_mm)
    assert margins == (37, 35, 28, 26)
    assert (
        round(page.text_width_pt / PT_PER_MM) == 156
        and round(page.text_height_pt / PT_PER_MM) == 225
    )
    assert (layout.grid.lines_per_page, layout.grid.chars_per_line) == (22, 28)
    assert layout.grid.line_spacing_pt == 28.95 and layout.grid.char_spacing_pt == -0.25
    assert (layout.title.font, layout.title.size_pt) == ("方正小标宋简体", 22)
    assert (layout.body.font, layout.body.size_pt) == ("仿宋_GB2312", 16)
    assert [layout.headings.at(n).font for n in (1, 2, 3, 4)] == [
        "黑体", "楷体_GB2312", "仿宋_GB2312", "仿宋_GB2312"
    ]  # fmt: skip
    assert not any(layout.headings.at(n).bold for n in (1, 2, 3, 4))
    assert (layout.page_number.font, layout.page_number.size_pt) == ("宋体", 14)
    assert layout.page_number.format == "— {page} —"
    assert layout.latin_font == "Times New Roman" and layout.language == "zh-CN"
    assert layout.bold_leads is False and layout.metrics_table is False


def test_a_project_overrides_only_what_it_names(tmp_path: Path) -> None:
    text = "body:\n  font: 仿宋\nheadings:\n  level3: {font: 仿宋, bold: true}\nbold_leads: true\n"
    layout = load_layout(override(tmp_path, text))
    assert layout.body.font == "仿宋" and layout.body.size_pt == 16
    assert layout.headings.level3.bold is True and layout.headings.level3.keep_with_next is False
    assert layout.headings.level1.font == "黑体"
    assert layout.bold_leads is True and layout.page.margin_top_mm == 37


def test_an_override_of_only_comments_changes_nothing(tmp_path: Path) -> None:
    assert load_layout(override(tmp_path, "# body:\n#   font: 仿宋\n\n")) == load_layout(
        Templates(None)
    )


def test_a_misspelt_key_is_reported_where_the_user_wrote_it(tmp_path: Path) -> None:
    found = problems(tmp_path, "headings:\n  level3:\n    font: 仿宋\n    blod: true\n")
    assert len(found) == 1
    problem = found[0]
    assert problem.location.file.endswith("templates/layout.yaml")
    assert (problem.location.line, problem.location.column) == (4, 5)
    assert problem.path == "headings.level3.blod"
    assert "bold" in problem.message


def test_every_wrong_value_is_reported_at_once(tmp_path: Path) -> None:
    text = "page:\n  margin_top_mm: 三十七\ntitle:\n  size_pt: -22\nbold_leads: maybe\n"
    found = problems(tmp_path, text)
    assert [(p.path, p.location.line) for p in found] == [
        ("page.margin_top_mm", 2), ("title.size_pt", 4), ("bold_leads", 5)
    ]  # fmt: skip
    assert all(p.location.file.endswith("templates/layout.yaml") for p in found)


def test_a_line_spacing_that_loses_a_line_is_refused_with_the_arithmetic(tmp_path: Path) -> None:
    (problem,) = problems(tmp_path, "grid:\n  line_spacing_pt: 29\n")
    assert problem.path == "grid.line_spacing_pt"
    assert problem.location.line == 2
    assert "21 lines" in problem.message and "28.99" in problem.message


def test_characters_that_do_not_fill_the_line_are_refused(tmp_path: Path) -> None:
    (problem,) = problems(tmp_path, "grid:\n  char_spacing_pt: 0\n")
    assert problem.path == "grid.char_spacing_pt"
    assert "27 in the" in problem.message and "-0.21" in problem.message


def test_a_bigger_body_size_needs_its_own_grid(tmp_path: Path) -> None:
    (problem,) = problems(tmp_path, "body:\n  size_pt: 18\n")
    # The arithmetic is reported where the grid is, in the shipped file the user did not edit.
    assert problem.path == "grid.char_spacing_pt"
    assert problem.location.file.endswith("layout.yaml")


def test_page_number_format_needs_one_page_placeholder(tmp_path: Path) -> None:
    (problem,) = problems(tmp_path, "page_number:\n  format: 第页\n")
    assert problem.path == "page_number.format" and "{page}" in problem.message
    (problem,) = problems(tmp_path, "page_number:\n  format: '{page} / {pages}'\n")
    assert "only {page}" in problem.message


def test_font_names_must_be_usable_in_word(tmp_path: Path) -> None:
    (problem,) = problems(tmp_path, "body:\n  font: '" + "很长的字体名称" * 5 + "'\n")
    assert problem.path == "body.font" and "31 characters" in problem.message
    (problem,) = problems(tmp_path, "body:\n  font: '  '\n")
    assert "empty" in problem.message


def test_an_override_that_is_not_a_mapping(tmp_path: Path) -> None:
    (problem,) = problems(tmp_path, "- body\n")
    assert "mapping" in problem.message and problem.location.line == 1


def test_merge_replaces_values_and_lists_and_merges_mappings() -> None:
    base = {"a": {"b": 1, "c": 2}, "d": [1, 2], "e": 1}
    assert merge(base, {"a": {"c": 3}, "d": [9]}) == {"a": {"b": 1, "c": 3}, "d": [9], "e": 1}
    assert base == {"a": {"b": 1, "c": 2}, "d": [1, 2], "e": 1}  # not changed in place


def test_the_build_uses_the_projects_layout(tmp_path: Path, project: Path) -> None:
    from reportgen.app.build import build
    from reportgen.files.project import Project

    (project / "templates").mkdir()
    (project / "templates" / "layout.yaml").write_text("metrics_table: true\n", encoding="utf-8")
    build(Project(project), "2022", ["md"])
    text = (project / "build" / "2022.md").read_text(encoding="utf-8")
    assert "附表" in text  # show_metrics follows the layout's metrics_table


def test_every_layout_model_is_strict_and_frozen() -> None:
    """The models share one config rather than a base class: each must name it."""
    from pydantic import BaseModel

    from reportgen.settings import layout

    models = [
        value
        for value in vars(layout).values()
        if isinstance(value, type) and issubclass(value, BaseModel) and value is not BaseModel
    ]
    assert len(models) == 11
    for model in models:
        assert model.__bases__ == (BaseModel,), model
        assert model.model_config == {"extra": "forbid", "frozen": True, "defer_build": True}
    # The font base's field, first in each of the models that had it, with its validator.
    fonts = [m for m in models if list(m.model_fields)[:1] == ["font"]]
    assert [m.__name__ for m in fonts] == ["Title", "Body", "Heading", "PageNumber"]
    for model in fonts:
        (check,) = model.model_fields["font"].metadata
        assert check.func is layout._font_name
