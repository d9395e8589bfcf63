"""The versions dock: one row per loaded version."""
