"""The page layout of the Word output, as data: ``templates/layout.yaml``.

The shipped file holds GB/T 9704-2012's values; a project's ``templates/layout.yaml`` is merged
over it key by key, so an office changes one font or one number without copying the rest.
The merged result is checked like a report: every problem is reported at the line and column
of the file that set the value, and numbers that cannot give the promised 22 × 28 grid are
refused with the arithmetic that shows why.
"""

# Without ``from __future__ import annotations``: pydantic would compile each of the models'
# 51 field annotations back from its string when the classes are made, ~0.6 ms of every run.

import math
from collections.abc import Iterator
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from reportgen.errors import InvalidInput, Problem
from reportgen.model.loader import (
    Loaded,
    PathKey,
    format_path,
    problem_at,
)
from reportgen.model.validate import describe_error
from reportgen.settings.messages import describe_value, message
from reportgen.settings.plain import construct
from reportgen.settings.templating import Templates, project_file

LAYOUT_FILE = "layout.yaml"
PT_PER_MM = 72 / 25.4

Mm = Annotated[float, Field(ge=0, le=1000)]
Pt = Annotated[float, Field(gt=0, le=200)]
Chars = Annotated[float, Field(ge=0, le=50)]
Lines = Annotated[int, Field(ge=0, le=10)]


def _font_name(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("a font name must not be empty")
    if len(value) > 31:  # Word truncates longer names and then cannot find the font
        raise ValueError(f"Word font names have at most 31 characters, this one has {len(value)}")
    return value


FontName = Annotated[str, AfterValidator(_font_name)]


# Every model is a direct BaseModel subclass with this config, not a subclass of a shared
# strict base (nor a font base): pydantic walks each class's bases for fields, validators and
# config when it makes the class, and the two bases were two classes more to make, ~0.3 ms of
# every run's import (the 11 models: 2.0 ms; 13: 2.3).
_STRICT = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Page(BaseModel):
    model_config = _STRICT

    width_mm: Annotated[float, Field(gt=0, le=1000)]
    height_mm: Annotated[float, Field(gt=0, le=1000)]
    margin_top_mm: Mm
    margin_bottom_mm: Mm
    margin_left_mm: Mm
    margin_right_mm: Mm

    @property
    def text_width_pt(self) -> float:
        return (self.width_mm - self.margin_left_mm - self.margin_right_mm) * PT_PER_MM

    @property
    def text_height_pt(self) -> float:
        return (self.height_mm - self.margin_top_mm - self.margin_bottom_mm) * PT_PER_MM


class Grid(BaseModel):
    model_config = _STRICT

    lines_per_page: Annotated[int, Field(ge=1, le=100)]
    chars_per_line: Annotated[int, Field(ge=1, le=100)]
    line_spacing_pt: Pt
    char_spacing_pt: Annotated[float, Field(ge=-10, le=10)]


class Title(BaseModel):
    model_config = _STRICT

    font: FontName
    size_pt: Pt
    blank_lines_after: Lines


class Body(BaseModel):
    model_config = _STRICT

    font: FontName
    size_pt: Pt
    first_line_indent_chars: Chars


class Heading(BaseModel):
    model_config = _STRICT

    font: FontName
    bold: bool
    keep_with_next: bool


class Headings(BaseModel):
    model_config = _STRICT

    level1: Heading
    level2: Heading
    level3: Heading
    level4: Heading

    def at(self, level: int) -> Heading:
        return getattr(self, f"level{level}")


class Attachment(BaseModel):
    model_config = _STRICT

    blank_lines_before: Lines
    indent_chars: Chars


class SignatureLayout(BaseModel):
    model_config = _STRICT

    blank_lines_before: Lines
    right_indent_chars: Chars
    date_shift_chars: Chars


class PageNumber(BaseModel):
    model_config = _STRICT

    font: FontName
    size_pt: Pt
    format: str
    indent_chars: Chars
    below_text_mm: Mm

    @field_validator("format")
    @classmethod
    def _one_page_field(cls, value: str) -> str:
        if value.count("{page}") != 1:
            raise ValueError("the page number format must hold {page} once, e.g. “— {page} —”")
        if "{" in value.replace("{page}", "") or "}" in value.replace("{page}", ""):
            raise ValueError("only {page} may stand in braces in the page number format")
        return value


class TableLayout(BaseModel):
    model_config = _STRICT

    label: str
    title: str
    font: FontName
    header_font: FontName
    size_pt: Pt
    columns: Annotated[list[str], Field(min_length=5, max_length=5)]


class Layout(BaseModel):
    """Every number and font of the Word output; see ``templates/layout.yaml``."""

    model_config = _STRICT

    page: Page
    grid: Grid
    latin_font: FontName
    font_alternates: dict[FontName, FontName]
    language: Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Z]{2})?$")]
    title: Title
    body: Body
    headings: Headings
    bold_leads: bool
    attachment: Attachment
    signature: SignatureLayout
    page_number: PageNumber
    metrics_table: bool
    table: TableLayout

    @property
    def char_width_pt(self) -> float:
        """The advance of one character of body text: its size plus the condensing."""
        return self.body.size_pt + self.grid.char_spacing_pt

    def chars_pt(self, chars: float) -> float:
        return chars * self.char_width_pt

    @property
    def chinese_fonts(self) -> list[str]:
        """Every Chinese font the document names, once, in a stable order."""
        names = [
            self.title.font,
            self.body.font,
            self.page_number.font,
            self.table.font,
            self.table.header_font,
        ]
        names += [self.headings.at(level).font for level in (1, 2, 3, 4)]
        return list(dict.fromkeys(names))


def grid_problems(layout: Layout) -> Iterator[tuple[PathKey, str]]:
    """The grid's numbers must give the lines and characters they promise."""
    page, grid = layout.page, layout.grid
    height, width = page.text_height_pt, page.text_width_pt
    small = [
        (key, size, first + second)
        for key, size, first, second, room in (
            ("height_mm", page.height_mm, page.margin_top_mm, page.margin_bottom_mm, height),
            ("width_mm", page.width_mm, page.margin_left_mm, page.margin_right_mm, width),
        )
        if room <= 0
    ]
    for key, size, margins in small:  # no text block: the paper, not the grid, is wrong
        yield (("page", key), message("layout_no_text_block", key=key, size=size, margins=margins))
    if small:
        return
    lines = math.floor(height / grid.line_spacing_pt + 1e-9)
    if lines != grid.lines_per_page:
        best = math.floor(height / grid.lines_per_page * 100) / 100
        yield (
            ("grid", "line_spacing_pt"),
            f"{grid.line_spacing_pt:g} pt lines fit {lines} lines in the {height:.1f} pt high text "
            f"block, not {grid.lines_per_page}; use at most {best:g} pt",
        )
    if layout.char_width_pt <= 0:
        yield (("grid", "char_spacing_pt"), "the condensing is larger than the characters")
        return
    chars = math.floor(width / layout.char_width_pt + 1e-9)
    if chars != grid.chars_per_line:
        needed = width / grid.chars_per_line - layout.body.size_pt
        yield (
            ("grid", "char_spacing_pt"),
            f"{layout.body.size_pt:g} pt characters spaced {grid.char_spacing_pt:+g} pt fit "
            f"{chars} in the {width:.1f} pt wide text block, not {grid.chars_per_line}; "
            f"use a spacing of at most {math.floor(needed * 100) / 100:+g} pt",
        )


def load_layout(templates: Templates) -> Layout:
    """The shipped layout with the project's ``templates/layout.yaml`` merged over it."""
    found = [p for d in reversed(templates.dirs) if (p := project_file(d, LAYOUT_FILE)) is not None]
    sources = [s for p in found if (s := templates.load(p, blank=True)) is not None]
    problems = [
        problem_at(
            s,
            (),
            f"{LAYOUT_FILE} must be a mapping of keys to values, not {describe_value(s.value)}",
        )
        for s in sources
        if not isinstance(s.value, dict)
    ]
    if problems:
        raise InvalidInput(problems)
    merged: dict[str, Any] = {}
    for source in sources:
        merged = merge(merged, source.value)
    layout = construct(Layout, merged)  # the usual case, without building pydantic's validator
    if layout is None:
        try:
            layout = Layout.model_validate(merged)
        except ValidationError as exc:
            raise InvalidInput(_schema_problems(exc, merged, sources)) from None
    problems = [_at(sources, path, text) for path, text in grid_problems(layout)]
    if problems:
        raise InvalidInput(problems)
    return layout


def merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """``override`` over ``base``, mapping by mapping; lists and values are replaced whole."""
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def _has(value: Any, part: str | int) -> bool:
    if isinstance(value, dict):
        return part in value
    return isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value)


def _holds(value: Any, path: PathKey) -> bool:
    for part in path:
        if _has(value, part):
            value = value[part]
        else:
            return False
    return True


def _source_of(sources: list[Loaded], path: PathKey) -> Loaded:
    """The file that set ``path`` last (a project's override before the defaults)."""
    for probe in (path[:n] for n in range(len(path), -1, -1)):
        for source in reversed(sources):
            if _holds(source.value, probe):
                return source
    return sources[-1]


def _at(sources: list[Loaded], path: PathKey, text: str, **extra: Any) -> Problem:
    return problem_at(_source_of(sources, path), path, text, **extra)


def _data_path(value: Any, loc: tuple[Any, ...]) -> tuple[PathKey, bool]:
    """pydantic's ``loc`` as a path in the data, and whether the last part is missing there."""
    path: list[str | int] = []
    for part in loc:
        if _has(value, part):
            value = value[part]
        elif isinstance(part, str) and part.startswith(("function-", "constrained-")):
            continue
        else:
            path.append(part)
            return tuple(path), True
        path.append(part)
    return tuple(path), False


def _schema_problems(
    exc: ValidationError, merged: dict[str, Any], sources: list[Loaded]
) -> list[Problem]:
    problems = []
    for error in exc.errors():
        path, missing = _data_path(merged, error["loc"])
        kind = error["type"]
        if kind == "value_error":  # our validators' words ("a font name must not be empty")
            text, hint = str(error.get("ctx", {}).get("error", error["msg"])), ""
        else:
            text, hint = describe_error(error, Layout, path)
        where = path[:-1] if missing else path
        location = _source_of(sources, where).locate(where, key=kind == "extra_forbidden")
        problems.append(Problem(location, text, path=format_path(path), hint=hint))
    return sorted(
        problems, key=lambda p: (p.location.file, p.location.line or 0, p.location.column or 0)
    )
