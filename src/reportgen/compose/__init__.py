"""Compose: the typed model → the document's blocks (title, numbered headings, filled and
normalised text), which every renderer, check, diff and track read.

May import: ``reportgen.model``, ``reportgen.text``, ``reportgen.settings``.
"""
