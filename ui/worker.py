"""The one helper for background work (after Anki's QueryOp and novelWriter's runnables).

``worker.run(op, on_done, on_error)`` runs ``op()`` off the UI thread and calls ``on_done``
with its result (or ``on_error`` with the exception) back on the UI thread. Database work goes
through ONE thread, in order (SQLite has one writer); pure CPU work such as the live sentiment
preview has its own thread so it never waits behind a long import. Jobs never touch widgets.
"""
from __future__ import annotations

import itertools
import logging
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

log = logging.getLogger(__name__)

BUSY_DELAY_MS = 500  # show a progress indicator only for work longer than this


class _Job(QRunnable):
    def __init__(self, job_id: int, op: Callable[[], Any], finished: Signal) -> None:
        super().__init__()
        self._id = job_id
        self._op = op
        self._finished = finished  # a *bound* signal of the main-thread Worker
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result, error = self._op(), None
        except Exception as exc:  # handed to the UI thread, shown there
            result, error = None, exc
        self._finished.emit(self._id, (result, error))


class Worker(QObject):
    """Owned by the main window; lives on the UI thread."""

    _finished = Signal(int, object)
    busy_changed = Signal(bool, str)  # (busy, what) for a progress indicator

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db_pool = QThreadPool(self)
        self._db_pool.setMaxThreadCount(1)
        self._cpu_pool = QThreadPool(self)
        self._cpu_pool.setMaxThreadCount(1)
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[Callable | None, Callable | None, str]] = {}
        self._finished.connect(self._on_finished)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.timeout.connect(self._on_busy_timeout)
        self._busy_label = ""
        self._shown_busy = False

    def run(self, op: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[Exception], None] | None = None, *, label: str = "",
            cpu_only: bool = False) -> int:
        """Queue ``op``; returns a job id. ``label`` names long work in the progress indicator."""
        job_id = next(self._ids)
        self._pending[job_id] = (on_done, on_error, label)
        if label:
            self._busy_label = label
            if not self._busy_timer.isActive() and not self._shown_busy:
                self._busy_timer.start(BUSY_DELAY_MS)
        pool = self._cpu_pool if cpu_only else self._db_pool
        pool.start(_Job(job_id, op, self._finished))
        return job_id

    def is_idle(self) -> bool:
        return not self._pending

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until queued jobs have run (used on quit and in tests)."""
        ok = self._db_pool.waitForDone(msecs) and self._cpu_pool.waitForDone(msecs)
        return ok

    @Slot(int, object)
    def _on_finished(self, job_id: int, payload: tuple[Any, Exception | None]) -> None:
        result, error = payload
        on_done, on_error, _label = self._pending.pop(job_id, (None, None, ""))
        if not any(lbl for _, _, lbl in self._pending.values()):
            self._busy_timer.stop()
            if self._shown_busy:
                self._shown_busy = False
                self.busy_changed.emit(False, "")
        if error is not None:
            if on_error is not None:
                on_error(error)
            else:
                from ui.errors import show_error

                show_error(None, error)
            return
        if on_done is not None:
            on_done(result)

    @Slot()
    def _on_busy_timeout(self) -> None:
        if self._pending:
            self._shown_busy = True
            self.busy_changed.emit(True, self._busy_label)
