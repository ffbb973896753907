"""The parsed copy of a shipped file kept in ``__pycache__``: used only while its stamp matches."""

from __future__ import annotations

import datetime
import os
import sys
from pathlib import Path

from reportgen.files.cache import cache_path, load_cached


class Parser:
    """Counts how often the file had to be parsed."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, text: str) -> object:
        self.calls += 1
        return {"lines": text.splitlines(), "n": len(text)}


def test_the_second_load_comes_from_the_cache(tmp_path: Path) -> None:
    source = tmp_path / "messages.yaml"
    source.write_text("a\nb\n", "utf-8")
    parse = Parser()
    assert load_cached(source, parse) == {"lines": ["a", "b"], "n": 4}
    kept = tmp_path / "__pycache__" / f"messages.yaml.{sys.implementation.cache_tag}.marshal"
    assert cache_path(source) == kept
    assert kept.is_file()
    assert load_cached(source, parse) == {"lines": ["a", "b"], "n": 4}
    assert parse.calls == 1


def test_an_edited_file_is_parsed_again(tmp_path: Path) -> None:
    source = tmp_path / "rules.yaml"
    source.write_text("a\n", "utf-8")
    parse = Parser()
    load_cached(source, parse)
    source.write_text("a\nc\n", "utf-8")
    assert load_cached(source, parse) == {"lines": ["a", "c"], "n": 4}
    assert parse.calls == 2


def test_the_same_size_with_another_time_is_parsed_again(tmp_path: Path) -> None:
    source = tmp_path / "rules.yaml"
    source.write_text("ab\n", "utf-8")
    parse = Parser()
    load_cached(source, parse)
    source.write_text("cd\n", "utf-8")
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert load_cached(source, parse) == {"lines": ["cd"], "n": 3}
    assert parse.calls == 2


def test_a_damaged_cache_is_parsed_again_and_replaced(tmp_path: Path) -> None:
    source = tmp_path / "rules.yaml"
    source.write_text("a\n", "utf-8")
    parse = Parser()
    load_cached(source, parse)
    kept = cache_path(source)
    kept.write_bytes(kept.read_bytes()[:22])  # the stamp, then half a value
    assert load_cached(source, parse) == {"lines": ["a"], "n": 2}
    assert load_cached(source, parse) == {"lines": ["a"], "n": 2}
    assert parse.calls == 2


def test_a_folder_that_cannot_be_written_only_means_parsing_every_time(tmp_path: Path) -> None:
    source = tmp_path / "rules.yaml"
    source.write_text("a\n", "utf-8")
    (tmp_path / "__pycache__").write_text("not a folder", "utf-8")
    parse = Parser()
    assert load_cached(source, parse) == {"lines": ["a"], "n": 2}
    assert load_cached(source, parse) == {"lines": ["a"], "n": 2}
    assert parse.calls == 2


def test_a_value_marshal_cannot_keep_is_not_cached(tmp_path: Path) -> None:
    source = tmp_path / "dates.yaml"
    source.write_text("d\n", "utf-8")
    calls = []

    def parse(text: str) -> object:
        calls.append(text)
        return {"when": datetime.date(2022, 12, 20)}

    assert load_cached(source, parse) == {"when": datetime.date(2022, 12, 20)}
    assert not cache_path(source).exists()
    assert load_cached(source, parse) == {"when": datetime.date(2022, 12, 20)}
    assert len(calls) == 2


def test_the_shipped_catalogue_is_kept_parsed_beside_it() -> None:
    from reportgen.settings import messages

    messages._table.cache_clear()
    table = messages._table()
    assert table["interrupted"]["en"]
    source = Path(messages.__file__).with_name("messages.yaml")
    assert cache_path(source).is_file()


def test_a_change_to_the_code_that_parses_is_a_change_too(tmp_path: Path) -> None:
    source = tmp_path / "layout.yaml"
    source.write_text("a\n", "utf-8")
    code = tmp_path / "loader.py"
    code.write_text("x = 1\n", "utf-8")
    parse = Parser()
    assert load_cached(source, parse, code=(code,)) == {"lines": ["a"], "n": 2}
    assert load_cached(source, parse, code=(code,)) == {"lines": ["a"], "n": 2}
    assert parse.calls == 1
    code.write_text("x = 22\n", "utf-8")
    assert load_cached(source, parse, code=(code,)) == {"lines": ["a"], "n": 2}
    assert parse.calls == 2
    assert load_cached(source, parse) == {"lines": ["a"], "n": 2}  # without the code's stamp
    assert parse.calls == 3


def test_a_file_kept_beside_another_folder_is_named_by_its_own(tmp_path: Path) -> None:
    source = tmp_path / "templates" / "units.yaml"
    source.parent.mkdir()
    source.write_text("a\n", "utf-8")
    anchor = tmp_path / "code" / "templating.py"
    anchor.parent.mkdir()
    kept = cache_path(source, anchor)
    assert kept == anchor.parent / "__pycache__" / (
        f"templates.units.yaml.{sys.implementation.cache_tag}.marshal"
    )
    parse = Parser()
    load_cached(source, parse, beside=anchor)
    load_cached(source, parse, beside=anchor)
    assert parse.calls == 1 and kept.is_file()
    assert not (source.parent / "__pycache__").exists()
