"""The text of a document: numerals and number markers, punctuation normalisation, sentence
endings, metric references and Chinese word segmentation.

Pure functions over strings; imports nothing of reportgen but ``reportgen.errors``.
"""
