"""reportgen: an annual work summary kept as YAML, built into a GB/T 9704 Word document."""

__version__ = "0.1.0"
