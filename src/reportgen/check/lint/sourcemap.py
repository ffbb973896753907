"""Moved to :mod:`reportgen.model.sourcemap` (validation locates references with it too)."""

from reportgen.model.sourcemap import ScalarSpan, SourceMap

__all__ = ["ScalarSpan", "SourceMap"]
