"""The demo council's words, kept as data: its risk register and its indicators' descriptions
and commentary (the loaders add the figures)."""
