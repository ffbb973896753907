"""Numbering of a GB/T 9704 document: Chinese numerals and the markers 一、 （一） 1. （1）.

Pure functions over integers; imports nothing of reportgen.
"""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"
_UNITS = ((1000, "千"), (100, "百"), (10, "十"))


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 15 → 十五, 20 → 二十, 105 → 一百零五 (1 ≤ n ≤ 9999)."""
    if not 1 <= n <= 9999:
        raise ValueError(f"cannot number item {n}: 1 to 9999 are supported")
    out = ""
    rest = n
    zero_pending = False
    for size, name in _UNITS:
        digit, rest = divmod(rest, size)
        if digit:
            if zero_pending:
                out += "零"
                zero_pending = False
            out += ("" if (size == 10 and digit == 1 and not out) else _DIGITS[digit]) + name
        elif out:
            zero_pending = True
    if rest:
        if zero_pending:
            out += "零"
        out += _DIGITS[rest]
    return out


def number_marker(level: int, n: int) -> str:
    """The marker of the n-th heading at a GB/T 9704 level: 一、 （一） 1. （1）."""
    if level == 1:
        return f"{chinese_numeral(n)}、"
    if level == 2:
        return f"（{chinese_numeral(n)}）"
    if level == 3:
        return f"{n}."
    if level == 4:
        return f"（{n}）"
    raise ValueError(f"numbering levels are 1 to 4, not {level}")
