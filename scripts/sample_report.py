"""Make the sample PDFs shown in the docs from the built-in sample clients.

    .venv/bin/python scripts/sample_report.py [--day YYYY-MM-DD]

Writes docs/sample-report.pdf (the portfolio), docs/sample-brief.pdf (one client's brief) and
docs/report-pages/page-NN.png (pdftoppm -png -r 60 of the portfolio's first pages). The sample is placed
relative to ``--day`` (default: a fixed day, so the committed files only change on purpose).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DOCS = ROOT / "docs"
BRIEF_CONTACT = "Raj Mehta"  # a recent drop: the brief has something to say


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--day", default="2026-11-23", help="the sample's 'today' (YYYY-MM-DD)")
    args = parser.parse_args()
    day = dt.date.fromisoformat(args.day)
    now = dt.datetime.combine(day, dt.time(9, 0))

    from ui.reports.cli import ensure_gui_app

    ensure_gui_app()
    import models
    from models.sample import load_sample
    from ui.reports import ReportOptions, build_report

    DOCS.mkdir(exist_ok=True)
    pages_dir = DOCS / "report-pages"
    with tempfile.TemporaryDirectory() as tmp:
        models.open_journal(Path(tmp) / "sample.sqlite3")
        load_sample(today=day)
        portfolio = build_report(ReportOptions(kind="portfolio", output=DOCS / "sample-report.pdf",
                                               page_size="A4", now=now))
        contact = models.find_contacts_by_name(BRIEF_CONTACT)[0]
        brief = build_report(ReportOptions(kind="brief", output=DOCS / "sample-brief.pdf",
                                           contact_id=contact.id, page_size="A4", now=now))
        models.close_journal()
    print(f"{portfolio.path.relative_to(ROOT)}: {portfolio.pages} pages in {portfolio.seconds:.2f} s")
    print(f"{brief.path.relative_to(ROOT)}: {brief.pages} page in {brief.seconds:.2f} s")
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found (poppler-utils): page images not made", file=sys.stderr)
        return 1
    shutil.rmtree(pages_dir, ignore_errors=True)
    pages_dir.mkdir()
    # The first pages (overview and the first contact sections) show the layout; rendering
    # all of them would only bloat the repository.
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-l", "4", str(DOCS / "sample-report.pdf"),
                    str(pages_dir / "page")], check=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(DOCS / "sample-brief.pdf"),
                    str(pages_dir / "brief")], check=True)
    print(f"{pages_dir.relative_to(ROOT)}/: {len(list(pages_dir.glob('*.png')))} PNG files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
