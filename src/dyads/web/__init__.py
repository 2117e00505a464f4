"""The analyst's dashboard and REST API over a corpus store (FastAPI)."""
