"""The one writer of a run: outcomes of the workers into the store (or a Parquet sink), counted.

Outcomes arrive batch by batch in input order and are written one article per transaction (the
store's :meth:`~dyads.store.Store.add_analysis`), so a run killed at any point leaves only whole
articles. Every failure — to read, to analyse, to store — is recorded with its reason and counted
in the :class:`IngestReport`, which is handed to the progress hook after each batch.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from dyads.model import Analysis
from dyads.read.names import printable_name
from dyads.run.batch import Failure, Outcome, describe


class Sink(Protocol):
    """Where a run writes: a :class:`~dyads.store.Store` or a :class:`~dyads.run.parquet_sink.ParquetSink`."""

    def add_analysis(self, analysis: Analysis, source: str | None = None, force: bool = False) -> str: ...

    def record_failure(self, source: str, stage: str, problem: str) -> None: ...


@dataclass
class IngestReport:
    added: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    total: int | None = None  # inputs expected, when cheap to know in advance
    failures: list[Failure] = field(default_factory=list)
    # articles stored with their text but not analysed (a language the pipeline does not read);
    # counted in added/replaced, and listed with the failures in the store
    unanalysed: list[Failure] = field(default_factory=list)
    # how worker processes were started: "fork" (sharing the parent's loaded pipeline), "spawn",
    # or None when the run had no worker processes
    start_method: str | None = None

    @property
    def done(self) -> int:
        return self.added + self.replaced + self.skipped + self.failed

    @property
    def articles_per_minute(self) -> float:
        analysed = self.added + self.replaced
        return 60.0 * analysed / self.seconds if self.seconds > 0 else 0.0


ProgressHook = Callable[[IngestReport], None]


class OutcomeWriter:
    """Writes outcomes into ``sink`` and keeps ``report`` up to date (time measured from ``started``)."""

    def __init__(
        self,
        sink: Sink,
        report: IngestReport,
        force: bool,
        progress: ProgressHook | None,
        started: float,
    ) -> None:
        self.sink = sink
        self.report = report
        self.force = force
        self.progress = progress
        self.started = started

    def note_failure(self, failure: Failure) -> None:
        # A file name may not be UTF-8 or may hold a newline (and a problem may quote it): record
        # and report them printable, on one line.
        failure = Failure(printable_name(failure.source), failure.stage, printable_name(failure.problem))
        self.sink.record_failure(failure.source, failure.stage, failure.problem)
        self.report.failed += 1
        self.report.failures.append(failure)

    def _note_unanalysed(self, note: Failure) -> None:
        note = Failure(printable_name(note.source), note.stage, note.problem)
        self.sink.record_failure(note.source, note.stage, note.problem)
        self.report.unanalysed.append(note)

    def write(self, outcomes: list[Outcome]) -> None:
        report = self.report
        for outcome in outcomes:
            if outcome.failure:
                self.note_failure(outcome.failure)
            elif outcome.skipped:
                report.skipped += 1
            elif outcome.analysis is not None:
                try:
                    result = self.sink.add_analysis(
                        outcome.analysis, source=printable_name(outcome.source) or None, force=self.force
                    )
                except Exception as err:  # e.g. offsets outside the text: the analysis is at fault
                    self.note_failure(Failure(outcome.source, "store", describe(err)))
                    continue
                if result == "added":
                    report.added += 1
                elif result == "replaced":
                    report.replaced += 1
                else:
                    report.skipped += 1
                if outcome.unanalysed and result != "skipped":
                    self._note_unanalysed(Failure(outcome.source, "language", outcome.unanalysed))
        self.clock()
        if self.progress:
            self.progress(report)

    def clock(self) -> None:
        """Bring the report's running time up to now."""
        self.report.seconds = time.perf_counter() - self.started
