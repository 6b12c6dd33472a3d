"""Rapport: an offline relationship journal for consultants.

``python main.py`` opens the desktop app; the same entry point runs headless commands:

    python main.py [--db PATH] import notes FILE.csv
    python main.py [--db PATH] score [--json] [TEXT ...]
    python main.py [--db PATH] trends [--json] [--contact NAME]
    python main.py [--db PATH] report [--contact NAME] [--brief] [--from DATE] [--to DATE] [--no-text]
                                      [--with-notes | --summary-only] -o FILE.pdf
    python main.py [--db PATH] selftest
    python main.py [--db PATH] sample          (adds the sample clients)
    python main.py [--db PATH] rescore         (re-scores notes from an older analyzer)

This is the composition root: it parses the command line, picks the database path, sets up
logging and the excepthook, then runs one command or opens the main window.
"""
from __future__ import annotations

import argparse
import json
import logging
import multiprocessing
import os
import sys
from pathlib import Path

log = logging.getLogger("rapport")


def build_parser() -> argparse.ArgumentParser:
    from models.appinfo import APP_NAME, APP_VERSION

    parser = argparse.ArgumentParser(prog="rapport", description=f"{APP_NAME}: a private client journal.")
    parser.add_argument("--db", metavar="PATH", help="journal file (default: $JOURNAL_DB, else your user data folder)")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {APP_VERSION}")
    sub = parser.add_subparsers(dest="command")

    imp = sub.add_parser("import", help="import data from a file")
    imp_sub = imp.add_subparsers(dest="what", required=True)
    notes = imp_sub.add_parser("notes", help="notes from a CSV file: contact,date,text[,company,kind,duration]")
    notes.add_argument("file", metavar="FILE.csv")

    score = sub.add_parser("score", help="score texts (or lines of stdin)")
    score.add_argument("--json", action="store_true", help="one JSON object per line")
    score.add_argument("texts", nargs="*", metavar="TEXT")

    trends = sub.add_parser("trends", help="trend of every relationship")
    trends.add_argument("--json", action="store_true", help="a JSON array")
    trends.add_argument("--contact", metavar="NAME", help="only this contact")

    report = sub.add_parser("report", help="export a PDF report")
    report.add_argument("--contact", metavar="NAME", help="one contact (default: the portfolio)")
    report.add_argument("--brief", action="store_true", help="the one-page pre-meeting brief")
    report.add_argument("--from", dest="date_from", metavar="DATE", help="first day (YYYY-MM-DD)")
    report.add_argument("--to", dest="date_to", metavar="DATE", help="last day (YYYY-MM-DD)")
    report.add_argument("--no-text", action="store_true", help="leave out the full note text")
    report.add_argument("--with-notes", action="store_true",
                        help="portfolio: every contact's section also lists all its notes (long)")
    report.add_argument("--summary-only", action="store_true",
                        help="portfolio: the overview pages only, no section per contact")
    report.add_argument("--page-size", choices=["auto", "A4", "Letter"], default="auto")
    report.add_argument("-o", "--output", required=True, metavar="FILE.pdf")

    sub.add_parser("selftest", help="open the window offscreen, load a contact, print timings")
    sub.add_parser("sample", help="add the sample clients to the journal")
    sub.add_parser("rescore", help="re-score notes scored by an older analyzer")
    return parser


def resolve_db_path(arg: str | None) -> Path:
    from models import default_db_path

    chosen = arg or os.environ.get("JOURNAL_DB")
    return Path(chosen).expanduser() if chosen else default_db_path()


def setup_logging(db_path: Path, to_file: bool) -> Path | None:
    """Log to ``rapport.log`` beside the journal (the GUI), or only to stderr (commands)."""
    handlers: list[logging.Handler] = []
    log_file = None
    if to_file:
        try:
            db_path.parent.mkdir(parents=True, exist_ok=True)
            log_file = db_path.parent / "rapport.log"
            handlers.append(logging.FileHandler(log_file, encoding="utf-8"))
        except OSError:
            log_file = None
    handlers.append(logging.StreamHandler(sys.stderr))
    handlers[-1].setLevel(logging.WARNING)
    logging.basicConfig(level=logging.INFO, handlers=handlers,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return log_file


def install_excepthook() -> None:
    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.critical("Unexpected error", exc_info=(exc_type, exc, tb))
        print(f"error: unexpected {exc_type.__name__}: {exc} (details in the log)", file=sys.stderr)

    sys.excepthook = hook


# --- commands -------------------------------------------------------------------------------

def cmd_import(args) -> int:
    from models import import_notes_csv

    result = import_notes_csv(args.file)
    print(f"Imported {result.notes_added} notes; added {result.contacts_added} new contacts.")
    return 0


def cmd_score(args) -> int:
    from sentiment import analyze

    texts = args.texts if args.texts else (line.rstrip("\n") for line in sys.stdin)
    for text in texts:
        if not args.texts and not text.strip():
            continue
        result = analyze(text)
        if args.json:
            print(json.dumps({"text": text, "polarity": round(result.polarity, 4), "label": result.label},
                             ensure_ascii=False))
        else:
            print(f"{result.label:<9} {result.polarity:+.3f}  {text}")
    return 0


def _trend_rows(contact: str | None) -> list[dict]:
    from models import JournalError, find_contacts_by_name, list_contacts

    summaries = list_contacts(include_archived=contact is not None)
    if contact is not None:
        wanted = {c.id for c in find_contacts_by_name(contact)}
        if not wanted:
            raise JournalError(f'No contact named "{contact}".')
        summaries = [s for s in summaries if s.id in wanted]
    return [
        {
            "contact": s.name,
            "company": s.company,
            "trend": s.trend,
            "mood": round(s.mood, 4) if s.mood is not None else 0.0,
            "change": round(s.change, 4),
            "notes": s.note_count,
            "last_contact": s.last_note_at.date().isoformat() if s.last_note_at else None,
        }
        for s in summaries
    ]


def cmd_trends(args) -> int:
    rows = _trend_rows(args.contact)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    if not rows:
        print("No contacts yet. Add some in the app, or: python main.py import notes FILE.csv")
        return 0
    width = min(32, max(len(r["contact"]) for r in rows))
    cwidth = min(28, max(len(r["company"]) for r in rows) or 1)
    print(f"{'CONTACT':<{width}}  {'COMPANY':<{cwidth}}  {'TREND':<12} {'MOOD':>6} {'NOTES':>6}  LAST")
    for r in rows:
        print(f"{r['contact'][:width]:<{width}}  {r['company'][:cwidth]:<{cwidth}}  {r['trend']:<12} "
              f"{r['mood']:+6.2f} {r['notes']:>6}  {r['last_contact'] or '-'}")
    return 0


def cmd_report(args) -> int:
    from ui.reports.cli import run_report_command

    return run_report_command(args)


def cmd_selftest(args, db_path: Path) -> int:
    from ui.selftest import run_selftest

    timings = run_selftest(db_path)
    print("selftest ok")
    print(json.dumps(timings))
    return 0


def cmd_sample(args) -> int:
    from models.sample import load_sample

    added = load_sample()
    print(f"Added the sample clients with {added} notes.")
    return 0


def cmd_rescore(args) -> int:
    from models import rescore_all

    print(f"Re-scored {rescore_all()} notes.")
    return 0


def run_command(args, db_path: Path) -> int:
    from models import open_journal

    if args.command == "score":
        return cmd_score(args)  # needs no journal
    if args.command == "selftest":
        return cmd_selftest(args, db_path)
    open_journal(db_path)
    handler = {"import": cmd_import, "trends": cmd_trends, "report": cmd_report,
               "sample": cmd_sample, "rescore": cmd_rescore}[args.command]
    return handler(args)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser().parse_args(argv)
    db_path = resolve_db_path(args.db)
    setup_logging(db_path, to_file=args.command is None)
    install_excepthook()
    from models import JournalError
    from sentiment import LexiconError

    try:
        if args.command is None:
            from ui.app import run_gui

            return run_gui(db_path)
        return run_command(args, db_path)
    except (JournalError, LexiconError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    multiprocessing.freeze_support()  # frozen builds start scoring workers through here
    sys.exit(main())
