"""The contact report through the command line, checked with pdftotext."""
from __future__ import annotations

import subprocess
from pathlib import Path

from .conftest import DISTINCTIVE, pdf_info, pdf_pages, pdf_text, report, run_main


def test_contact_report_has_every_part(crafted_db: Path, tmp_path: Path) -> None:
    out = report(crafted_db, tmp_path / "elodie.pdf", "--contact", "Élodie Durand")
    text = pdf_text(out)
    for expected in ("Élodie Durand", "Acme & Co", "Chief Technology Officer",
                     "Period: 10 Jan 2025 – 24 Jun 2025", "6 notes",
                     "Mood over the period", "MOOD NOW", "CHANGE", "Notes by kind:", "2 meetings",
                     "Total time:", "2 h 35 min", "Most positive", "Most negative",
                     "All notes of the period (6)", "DATE", "KIND", "LABEL", "NOTE",
                     "12 Feb 2025", DISTINCTIVE, "Page 1 of", "Generated on"):
        assert expected in text, expected
    # The trend verdict is spelled out with the mood and its change.
    assert "The relationship with Élodie is" in text and "mood " in text
    # The stand-out notes come with the sentences behind their score.
    assert "Bold: the sentences that drove the score." in text
    # The running header names the contact on every page.
    for page in range(1, pdf_pages(out) + 1):
        assert "Élodie Durand" in pdf_text(out, page, page)


def test_note_text_is_not_markup(crafted_db: Path, tmp_path: Path) -> None:
    out = report(crafted_db, tmp_path / "escape.pdf", "--contact", "Élodie Durand")
    text = pdf_text(out)
    assert 'Watch <b>bold</b> & <img src="/etc/passwd"> and &amp; literally.' in text
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True).stdout
    assert len(images.strip().splitlines()) <= 2, "the note must not load an image"  # header lines only


def test_unicode_comes_out_as_text(crafted_db: Path, tmp_path: Path) -> None:
    out = report(crafted_db, tmp_path / "unicode.pdf", "--contact", "Élodie Durand")
    text = pdf_text(out)
    for piece in ("Zoë Ångström liked the café.", "日本語のメモです", "שלום עולם", "مرحبا", "بالعالم"):
        assert piece in text, piece
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "DejaVuSans" in fonts and "DroidSansFallback" in fonts


def test_no_text_keeps_dates_and_labels(crafted_db: Path, tmp_path: Path) -> None:
    out = report(crafted_db, tmp_path / "notext.pdf", "--contact", "Élodie Durand", "--no-text")
    text = pdf_text(out)
    assert "walrus" not in text and DISTINCTIVE not in text
    assert "Furious" not in text and "Zoë" not in text
    assert "12 Feb 2025" in text and "24 Jun 2025" in text
    assert "positive" in text and "negative" in text
    assert "Note text left out of this copy." in text


def test_date_range_limits_the_period(crafted_db: Path, tmp_path: Path) -> None:
    out = report(crafted_db, tmp_path / "range.pdf", "--contact", "Élodie Durand",
                 "--from", "2025-03-01", "--to", "2025-05-31")
    text = pdf_text(out)
    assert "Period: 01 Mar 2025 – 31 May 2025" in text
    assert "14 Mar 2025" in text and "10 Apr 2025" in text and "17 May 2025" in text
    assert "10 Jan 2025" not in text and "24 Jun 2025" not in text
    assert DISTINCTIVE not in text
    assert "All notes of the period (3)" in text


def test_contact_without_notes_is_one_clean_page(crafted_db: Path, tmp_path: Path) -> None:
    out = report(crafted_db, tmp_path / "empty.pdf", "--contact", "Nobody Yet")
    assert pdf_pages(out) == 1
    text = pdf_text(out)
    assert "Nobody Yet" in text and "Quiet Inc" in text and "No notes in this period." in text
    assert "Page 1 of 1" in text


def test_page_size_letter_and_a4(crafted_db: Path, tmp_path: Path) -> None:
    letter = report(crafted_db, tmp_path / "letter.pdf", "--contact", "Nobody Yet", "--page-size", "Letter")
    a4 = report(crafted_db, tmp_path / "a4.pdf", "--contact", "Nobody Yet", "--page-size", "A4")
    assert "612 x 792 pts" in pdf_info(letter)
    assert "595" in pdf_info(a4) and "842" in pdf_info(a4)


def test_expected_errors_are_plain(crafted_db: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "x.pdf")
    res = run_main(crafted_db, "report", "--contact", "Nobody At All", "-o", out)
    assert res.returncode == 2 and 'No contact named "Nobody At All"' in res.stderr
    res = run_main(crafted_db, "report", "--contact", "Sam Lee", "-o", out)
    assert res.returncode == 2 and "Alpha Ltd" in res.stderr and "Beta GmbH" in res.stderr
    res = run_main(crafted_db, "report", "--brief", "-o", out)
    assert res.returncode == 2 and "--brief needs --contact" in res.stderr
    res = run_main(crafted_db, "report", "--from", "31/01/2025", "-o", out)
    assert res.returncode == 2 and "YYYY-MM-DD" in res.stderr
    res = run_main(crafted_db, "report", "--from", "2025-05-01", "--to", "2025-01-01", "-o", out)
    assert res.returncode == 2 and "starts" in res.stderr
    res = run_main(crafted_db, "report", "-o", str(tmp_path / "missing" / "x.pdf"))
    assert res.returncode == 2 and "does not exist" in res.stderr
    assert not Path(out).exists()
    assert "Traceback" not in res.stderr
