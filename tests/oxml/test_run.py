"""reportgen.oxml.run on snippets."""

from __future__ import annotations

from reportgen.oxml import run

from .snippets import shown, xml


def test_character_spacing_condenses_and_zero_overrides_a_style() -> None:
    rpr = xml("<w:rPr><w:rFonts/><w:sz w:val='32'/></w:rPr>")
    run.set_character_spacing(rpr, -5)
    assert shown(rpr) == '<w:rPr><w:rFonts/><w:spacing w:val="-5"/><w:sz w:val="32"/></w:rPr>'
    run.set_character_spacing(rpr, 0)
    assert shown(rpr) == '<w:rPr><w:rFonts/><w:spacing w:val="0"/><w:sz w:val="32"/></w:rPr>'


def test_size_sets_both_scripts_and_bold_comes_and_goes() -> None:
    rpr = xml("<w:rPr><w:lang/></w:rPr>")
    run.set_size(rpr, 44)
    run.set_bold(rpr, True)
    assert shown(rpr) == (
        '<w:rPr><w:b/><w:bCs/><w:sz w:val="44"/><w:szCs w:val="44"/><w:lang/></w:rPr>'
    )
    run.set_bold(rpr, False)
    assert shown(rpr) == '<w:rPr><w:sz w:val="44"/><w:szCs w:val="44"/><w:lang/></w:rPr>'


def test_run_properties_of_a_run_are_created_first() -> None:
    r = xml("<w:r><w:t>一</w:t></w:r>")
    run.set_bold(r, True)
    assert shown(r) == "<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t>一</w:t></w:r>"
