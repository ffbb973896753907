"""settings.rules.Rule: an immutable record whose ``rule[name]`` is one of its options."""

from __future__ import annotations

import pytest

from reportgen.settings.rules import Rule, load_rules, repeat_weight


def test_a_rule_reads_its_options_by_name() -> None:
    rule = Rule("length-total", "warning", True, {"max": 3000})
    assert rule["max"] == 3000
    assert (rule.id, rule.severity, rule.enabled, rule.options) == (
        "length-total",
        "warning",
        True,
        {"max": 3000},
    )
    with pytest.raises(KeyError):
        rule["min"]
    with pytest.raises(AttributeError):
        rule.severity = "error"  # type: ignore[misc]


def test_a_rule_without_options_has_none_and_cannot_be_given_one_by_accident() -> None:
    rule = Rule("x")
    assert (rule.severity, rule.enabled, dict(rule.options)) == ("error", True, {})
    with pytest.raises(TypeError):
        rule.options["max"] = 1  # type: ignore[index]
    assert dict(Rule("y").options) == {}


def test_the_shipped_rules_load_as_records() -> None:
    rules = load_rules(None)
    assert all(isinstance(rule, Rule) and rule.id == key for key, rule in rules.items())
    assert rules == load_rules(None)


@pytest.mark.parametrize(
    ("pattern", "weight"),
    [("a{3}", 3), ("(?:a{2}){5}", 10), ("a{,4}", 4), ("a{2,}", 2), ("a{}", 1), (r"\{9}", 1)],
)
def test_counted_repeats_are_still_read(pattern: str, weight: int) -> None:
    assert repeat_weight(pattern) == weight
