"""The events component of the language analysis."""
