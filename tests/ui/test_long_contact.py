"""A contact with more notes than the first page: newest first at once, older ones follow."""
from __future__ import annotations

import datetime as dt

import models
from models.db import db
from ui.operations import FIRST_PAGE


def _many_notes(contact_id: int, count: int) -> None:
    start = dt.datetime(2020, 1, 1, 9)
    rows = [(contact_id, (start + dt.timedelta(hours=6 * i)).isoformat(sep=" "), "call",
             f"Routine call number {i}.", None, 0.0, "neutral", None, None,
             "2026-01-01 00:00:00", "2026-01-01 00:00:00") for i in range(count)]
    with db.atomic():
        db.cursor().executemany(
            "INSERT INTO note (contact_id, occurred_at, kind, text, duration_min, polarity, label, "
            "analyzer_version, breakdown, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            rows)
        from models.aggregates import refresh_contacts

        refresh_contacts([contact_id])


def test_long_contact_loads_in_two_steps_and_selects_an_old_note(window, qtbot):
    contact = models.add_contact("Heavy Client", company="Big Co")
    total = FIRST_PAGE + 250
    _many_notes(contact.id, total)
    oldest = models.timeline(contact.id, newest_first=False, limit=1)[0]
    view = window.contact_view
    with qtbot.waitSignal(view.notes_complete, timeout=20000):
        view.load(contact.id, select_note=oldest.id)
    assert view.notes_model.rowCount() == total
    assert view.bundle.complete and len(view.bundle.notes) == total
    assert view.chart.point_count() > 0
    current = view.notes_view.currentIndex()
    assert current.isValid() and current.row() == total - 1
    assert view.detail.note().id == oldest.id
