"""Reading and the model: the safe YAML loader (values with their line and column), the pydantic
model of a review and a plan, its validation into located errors, and the JSON Schema.

May import: ``reportgen.errors``, ``reportgen.settings.messages`` (wording), ``reportgen.text``.
"""
