"""The text of a document, decided once: cleaning (:mod:`.cleaning`), metric references and
figures (:mod:`.references`), punctuation (:mod:`.punctuation`), numbering (:mod:`.numbering`),
the reading pipeline that chains them keeping a map back to the YAML (:mod:`.pipeline`), and
Chinese word segmentation (:mod:`.segment`).

Pure functions over strings, the lowest layer: imports nothing of reportgen but
``reportgen.errors`` (the model's validators clean through here).
"""
