"""Benchmarks of dyads (not tests): ``python -m bench`` prints a table of figures and ratios."""
