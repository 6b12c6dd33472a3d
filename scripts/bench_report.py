"""How long does a report of a contact with 5,000 notes take? Prints seconds per report.

    .venv/bin/python scripts/bench_report.py [--notes 5000] [--repeat 5] [--only contact]
    .venv/bin/python scripts/bench_report.py --journal bench/out/journal-10000-200000.sqlite3 \
        [--runs summary,compact,heaviest,full] [--timeout 3600]

With ``--journal`` the reports are made from that journal instead (it is copied to a temporary
folder first, so the benchmark's file is never touched): the portfolio overview alone
(``--summary-only``), the default compact portfolio, the portfolio with every notes table
(``--with-notes``, off unless asked: hours at 10,000 contacts) and the contact report of the
heaviest contact. Each runs as ``python main.py report ...`` in its own process; wall time and
that process's peak RSS (getrusage of the child) are printed, with pages and file size.

Builds a throwaway journal (CSV import, so scoring is not timed), then times the contact
report with and without note text, the brief and the portfolio, through the same code as the
command line. Each report is made ``--repeat`` times; the median wall time and the median CPU
time of this process (time.process_time, less sensitive to a busy shared machine) are printed,
with the fastest and slowest wall time.
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

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SENTENCES = [
    "Quarterly review went well and they praised the team.",
    "Invoice is overdue again and finance is not answering.",
    "Walked through the migration checklist; next step is a dry run.",
    "They loved the roadmap but worry about the budget for next year.",
    "Tense call about scope creep; we agreed to write a change request.",
    "Lunch with the COO, warm conversation about the EMEA rollout.",
]


def make_journal(folder: Path, n: int) -> Path:
    import models

    rng = random.Random(5000)
    csv_path = folder / "notes.csv"
    start = dt.datetime(2016, 1, 1, 9, 0)
    with csv_path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["contact", "date", "text", "company", "kind", "duration"])
        for i in range(n):
            when = start + dt.timedelta(hours=17 * i)
            # Every note distinct (real notes rarely repeat), so no cache can flatter the numbers.
            text = " ".join(rng.sample(SENTENCES, rng.randint(1, 4))) + f" Follow-up ref {i + 1:05d}."
            kind = rng.choice(["meeting", "call", "email", "message"])
            out.writerow(["Busy Client", f"{when:%Y-%m-%d %H:%M}", text, "Heavy Industries", kind,
                          rng.choice([30, 45, 60]) if kind in ("meeting", "call") else ""])
    db = folder / "bench.sqlite3"
    models.open_journal(db)
    models.import_notes_csv(str(csv_path))
    return db


JOURNAL_RUNS = {
    "summary": ("portfolio, overview only", ["--summary-only"]),
    "compact": ("portfolio, compact (default)", []),
    "full": ("portfolio --with-notes", ["--with-notes"]),
    "heaviest": ("heaviest contact report", None),  # --contact filled in
}


def _heaviest(db: Path) -> tuple[str, int]:
    import sqlite3

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute("SELECT c.name, count(*) AS n FROM note JOIN contact c ON c.id = contact_id "
                           "WHERE c.archived = 0 GROUP BY contact_id ORDER BY n DESC LIMIT 1").fetchone()
    finally:
        con.close()


def _pages(pdf: Path) -> str:
    import subprocess

    try:
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        return next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:"))
    except (OSError, subprocess.CalledProcessError, StopIteration):
        return "?"


def run_journal(journal: Path, runs: list[str], timeout: float) -> int:
    """Each report in a child process: wall seconds and the child's own peak RSS."""
    import json
    import resource
    import shutil
    import subprocess

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / journal.name
        shutil.copy2(journal, db)
        for extra in ("-wal", "-shm"):
            if Path(str(journal) + extra).exists():
                shutil.copy2(str(journal) + extra, str(db) + extra)
        name, count = _heaviest(db)
        print(f"journal {journal} (copied to {db}); heaviest contact: {name} ({count:,} notes)")
        print(f"{'':<32} {'wall':>9} {'peak RSS':>10} {'pages':>7} {'size':>8}")
        results = []
        for key in runs:
            title, extra = JOURNAL_RUNS[key]
            if extra is None:
                extra = ["--contact", name]
            out = folder / f"{key}.pdf"
            # A fresh child per run: RUSAGE_CHILDREN of a wrapper process is that run's peak.
            probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
                     "rc = subprocess.run(sys.argv[1:]).returncode; w = time.perf_counter() - t; "
                     "print('@@', rc, w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
            cmd = [sys.executable, "-c", probe, sys.executable, str(ROOT / "main.py"), "--db", str(db),
                   "report", *extra, "-o", str(out)]
            try:
                res = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                                     env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
            except subprocess.TimeoutExpired:
                print(f"{title:<32} did not finish in {timeout:.0f} s")
                results.append({"run": key, "timeout": timeout})
                continue
            line = next((ln for ln in res.stdout.splitlines() if ln.startswith("@@")), None)
            if line is None:
                print(f"{title:<32} failed: {res.stderr.strip()[-300:]}")
                continue
            _, rc, wall, rss_kb = line.split()
            if rc != "0":
                print(f"{title:<32} failed (exit {rc}): {res.stderr.strip()[-300:]}")
                continue
            rss = int(rss_kb) / 1024
            pages = _pages(out)
            size = out.stat().st_size / 1e6
            print(f"{title:<32} {float(wall):8.1f}s {rss:8.0f} MB {pages:>7} {size:6.1f} MB", flush=True)
            results.append({"run": key, "seconds": round(float(wall), 2), "peak_rss_mb": round(rss),
                            "pages": pages, "mb": round(size, 2)})
            out.unlink(missing_ok=True)
        print(json.dumps(results))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", choices=["contact", "contact-no-text", "brief", "portfolio"])
    parser.add_argument("--journal", type=Path, help="measure reports of this journal (copied first)")
    parser.add_argument("--runs", default="summary,compact,heaviest",
                        help=f"with --journal: comma-separated, of {','.join(JOURNAL_RUNS)}")
    parser.add_argument("--timeout", type=float, default=3600, help="with --journal: seconds per run")
    args = parser.parse_args()
    if args.journal:
        runs = [r.strip() for r in args.runs.split(",") if r.strip()]
        unknown = [r for r in runs if r not in JOURNAL_RUNS]
        if unknown or not args.journal.is_file():
            parser.error(f"unknown run {unknown}" if unknown else f"no journal at {args.journal}")
        return run_journal(args.journal, runs, args.timeout)
    from ui.reports.cli import ensure_gui_app

    ensure_gui_app()
    import models
    from ui.reports import Period, ReportOptions, build_report

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        make_journal(folder, args.notes)
        print(f"journal with {args.notes} notes made in {time.perf_counter() - t:.1f} s (not a report)")
        cid = models.find_contacts_by_name("Busy Client")[0].id
        cases = [("contact", "contact report", "contact", True),
                 ("contact-no-text", "contact report, no text", "contact", False),
                 ("brief", "brief", "brief", True), ("portfolio", "portfolio", "portfolio", True)]
        print(f"{'':<26} {'wall':>7} {'cpu':>7}  {'min-max wall':>13}  (median of {args.repeat})")
        for key, title, kind, text in cases:
            if args.only and key != args.only:
                continue
            out = folder / f"{kind}-{text}.pdf"
            walls, cpus = [], []
            for _ in range(max(1, args.repeat)):
                c0 = time.process_time()
                result = build_report(ReportOptions(kind=kind, output=out, contact_id=cid,
                                                    period=Period(None, None), include_text=text))
                cpus.append(time.process_time() - c0)
                walls.append(result.seconds)
            size = out.stat().st_size / 1e6
            print(f"{title:<26} {statistics.median(walls):6.2f}s {statistics.median(cpus):6.2f}s"
                  f"  {min(walls):5.2f}-{max(walls):5.2f} s  {result.pages:4d} pages  {size:5.1f} MB")
        models.close_journal()
    return 0


if __name__ == "__main__":
    sys.exit(main())
