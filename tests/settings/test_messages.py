"""reportgen.settings.messages: wording as data, in the chosen language."""

from __future__ import annotations

import errno
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from reportgen.settings.messages import localised, set_language

LABELS = {"title": {"zh": "对比", "en": "diff"}, "only_en": {"en": "pp"}}


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    set_language("zh")
    yield
    set_language("zh")


def test_labels_in_the_current_language_else_english() -> None:
    assert localised(LABELS) == {"title": "对比", "only_en": "pp"}
    set_language("en")
    assert localised(LABELS) == {"title": "diff", "only_en": "pp"}


SRC = Path(__file__).resolve().parents[2] / "src" / "reportgen"


def test_every_message_the_code_asks_for_is_worded_in_both_languages() -> None:
    """A misspelt key would fall back to 'other' and print an empty message."""
    used = set()
    for source in SRC.rglob("*.py"):
        used |= set(re.findall(r'\bmessage\(\s*"([a-z0-9_]+)"', source.read_text("utf-8")))
    used |= {f"invisible_name_{code}" for code in ("00", "07", "08", "0b", "0c", "1b")}
    assert {"yaml_syntax", "read_not_found", "write_disk_full", "guard_changed"} <= used
    table = yaml.safe_load((SRC / "settings" / "messages.yaml").read_text("utf-8"))
    for key in sorted(used):
        assert key in table and table[key].get("zh") and table[key].get("en"), key
    for key, texts in table.items():  # Chinese may leave a value out, never invent one
        names = set(re.findall(r"\{(\w+)\}", texts["zh"]))
        assert names <= set(re.findall(r"\{(\w+)\}", texts["en"])), key


def test_project_and_file_errors_follow_the_language(tmp_path: Path) -> None:
    from reportgen.errors import UserError
    from reportgen.files import atomic
    from reportgen.files.project import parse_year, require_file

    with pytest.raises(UserError) as year:
        parse_year("twenty")
    with pytest.raises(UserError) as missing:
        require_file(tmp_path / "2031.yaml", "2031年的总结")
    full = atomic.os_error(OSError(errno.ENOSPC, "No space left on device"), "build/2022.docx")
    assert year.value.message == "“twenty” 不是年份" and "四位数字" in year.value.hint
    assert missing.value.message.startswith("找不到2031年的总结：查找的是 ")
    assert (
        full.message == "无法写入 build/2022.docx：磁盘已满" and "原来的文件没有改动" in full.hint
    )
    set_language("en")
    with pytest.raises(UserError) as year:
        parse_year("twenty")
    assert year.value.message == "'twenty' is not a year"
    assert atomic.os_error(OSError(errno.ENOSPC, "full"), "x").message == (
        "cannot write x: the disk is full"
    )
