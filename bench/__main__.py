"""Run the whole benchmark: ``python -m bench [--quick] [--repeat N] [--only a,b]``.

Generates the data set (once per size, cached in bench/out/), imports it through the app's own
import path into a fresh journal, then runs every measurement in its own child process and
prints a table; the same numbers go to bench/out/results.json. See bench/README.md.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import generate

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PY = sys.executable
PDF_TIMEOUT_S = 120.0
TARGETS = {
    "cold_start_ratio": ("<=", 1.5),
    "open_heaviest_ms": ("<=", 150.0),
    "search_ms": ("<=", 50.0),
    "list_sort_filter_ms": ("<=", 50.0),
    "trends_recompute_ms": ("<=", 2000.0),
    "import_notes_per_s": (">=", 5000.0),
    "contact_pdf_s": ("<=", 3.0),
    "peak_rss_mb": ("<=", 300.0),
    "ui_block_ms": ("<=", 100.0),
}


# --- running children -------------------------------------------------------------------------

def run_child(args: list[str], timeout: float = 1800.0, env: dict | None = None) -> dict:
    """Run a child, return its last JSON line plus wall time and its own peak RSS (wait4)."""
    child_env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                     PYTHONPATH=str(ROOT), **(env or {}))
    child_env["BENCH_T0"] = repr(time.time())
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(args, cwd=ROOT, stdout=out, stderr=err, env=child_env)
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                return {"error": f"killed after {timeout:.0f} s (still running)",
                        "wall_s": time.perf_counter() - t0,
                        "child_peak_rss_mb": usage.ru_maxrss / 1024.0}
            time.sleep(0.002)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    result: dict = {}
    for line in reversed(stdout.strip().splitlines()):
        if line.startswith("{"):
            try:
                result = json.loads(line)
                break
            except ValueError:
                continue
    if proc.returncode != 0 and "na" not in result:
        lines = stderr.strip().splitlines() or ["(no output)"]
        fatal = [ln for ln in lines if ln.startswith("Fatal Python error")]
        tail = fatal[0] if fatal else lines[-1]
        result.setdefault("error", f"exit {proc.returncode}: {tail[:300]}")
    result["wall_s"] = wall
    result["child_peak_rss_mb"] = usage.ru_maxrss / 1024.0
    return result


def steps(*argv: str, **kw) -> dict:
    return run_child([PY, "-m", "bench.steps", *argv], **kw)


def probe(*argv: str, **kw) -> dict:
    return run_child([PY, "-m", "bench.ui_probe", *argv], **kw)


def app_cli(db: Path, *argv: str, workaround: bool = False, **kw) -> dict:
    if workaround:
        return run_child([PY, "-m", "bench.qt_workaround", str(ROOT / "main.py"), "--db", str(db),
                          *argv], **kw)
    return run_child([PY, str(ROOT / "main.py"), "--db", str(db), *argv], **kw)


def crashed_on_none(result: dict) -> bool:
    return "none_dealloc" in str(result.get("error", "")) or "deallocating None" in str(
        result.get("error", ""))


def with_workaround(run, label: str) -> tuple[dict, bool]:
    """Run; if it died of the PySide6 None-refcount bug, run again with the bench's patch."""
    first = run(False)
    if not crashed_on_none(first):
        return first, False
    print(f"  {label}: crashed (PySide6 None refcount bug); measuring again with "
          "bench/qt_workaround.py", flush=True)
    second = run(True)
    second["crash_without_workaround"] = first.get("error")
    second["workaround"] = True
    return second, True


def has_module(name: str) -> bool:
    path = ROOT / Path(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def median_of(results: list[dict], key) -> float | None:
    values = [key(r) for r in results if "error" not in r and "na" not in r]
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


# --- the measurements -------------------------------------------------------------------------

def measure_cold_start(db: Path, repeat: int) -> dict:
    """selftest start-up vs a bare QMainWindow, interleaved in the same run."""
    bare, app = [], []
    have_selftest = has_module("ui.selftest")
    workaround = False
    if have_selftest:
        first, workaround = with_workaround(
            lambda w: app_cli(db, "selftest", workaround=w, timeout=300), "selftest")
        if workaround:
            app.append(first)
    for _ in range(repeat):
        bare.append(probe("bare"))
        if have_selftest:
            app.append(app_cli(db, "selftest", workaround=workaround, timeout=300))
    out: dict = {
        "bare_launch_to_shown_s": median_of(bare, lambda r: r.get("launch_to_shown_s")),
        "bare_in_process_s": median_of(bare, lambda r: r.get("in_process_s")),
        "bare_wall_s": median_of(bare, lambda r: r.get("wall_s")),
        "bare_peak_rss_mb": median_of(bare, lambda r: r.get("child_peak_rss_mb")),
        "runs": repeat,
    }
    if not have_selftest:
        out["na"] = "n/a: ui.selftest missing"
        return out
    errors = [r["error"] for r in app if "error" in r]
    if errors:
        out["error"] = errors[0]
    if workaround:
        out["workaround"] = "selftest crashed (none_dealloc); measured with bench/qt_workaround.py"
    out["selftest_startup_s"] = median_of(app, lambda r: r.get("startup_s"))
    out["selftest_first_contact_s"] = median_of(app, lambda r: r.get("first_contact_s"))
    out["selftest_wall_s"] = median_of(app, lambda r: r.get("wall_s"))
    out["selftest_peak_rss_mb"] = max((r.get("child_peak_rss_mb") or 0) for r in app) if app else None
    out["selftest_extra"] = {k: v for k, v in (app[-1] if app else {}).items()
                             if k not in ("wall_s", "child_peak_rss_mb")}
    if out["selftest_startup_s"] and out["bare_in_process_s"]:
        out["ratio"] = out["selftest_startup_s"] / out["bare_in_process_s"]
    if out["selftest_wall_s"] and out["bare_wall_s"]:
        out["ratio_wall"] = out["selftest_wall_s"] / out["bare_wall_s"]
    return out


def measure_pdf(db: Path, meta: dict, repeat: int) -> dict:
    if not has_module("ui.reports.cli"):
        return {"na": "n/a: ui.reports missing"}
    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        heavy = meta["heavy"][0]["name"]
        for label, extra in (("contact", ["--contact", heavy]), ("portfolio summary", ["--summary-only"])):
            runs = []
            for i in range(repeat):
                pdf = Path(tmp) / f"{label}{i}.pdf"
                r = app_cli(db, "report", *extra, "-o", str(pdf), timeout=PDF_TIMEOUT_S)
                r["pdf_kb"] = pdf.stat().st_size / 1024 if pdf.exists() else None
                runs.append(r)
                if "error" in r:
                    break  # a failing or runaway export is not repeated
            errors = [r["error"] for r in runs if "error" in r]
            out[label] = {"wall_s": median_of(runs, lambda r: r["wall_s"]),
                          "peak_rss_mb": max(r["child_peak_rss_mb"] for r in runs),
                          "pdf_kb": runs[-1].get("pdf_kb"), "runs": len(runs)}
            if errors:
                out[label]["error"] = errors[0]
    return out


def machine() -> dict:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    import sqlite3

    return {"cpu": cpu, "cores": os.cpu_count(), "memory": mem, "os": platform.platform(),
            "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
            "load_before": os.getloadavg()}


# --- table ------------------------------------------------------------------------------------

def _fmt(value, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "/s":
        return f"{value:,.0f}/s"
    if unit == "x":
        return f"{value:.2f}x"
    return str(value)


def summary_rows(res: dict) -> list[tuple[str, str, str, str]]:
    """(measurement, value, target, verdict) rows for the table."""
    rows: list[tuple[str, str, str, str]] = []

    def add(name, value, unit, target_key=None, note=""):
        verdict = ""
        target = ""
        if target_key:
            op, limit = TARGETS[target_key]
            target = f"{op} {_fmt(limit, unit)}"
            if isinstance(value, (int, float)):
                ok = value <= limit if op == "<=" else value >= limit
                verdict = "ok" if ok else "MISS"
        shown = _fmt(value, unit) if isinstance(value, (int, float)) or value is None else value
        if len(shown) > 60:
            shown = shown[:57] + "..."
        rows.append((name, shown + (f"  {note}" if note else ""), target, verdict))

    imp = res.get("import", {})
    if imp:
        add("import + score (whole set)", imp.get("notes_per_s"), "/s", "import_notes_per_s",
            f"({imp.get('notes', 0):,} notes in {imp.get('seconds', 0):.1f} s)")
        add("  import peak RSS", imp.get("child_peak_rss_mb"), "MB")
    sc = res.get("scoring", {})
    if sc and "error" not in sc:
        add("engine, 1 core", sc.get("engine_1core_per_s"), "/s")
        add("plain TextBlob, 1 core (same texts)", sc.get("textblob_1core_per_s"), "/s")
        add("engine / TextBlob speed", sc.get("engine_vs_textblob"), "x")
        add("score_many, all cores", sc.get("score_many_all_cores_per_s"), "/s")
    cs = res.get("cold_start", {})
    if cs:
        add("bare QMainWindow start (in process)", cs.get("bare_in_process_s"), "s")
        add("bare QMainWindow start (launch->shown)", cs.get("bare_launch_to_shown_s"), "s")
        if cs.get("na"):
            add("cold start / bare window", cs["na"], "", "cold_start_ratio")
        else:
            add("selftest startup_s", cs.get("selftest_startup_s"), "s")
            add("cold start / bare window", cs.get("ratio"), "x", "cold_start_ratio")
            add("selftest first_contact_s", cs.get("selftest_first_contact_s"), "s")
    q = res.get("queries", {})
    if q and "error" not in q:
        add("heaviest contact: models (timeline+mood+stats)",
            q["open_heaviest_models"]["median_ms"], "ms", None,
            f"({q['heaviest']['notes']:,} notes)")
        add("  timeline(heaviest), all notes", q["timeline_heaviest"]["median_ms"], "ms")
        add("  mood_points(heaviest)", q["mood_points_heaviest"]["median_ms"], "ms")
    ch = res.get("chart_data", {})
    if ch and "na" not in ch and "error" not in ch:
        add("  mood_points + chart data (heaviest)", ch["mood_points_plus_prepare"]["median_ms"], "ms")
    ui = res.get("ui", {})
    wa = "(patched: see qt_workaround)" if ui.get("workaround") else ""
    oh = res.get("open_heaviest_ui", {})
    add("heaviest contact shown with chart (UI)", oh.get("na") or oh.get("error") or oh.get("median_ms"),
        "ms", "open_heaviest_ms", wa)
    if q and "error" not in q:
        for case, data in q["search"].items():
            add(f"search {case} ({data['query']}), {data['hits']} hits", data["median_ms"], "ms",
                "search_ms")
        add("list_contacts() (all rows)", q["list_contacts"]["median_ms"], "ms")
        add("recompute all trends", q["refresh_all_contacts"]["median_ms"], "ms",
            "trends_recompute_ms")
    li = res.get("list", {})
    if li.get("na") or li.get("error"):
        add("relationships list sort/filter", li.get("na") or li.get("error"), "", "list_sort_filter_ms")
    elif li:
        add("list model load (set_contacts)", li.get("set_contacts_ms"), "ms", None,
            f"({li.get('rows', 0):,} rows)")
        add("list sort by trend", li["sort_by_trend"]["median_ms"], "ms", "list_sort_filter_ms")
        add("list sort by name", li["sort_by_name"]["median_ms"], "ms", "list_sort_filter_ms")
        add("list filter, per keystroke", li["filter_text_keystroke"]["median_ms"], "ms",
            "list_sort_filter_ms")
        add("list filter by trend", li["filter_trend"]["median_ms"], "ms", "list_sort_filter_ms")
    if "list_sort_trend" in ui:
        add("main window: list sort by trend", ui["list_sort_trend"]["median_ms"], "ms",
            "list_sort_filter_ms", wa)
        add("main window: list sort by name", ui["list_sort_name"]["median_ms"], "ms",
            "list_sort_filter_ms", wa)
        add("main window: list filter keystroke", ui["list_filter_keystroke"]["median_ms"], "ms",
            "list_sort_filter_ms", wa)
        add("main window: list trend filter", ui["list_filter_trend"]["median_ms"], "ms",
            "list_sort_filter_ms", wa)
        add("main window: search dialog results", ui["search_dialog"]["median_ms"], "ms",
            "search_ms", wa)
    pdf = res.get("pdf", {})
    if pdf.get("na"):
        add("PDF of heaviest contact", pdf["na"], "", "contact_pdf_s")
    elif pdf:
        for label in ("contact", "portfolio summary"):
            d = pdf.get(label, {})
            add(f"PDF {label} (CLI, incl. start-up)", d.get("error") or d.get("wall_s"), "s",
                "contact_pdf_s" if label == "contact" else None)
    rss = res.get("loaded_rss", {})
    if rss and "error" not in rss:
        add("peak RSS, storage side loaded", rss.get("child_peak_rss_mb"), "MB", "peak_rss_mb")
    if cs.get("selftest_peak_rss_mb") and cs.get("selftest_startup_s"):
        add("peak RSS, app (selftest) loaded", cs["selftest_peak_rss_mb"], "MB", "peak_rss_mb")
    blk = res.get("ui_block", {})
    if blk:
        add("UI thread longest block", blk.get("na") or blk.get("error") or blk.get("max_ms"), "ms",
            "ui_block_ms", f"({blk['worst_flow']})" if blk.get("worst_flow") else "")
    return rows


def print_table(rows) -> None:
    widths = [max(len(r[i]) for r in rows + [("measurement", "value", "target", "")]) for i in range(4)]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    print(line.format("measurement", "value", "target", ""))
    print(line.format(*("-" * w for w in widths)))
    for r in rows:
        print(line.format(*r))


def markdown(rows) -> str:
    out = ["| measurement | value | target | |", "|---|---|---|---|"]
    out += [f"| {a.strip()} | {b} | {c} | {d} |" for a, b, c, d in rows]
    return "\n".join(out)


# --- main -------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help=f"{generate.QUICK_CONTACTS} contacts / {generate.QUICK_NOTES} notes")
    parser.add_argument("--contacts", type=int)
    parser.add_argument("--notes", type=int)
    parser.add_argument("--repeat", type=int, default=None, help="timed repetitions per query")
    parser.add_argument("--starts", type=int, default=None, help="cold starts per side")
    parser.add_argument("--only", help="comma list: import,scoring,queries,chart_data,list,"
                                       "cold_start,pdf,loaded_rss,ui (default: all)")
    parser.add_argument("--reuse-db", action="store_true",
                        help="skip the import if the journal for this size exists")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    contacts = args.contacts or (generate.QUICK_CONTACTS if args.quick else generate.DEFAULT_CONTACTS)
    notes = args.notes or (generate.QUICK_NOTES if args.quick else generate.DEFAULT_NOTES)
    repeat = args.repeat or (7 if args.quick else 15)
    starts = args.starts or (3 if args.quick else 5)
    only = set(args.only.split(",")) if args.only else None

    def want(name: str) -> bool:
        return only is None or name in only

    data = args.out / f"data-{contacts}-{notes}"
    db = args.out / f"journal-{contacts}-{notes}.sqlite3"
    csv_path, meta_path = data / "notes.csv", data / "meta.json"
    started = time.perf_counter()
    res: dict = {"size": {"contacts": contacts, "notes": notes}, "machine": machine(),
                 "when": dt.datetime.now().isoformat(timespec="seconds"), "repeat": repeat}
    if not meta_path.exists():
        print(f"generating {contacts:,} contacts / {notes:,} notes ...", flush=True)
        generate.generate(contacts, notes, data)
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    res["data"] = {k: meta[k] for k in ("csv_bytes", "heavy", "search", "end")}

    results_file = args.out / "results.json"
    previous = {}
    if only and results_file.exists():
        try:
            previous = json.loads(results_file.read_text(encoding="utf-8"))
        except ValueError:
            previous = {}
        if previous.get("size") == res["size"]:
            res = {**previous, **{k: res[k] for k in ("machine", "when", "repeat")}}

    if args.reuse_db and db.exists():
        state = steps("state", "--db", str(db))
        if state.get("needing_rescore"):
            print(f"the journal has {state['needing_rescore']:,} notes scored by an older analyzer "
                  f"(now {state.get('analyzer_version')}): importing again", flush=True)
            args.reuse_db = False
            only = (only or set()) | {"import"} if only else None
    if (only is None or "import" in only) and not (args.reuse_db and db.exists()):
        print("import + score through models.import_notes_csv ...", flush=True)
        res["import"] = steps("import", "--db", str(db), "--csv", str(csv_path))
    if not db.exists():
        print("no journal: run without --only/--reuse-db first", file=sys.stderr)
        return 1
    state = steps("state", "--db", str(db))
    res["journal_before"] = state
    plan = [
        ("scoring", lambda: steps("scoring", "--csv", str(csv_path), "--sample", "4000")),
        ("queries", lambda: steps("queries", "--db", str(db), "--meta", str(meta_path),
                                  "--repeat", str(repeat))),
        ("chart_data", lambda: probe("chart_data", "--db", str(db), "--meta", str(meta_path),
                                     "--repeat", str(repeat))),
        ("list", lambda: probe("list", "--db", str(db), "--repeat", str(max(3, repeat // 3)))),
        ("loaded_rss", lambda: steps("loaded_rss", "--db", str(db), "--meta", str(meta_path))),
        ("cold_start", lambda: measure_cold_start(db, starts)),
        ("pdf", lambda: measure_pdf(db, meta, 3 if not args.quick else 1)),
        ("ui", lambda: with_workaround(
            lambda w: probe("app", "--db", str(db), "--meta", str(meta_path),
                            "--repeat", str(max(3, repeat // 3)),
                            env={"BENCH_QT_WORKAROUND": "1"} if w else None), "ui probe")[0]),
    ]
    for name, fn in plan:
        if want(name):
            print(f"{name} ...", flush=True)
            result = fn()
            if name == "ui":  # one probe, several rows
                res["open_heaviest_ui"] = result.get("open_heaviest", result)
                res["ui_block"] = result.get("ui_block", result)
                res["ui"] = result
            else:
                res[name] = result
            args.out.mkdir(parents=True, exist_ok=True)
            results_file.write_text(json.dumps(res, indent=1, default=str), encoding="utf-8")
    res["bench_wall_s"] = time.perf_counter() - started
    res["journal_after"] = steps("state", "--db", str(db))
    if res["journal_after"].get("analyzer_version") != state.get("analyzer_version") or \
            res["journal_after"].get("needing_rescore"):
        print("WARNING: the analyzer changed or notes needed re-scoring during the run; the app "
              "re-scored in the background while it was measured. Run again.", flush=True)
        res["warning"] = "analyzer changed during the run"
    rows = summary_rows(res)
    res["table_markdown"] = markdown(rows)
    args.out.mkdir(parents=True, exist_ok=True)
    results_file.write_text(json.dumps(res, indent=1, default=str), encoding="utf-8")
    m = res["machine"]
    print()
    print(f"{contacts:,} contacts / {notes:,} notes; {m['cpu']}, {m['cores']} cores, {m['memory']}, "
          f"Python {m['python']}, SQLite {m['sqlite']}; analyzer {state.get('analyzer_version')}; "
          f"medians of {repeat} (queries) / {starts} (starts); load before {m['load_before'][0]:.1f}")
    print_table(rows)
    print(f"\nwrote {results_file}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
