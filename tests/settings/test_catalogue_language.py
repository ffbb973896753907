"""Which language reportgen speaks, and that the catalogue has both for every text."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

from reportgen.settings.messages import resolve_language

SRC = Path(__file__).resolve().parents[2] / "src" / "reportgen"


@pytest.mark.parametrize(
    ("argv", "environ", "system", "expected"),
    [
        ([], {}, None, "zh"),  # nothing says what the user reads: Chinese, the product's rule
        ([], {"LANG": "zh_CN.UTF-8"}, None, "zh"),
        ([], {"LANG": "zh_TW.Big5"}, None, "zh"),
        ([], {"LANG": "C"}, None, "en"),
        ([], {"LANG": "en_US.UTF-8"}, None, "en"),
        ([], {"LANG": "C.UTF-8"}, None, "en"),
        ([], {"LC_ALL": "zh_CN.UTF-8", "LANG": "C"}, None, "zh"),  # LC_ALL first
        ([], {"LC_MESSAGES": "C", "LANG": "zh_CN.UTF-8"}, None, "en"),  # then LC_MESSAGES
        ([], {"LC_ALL": "", "LANG": "zh_CN.UTF-8"}, None, "zh"),  # empty means unset
        ([], {"REPORTGEN_LANG": "en", "LANG": "zh_CN.UTF-8"}, None, "en"),
        ([], {"REPORTGEN_LANG": "zh", "LC_ALL": "C"}, None, "zh"),
        ([], {"REPORTGEN_LANG": "fr", "LANG": "C"}, None, "en"),  # unknown: the next source
        (["--lang", "en"], {"REPORTGEN_LANG": "zh"}, None, "en"),
        (["build", "2022", "--lang=zh"], {"LANG": "C"}, None, "zh"),
        (["build", "--", "--lang", "en"], {"LANG": "zh_CN.UTF-8"}, None, "zh"),  # an argument
        ([], {}, "Chinese (Simplified)_China", "zh"),  # Windows: locale.getlocale()
        ([], {}, "zh", "zh"),  # Windows: GetUserDefaultUILanguage said Chinese
        ([], {}, "English_United States", "en"),
        ([], {"LANG": "C"}, "Chinese (Simplified)_China", "en"),  # the variables come first
    ],
)
def test_language_comes_from_the_command_line_environment_locale_or_system(
    argv: list[str], environ: dict[str, str], system: str | None, expected: str
) -> None:
    assert resolve_language(argv, environ, system) == expected


CATALOGUE = yaml.safe_load((SRC / "settings" / "messages.yaml").read_text("utf-8"))


def test_every_catalogue_key_has_chinese_and_english() -> None:
    for key, texts in CATALOGUE.items():
        assert isinstance(texts, dict), key
        assert isinstance(texts.get("zh"), str) and texts["zh"], key
        assert isinstance(texts.get("en"), str) and texts["en"], key


def test_every_help_text_the_command_line_names_is_in_the_catalogue() -> None:
    """cli/ writes help=, short_help= and metavar= as catalogue keys; a misspelt key would be
    shown to the user as the key itself."""
    named = set()
    for source in (SRC / "cli").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text("utf-8"))):
            if (
                isinstance(node, ast.keyword)
                and node.arg in ("help", "short_help")
                and isinstance(node.value, ast.Constant)
            ):
                named.add(node.value.value)
    assert len(named) > 50
    assert named <= set(CATALOGUE), named - set(CATALOGUE)
