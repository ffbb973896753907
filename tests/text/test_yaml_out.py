"""The one YAML writer: whatever a value or comment holds, YAML reads back exactly it."""

from __future__ import annotations

import yaml
from hypothesis import given
from hypothesis import strategies as st

from reportgen.text.yaml_out import LINE_BREAKS, comment_lines, scalar

# Text of the kind offices write, and every character YAML or Python takes for a line break.
_PIECES = st.sampled_from(
    [*"街道工作，。：#-*&!|>'\"{}[]% ", "\r", "\n", "\x85", "\u2028", "\u2029", "\x0b", "\x0c"]
)


@given(st.lists(_PIECES, max_size=30).map("".join))
def test_a_scalar_reads_back_as_itself_on_one_line(text: str) -> None:
    written = scalar(text)
    assert not any(mark in written for mark in LINE_BREAKS)
    assert yaml.safe_load(f"k: {written}\n") == {"k": text}


@given(st.lists(_PIECES, max_size=30).map("".join))
def test_a_comment_never_ends_early(text: str) -> None:
    lines = list(comment_lines([text], 4))
    document = "\n".join(["k: 1", *lines, "j: 2"]) + "\n"
    assert yaml.safe_load(document) == {"k": 1, "j": 2}
    assert all(line.startswith("    #") for line in lines)
    assert not any(mark in line for line in lines for mark in LINE_BREAKS)


def test_the_escapes_are_yaml_s_own() -> None:
    assert scalar("甲\u2028乙") == '"甲\\L乙"'
    assert scalar("甲\u2029乙") == '"甲\\P乙"'
    assert scalar("甲\x85乙") == '"甲\\N乙"'
    assert scalar("加快整村结算进度") == "加快整村结算进度"
