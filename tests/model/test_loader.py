from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from reportgen.errors import InvalidInput, Location, UserError
from reportgen.model.loader import format_path, load_yaml, load_yaml_text
from reportgen.settings.messages import set_language

pytestmark = pytest.mark.usefixtures("english")  # they read the English wording


def test_positions_of_every_node() -> None:
    loaded = load_yaml_text("a: 1\nb:\n  - x\n  - {c: 2.5}\n", "f.yaml")
    assert loaded.value == {"a": 1, "b": ["x", {"c": 2.5}]}
    assert loaded.positions[("a",)] == (1, 4)
    assert loaded.positions[("b", 0)] == (3, 5)
    assert loaded.positions[("b", 1, "c")] == (4, 9)
    assert loaded.key_positions[("b",)] == (2, 1)


def test_locate_falls_back_to_nearest_ancestor() -> None:
    loaded = load_yaml_text("items:\n  - heading: x\n", "f.yaml")
    location = loaded.locate(("items", 0, "points", 3))
    assert (location.line, location.column) == (2, 5)


def test_dates_stay_text() -> None:
    assert load_yaml_text("d: 2023-01-05\n", "f.yaml").value == {"d": "2023-01-05"}


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ("a: 1\na: 2\n", 2, 1, "duplicate key 'a' (first at line 1)"),
        ("organisation: *街道\n", 1, 16, "found '街'"),
        (
            "a: !!python/object/apply:os.system [ls]\n",
            1,
            4,
            "!!python/object/apply:os.system is not allowed",
        ),
        ("a:\n\t- 1\n", 2, 1, "a tab character in the indentation"),
        ('a: "abc\n', 1, 4, "a quote opened here is never closed"),
        ("x: &a [1]\ny: *a\n", 2, 4, "anchors and aliases"),
        ("a: 1\n b: 2\n", 2, 3, "mapping values are not allowed"),
        ("- a\n- b\n", None, None, None),
    ],
)
def test_errors_are_located(
    text: str, line: int | None, column: int | None, words: str | None
) -> None:
    if words is None:  # a list is valid YAML: the loader accepts it, validation refuses it
        assert load_yaml_text(text, "f.yaml").value == ["a", "b"]
        return
    with pytest.raises(UserError) as caught:
        load_yaml_text(text, "f.yaml")
    error = caught.value
    assert error.location is not None
    assert (error.location.line, error.location.column) == (line, column)
    assert words in error.message
    assert error.hint


def test_tab_hint_says_spaces() -> None:
    with pytest.raises(UserError) as caught:
        load_yaml_text("a:\n\t- 1\n", "f.yaml")
    assert "spaces" in caught.value.hint


def test_undefined_alias_hint_says_quote() -> None:
    with pytest.raises(UserError) as caught:
        load_yaml_text("organisation: *街道\n", "f.yaml")
    assert 'organisation: "*街道"' in caught.value.hint


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]")
    with pytest.raises(UserError, match="anchors and aliases"):
        load_yaml_text("\n".join(lines) + "\n", "bomb.yaml")


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("年份: 2022\n".encode("gb18030"), "GBK/GB18030"),
        ("a: 1\n".encode("utf-16"), "UTF-16"),
        (b"\x00\x01\x02binary", "binary"),
    ],
)
def test_wrong_encodings(tmp_path: Path, raw: bytes, words: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(raw)
    with pytest.raises(UserError) as caught:
        load_yaml(path)
    assert words in caught.value.message
    assert "UTF-8" in caught.value.hint


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffa: 街道\n".encode())
    assert load_yaml(path).value == {"a": "街道"}


@pytest.mark.parametrize("text", ["", "   \n\n", "# only a comment\n"])
def test_empty_files(tmp_path: Path, text: str) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError, match=r"empty|no YAML content"):
        load_yaml(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="file not found"):
        load_yaml(tmp_path / "nope.yaml")
    with pytest.raises(UserError, match="is a folder"):
        load_yaml(tmp_path)


def test_format_path() -> None:
    assert format_path(("highlights", 2, "points", 0)) == "highlights[2].points[0]"
    assert format_path(()) == ""


def test_libyaml_and_pure_python_give_the_same_nodes_and_places() -> None:
    # The fast parser is used when PyYAML has libyaml; positions must not depend on it.
    from reportgen.model import loader

    if loader._FastLoader is None:
        pytest.skip("this PyYAML is built without libyaml")
    text = (REPO_DATA / "2022.yaml").read_text(encoding="utf-8") if REPO_DATA.exists() else ""
    text += "\nx: {k: 中文, j: [中, 文, {y: 中}]}\nz:\n  - 中文: 值\n    e: |\n      中文\n"

    def walk(node: object) -> list[tuple]:
        value = getattr(node, "value", None)
        start, end = node.start_mark, node.end_mark  # type: ignore[attr-defined]
        here = [(node.tag, start.line, start.column, end.line, end.column, start.index)]  # type: ignore[attr-defined]
        here.append(getattr(node, "style", None))
        if isinstance(value, list):
            for child in value:
                for part in child if isinstance(child, tuple) else (child,):
                    here += walk(part)
        else:
            here.append(value)
        return here

    fast = walk(loader._FastLoader(text).get_single_node())
    pure = walk(loader._Loader(text).get_single_node())
    assert fast == pure and len(fast) > 20


REPO_DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\nc: &y [1, {k: v}]\nd: *y\n",  # an alias is the anchored node itself
        "a: !!str 1\nb: ! 2\nc: !!int '3'\nd: !!map {k: v}\ne: !!seq [1]\n",  # tags as written
        "- [a, [b, {c: d}]]\n- {}\n- []\n- ~\n- \n- ''\n- 'x'\n- \"y\"\n",  # flow, empty, null
        "a: |\n  甲\nb: >-\n  乙\n  丙\nc: |+\n  丁\n\n",  # block styles
        "? [k]\n: v\n",  # a sequence as a key
        "1\n",  # a document that is a scalar
    ],
)
def test_the_fast_composer_builds_the_pure_composers_nodes(text: str) -> None:
    from reportgen.model import loader

    if loader._FastLoader is None:
        pytest.skip("this PyYAML is built without libyaml")

    def walk(node: yaml.Node, seen: dict[int, int]) -> list[object]:
        if id(node) in seen:  # an alias: the same node again, at its first place
            return ["alias", seen[id(node)]]
        seen[id(node)] = len(seen)
        start, end = node.start_mark, node.end_mark
        here: list[object] = [type(node).__name__, node.tag, start.index, end.index]
        here += [start.line, start.column, end.line, end.column]
        here += [getattr(node, "style", None), getattr(node, "flow_style", None)]
        if isinstance(node.value, list):
            for child in node.value:
                for part in child if isinstance(child, tuple) else (child,):
                    here.append(walk(part, seen))
        else:
            here.append(node.value)
        return here

    fast = loader._FastLoader(text).get_single_node()
    pure = loader._Loader(text).get_single_node()
    assert fast is not None and pure is not None
    assert walk(fast, {}) == walk(pure, {})


def test_the_fast_composer_refuses_what_the_pure_one_refuses() -> None:
    from reportgen.model import loader

    if loader._FastLoader is None:
        pytest.skip("this PyYAML is built without libyaml")
    assert not loader._FastLoader.yaml_path_resolvers  # its composer leaves their steps out
    for text in ("a: *nowhere\n", "a: &x 1\nb: &x 2\n"):
        with pytest.raises(yaml.composer.ComposerError):
            loader._FastLoader(text).get_single_node()
        with pytest.raises(yaml.composer.ComposerError):
            loader._Loader(text).get_single_node()
    deep = "a:\n" + "".join(" " * n + "b:\n" for n in range(1, 60)) + " " * 60 + "c: 1\n"
    with pytest.raises(loader._TooDeep):
        loader._FastLoader(deep).get_single_node()


# ── the loader's messages in the user's language (messages.yaml) ─────────────────────────
WORDED = [
    # (YAML text, Chinese words, English words): message and hint together
    (
        "a: 1\n\tb: 2\n",
        ("缩进中有制表符（Tab），YAML 只允许用空格缩进", "把这一行开头的 Tab 换成空格"),
        ("a tab character in the indentation", "replace the tabs"),
    ),
    (
        "a: 1\na: 2\n",
        ("重复的键 “a”（第一次出现在第 1 行）", "删除其中一个"),
        ("duplicate key 'a'",),
    ),
    ("organisation: *街道\n", ("以 * 或 & 开头的值要加引号",), ("must be quoted",)),
    ("a: &x 1\nb: *x\n", ("不能使用 YAML 的锚点和别名", "完整写出来"), ("anchors and aliases",)),
    ("a: !!python/name:os.system x\n", ("不能使用标签 !!python/name:os.system",), ("the tag",)),
    ('a: "x\nb: 1\n', ("这里开始的引号没有闭合", "补上引号"), ("a quote opened here",)),
    ("  \n", ("文件是空的", "reportgen new"), ("the file is empty", "reportgen new")),
]


def _refusal(text: str, language: str) -> UserError:
    set_language(language)
    with pytest.raises(UserError) as info:
        load_yaml_text(text, "r.yaml")
    return info.value


@pytest.mark.parametrize(("text", "zh", "en"), WORDED)
def test_loader_errors_in_both_languages(
    text: str, zh: tuple[str, ...], en: tuple[str, ...]
) -> None:
    chinese, english = _refusal(text, "zh"), _refusal(text, "en")
    assert chinese.location == english.location and chinese.location is not None
    for words in zh:
        assert words in f"{chinese.message}\n{chinese.hint}"
    for words in en:
        assert words in f"{english.message}\n{english.hint}"
    # nothing Chinese in English but the text quoted from the file
    assert not re.search("[\u4e00-\u9fff]", re.sub("[街道]", "", english.message + english.hint))


def test_invisible_characters_are_named_in_both_languages() -> None:
    problems = {}
    for language in ("zh", "en"):
        set_language(language)
        with pytest.raises(InvalidInput) as info:
            load_yaml_text("a: x\x0by\n", "r.yaml")
        problems[language] = info.value.problems[0]
    assert problems["zh"].location == problems["en"].location == Location("r.yaml", 1, 5)
    assert problems["zh"].message == "不可见字符 U+000B (垂直制表符，Word 的手动换行符)"
    assert (
        problems["en"].message
        == "invisible character U+000B (vertical tab, Word's manual line break)"
    )
    assert "Word 打不开" in problems["zh"].hint and "Word cannot open" in problems["en"].hint


def test_unreadable_files_in_both_languages(tmp_path: Path) -> None:
    gbk = tmp_path / "gbk.yaml"
    gbk.write_bytes("organisation: 街道\n".encode("gb18030"))
    cases = [
        (
            gbk,
            "文件不是 UTF-8 编码（看起来是 GBK/GB18030）",
            "not UTF-8 (it looks like GBK/GB18030)",
        ),
        (tmp_path / "gone.yaml", "找不到文件：", "file not found: "),
        (tmp_path, "是文件夹，不是文件", "is a folder, not a file"),
    ]
    for path, zh, en in cases:
        for language, words in (("zh", zh), ("en", en)):
            set_language(language)
            with pytest.raises(UserError) as info:
                load_yaml(path)
            assert words in info.value.message, (language, info.value.message)


def test_only_a_double_quoted_escape_puts_an_invisible_character_in_a_value() -> None:
    # The text holds none (it is refused before parsing): a double-quoted "\x0b" or "\ud800",
    # in a key or a value, is refused at that node; the same letters unquoted, single-quoted
    # or in a block are text, and every other scalar keeps its type.
    for text, place, path in [
        ('a:\n  - "x\\x0by"\n', (2, 5), "a[0]"),
        ('a:\n  "k\\ud800": 1\n', (2, 3), "a.k\ud800"),
    ]:
        with pytest.raises(InvalidInput) as raised:
            load_yaml_text(text, "r.yaml")
        [problem] = raised.value.problems
        assert (problem.location.line, problem.location.column) == place
        assert (problem.path, problem.rule) == (path, "characters")
    loaded = load_yaml_text(
        "a: x\\x0by\nb: 'x\\x0by'\nc: |\n  x\\x0by\nd: \"\\t\"\ne: 1.5\nf: 2022-01-01\ng: ~\n",
        "r.yaml",
    )
    assert loaded.value == {
        "a": "x\\x0by",
        "b": "x\\x0by",
        "c": "x\\x0by\n",
        "d": "\t",
        "e": 1.5,
        "f": "2022-01-01",
        "g": None,
    }
    assert loaded.positions[("c",)] == (3, 4) and loaded.key_positions[("g",)] == (8, 1)


def test_the_lines_that_continue_a_text() -> None:
    from reportgen.model import loader

    text = 'a: 甲\nb: |\n  乙\n  丙\nc: "丁\n  戊"\nd: &x [1,\n  2]\ne: *x\n'
    # b's block runs from line 2 into 3 and 4 (and its end mark on line 5); c's quotes 6
    assert loader._text_lines(loader.compose(text)) == {3, 4, 5, 6}
    assert loader._text_lines(None) == set()
