"""The actors component of the language analysis."""
