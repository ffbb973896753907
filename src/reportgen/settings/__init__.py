"""The settings stage: the message catalogue (zh/en), the layout, section names, unit
conversions and the project's templates, each merged from the shipped defaults and the
project's ``templates/`` and validated with located errors.

May import: ``reportgen.model`` (loader and validation), ``reportgen.files``, ``reportgen.errors``.
"""
