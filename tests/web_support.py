"""A small test store built from hand-made analyses (no spaCy), and a real uvicorn server over it."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from dyads.model import Actor, Analysis, Article, Event, Place, Quote, TimeExpr
from dyads.store import open_store

HOSTILE = '<script>window.__pwned = 1;</script><img src=x onerror="window.__pwned = 2">'


def _analysis(
    doc_id: str,
    text: str,
    published: str,
    title: str,
    pairs: list[tuple[str, str, str, str, float]],
) -> Analysis:
    """One article whose sentences each code ``actor TYPE recipient`` events.

    ``pairs`` holds (actor ISO3, recipient ISO3, PLOVER type, trigger word, score); the trigger word
    must occur in ``text`` once per event, in order.
    """
    actors: dict[str, Actor] = {}
    events = []
    cursor = 0
    for n, (src, dst, kind, trigger, score) in enumerate(pairs, start=1):
        at = text.index(trigger, cursor)
        cursor = at + len(trigger)
        for code in (src, dst):
            if code not in actors:
                pos = text.find(code)
                mentions = ((pos, pos + len(code)),) if pos >= 0 else ()
                actors[code] = Actor(
                    id=f"a{len(actors) + 1}",
                    name=code,
                    kind="country",
                    country=code,
                    code=code,
                    mentions=mentions,
                )
        start = text.rfind(".", 0, at) + 1
        end = text.find(".", at) + 1 or len(text)
        events.append(
            Event(
                id=f"e{n}",
                type=kind,
                trigger=(at, at + len(trigger)),
                sentence=(start, end),
                actor=(actors[src].id,),
                recipient=(actors[dst].id,),
                score=score,
                date=published,
                location="p1",
                why=f"lexicon: {trigger}",
                confidence=0.8,
            )
        )
    places = (Place(id="p1", name="Bamako", lat=12.65, lon=-8.0, country="MLI", feature="city", mentions=()),)
    quote_span = (0, min(len(text), 20))
    return Analysis(
        article=Article(id=doc_id, text=text, title=title, published=published, outlet="Test Wire"),
        actors=tuple(actors.values()),
        events=tuple(events),
        quotes=(Quote(id="q1", content=quote_span, speaker=None, direct=False),),
        places=places,
        times=(TimeExpr(span=(0, 3), value=published, type="DATE"),),
    )


def build_test_store(path: Path) -> Path:
    """Fill ``path`` with a few Mali/Russia/France articles and one hostile article."""
    analyses = [
        _analysis(
            "t-2019",
            "RUS signed a defence pact with MLI. FRA criticised MLI.",
            "2019-06-20",
            "Pact",
            [("RUS", "MLI", "AGREE", "signed", 4.0), ("FRA", "MLI", "ACCUSE", "criticised", -2.0)],
        ),
        _analysis(
            "t-2021",
            "RUS delivered helicopters to MLI. MLI expelled FRA envoy.",
            "2021-09-30",
            "Helicopters",
            [("RUS", "MLI", "AID", "delivered", 5.0), ("MLI", "FRA", "COERCE", "expelled", -6.0)],
        ),
        _analysis(
            "t-2022",
            "FRA withdrew troops from MLI. RUS met MLI leaders.",
            "2022-08-15",
            "Withdrawal",
            [("FRA", "MLI", "RETREAT", "withdrew", -1.0), ("RUS", "MLI", "CONSULT", "met", 1.0)],
        ),
        _analysis(
            "t-hostile",
            f'RUS warned MLI. {HOSTILE} <a href="javascript:window.__pwned=3">link</a>.',
            "2022-09-01",
            f"Hostile {HOSTILE}",
            [("RUS", "MLI", "THREATEN", "warned", -4.0)],
        ),
    ]
    with open_store(path) as store:
        for analysis in analyses:
            store.add_analysis(analysis, source=f"test:{analysis.article.id}")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """``dyads serve`` as a real subprocess on a free loopback port."""

    def __init__(self, db: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "dyads", "serve", "--db", str(db), "--port", str(self.port)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                out = self.proc.stdout.read().decode() if self.proc.stdout else ""
                raise RuntimeError(f"server exited: {out}")
            try:
                if httpx.get(self.url + "/api/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("server did not start in 60 s")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
