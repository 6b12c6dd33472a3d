"""Storage and operations on a real temporary SQLite file, without Qt."""
from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

import models
from models.migrations import SCHEMA_VERSION
from sentiment import ANALYZER_VERSION


def test_new_journal_uses_wal_foreign_keys_and_current_schema(journal):
    from models.db import db

    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert journal.exists()


def test_open_creates_missing_folders(tmp_path):
    path = tmp_path / "a" / "b" / "journal.sqlite3"
    models.open_journal(path)
    try:
        assert path.exists()
    finally:
        models.close_journal()


def test_open_rejects_a_file_that_is_not_a_journal(tmp_path):
    bogus = tmp_path / "notes.txt"
    bogus.write_text("just some text, not a database at all")
    with pytest.raises(models.DatabaseOpenError, match="not a journal database"):
        models.open_journal(bogus)


def test_contact_round_trip_with_tags(journal):
    c = models.add_contact("  Priya Raman ", company="Northwind", role="VP", tags="retainer, Analytics, retainer")
    assert c.name == "Priya Raman"
    assert c.tags == ("Analytics", "retainer")
    c2 = models.update_contact(c.id, email="priya@example.com", tags=["analytics"])
    # Tags are case-insensitive: the existing spelling is reused, unused tags disappear.
    assert c2.email == "priya@example.com" and c2.tags == ("Analytics",)
    assert models.all_tags() == ["Analytics"]
    assert models.find_contact("priya raman", "NORTHWIND").id == c.id


def test_contact_needs_a_name(journal):
    with pytest.raises(models.ValidationError, match="needs a name"):
        models.add_contact("   ")
    assert models.counts() == (0, 0)


def test_note_is_scored_on_save_with_the_analyzer_version(journal):
    c = models.add_contact("Dana")
    good = models.add_note(c.id, "They loved the workshop and signed the renewal.", "2026-01-10 10:00")
    bad = models.add_note(c.id, "Invoice is 60 days overdue and they escalated to our VP.", "2026-02-10")
    assert good.polarity > bad.polarity
    assert good.label == "positive" and bad.label == "negative"
    assert good.analyzer_version == ANALYZER_VERSION
    assert good.breakdown_json and good.sentences()
    assert good.occurred_at == dt.datetime(2026, 1, 10, 10, 0)


def test_editing_text_rescores_and_keeps_the_correction(journal):
    c = models.add_contact("Dana")
    n = models.add_note(c.id, "Great call, they are very happy with the results.")
    assert n.label == "positive"
    n = models.set_label_override(n.id, "neutral")
    assert n.label == "neutral" and n.computed_label == "positive"
    n = models.update_note(n.id, text="Terrible call, they are furious about the delays.")
    assert n.computed_label == "negative"
    assert n.label == "neutral"  # the user's correction still wins
    n = models.set_label_override(n.id, None)
    assert n.label == "negative"


def test_rescoring_never_overwrites_a_correction(journal):
    from models.db import db

    c = models.add_contact("Dana")
    n = models.add_note(c.id, "The project was a disaster and they want a refund.")
    models.set_label_override(n.id, "positive")
    db.execute_sql("UPDATE note SET analyzer_version = 'old-0'")
    assert models.count_needing_rescore() == 1
    assert models.rescore_all() == 1
    again = models.get_note(n.id)
    assert again.analyzer_version == ANALYZER_VERSION
    assert again.label == "positive" and again.computed_label == "negative"
    assert models.count_needing_rescore() == 0


def test_bad_note_input_is_refused_and_nothing_written(journal):
    c = models.add_contact("Dana")
    with pytest.raises(models.ValidationError):
        models.add_note(c.id, "   ")
    with pytest.raises(models.ValidationError, match="kind"):
        models.add_note(c.id, "ok", kind="fax")
    with pytest.raises(models.ValidationError, match="duration"):
        models.add_note(c.id, "ok", duration_min="an hour")
    with pytest.raises(models.NotFoundError):
        models.add_note(9999, "orphan note")
    assert models.counts() == (1, 0)


def test_delete_and_restore_note_is_lossless(journal):
    c = models.add_contact("Dana")
    n = models.add_note(c.id, "Signed the contract, great news.", "2026-03-01 09:30", kind="call", duration_min=25)
    models.set_label_override(n.id, "neutral")
    before = models.get_note(n.id)
    gone = models.delete_note(n.id)
    assert models.timeline(c.id) == []
    assert models.get_summary(c.id).note_count == 0
    back = models.restore_note(gone)
    assert (back.id, back.text, back.occurred_at, back.kind, back.duration_min, back.label,
            back.polarity) == (before.id, before.text, before.occurred_at, before.kind,
                               before.duration_min, before.label, before.polarity)
    assert models.get_summary(c.id).note_count == 1


def test_timeline_order_and_inclusive_range(journal):
    c = models.add_contact("Dana")
    for day in (1, 5, 9):
        models.add_note(c.id, f"Status call number {day}.", f"2026-04-0{day} 12:00")
    newest = models.timeline(c.id)
    assert [n.occurred_at.day for n in newest] == [9, 5, 1]
    oldest = models.timeline(c.id, newest_first=False)
    assert [n.occurred_at.day for n in oldest] == [1, 5, 9]
    ranged = models.timeline(c.id, since=dt.date(2026, 4, 5), until=dt.date(2026, 4, 9))
    assert [n.occurred_at.day for n in ranged] == [9, 5]


def test_deleting_a_contact_removes_its_notes(journal):
    c = models.add_contact("Dana")
    models.add_note(c.id, "hello")
    models.delete_contact(c.id)
    assert models.counts() == (0, 0)


def test_write_is_transactional(journal):
    from models.db import db

    c = models.add_contact("Dana")
    with pytest.raises(RuntimeError):
        with db.atomic():
            models.add_note(c.id, "This one is inside a failing transaction.")
            raise RuntimeError("boom")
    assert models.timeline(c.id) == []


def test_summary_aggregates_follow_the_notes(journal):
    c = models.add_contact("Marcus", company="Bellweather")
    start = dt.datetime(2025, 1, 1, 10)
    for i in range(8):
        models.add_note(c.id, "Great meeting, they love the work and praised the team.",
                        start + dt.timedelta(days=20 * i), duration_min=30)
    for i in range(3):
        models.add_note(c.id, "Angry escalation: invoice overdue, they threaten to cancel the contract.",
                        start + dt.timedelta(days=170 + 7 * i), duration_min=60)
    s = models.get_summary(c.id)
    assert s.note_count == 11
    assert s.minutes_total == 8 * 30 + 3 * 60
    assert s.last_note_at == start + dt.timedelta(days=184)
    assert s.trend == "souring"
    assert len(s.spark) >= 2
    listed = models.list_contacts()
    assert [x.id for x in listed] == [c.id]


def test_archived_contacts_are_hidden_unless_asked(journal):
    a = models.add_contact("Active")
    b = models.add_contact("Old client")
    models.set_archived(b.id)
    assert [s.id for s in models.list_contacts()] == [a.id]
    assert {s.id for s in models.list_contacts(include_archived=True)} == {a.id, b.id}


def test_stats_by_kind_and_minutes(journal):
    c = models.add_contact("Dana")
    models.add_note(c.id, "call one", "2026-01-01", kind="call", duration_min=20)
    models.add_note(c.id, "call two", "2026-01-02", kind="call", duration_min=10)
    models.add_note(c.id, "an email", "2026-01-03", kind="email")
    stats = models.contact_stats(c.id)
    assert stats.notes == 3 and stats.by_kind == {"call": 2, "email": 1}
    assert stats.minutes_total == 30


def test_brief_collects_recent_notes_and_extremes(journal):
    c = models.add_contact("Raj", company="Mehta Foods")
    now = dt.datetime(2026, 6, 1, 12)
    models.add_note(c.id, "Wonderful workshop, they loved the roadmap.", now - dt.timedelta(days=10))
    models.add_note(c.id, "They are furious: the invoice dispute escalated to legal.", now - dt.timedelta(days=5))
    models.add_note(c.id, "Sent the revised plan; will follow up on Friday.", now - dt.timedelta(days=1))
    b = models.brief(c.id, now=now)
    assert b.contact.name == "Raj"
    assert len(b.recent) == 3 and b.recent[0].occurred_at > b.recent[-1].occurred_at
    assert "Wonderful" in b.most_positive.text
    assert "furious" in b.most_negative.text
    assert any("follow up" in f for f in b.follow_ups)


def test_file_is_plain_sqlite_readable_by_other_tools(journal):
    c = models.add_contact("Dana")
    models.add_note(c.id, "portable")
    models.close_journal()
    con = sqlite3.connect(journal)
    try:
        assert con.execute("SELECT text FROM note").fetchone()[0] == "portable"
    finally:
        con.close()


def test_mood_points_of_loaded_notes_match_the_query(journal):
    c = models.add_contact("Dana")
    models.add_note(c.id, "Great workshop, they loved it.", "2026-01-02 10:00")
    n = models.add_note(c.id, "Angry call about the overdue invoice.", "2026-01-01 09:00")
    models.set_label_override(n.id, "neutral")
    models.add_note(c.id, "Sent the agenda.", "2026-01-03 08:00")
    from_query = models.mood_points(c.id)
    from_notes = models.mood_points_of(models.timeline(c.id))
    assert [(p.note_id, p.occurred_at, p.label) for p in from_notes] == \
           [(p.note_id, p.occurred_at, p.label) for p in from_query]
    assert [round(p.polarity, 6) for p in from_notes] == [round(p.polarity, 6) for p in from_query]
    assert from_notes[0].label == "neutral"
