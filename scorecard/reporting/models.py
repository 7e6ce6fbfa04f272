"""Models of the reporting app."""
