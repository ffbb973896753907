"""Tests of reportgen.oxml, one file per module (a package, so that test_text.py, test_settings.py
… do not collide with the test files of the same name elsewhere in tests/)."""
