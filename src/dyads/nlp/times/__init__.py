"""The times component of the language analysis."""
