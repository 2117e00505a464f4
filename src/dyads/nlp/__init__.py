"""Language analysis: one spaCy Language plus our stages (actors, times, places, quotes, events)."""
