"""Resolved schedules and analyses as plain data for JSON and as text tables for a terminal."""
