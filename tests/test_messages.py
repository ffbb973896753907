"""reportgen.messages: wording as data, in the chosen language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from reportgen.messages import localised, set_language

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
