"""The oxml package's names: every one it lists resolves, the import-only modules on first use."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from reportgen import oxml
from reportgen.oxml import numbering, reading


@pytest.mark.parametrize("name", oxml.__all__)
def test_every_listed_name_resolves(name: str) -> None:
    assert getattr(oxml, name) is not None


def test_the_import_only_names_are_their_modules_own() -> None:
    assert oxml.visible_text is reading.visible_text
    assert oxml.MAX_LEVEL == reading.MAX_LEVEL == 8
    assert oxml.ListLevel is numbering.ListLevel
    assert oxml.revisions.__module__ == "reportgen.oxml.revisions"  # a function, not the module
    with pytest.raises(AttributeError, match="no_such_name"):
        oxml.no_such_name  # noqa: B018


def test_a_build_does_not_load_the_import_only_modules() -> None:
    probe = (
        "import sys, reportgen.render.docx;"
        "print(sorted(m for m in sys.modules if m.startswith('reportgen.oxml.')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    loaded = ast.literal_eval(out)
    assert "reportgen.oxml.run" in loaded  # the probe saw the package load
    assert "reportgen.oxml.numbering" not in loaded
    assert "reportgen.oxml.reading" not in loaded
