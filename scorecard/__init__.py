"""Scorecard: performance and risk management for councils."""
