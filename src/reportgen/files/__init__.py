"""Files and safety: the project folder and its files, atomic writes, and the guard that never
replaces a file reportgen did not write (or that was changed since) without ``--force``.
"""
