"""The quotes component of the language analysis."""
