"""Portfolio and brief through the command line, on the sample clients."""
from __future__ import annotations

from pathlib import Path

from .conftest import pdf_pages, pdf_text, report, run_main

SAMPLE_NAMES = ["Priya Raman", "Marcus Bell", "Dana Okafor", "Kevin Hart", "Sarah Lindqvist",
                "Tom Becker", "Aiko Tanaka", "Raj Mehta", "Elena García", "Leo Fischer",
                "Jenna Walsh", "Omar Haddad"]


def _trends(db: Path) -> dict[str, str]:
    import json

    res = run_main(db, "trends", "--json")
    return {row["contact"]: row["trend"] for row in json.loads(res.stdout)}


def test_portfolio_overview_then_one_section_each(sample_db: Path, tmp_path: Path) -> None:
    out = report(sample_db, tmp_path / "portfolio.pdf")
    first = pdf_text(out, 1, 1)
    assert "Portfolio report" in first and "12 active relationships" in first
    for name in SAMPLE_NAMES:
        assert name in first, name
    for column in ("TREND", "MOOD", "CHANGE", "LAST CONTACT"):
        assert column in first
    # Souring relationships are listed before every other one.
    trends = _trends(sample_db)
    souring = [n for n in SAMPLE_NAMES if trends[n] == "souring"]
    others = [n for n in SAMPLE_NAMES if trends[n] != "souring"]
    assert souring, "the sample data has souring clients"
    assert max(first.index(n) for n in souring) < min(first.index(n) for n in others)
    # One section per contact: each one's report starts on its own page with its own header.
    pages = pdf_pages(out)
    assert pages > len(SAMPLE_NAMES)
    starts = [pdf_text(out, p, p) for p in range(2, pages + 1)]
    for name in SAMPLE_NAMES:
        assert any(page.startswith(f"Rapport · Portfolio report {name} {name}") for page in starts), name


def test_portfolio_no_text(sample_db: Path, tmp_path: Path) -> None:
    out = report(sample_db, tmp_path / "portfolio.pdf", "--no-text")
    text = pdf_text(out)
    assert "Signed the renewal" not in text and "Invoice is now 60 days overdue" not in text
    assert "Note text left out of this copy." in text


def test_brief_is_one_page(sample_db: Path, tmp_path: Path) -> None:
    out = report(sample_db, tmp_path / "brief.pdf", "--contact", "Priya Raman", "--brief")
    assert pdf_pages(out) == 1
    text = pdf_text(out)
    for expected in ("Brief: Priya Raman", "Northwind Analytics", "MOOD NOW", "3 MONTHS AGO",
                     "LAST CONTACT", "What moved the mood", "Follow-ups", "Last five notes", "Page 1 of 1"):
        assert expected in text, expected


def test_brief_of_long_notes_still_fits(crafted_db: Path, tmp_path: Path) -> None:
    out = report(crafted_db, tmp_path / "brief.pdf", "--contact", "Élodie Durand", "--brief")
    assert pdf_pages(out) == 1
    out = report(crafted_db, tmp_path / "brief-empty.pdf", "--contact", "Nobody Yet", "--brief")
    assert pdf_pages(out) == 1 and "No notes yet." in pdf_text(out)


def test_brief_no_text(sample_db: Path, tmp_path: Path) -> None:
    out = report(sample_db, tmp_path / "brief.pdf", "--contact", "Marcus Bell", "--brief", "--no-text")
    text = pdf_text(out)
    assert pdf_pages(out) == 1
    assert "Angry email" not in text and "Note text left out of this copy." in text


def test_portfolio_default_sections_are_compact(sample_db: Path, tmp_path: Path) -> None:
    """By default each contact gets a short section: cards, chart, stand-out notes; no table."""
    out = report(sample_db, tmp_path / "portfolio.pdf")
    text = pdf_text(out, 2)
    assert "Mood over the period" in text and "Stand-out notes" in text and "MOOD NOW" in text
    assert "All notes of the period" not in text and "NOTE" not in text.split()


def test_portfolio_with_notes_lists_every_note(sample_db: Path, tmp_path: Path) -> None:
    compact = report(sample_db, tmp_path / "compact.pdf")
    full = report(sample_db, tmp_path / "full.pdf", "--with-notes")
    text = pdf_text(full, 2)
    assert text.count("All notes of the period") >= len(SAMPLE_NAMES)
    assert "DATE KIND LABEL NOTE" in text
    assert pdf_pages(full) > pdf_pages(compact)


def test_portfolio_summary_only_is_the_overview(sample_db: Path, tmp_path: Path) -> None:
    out = report(sample_db, tmp_path / "summary.pdf", "--summary-only")
    pages = pdf_pages(out)
    text = pdf_text(out)
    assert pages == 1 and "Page 1 of 1" in text
    assert "12 active relationships" in text and all(name in text for name in SAMPLE_NAMES)
    assert "Mood over the period" not in text and "Stand-out notes" not in text


def test_portfolio_flags_are_checked(sample_db: Path, tmp_path: Path) -> None:
    res = run_main(sample_db, "report", "--with-notes", "--summary-only", "-o", str(tmp_path / "x.pdf"))
    assert res.returncode != 0 and "one of --with-notes and --summary-only" in res.stderr
    res = run_main(sample_db, "report", "--contact", "Priya Raman", "--summary-only",
                   "-o", str(tmp_path / "y.pdf"))
    assert res.returncode != 0 and "for the portfolio" in res.stderr
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "y.pdf").exists()


def test_portfolio_period_overview(sample_db: Path, tmp_path: Path) -> None:
    """With --from/--to the overview is computed over the period (not the stored aggregates)."""
    out = report(sample_db, tmp_path / "p.pdf", "--summary-only", "--from", "2000-01-01", "--to", "2000-12-31")
    text = pdf_text(out)
    assert "01 Jan 2000 – 31 Dec 2000" in text and "The mood line shows the period" in text
