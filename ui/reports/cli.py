"""``python main.py report ...``: the same reports as the app, from the command line."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import models

_app: list = []  # the QGuiApplication of a command-line run, alive until the process ends


def ensure_gui_app() -> None:
    """Drawing text needs a QGuiApplication; without a display, draw offscreen."""
    if not os.environ.get("QT_QPA_PLATFORM") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or sys.platform in ("win32", "darwin")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        _app.append(QGuiApplication(["rapport-report"]))


def run_report_command(args: argparse.Namespace) -> int:
    """Make the PDF the arguments ask for; expected problems raise ``models.JournalError``."""
    from ui.reports.build import ReportOptions, build_report, default_page_size
    from ui.reports.data import Period, parse_day, resolve_contact

    if args.brief and not args.contact:
        raise models.JournalError("--brief needs --contact NAME: the brief is about one contact.")
    with_notes, summary_only = getattr(args, "with_notes", False), getattr(args, "summary_only", False)
    if (with_notes or summary_only) and args.contact:
        raise models.JournalError("--with-notes and --summary-only are for the portfolio (no --contact); "
                                  "a contact report always lists its notes.")
    if with_notes and summary_only:
        raise models.JournalError("Choose one of --with-notes and --summary-only.")
    if args.brief and (args.date_from or args.date_to):
        print("note: the brief is always as of today; --from/--to are ignored.", file=sys.stderr)
    output = Path(args.output)
    if output.suffix.lower() != ".pdf":
        raise models.JournalError(f'The output "{args.output}" should end in .pdf.')
    period = Period(parse_day(args.date_from, "--from"), parse_day(args.date_to, "--to"))
    contact_id = resolve_contact(args.contact).id if args.contact else None
    ensure_gui_app()
    page_size = default_page_size() if args.page_size in (None, "auto") else args.page_size
    kind = "brief" if args.brief else ("contact" if contact_id is not None else "portfolio")
    result = build_report(ReportOptions(kind=kind, output=output, contact_id=contact_id, period=period,
                                        include_text=not args.no_text, page_size=page_size,
                                        portfolio="full" if with_notes else ("summary" if summary_only else "compact")))
    print(f"Wrote {result.path} ({result.pages} page{'s' if result.pages != 1 else ''}, "
          f"{result.seconds:.1f} s).")
    return 0
