"""The parallel-form rule counts a group once; it must decide as comparing every pair would."""

from __future__ import annotations

import statistics

from hypothesis import given
from hypothesis import strategies as st

from reportgen.check.lint.structure import out_of_form


def pairwise(texts: list[str], size: int, ratio: float, min_difference: int) -> list:
    """The rule as first written: each text against the list of all the others."""
    found = []
    for n, text in enumerate(texts):
        others = texts[:n] + texts[n + 1 :]
        median = statistics.median(len(t) for t in others)
        if abs(len(text) - median) > max(ratio * median, min_difference):
            found.append((n, "message_length", {"length": len(text), "median": round(median)}))
            continue
        prefixes = {t[:size] for t in others}
        distinct = set(others) - {text}
        if (
            size
            and len(distinct) >= 2
            and len(prefixes) == 1
            and all(len(t) > size for t in others)
        ):
            prefix = prefixes.pop()
            if not text.startswith(prefix):
                found.append((n, "message_prefix", {"prefix": prefix}))
    return found


_texts = st.lists(
    st.text(alphabet="全面强化激活遵循把牢突出一二", min_size=0, max_size=12),
    min_size=3,
    max_size=12,
)


@given(_texts, st.integers(0, 3), st.sampled_from([0.3, 0.5, 1.0]), st.integers(0, 4))
def test_same_verdicts_as_comparing_every_pair(
    texts: list[str], size: int, ratio: float, min_difference: int
) -> None:
    assert out_of_form(texts, size, ratio, min_difference) == pairwise(
        texts, size, ratio, min_difference
    )


def test_the_odd_one_out_among_parallel_headings() -> None:
    headings = [
        "全面强化项目为王这一支撑",
        "全面激活改革创新这一动力",
        "全面遵循友好发展这一要求",
        "抓党建",
    ]
    assert out_of_form(headings, 2, 0.5, 4) == [(3, "message_length", {"length": 3, "median": 12})]
    headings[3] = "统筹推进党建引领这一核心"
    assert out_of_form(headings, 2, 0.5, 4) == [(3, "message_prefix", {"prefix": "全面"})]


def test_ten_thousand_siblings_in_linear_time() -> None:
    texts = [f"全面推进第{n}项工作" for n in range(10_000)]
    assert out_of_form(texts, 2, 0.5, 4) == []
