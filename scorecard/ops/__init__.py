"""Operations: security helpers, backup and restore, the synthetic generator and benchmarks.

Commands (scorecard/management/commands/) stay thin and call the functions here.
"""
