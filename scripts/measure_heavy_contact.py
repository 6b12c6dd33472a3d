"""Measure selecting a contact with thousands of notes (not a test: the numbers are noisy).

    .venv/bin/python scripts/measure_heavy_contact.py [--notes 6000] [--runs 7]

Builds a throwaway journal (the sample data plus one contact with --notes notes, imported from
a generated CSV), opens the main window offscreen at 1440x900, then for each run selects a
light contact and then the heavy one, and reports:

- shown: time from selecting the heavy contact until its notes list and chart are filled in
  and painted (ContactView.loaded, then the next paint of the notes list and the chart);
- blocked: the longest gap between ticks of a 10 ms QTimer heartbeat on the UI thread in that
  window (how long the UI could not react).

Targets: shown <= 150 ms, blocked <= 100 ms. Prints each run and the medians.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_TEXTS = (
    "Weekly call. They liked the draft and asked for two small changes.",
    "Tense meeting - they questioned every line of the estimate.",
    "Quick email about the invoice; nothing unusual.",
    "Great workshop with the team, they want to move faster.",
    "Missed the call again and no reply to the proposal.",
    "Status update: on schedule, budget fine, one open risk on staffing.",
)


def write_csv(path: Path, notes: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    end = dt.datetime.now().replace(microsecond=0, second=0)
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["contact", "company", "date", "kind", "duration", "text"])
        for i in range(notes):
            when = end - dt.timedelta(minutes=37 * i + rnd.randrange(30))
            w.writerow(["Hannah Heavy", "Bulk Industries", when.strftime("%Y-%m-%d %H:%M"),
                        rnd.choice(("meeting", "call", "email")), rnd.choice(("", "15", "30", "60")),
                        f"{rnd.choice(_TEXTS)} (#{i})"])


class Heartbeat:
    """A 10 ms timer on the UI thread; the longest gap between ticks is the longest block."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.max_gap = 0.0

    def start(self) -> None:
        self.last = time.perf_counter()
        self.max_gap = 0.0
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.max_gap = max(self.max_gap, now - self.last)
        self.last = now

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        return self.max_gap


class PaintProbe:
    """Records when a widget (or its viewport) is next painted."""

    def __init__(self, widget) -> None:
        from PySide6.QtCore import QEvent, QObject

        class _Filter(QObject):
            def eventFilter(inner, obj, event):  # noqa: N805 - Qt's signature
                if event.type() == QEvent.Type.Paint and self.armed:
                    self.painted_at = time.perf_counter()
                    self.armed = False
                return False

        self.armed = False
        self.painted_at = 0.0
        self._filter = _Filter()
        widget.installEventFilter(self._filter)

    def arm(self) -> None:
        self.armed, self.painted_at = True, 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=6000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    import models
    from models.sample import load_sample
    from ui.app import create_application
    from ui.settings import use_settings_file
    from ui.waiting import settle, wait_until

    tmp = Path(tempfile.mkdtemp(prefix="rapport-heavy-"))
    use_settings_file(tmp / "settings.ini")
    app = create_application()
    db = tmp / "heavy.sqlite3"
    models.open_journal(db)
    load_sample()
    t0 = time.perf_counter()
    write_csv(tmp / "heavy.csv", args.notes)
    models.import_notes_csv(tmp / "heavy.csv")
    print(f"imported {args.notes} notes in {time.perf_counter() - t0:.1f} s")

    from ui.main_window import MainWindow

    window = MainWindow(db)
    window.resize(1440, 900)
    window.show()
    wait_until(lambda: window.state is not None, 60)
    heavy = next(s for s in window.panel.model.summaries() if s.name == "Hannah Heavy")
    light = next(s for s in window.panel.model.summaries() if s.id != heavy.id)
    view = window.contact_view
    list_probe = PaintProbe(view.notes_view.viewport())
    chart_probe = PaintProbe(view.chart.view.viewport())
    beat = Heartbeat()
    shown_ms, blocked_ms = [], []
    for run in range(args.runs + 1):  # run 0 warms caches up and is not counted
        window.panel.select_contact(light.id)
        wait_until(lambda: view.bundle is not None and view.bundle.contact.id == light.id, 30)
        settle(150)
        list_probe.arm()
        chart_probe.arm()
        beat.start()
        start = time.perf_counter()
        window.panel.select_contact(heavy.id)
        ok = wait_until(lambda: view.bundle is not None and view.bundle.contact.id == heavy.id
                        and list_probe.painted_at and chart_probe.painted_at, 30)
        done = max(list_probe.painted_at, chart_probe.painted_at)
        settle(100)  # anything the load left behind still counts against the heartbeat
        gap = beat.stop()
        if not ok:
            print(f"run {run}: timed out")
            continue
        shown = (done - start) * 1000
        rows = view.notes_model.rowCount()
        print(f"run {run}: shown {shown:6.1f} ms, UI blocked at most {gap * 1000:6.1f} ms "
              f"({rows} notes listed, {view.chart.point_count()} chart points)"
              + ("  [warm-up]" if run == 0 else ""))
        if run:
            shown_ms.append(shown)
            blocked_ms.append(gap * 1000)
    window.worker.wait_for_done(10_000)
    window.close()
    models.close_journal()
    if shown_ms:
        print(f"median over {len(shown_ms)} runs: shown {statistics.median(shown_ms):.1f} ms "
              f"(target <= 150), UI blocked {statistics.median(blocked_ms):.1f} ms (target <= 100); "
              f"worst: {max(shown_ms):.1f} / {max(blocked_ms):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
