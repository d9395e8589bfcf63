class LoadError(Exception):
    """A file could not be turned into text; the message is shown to the user as is."""
