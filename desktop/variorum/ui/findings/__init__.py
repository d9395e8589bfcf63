"""The findings dock: the list of discrepancies and its filters."""
