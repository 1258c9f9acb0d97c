"""Evaluation harnesses: score newsgraph against the gold data sets, next to a baseline."""
