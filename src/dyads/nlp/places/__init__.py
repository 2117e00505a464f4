"""The places component of the language analysis."""
