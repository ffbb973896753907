"""reportgen.oxml.core on a core-properties snippet."""

from __future__ import annotations

import re

from lxml import etree

from reportgen.oxml import core


def test_core_dates_are_removed_and_the_rest_kept() -> None:
    root = etree.fromstring(
        b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        b'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        b'xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>T</dc:title>'
        b"<dcterms:created>2013</dcterms:created><dcterms:modified>2013</dcterms:modified>"
        b"</cp:coreProperties>"
    )
    core.remove_core_dates(root)
    text = re.sub(r' xmlns:\w+="[^"]+"', "", etree.tostring(root, encoding="unicode"))
    assert text == "<cp:coreProperties><dc:title>T</dc:title></cp:coreProperties>"
