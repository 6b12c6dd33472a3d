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


def _timed(fn, repeat: int) -> dict:
    fn()
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000.0)
    return {"median_ms": statistics.median(samples), "max_ms": max(samples), "n": repeat}


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
    out["sort_by_trend"] = _timed(sort(rm.COL_TREND), r)
    out["sort_by_name"] = _timed(sort(rm.COL_NAME), r)
    out["sort_by_last_contact"] = _timed(sort(rm.COL_LAST), r)
    proxy.sort(rm.COL_TREND, Qt.SortOrder.AscendingOrder)
    words = ["a", "an", "ann", "anna", ""]  # typing "anna", then clearing the box
    state = {"i": 0}

    def type_filter():
        proxy.set_text(words[state["i"] % len(words)])
        state["i"] += 1
        app.processEvents()

    out["filter_text_keystroke"] = _timed(type_filter, r * len(words))
    trends = ["souring", "warming", None]

    def trend_filter():
        proxy.set_trend(trends[state["i"] % len(trends)])
        state["i"] += 1
        app.processEvents()

    out["filter_trend"] = _timed(trend_filter, r)
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
    out["prepare_mood_chart"] = _timed(lambda: prepare_mood_chart(points), args.repeat)
    out["mood_points_plus_prepare"] = _timed(lambda: prepare_mood_chart(models.mood_points(cid)),
                                             args.repeat)
    return out


def probe_app(args) -> dict:
    """The real main window: open the heaviest contact with its chart; UI-thread blocking."""
    na = missing("ui.main_window")
    if na:
        return {"na": na}
    return {"na": "n/a: probe for ui.main_window not written yet"}


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
