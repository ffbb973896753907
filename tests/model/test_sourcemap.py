"""Value offsets → source line and column, in every scalar style."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from reportgen.model import sourcemap
from reportgen.model.loader import load_yaml_text
from reportgen.model.sourcemap import ScalarSpan, SourceMap, _line_break, _line_starts

DOC = """\
plain: 改革 创新
double: "改革\\"创新\\u4e2d,好"
single: '改革''创新'
literal: |
  第一行,
    缩进的第二行
folded: >-
  第一行
  第二行
"""


@pytest.mark.parametrize(
    ("path", "char", "where"),
    [
        ("plain", "创", (1, 11)),
        ("double", '"', (2, 12)),  # written as an escape: its backslash
        ("double", "中", (2, 16)),
        ("double", ",", (2, 22)),
        ("single", "创", (3, 14)),
        ("literal", ",", (5, 6)),
        ("literal", "缩", (6, 5)),
        ("folded", "二", (9, 4)),
    ],
)
def test_character_positions(path: str, char: str, where: tuple[int, int]) -> None:
    loaded = load_yaml_text(DOC, "x.yaml")
    source = SourceMap.of(loaded)
    value = loaded.value[path]
    index = source.index((path,), value, value.index(char))
    assert source.position(index) == where


def test_line_endings_as_the_loader_counts_them() -> None:
    loaded = load_yaml_text("a: 1\r\nb: |\r\n  甲乙,丙\r\n", "x.yaml")
    source = SourceMap.of(loaded)
    index = source.index(("b",), loaded.value["b"], 2)
    assert source.position(index) == (3, 5) and source.text[index] == ","


_LINE = (
    st.text(st.sampled_from(list("改革创新,;()ab1 ")), min_size=1, max_size=12)
    .map(str.strip)
    .filter(bool)
)


@given(st.lists(_LINE, min_size=1, max_size=4), st.sampled_from(["|", "|-", ">", "plain"]))
def test_every_written_character_maps_to_itself(lines: list[str], style: str) -> None:
    if style == "plain":
        text = "key: " + "\n  ".join(lines) + "\n"
    else:
        text = f"key: {style}\n" + "".join(f"  {line}\n" for line in lines)
    try:
        loaded = load_yaml_text(text, "x.yaml")
    except Exception:
        assume(False)
    value = loaded.value["key"]
    assume(isinstance(value, str))
    source = SourceMap.of(loaded)
    for offset, char in enumerate(value):
        if not char.isspace():
            assert source.text[source.index(("key",), value, offset)] == char


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("a", [0]),
        ("a\nb\n", [0, 2, 4]),
        ("a\r\nb", [0, 3]),  # \r\n is one break
        ("a\rb\r", [0, 2, 4]),  # \r alone is one
        ("a\r\r\nb", [0, 2, 4]),  # \r, then \r\n
        ("甲\x85乙\u2028丙\u2029丁", [0, 2, 4, 6]),  # NEL, LS and PS as PyYAML counts them
        ("\n\n", [0, 1, 2]),
        ("a\u2027b\x84c", [0]),  # their neighbours are no breaks
        ("", [0]),
        ("甲\n乙", [0, 2]),  # only \n: split at it, not scanned
        ("a\nb\x85c\n", [0, 2, 4, 6]),  # \n with a rare break: scanned
        ("\u2028\n\r", [0, 1, 2, 3]),
    ],
)
def test_line_starts(text: str, starts: list[int]) -> None:
    assert _line_starts(text) == starts


@pytest.mark.parametrize("alphabet", ["a甲 \n", "a甲 \n\r\x85\u2028\u2029\u2027\x84"])
@given(data=st.data())
def test_line_starts_split_or_scanned_alike(alphabet: str, data: st.DataObject) -> None:
    text = data.draw(st.text(alphabet=alphabet, max_size=20))
    assert _line_starts(text) == [0, *(match.end() for match in _line_break().finditer(text))]


def test_the_map_reads_the_loaders_own_node_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    loaded = load_yaml_text('heading: "甲乙"\npoints:\n  - |\n    丙丁\n', "f.yaml")
    assert loaded.node is not None

    def composed_again(text: str) -> None:
        raise AssertionError("the file was composed a second time")

    monkeypatch.setattr(sourcemap, "compose", composed_again)
    source = SourceMap.of(loaded)
    assert source.scalars[("heading",)] == ScalarSpan('"', 9, 13)
    assert source.position(source.index(("points", 0), "丙丁\n", 1) or 0) == (4, 6)
