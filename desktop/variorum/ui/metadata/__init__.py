"""The metadata dock: every version's title, dates, byline, credits and links side by side."""
