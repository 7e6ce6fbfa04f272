"""Models of the risks app."""
