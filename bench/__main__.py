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
from bench.table import markdown, print_table, summary_rows

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PY = sys.executable
PDF_TIMEOUT_S = 120.0


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
