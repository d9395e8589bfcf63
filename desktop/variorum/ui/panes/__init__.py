"""The text panes: one per version, highlights, alignment, overview strip, navigation and find."""
