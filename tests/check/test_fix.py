"""``check --fix``: half-width punctuation rewritten in the YAML itself, nothing else touched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reportgen.check.fix import fix_files, fix_text
from reportgen.model.loader import load_yaml_text
from reportgen.model.sourcemap import SourceMap
from reportgen.settings import load_settings
from reportgen.text.cleaning import clean_text

SHIPPED = load_settings(None)  # the shipped settings: a project without templates/

# Written out here, not imported from reportgen.text.punctuation: the tests' own reference.
HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
FULL_TO_HALF = str.maketrans({full: half for half, full in HALF_TO_FULL.items()})
_SINGLE_MARKS = ",;:?!"
_CHINESE = "，。、；：？！（）“”"  # the full-width marks the generated documents can hold


def _chinese(char: str) -> bool:
    return len(char) == 1 and ("\u4e00" <= char <= "\u9fff" or char in _CHINESE)


def _loose(text: str) -> str:
    """A text with every mark half-width and no space after a mark: what a fix may change."""
    return re.sub(r"([,;:?!()，；：？！（）])\s+", r"\1", text).translate(FULL_TO_HALF)


def _convertible(text: str) -> list[int]:
    """Offsets of half-width marks a build would widen, by the rule README states: a mark
    beside Chinese (spaces after it skipped), ';' ending a text after a figure, and a ( )
    pair holding or beside Chinese."""
    found = []
    for i, char in enumerate(text):
        if char not in _SINGLE_MARKS:
            continue
        before = text[i - 1] if i else ""
        rest = text[i + 1 :].lstrip()
        after = rest[:1]
        at_end_after_figure = not after and (before.isdigit() or before == "%")
        if _chinese(before) or _chinese(after) or at_end_after_figure:
            found.append(i)
    for match in re.finditer(r"\(([^()\n]*)\)", text):
        start, end = match.span()
        around = (text[start - 1] if start else "") + (text[end] if end < len(text) else "")
        if any(_chinese(c) for c in match[1] + around):
            found.append(start)
    return found


SAMPLE = """\
# 注释,不改: (半角)
organisation: 城南街道   # 行尾注释,也不改
year: 2022
opening: |
  2022年来,在区委区政府的坚强领导下;
  真抓实干(务实求变), 成效明显。
highlights:
  - heading: "社会发展,开拓新局面"
    points:
      - '完成任务,''很好''。'
      - 平铺直叙,
        跨行文本。
"""


def test_fix_rewrites_marks_and_keeps_everything_else() -> None:
    result = fix_text(SAMPLE, "data/2022.yaml")
    assert result.new_text is not None
    new = result.new_text.splitlines()
    assert (
        new[0] == "# 注释,不改: (半角)" and new[1] == "organisation: 城南街道   # 行尾注释,也不改"
    )
    assert new[4] == "  2022年来，在区委区政府的坚强领导下；"
    assert new[5] == "  真抓实干（务实求变），成效明显。"
    assert new[7] == '  - heading: "社会发展，开拓新局面"'
    assert new[9] == "      - '完成任务，''很好''。'"
    # A comma before a folded line break cannot be rewritten without changing the text.
    assert new[10] == "      - 平铺直叙," and [p.path for p in result.skipped] == [
        "highlights[0].points[1]"
    ]
    assert [(str(c.location), c.old, c.new) for c in result.changes][:2] == [
        ("data/2022.yaml:5:9", ",", "，"),
        ("data/2022.yaml:5:22", ";", "；"),
    ]
    assert any(line.startswith("+  真抓实干（务实求变）") for line in result.diff)


def test_fix_files_keeps_a_backup_bom_and_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "2022.yaml"
    original = b"\xef\xbb\xbforganisation: \xe5\x9f\x8e\xe5\x8d\x97\r\nyear: 2022\r\nopening: " + (
        "完成任务,成效明显。\r\n".encode()
    )
    path.write_bytes(original)
    [result] = fix_files([path], SHIPPED.rules)
    assert result.backup.read_bytes() == original
    assert path.read_bytes() == original.replace(b",", "，".encode())
    assert not list(tmp_path.glob("*.tmp"))
    [again] = fix_files([path], SHIPPED.rules)
    assert not again.changes and path.read_bytes() == original.replace(b",", "，".encode())


def test_fix_follows_the_project_switching_the_rule_off(tmp_path: Path) -> None:
    path = tmp_path / "data" / "2022.yaml"
    path.parent.mkdir()
    path.write_text("organisation: 城南街道\nyear: 2022\nopening: 完成任务,成效明显。\n", "utf-8")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "rules.yaml").write_text("punct-width: off\n", "utf-8")
    assert fix_files([path], load_settings(tmp_path).rules) == []
    assert "," in path.read_text("utf-8")


# ── the property: idempotent, and no comment or character of content lost ───

_CHARS = st.sampled_from(
    list("改革创新发展稳进提质完成任务年月日") + list(",;:?!()，。、 ") + list("ab12%")
)
_TEXT = st.text(_CHARS, min_size=1, max_size=30).filter(lambda t: t.strip() and t == t.strip())
_COMMENT = st.text(st.sampled_from(list("注释说明,;:() ab")), max_size=15)


@st.composite
def scalars(draw: st.DrawFn, indent: int) -> str:
    style = draw(st.sampled_from(["plain", "double", "single", "literal", "folded"]))
    lines = draw(st.lists(_TEXT, min_size=1, max_size=3))
    pad = " " * (indent + 2)
    if style == "literal" or style == "folded":
        header = "|" if style == "literal" else ">"
        return header + "".join(f"\n{pad}{line}" for line in lines)
    text = draw(_TEXT)
    if style == "double":
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    return text


@st.composite
def documents(draw: st.DrawFn) -> str:
    comment = draw(_COMMENT)
    out = [f"# {comment}", "organisation: 城南街道", "year: 2022"]
    out.append(f"opening: {draw(scalars(0))}")
    out.append(f"# {draw(_COMMENT)}")
    out += ["highlights:", f"  - heading: {draw(scalars(4))}", "    points:"]
    for _ in range(draw(st.integers(1, 3))):
        out.append(f"      - {draw(scalars(8))}")
        out.append(f"      # {draw(_COMMENT)}")
    return "\n".join(out) + "\n"


def _loads(text: str) -> bool:
    try:
        load_yaml_text(text, "data/2022.yaml")
    except Exception:
        return False
    return True


def _strings(value: object, path: tuple = ()) -> dict[tuple, str]:
    if isinstance(value, dict):
        return {
            k: v for key, child in value.items() for k, v in _strings(child, (*path, key)).items()
        }
    if isinstance(value, list):
        return {
            k: v for i, child in enumerate(value) for k, v in _strings(child, (*path, i)).items()
        }
    return {path: value} if isinstance(value, str) else {}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_fix_is_idempotent_and_loses_nothing(text: str) -> None:
    assume(_loads(text))
    result = fix_text(text, "data/2022.yaml")
    new = result.new_text if result.new_text is not None else text
    # It still loads, and every text reads the same in the document.
    old_values = _strings(load_yaml_text(text, "x").value)
    new_values = _strings(load_yaml_text(new, "x").value)
    assert old_values.keys() == new_values.keys()
    for path, old in old_values.items():
        assert _loose(clean_text(new_values[path])) == _loose(clean_text(old))
    # No comment changed: every comment line is as it was, in the same place.
    comments = [
        (i, line) for i, line in enumerate(text.splitlines()) if line.lstrip().startswith("#")
    ]
    assert comments == [
        (i, line) for i, line in enumerate(new.splitlines()) if line.lstrip().startswith("#")
    ]

    # No character of content lost: only marks widened and spaces after them dropped.
    def squeeze(s: str) -> str:
        return "".join(s.split()).translate(FULL_TO_HALF)

    assert squeeze(new) == squeeze(text)
    assert len(new.splitlines()) == len(text.splitlines())
    # Every edit is inside a string value, never in a key, a comment or the layout.
    spans = SourceMap.of(load_yaml_text(text, "x")).scalars.values()
    for change in result.changes:
        line, column = change.location.line, change.location.column
        index = sum(len(row) + 1 for row in text.split("\n")[: line - 1]) + column - 1
        assert any(span.start <= index < span.end for span in spans)
        assert text[index] == change.old and HALF_TO_FULL[change.old] == change.new
    # Fixed values hold no half-width mark the build would change; a second fix changes nothing.
    skipped = {p.path for p in result.skipped}
    assert fix_text(new, "data/2022.yaml").changes == []
    if not skipped:
        for path, value in new_values.items():
            # Only the fields a document reads ("- 1: x" makes a mapping no build reads).
            if path[-1] in ("opening", "heading") or path[-2:-1] == ("points",):
                assert _convertible(value) == [], value


@pytest.mark.parametrize("text", ["", "organisation: [broken\n", "- a\n- b\n"])
def test_unreadable_files_are_left_alone(text: str) -> None:
    result = fix_text(text, "data/2022.yaml")
    assert result.new_text is None and result.changes == []


def test_sample_is_valid_yaml() -> None:
    assert yaml.safe_load(SAMPLE)["year"] == 2022
