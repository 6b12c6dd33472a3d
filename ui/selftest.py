"""``python main.py selftest``: open the real window offscreen, load the first contact and its
chart, and report how long that took."""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable

from ui.app import ensure_platform


class SelftestError(RuntimeError):
    pass


def _wait(app, done: Callable[[], bool], what: str, timeout_s: float = 60.0) -> None:
    from ui.waiting import wait_until

    if not wait_until(done, timeout_s):
        raise SelftestError(f"selftest: timed out after {timeout_s:.0f} s waiting for {what}")


def run_selftest(db_path: Path) -> dict:
    """Returns ``{"startup_s", "shown_s", "launch_to_shown_s", "first_contact_s"}`` (seconds;
    the last two may be None); raises on failure."""
    ensure_platform()
    started = time.perf_counter()
    from models import close_journal, open_journal
    from ui.app import create_application

    app = create_application()
    open_journal(db_path)  # the window checks the word lists in the background
    from ui.main_window import MainWindow

    errors: list[BaseException] = []
    window = MainWindow(Path(db_path))
    # A selftest must fail loudly, not pop up a dialog nobody sees.
    import ui.errors as ui_errors

    original = ui_errors.show_error
    ui_errors.show_error = lambda _parent, exc, *a, **k: errors.append(exc)
    try:
        window.show()
        window.grab()  # painted once: what the user sees first (the list may still be loading)
        shown = time.perf_counter() - started
        launched = os.environ.get("BENCH_T0")  # time.time() when a parent started this process
        launch_to_shown = time.time() - float(launched) if launched else None
        loaded: list[int] = []
        window.contacts_loaded.connect(loaded.append)
        _wait(app, lambda: bool(loaded) or bool(errors), "the relationships list")
        if errors:
            raise SelftestError(f"selftest: loading the journal failed: {errors[0]}")
        startup = time.perf_counter() - started
        first_contact = None
        if loaded[0] > 0:
            t0 = time.perf_counter()
            window.panel.select_first()
            cid = window.panel.current_id()
            if cid is None:  # only archived contacts: show them
                window.panel.archived_check.setChecked(True)
                window.panel.select_first()
                cid = window.panel.current_id()
            view = window.contact_view
            _wait(app, lambda: (view.bundle is not None and view.bundle.contact.id == cid) or bool(errors),
                  "the first contact")
            if errors:
                raise SelftestError(f"selftest: loading a contact failed: {errors[0]}")
            from ui.waiting import settle

            settle(50)  # let the chart paint once
            if view.bundle.notes and view.chart.point_count() == 0:
                raise SelftestError("selftest: the mood chart stayed empty")
            first_contact = time.perf_counter() - t0
        _wait(app, lambda: window.analyzer_state() is not None, "the sentiment word lists")
        if not window.analyzer_state():
            raise SelftestError(f"selftest: the sentiment word lists failed to load: {errors[0]}")
        return {"startup_s": round(startup, 3), "shown_s": round(shown, 3),
                "launch_to_shown_s": round(launch_to_shown, 3) if launch_to_shown else None,
                "first_contact_s": round(first_contact, 3) if first_contact is not None else None}
    finally:
        ui_errors.show_error = original
        window.worker.wait_for_done(10_000)
        window.close()
        window.deleteLater()
        app.processEvents()
        close_journal()
