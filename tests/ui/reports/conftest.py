"""Reports are tested as a user makes them: ``python main.py report ...`` in a real process,
then read back with poppler's pdftotext/pdfinfo."""
from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"))


def run_main(db: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("JOURNAL_DB", None)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args],
                          capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)


def report(db: Path, out: Path, *args: str) -> Path:
    res = run_main(db, "report", *args, "-o", str(out))
    assert res.returncode == 0, res.stderr
    assert out.exists()
    return out


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    """Extracted text, NFKC-normalised (Arabic presentation forms back to letters), one space
    between words, without bidi control marks."""
    cmd = ["pdftotext", "-enc", "UTF-8"]
    if first:
        cmd += ["-f", str(first)]
    if last:
        cmd += ["-l", str(last)]
    out = subprocess.run([*cmd, str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(unicodedata.normalize("NFKC", out).translate(BIDI_MARKS).split())


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_info(path: Path) -> str:
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout


def write_csv(path: Path, rows: list[tuple[str, ...]]) -> Path:
    import csv

    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["contact", "date", "text", "company", "kind", "duration"])
        out.writerows(rows)
    return path


DISTINCTIVE = "The walrus committee approved the purple budget unanimously."
NASTY = 'Watch <b>bold</b> & <img src="/etc/passwd"> and &amp; literally.'
UNICODE_NOTE = "Zoë Ångström liked the café. 日本語のメモです. שלום עולם. مرحبا بالعالم."

ELODIE_NOTES = [
    ("2025-01-10 09:00", "Great kickoff; they love the plan and praised the team.", "meeting", 60),
    ("2025-02-12 10:00", DISTINCTIVE, "call", 30),
    ("2025-03-14 11:00", NASTY, "email", None),
    ("2025-04-10 09:15", "Invoice overdue and an angry escalation to our VP. Terrible week.", "email", None),
    ("2025-05-17 14:00", UNICODE_NOTE, "meeting", 45),
    ("2025-06-24 15:00", "Furious about the delays; they paused the expansion.", "call", 20),
]


@pytest.fixture(scope="module")
def crafted_db(tmp_path_factory) -> Path:
    """Notes chosen to test escaping, Unicode, --no-text and date ranges; plus a contact with
    no notes and two contacts sharing a name."""
    import models

    db = tmp_path_factory.mktemp("crafted") / "j.sqlite3"
    models.open_journal(db)
    try:
        elodie = models.add_contact("Élodie Durand", company="Acme & Co", role="Chief Technology Officer")
        for when, text, kind, minutes in ELODIE_NOTES:
            models.add_note(elodie.id, text, occurred_at=when, kind=kind, duration_min=minutes)
        models.add_contact("Nobody Yet", company="Quiet Inc", role="Buyer")
        for company in ("Alpha Ltd", "Beta GmbH"):
            sam = models.add_contact("Sam Lee", company=company)
            models.add_note(sam.id, "Sent the statement of work.", occurred_at="2025-03-01")
    finally:
        models.close_journal()
    return db


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("sample") / "j.sqlite3"
    res = run_main(db, "sample")
    assert res.returncode == 0, res.stderr
    return db
