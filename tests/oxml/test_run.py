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


def test_a_run_is_appended_with_a_copy_of_its_properties_and_its_text() -> None:
    paragraph = xml("<w:p><w:pPr><w:jc w:val='both'/></w:pPr><w:r><w:t>一</w:t></w:r></w:p>")
    rpr = xml("<w:rPr><w:b/></w:rPr>")
    template = run.run_template(rpr)
    first = run.append_run(paragraph, template, "二")
    run.append_run(paragraph, template, " 三 ")
    run.append_run(paragraph, template, "")
    assert first is paragraph[2] and first[0] is not rpr
    assert shown(paragraph) == (
        '<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:t>一</w:t></w:r>'
        "<w:r><w:rPr><w:b/></w:rPr><w:t>二</w:t></w:r>"
        '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> 三 </w:t></w:r>'
        "<w:r><w:rPr><w:b/></w:rPr></w:r></w:p>"
    )
    assert shown(rpr) == "<w:rPr><w:b/></w:rPr>"  # the properties given stay as they were
    assert shown(template) == "<w:r><w:rPr><w:b/></w:rPr><w:t/></w:r>"  # and the template


def test_a_run_appended_to_a_python_docx_paragraph_is_one_of_its_runs() -> None:
    import docx

    paragraph = docx.Document().add_paragraph("甲")
    run.append_run(paragraph, run.run_template(xml("<w:rPr/>")), "乙")
    assert [r.text for r in paragraph.runs] == ["甲", "乙"]
