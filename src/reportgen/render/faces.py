"""Open faces that stand in for the official 公文 fonts where those are not installed.

GB/T 9704 names 方正小标宋简体 for the title, 黑体, 楷体_GB2312 and 仿宋_GB2312; they come with
Windows (黑体, 楷体, 仿宋) or from their foundries (方正小标宋简体, the GB2312 versions), not with
Linux. Without them LibreOffice and browsers draw every Chinese line in one fallback face, and
the page looks wrong to anyone who knows the standard. Each official name here has a distinct
open face from a Debian package (fonts-noto-cjk, fonts-arphic-ukai) of the same family of
shapes: a bold serif for the title, a sans for 黑体, a brush 楷 and a light serif for 仿宋.

One table serves the PDF (a private fontconfig file for the soffice process, see
:mod:`reportgen.render.pdf`) and the preview (CSS ``local()`` font stacks). The .docx keeps
naming the official fonts.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class Face:
    """An open face: its fontconfig family, weight, and the names CSS ``local()`` finds it by."""

    family: str
    bold: bool = False
    local_names: tuple[str, ...] = ()


_TITLE = Face("Noto Serif CJK SC", True, ("Noto Serif CJK SC Bold", "NotoSerifCJKsc-Bold"))
_SANS = Face("Noto Sans CJK SC", False, ("Noto Sans CJK SC", "NotoSansCJKsc-Regular"))
_KAI = Face("AR PL UKai CN", False, ("AR PL UKai CN", "AR PL KaitiM GB"))
_SERIF = Face("Noto Serif CJK SC", False, ("Noto Serif CJK SC", "NotoSerifCJKsc-Regular"))

# Official name → the names it also goes by on Windows/macOS, and the open stand-in.
SUBSTITUTES: dict[str, tuple[tuple[str, ...], Face]] = {
    "方正小标宋简体": (("方正小标宋_GBK", "FZXiaoBiaoSong-B05S"), _TITLE),
    "黑体": (("SimHei", "Heiti SC"), _SANS),
    "楷体_GB2312": (("KaiTi_GB2312", "楷体", "KaiTi", "STKaiti"), _KAI),
    "楷体": (("KaiTi", "STKaiti"), _KAI),
    "仿宋_GB2312": (("FangSong_GB2312", "仿宋", "FangSong", "STFangsong"), _SERIF),
    "仿宋": (("FangSong", "STFangsong"), _SERIF),
    "宋体": (("SimSun", "Songti SC"), _SERIF),
}
LATIN_SUBSTITUTES = {"Times New Roman": ("Liberation Serif", "Tinos")}


@dataclass(frozen=True)
class Substitution:
    official: str
    face: Face

    def __str__(self) -> str:
        return f"{self.official} → {self.face.family}{' Bold' if self.face.bold else ''}"


@cache
def installed_families() -> frozenset[str] | None:
    """Every font family fontconfig knows (each of a font's names), or None without fontconfig."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        out = subprocess.run(
            [fc_list, ":", "family"], capture_output=True, timeout=30, check=False
        ).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.TimeoutExpired):
        return None
    return frozenset(name.strip() for line in out.splitlines() for name in line.split(","))


def substitutions(fonts: list[str], installed: frozenset[str] | None) -> list[Substitution]:
    """The stand-ins for those of ``fonts`` that are not installed and whose stand-in is."""
    if installed is None:
        return []
    out = []
    for name in dict.fromkeys(fonts):
        known = SUBSTITUTES.get(name)
        if known is None or name in installed:
            continue
        aliases, face = known
        if not any(a in installed for a in aliases) and face.family in installed:
            out.append(Substitution(name, face))
    return out


def fontconfig_file(subs: list[Substitution], system: str = "/etc/fonts/fonts.conf") -> str:
    """A fontconfig file assigning each official family its stand-in (strongly, so the
    fallback rules of installed packages cannot win), then the system's configuration."""
    rules = []
    for sub in subs:
        weight = (
            '\n    <edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>'
            if sub.face.bold
            else ""
        )
        rules.append(
            '  <match target="pattern">\n'
            f'    <test name="family" qual="any"><string>{escape(sub.official)}</string></test>\n'
            '    <edit name="family" mode="assign" binding="strong">'
            f"<string>{escape(sub.face.family)}</string></edit>{weight}\n"
            "  </match>"
        )
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        + "\n".join(rules)
        + f'\n  <include ignore_missing="no">{escape(system)}</include>\n</fontconfig>\n'
    )


def css_family(name: str) -> str:
    """A CSS ``font-family`` name for one of the layout's fonts: an alias whose ``@font-face``
    (:func:`css_font_faces`) tries the official font, its other names, then the stand-in."""
    return f"rg-{abs(hash_name(name))}"


def hash_name(name: str) -> int:
    # Stable across processes (str hash is salted): a small FNV-1a.
    value = 2166136261
    for byte in name.encode("utf-8"):
        value = ((value ^ byte) * 16777619) & 0xFFFFFFFF
    return value


def css_font_faces(fonts: list[str], latin: str = "") -> str:
    """``@font-face`` rules for the layout's fonts, each a stack of ``local()`` sources; the
    ``latin`` font covers only ASCII, so full-width marks fall through to the Chinese face."""
    rules = []
    for name in dict.fromkeys(fonts):
        aliases, face = SUBSTITUTES.get(name, ((), None))  # type: ignore[arg-type]
        others = LATIN_SUBSTITUTES.get(name, ())
        names = [name, *aliases, *(face.local_names if face else ()), *others]
        sources = ", ".join(f'local("{n}")' for n in names)
        ranges = " unicode-range: U+0020-007E;" if name == latin else ""
        rules.append(f'@font-face {{ font-family: "{css_family(name)}"; src: {sources};{ranges} }}')
    return "\n".join(rules)
