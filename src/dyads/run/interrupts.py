"""SIGTERM handled as Ctrl-C is, so that a run stopped either way ends cleanly and says what it stored.

Python turns SIGINT into KeyboardInterrupt but lets SIGTERM (``kill``, a service manager, a CI
timeout) end the process on the spot: no summary, no orderly end of the worker processes.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


@contextmanager
def interrupted_by_signals(received: list[int]) -> Iterator[None]:
    """While the block runs, SIGINT and SIGTERM raise KeyboardInterrupt; each signal's number is
    appended to ``received``. Handlers can be set only in the main thread: elsewhere this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, _frame: FrameType | None) -> None:
        received.append(signum)
        raise KeyboardInterrupt

    previous = {sig: signal.signal(sig, interrupt) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
