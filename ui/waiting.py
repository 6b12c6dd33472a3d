"""Wait for a condition while Qt keeps running, for headless runs (selftest, screenshots).

Why not ``while not done(): app.processEvents()``: such a loop never sleeps, so it keeps
taking the GIL from the worker thread it is waiting for (slowing it down and skewing any
timing), and on PySide 6.12 it also leaked references to ``None``. A nested event loop polled
by a timer sleeps between events as the real app does.
"""
from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QEventLoop, QTimer

POLL_MS = 20


def wait_until(done: Callable[[], bool], timeout_s: float, poll_ms: int = POLL_MS) -> bool:
    """Run the event loop until ``done()`` is true; False if ``timeout_s`` passed first.

    ``poll_ms`` is how often ``done()`` is asked; measurements use 1 ms.
    """
    if done():
        return True
    loop = QEventLoop()
    deadline = time.monotonic() + timeout_s
    timer = QTimer()
    timer.setInterval(poll_ms)

    def check() -> None:
        if done() or time.monotonic() > deadline:
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    return bool(done())


def settle(ms: int = 200) -> None:
    """Let pending paints and queued signals run for ``ms`` milliseconds."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
