"""How long does a report of a contact with 5,000 notes take? Prints seconds per report.

    .venv/bin/python scripts/bench_report.py [--notes 5000] [--repeat 5] [--only contact]

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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", choices=["contact", "contact-no-text", "brief", "portfolio"])
    args = parser.parse_args()
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
