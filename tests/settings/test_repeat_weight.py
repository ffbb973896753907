"""rules.repeat_weight: the product of counted repeats along one nesting of groups, the
figure a rules.yaml pattern is refused on before the regex module unrolls it."""

from __future__ import annotations

import pytest

from reportgen.settings.rules import MAX_REPEAT_WEIGHT, repeat_weight


@pytest.mark.parametrize(
    ("pattern", "weight"),
    [
        ("(x+x+)+y", 1),  # no counts: the timeout's business, not this one's
        ("a{5}b{7}", 7),  # side by side: the larger, not the product
        ("(a{10}){20}", 200),
        ("(?:(?:a{1000}){1000}){1000}", 1_000_000_000),
        ("(?:x{1,1000}){1,1000}y", 1_000_000),
        ("a{,50}", 50),
        ("(a)(b){3}", 3),
        ("[{1000}]{3}", 3),  # braces inside a class are characters
        (r"\p{L}{1000}", 1000),  # a property name's braces are not a count
        (r"\{1000\}", 1),  # escaped braces are characters
        ("{abc}", 1),
        ("待填写|XX{2,}", 1 * 2),
    ],
)
def test_weights(pattern: str, weight: int) -> None:
    assert repeat_weight(pattern) == weight


def test_the_cap_is_far_above_any_placeholder_pattern() -> None:
    assert repeat_weight("(?:某{1,3}){1,3}(?:街道|社区)") == 9 < MAX_REPEAT_WEIGHT
