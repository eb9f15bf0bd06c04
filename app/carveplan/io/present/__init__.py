"""Presentations: decks and chart exports, and the redline of a diff as a PDF."""
