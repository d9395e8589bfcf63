"""Exporting the comparison as a report from the app."""
