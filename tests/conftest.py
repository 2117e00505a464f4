"""Fixtures shared across the test folders.

This folder is on ``sys.path`` (pytest puts a root conftest's folder there), so the support modules
beside it (``store_support``, ``web_support``, ``malformed_inputs``) import by their plain names from
any subfolder.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from dash_support import CHROMIUM, launch_chromium
from dyads.nlp.pipeline import build_nlp

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The default Language, built once for the whole run."""
    return build_nlp()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian chromium driven by Playwright, launched once for all the page tests."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        instance = launch_chromium(pw)
        yield instance
        instance.close()
