"""Check: schema and reference problems plus the lint rules, with their positions in the YAML,
and ``--fix``. Never imports python-docx or lxml.
"""
