"""Moved to :mod:`reportgen.settings.rules`: rule settings are part of the settings stage."""

from reportgen.settings.rules import SEVERITIES, Rule, load_rules, rule_ids

__all__ = ["SEVERITIES", "Rule", "load_rules", "rule_ids"]
