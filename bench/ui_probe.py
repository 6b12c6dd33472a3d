"""UI-side measurements, each run in a fresh child process (``python -m bench.ui_probe PROBE``).

This is the only bench module that imports Qt (a bare-window baseline cannot be measured
without it); it is a measuring tool, never imported by the app. Probes that need the
colleagues' UI modules print ``{"na": "..."}`` until those modules exist.

Every probe prints one JSON object as its last line.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

from bench.steps import timed

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.fonts.warning=false")

T_IMPORTED = time.perf_counter()  # interpreter is up and this module is loading


def since_launch_s() -> float | None:
    """Seconds since the parent launched this process (it passes time.time() in BENCH_T0)."""
    t0 = os.environ.get("BENCH_T0")
    return time.time() - float(t0) if t0 else None


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def missing(*modules: str) -> str | None:
    for name in modules:
        try:
            if importlib.util.find_spec(name) is None:
                return f"n/a: {name} missing"
        except ModuleNotFoundError:
            return f"n/a: {name} missing"
    return None


def probe_bare(args) -> dict:
    """A bare PySide6 QMainWindow: import Qt, create the app, show the window, paint once."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1200, 800)
    window.setWindowTitle("bare")
    window.show()
    app.processEvents()
    window.grab()  # force one real paint, as "usable" means drawn
    shown = time.perf_counter()
    return {"launch_to_shown_s": since_launch_s(), "in_process_s": shown - T_IMPORTED,
            "peak_rss_mb": peak_rss_mb()}


def probe_list(args) -> dict:
    """Relationships list through the real table model + proxy: load, sort, filter."""
    na = missing("ui.relationships_model")
    if na:
        return {"na": na}
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QTableView

    import models
    from ui import relationships_model as rm

    app = QApplication.instance() or QApplication(sys.argv[:1])
    models.open_journal(args.db)
    t0 = time.perf_counter()
    rows = models.list_contacts(include_archived=True)
    out: dict = {"rows": len(rows), "list_contacts_ms": (time.perf_counter() - t0) * 1000.0}
    model = rm.RelationshipsModel()
    proxy = rm.RelationshipsFilter()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.resize(1200, 800)
    view.show()
    app.processEvents()
    t0 = time.perf_counter()
    model.set_contacts(rows)
    app.processEvents()
    out["set_contacts_ms"] = (time.perf_counter() - t0) * 1000.0
    order = [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder]
    flip = {"i": 0}

    def sort(col):
        def run():
            flip["i"] ^= 1
            proxy.sort(col, order[flip["i"]])
            app.processEvents()
        return run

    r = args.repeat
    out["sort_by_trend"] = timed(sort(rm.COL_TREND), r)
    out["sort_by_name"] = timed(sort(rm.COL_NAME), r)
    out["sort_by_last_contact"] = timed(sort(rm.COL_LAST), r)
    proxy.sort(rm.COL_TREND, Qt.SortOrder.AscendingOrder)
    words = ["a", "an", "ann", "anna", ""]  # typing "anna", then clearing the box
    state = {"i": 0}

    def type_filter():
        proxy.set_text(words[state["i"] % len(words)])
        state["i"] += 1
        app.processEvents()

    out["filter_text_keystroke"] = timed(type_filter, r * len(words))
    trends = ["souring", "warming", None]

    def trend_filter():
        proxy.set_trend(trends[state["i"] % len(trends)])
        state["i"] += 1
        app.processEvents()

    out["filter_trend"] = timed(trend_filter, r)
    out["peak_rss_mb"] = peak_rss_mb()
    return out


def probe_chart_data(args) -> dict:
    """Heaviest contact: mood points -> chart data (the pure part of drawing its chart)."""
    na = missing("ui.chart_data")
    if na:
        return {"na": na}
    import models
    from ui.chart_data import prepare_mood_chart

    meta = json.loads(Path(args.meta).read_text(encoding="utf-8"))
    models.open_journal(args.db)
    heavy = meta["heavy"][0]
    cid = models.find_contact(heavy["name"], heavy["company"]).id
    points = models.mood_points(cid)
    out = {"points": len(points)}
    out["prepare_mood_chart"] = timed(lambda: prepare_mood_chart(points), args.repeat)
    out["mood_points_plus_prepare"] = timed(lambda: prepare_mood_chart(models.mood_points(cid)),
                                             args.repeat)
    return out


class _Heartbeat:
    """A 5 ms timer on the UI thread: the longest gap between its ticks is the longest time
    the UI thread was busy (blocked) while a flow ran."""

    def __init__(self, app) -> None:
        from PySide6.QtCore import QTimer

        self.app = app
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0

    def worst_ms(self) -> float:
        self._tick()
        return self.worst * 1000.0


def _wait(app, done, what: str, timeout_s: float = 120.0) -> None:
    """The app's own headless wait (a real event loop), checking every millisecond."""
    from ui.waiting import wait_until

    if not wait_until(done, timeout_s, poll_ms=1):
        raise TimeoutError(f"timed out waiting for {what}")


def probe_app(args) -> dict:
    """The real main window: open the heaviest contact with its chart, sort and filter the
    relationships list, search; the UI thread's longest block in each flow."""
    na = missing("ui.main_window", "ui.app")
    if na:
        return {"na": na}
    if os.environ.get("BENCH_QT_WORKAROUND"):
        from bench.qt_workaround import apply

        apply()
    from ui.app import check_analyzer, create_application, ensure_platform

    ensure_platform()
    import models

    meta = json.loads(Path(args.meta).read_text(encoding="utf-8"))
    app = create_application()
    check_analyzer()
    models.open_journal(args.db)
    heavy = meta["heavy"][0]
    heavy_id = models.find_contact(heavy["name"], heavy["company"]).id
    light = [c for c in models.list_contacts() if c.note_count <= 10][:args.repeat + 1]

    import ui.errors as ui_errors
    from ui.main_window import MainWindow

    errors: list[BaseException] = []
    ui_errors.show_error = lambda _parent, exc, *a, **k: errors.append(exc)
    beat = _Heartbeat(app)
    blocks: dict[str, float] = {}
    out: dict = {}
    t0 = time.perf_counter()
    window = MainWindow(Path(args.db))
    window.resize(1400, 900)
    window.show()
    loaded: list[int] = []
    window.contacts_loaded.connect(loaded.append)
    _wait(app, lambda: bool(loaded) or bool(errors), "the relationships list")
    out["window_to_list_ms"] = (time.perf_counter() - t0) * 1000.0
    blocks["start-up until the list shows"] = beat.worst_ms()
    view = window.contact_view

    def shown(cid):
        return lambda: bool(errors) or (view.bundle is not None and view.bundle.contact.id == cid)

    _wait(app, lambda: view.bundle is not None or bool(errors), "the first contact")

    # Opening the heaviest contact: from the click to notes list + chart drawn.
    samples, worst = [], 0.0
    for i in range(args.repeat):
        other = light[i % len(light)].id if light else None
        if other is not None:
            window.open_contact(other)
            _wait(app, shown(other), "a small contact")
        beat.reset()
        t1 = time.perf_counter()
        window.open_contact(heavy_id)
        _wait(app, shown(heavy_id), "the heaviest contact")
        app.processEvents()
        view.grab()  # paint the chart and the visible notes now, as the screen would
        samples.append((time.perf_counter() - t1) * 1000.0)
        worst = max(worst, beat.worst_ms())
    if errors:
        return {"error": f"{type(errors[0]).__name__}: {errors[0]}"}
    out["open_heaviest"] = {"median_ms": statistics.median(samples), "max_ms": max(samples),
                            "n": len(samples), "notes": heavy["notes"],
                            "chart_points": view.chart.point_count()}
    blocks["opening the heaviest contact"] = worst

    # Relationships list: header clicks and filter typing through the real panel.
    from PySide6.QtCore import Qt

    from ui import relationships_model as rm

    panel = window.panel

    def sync(fn) -> float:
        beat.reset()
        t1 = time.perf_counter()
        fn()
        app.processEvents()
        panel.table.viewport().grab()
        ms = (time.perf_counter() - t1) * 1000.0
        return max(ms, beat.worst_ms())

    orders = (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder)
    for name, col in (("trend", rm.COL_TREND), ("name", rm.COL_NAME), ("last", rm.COL_LAST)):
        ms = [sync(lambda o=orders[i % 2]: panel.table.sortByColumn(col, o)) for i in range(args.repeat)]
        out[f"list_sort_{name}"] = {"median_ms": statistics.median(ms), "max_ms": max(ms), "n": len(ms)}
        blocks[f"list sort by {name}"] = max(ms)
    panel.table.sortByColumn(rm.COL_TREND, Qt.SortOrder.AscendingOrder)
    ms = []
    for _ in range(max(1, args.repeat // 2)):
        for text in ("a", "an", "ann", "anna", ""):
            ms.append(sync(lambda t=text: panel.filter_edit.setText(t)))
    out["list_filter_keystroke"] = {"median_ms": statistics.median(ms), "max_ms": max(ms), "n": len(ms)}
    blocks["list filter typing"] = max(ms)
    ms = [sync(lambda i=i: panel.trend_combo.setCurrentIndex(i % panel.trend_combo.count()))
          for i in range(1, args.repeat + 1)]
    panel.trend_combo.setCurrentIndex(0)
    out["list_filter_trend"] = {"median_ms": statistics.median(ms), "max_ms": max(ms), "n": len(ms)}
    blocks["list trend filter"] = max(ms)

    # Search dialog: type, wait for the results (debounce excluded: it is a deliberate pause).
    from ui import dialogs

    dialogs.open_search(window)
    dialog = window.search_dialog
    ready: list[int] = []
    dialog.results_ready.connect(ready.append)
    ms, worst = [], 0.0
    for _ in range(max(1, args.repeat // 2)):
        for q in (meta["search"]["common"], meta["search"]["rare"], meta["search"]["phrase"]):
            ready.clear()
            dialog.query_edit.setText(q)
            beat.reset()
            t1 = time.perf_counter()
            dialog._timer.stop()
            dialog._run_search()
            _wait(app, lambda: bool(ready) or bool(errors), "search results")
            app.processEvents()
            dialog.results.viewport().grab()
            ms.append((time.perf_counter() - t1) * 1000.0)
            worst = max(worst, beat.worst_ms())
    out["search_dialog"] = {"median_ms": statistics.median(ms), "max_ms": max(ms), "n": len(ms)}
    blocks["search dialog"] = worst
    dialog.hide()
    out["ui_block"] = {"max_ms": max(blocks.values()),
                       "worst_flow": max(blocks, key=blocks.get), "flows": blocks}
    out["open_heaviest"]["median_ms"] = out["open_heaviest"]["median_ms"]
    out["peak_rss_mb"] = peak_rss_mb()
    if errors:
        out["error"] = f"{type(errors[0]).__name__}: {errors[0]}"
    return out


PROBES = {"bare": probe_bare, "list": probe_list, "chart_data": probe_chart_data,
          "app": probe_app}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ui_probe")
    parser.add_argument("probe", choices=sorted(PROBES))
    parser.add_argument("--db")
    parser.add_argument("--meta")
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args(argv)
    print(json.dumps(PROBES[args.probe](args)))
    sys.stdout.flush()
    os._exit(0)  # skip Qt teardown: not part of any measurement


if __name__ == "__main__":
    raise SystemExit(main())
