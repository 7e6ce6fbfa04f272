"""Models of the performance app."""
