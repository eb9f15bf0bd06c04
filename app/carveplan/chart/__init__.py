"""Gantt charts drawn with matplotlib onto a given figure; no Qt, no files."""
