"""The application layer: one function per command, taking a parsed request and returning a
result object. It resolves years and files and loads the settings once; it never prints.
"""
