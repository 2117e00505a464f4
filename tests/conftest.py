"""Fixtures shared across the test folders.

This folder is on ``sys.path`` (pytest puts a root conftest's folder there), so the support modules
beside it (``store_support``, ``web_support``, ``malformed_inputs``) import by their plain names from
any subfolder.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from dyads.nlp.pipeline import build_nlp

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The default Language, built once for the whole run."""
    return build_nlp()
