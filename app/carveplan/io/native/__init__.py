"""The native .carveplan file: JSON encode and decode, the fast reader, migrations of older versions."""

from carveplan.io.native.file import FORMAT, SUFFIX, dumps, load, loads, save

__all__ = ["FORMAT", "SUFFIX", "dumps", "load", "loads", "save"]
