"""The dashboard's test store: the small web store plus the articles that test how pages show
what is odd — an event known only to its year, article ids holding ``/`` or ``..``, article URLs
that are scripts — and a real server over it; and the browser the page tests drive."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from dyads.model import Actor, Analysis, Article, Event
from dyads.store import open_store
from web_support import build_test_store

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SLASH_ID = "wire/2012/sahel-pact"
DOTS_ID = "../../api/v1/health"
SCRIPT_URL = "javascript:window.__pwned=4"
DATA_URL = "data:text/html,<script>window.__pwned=5</script>"


def _article(doc_id: str, url: str, text: str, event_date: str, precision: str) -> Analysis:
    """One article coding ``BFA AGREE NER`` on the word "agreed", dated ``event_date``."""
    at = text.index("agreed")
    actors = (
        Actor(id="a1", name="BFA", kind="country", country="BFA", code="BFA", mentions=((0, 3),)),
        Actor(id="a2", name="NER", kind="country", country="NER", code="NER", mentions=()),
    )
    event = Event(
        id="e1",
        type="AGREE",
        trigger=(at, at + len("agreed")),
        sentence=(0, len(text)),
        actor=("a1",),
        recipient=("a2",),
        score=3.0,
        date=event_date,
        date_precision=precision,
        why="lexicon: agreed",
        confidence=0.7,
    )
    article = Article(
        id=doc_id, text=text, title=f"Pact {doc_id}", published="2021-03-02", outlet="Test Wire", url=url
    )
    return Analysis(article=article, actors=actors, events=(event,))


def build_dash_store(path: Path) -> Path:
    """The web test store and two more articles: a BFA→NER pact known only as "2012" in an article
    whose id holds slashes and whose URL is ``javascript:``, and a 2014 pact (so 2013 is an empty
    year between them) in an article whose id climbs with ``..`` and whose URL is ``data:``."""
    build_test_store(path)
    extra = [
        _article(SLASH_ID, SCRIPT_URL, "BFA agreed a pact with NER back in 2012.", "2012", "year"),
        _article(DOTS_ID, DATA_URL, "BFA agreed to patrol with NER in March 2014.", "2014-03", "month"),
    ]
    with open_store(path) as store:
        for analysis in extra:
            store.add_analysis(analysis, source=f"test:{analysis.article.id}")
    return path


def launch_chromium(playwright: Any) -> Any:
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


class PageVisit:
    """A page opened at a viewport width, with console errors and uncaught exceptions recorded."""

    def __init__(
        self, browser: Any, url: str, width: int = 1280, height: int = 900, wait: str = "load"
    ) -> None:
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        response = self.page.goto(url, wait_until=wait)
        assert response is not None and response.status == 200, f"{url}: HTTP {response and response.status}"

    def close(self) -> None:
        assert not self.errors, f"console errors: {self.errors}"
        self.page.close()
