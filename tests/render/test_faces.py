"""The open faces that stand in for missing official fonts."""

from __future__ import annotations

from reportgen.render.faces import css_font_faces, fontconfig_file, substitutions

LINUX = frozenset({"Noto Serif CJK SC", "Noto Sans CJK SC", "AR PL UKai CN", "Liberation Serif"})
FONTS = ["方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "Times New Roman"]


def test_each_missing_official_font_gets_a_distinct_face() -> None:
    found = {s.official: str(s) for s in substitutions(FONTS, LINUX)}
    assert found == {
        "方正小标宋简体": "方正小标宋简体 → Noto Serif CJK SC Bold",
        "仿宋_GB2312": "仿宋_GB2312 → Noto Serif CJK SC",
        "黑体": "黑体 → Noto Sans CJK SC",
        "楷体_GB2312": "楷体_GB2312 → AR PL UKai CN",
    }


def test_installed_official_fonts_or_their_windows_names_are_kept() -> None:
    windows = LINUX | {"黑体", "FangSong"}
    assert [s.official for s in substitutions(FONTS, windows)] == ["方正小标宋简体", "楷体_GB2312"]


def test_no_stand_in_when_it_is_not_installed_or_there_is_no_fontconfig() -> None:
    assert substitutions(FONTS, frozenset({"Noto Sans CJK SC"})) == [
        s for s in substitutions(FONTS, LINUX) if s.official == "黑体"
    ]
    assert substitutions(FONTS, None) == []


def test_the_fontconfig_file_assigns_strongly_then_includes_the_system() -> None:
    text = fontconfig_file(
        substitutions(["方正小标宋简体", "黑体"], LINUX), "/etc/fonts/fonts.conf"
    )
    assert text.count('<match target="pattern">') == 2
    assert (
        '<test name="family" qual="any"><string>方正小标宋简体</string></test>\n'
        '    <edit name="family" mode="assign" binding="strong"><string>Noto Serif CJK SC'
        "</string></edit>\n"
        '    <edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>'
    ) in text
    assert text.count("<const>bold</const>") == 1  # 黑体 is not bold
    assert text.rstrip().endswith(
        '<include ignore_missing="no">/etc/fonts/fonts.conf</include>\n</fontconfig>'
    )


def test_css_stacks_try_the_official_font_first_then_the_stand_in() -> None:
    css = css_font_faces(["黑体", "Times New Roman"], latin="Times New Roman")
    hei, latin = css.splitlines()
    assert (
        hei.index('local("黑体")')
        < hei.index('local("SimHei")')
        < hei.index('local("Noto Sans CJK SC")')
    )
    assert 'local("Liberation Serif")' in latin and "unicode-range: U+0020-007E" in latin
    assert "unicode-range" not in hei
