"""Reading and writing agreements: one subpackage per format family, the registry of formats in ``formats``.

Shared by every family: ``errors`` (located read and write errors), ``atomic`` (safe replacement of a file),
``cells`` (cell text to values and back) and ``formats`` (which module handles which suffix).
"""
