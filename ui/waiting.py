"""Wait for a condition while Qt keeps running, for headless runs (selftest, screenshots).

Why not ``while not done(): app.processEvents()``: in PySide 6.12 every call to
``processEvents()`` drops one reference to ``None`` too many, so a tight loop of tens of
thousands of calls makes the interpreter abort at exit ("none_dealloc"). A nested event loop
polled by a timer calls into Python a few times per second instead.
"""
from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QEventLoop, QTimer

POLL_MS = 20


def wait_until(done: Callable[[], bool], timeout_s: float) -> bool:
    """Run the event loop until ``done()`` is true; False if ``timeout_s`` passed first."""
    if done():
        return True
    loop = QEventLoop()
    deadline = time.monotonic() + timeout_s
    timer = QTimer()
    timer.setInterval(POLL_MS)

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
