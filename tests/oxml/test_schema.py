"""reportgen.oxml.schema: the sequences, checked at their ends and at places Word cares about.

Hand-written from ISO/IEC 29500-1 transitional wml.xsd (not read by the tests)."""

from __future__ import annotations

from reportgen.oxml import schema


def before(order: tuple[str, ...], first: str, second: str) -> bool:
    return order.index(first) < order.index(second)


def test_settings_is_the_whole_sequence() -> None:
    order = schema.SETTINGS_ORDER
    assert len(order) == 98 and len(set(order)) == 98
    assert order[:3] == ("writeProtection", "view", "zoom")
    assert order[-3:] == ("doNotEmbedSmartTags", "decimalSymbol", "listSeparator")
    assert before(order, "trackRevisions", "defaultTabStop")
    assert before(order, "evenAndOddHeaders", "characterSpacingControl")
    assert order[order.index("rsids") + 1] == "m:mathPr"


def test_property_sequences_end_with_their_change_records() -> None:
    assert schema.PPR_ORDER[-3:] == ("rPr", "sectPr", "pPrChange")
    assert schema.RPR_ORDER[:4] == ("ins", "del", "moveFrom", "moveTo")
    assert schema.RPR_ORDER[-1] == "rPrChange"
    assert schema.SECTPR_ORDER[-3:] == ("docGrid", "printerSettings", "sectPrChange")
    assert schema.TBLPR_ORDER[-1] == "tblPrChange"
    assert schema.TCPR_ORDER[:2] == ("cnfStyle", "tcW") and schema.TCPR_ORDER[-1] == "tcPrChange"
    assert len(schema.PPR_ORDER) == 36 and len(schema.RPR_ORDER) == 44
    assert len(schema.SECTPR_ORDER) == 22 and len(schema.TBLPR_ORDER) == 18


def test_every_order_is_without_repeats() -> None:
    assert {k: len(v) for k, v in schema.ORDERS.items() if len(set(v)) != len(v)} == {}
