"""The district office's view: every office's key figures side by side.

``collect`` reads one office's project (through build's own check and loading), ``table`` puts
the offices together (matched, converted, totalled), and ``xlsx``, ``docx`` and ``text`` write
the table out. May import: ``reportgen.app.build``, ``reportgen.check``, ``reportgen.settings``,
``reportgen.render``, ``reportgen.files``, ``reportgen.errors``; openpyxl only in ``xlsx``.
"""
