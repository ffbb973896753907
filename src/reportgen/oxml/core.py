"""Core properties (docProps/core.xml).

This module inserts no elements; it removes the template's dates.
"""

from __future__ import annotations

from typing import Any

from reportgen.oxml.elements import element_of

_CORE_DATES = ("{http://purl.org/dc/terms/}created", "{http://purl.org/dc/terms/}modified")


def remove_core_dates(core: Any) -> None:
    """python-docx's template says 2013; a document without dates is honest and reproducible.

    ``core``: the cp:coreProperties element, or python-docx's core properties."""
    root = element_of(core)
    for tag in _CORE_DATES:
        for element in root.findall(tag):
            root.remove(element)
