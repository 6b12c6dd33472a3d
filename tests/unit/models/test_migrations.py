"""A journal written by the previous schema version opens, upgrades and keeps everything."""
from __future__ import annotations

import sqlite3

import pytest

import models
from models.migrations import SCHEMA_VERSION, V1_SQL
from sentiment import ANALYZER_VERSION


def write_v1_journal(path) -> None:
    """Build a file exactly as version 1 of the app left it."""
    con = sqlite3.connect(path)
    con.executescript(V1_SQL)
    con.execute("INSERT INTO contact (id, name, company, created_at, updated_at) "
                "VALUES (1, 'Marcus Bell', 'Bellweather', '2024-01-01 09:00:00', '2024-01-01 09:00:00')")
    con.executemany(
        "INSERT INTO note (contact_id, occurred_at, kind, text, polarity, label, created_at, updated_at) "
        "VALUES (1, ?, 'meeting', ?, ?, ?, '2024-01-01 09:00:00', '2024-01-01 09:00:00')",
        [("2024-02-01 10:00:00", "Kickoff went great, they love the plan.", 0.8, "positive"),
         ("2024-03-01 10:00:00", "Invoice overdue and an angry escalation.", 0.0, "neutral")],
    )
    con.execute("INSERT INTO tag (id, name) VALUES (1, 'logistics')")
    con.execute("INSERT INTO contact_tag (contact_id, tag_id) VALUES (1, 1)")
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()


def test_v1_journal_migrates_and_keeps_data(tmp_path):
    path = tmp_path / "old.sqlite3"
    write_v1_journal(path)
    models.open_journal(path)
    try:
        from models.db import db

        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        contact = models.find_contact("Marcus Bell", "Bellweather")
        assert contact.tags == ("logistics",)
        notes = models.timeline(contact.id)
        assert [n.text for n in notes][-1].startswith("Kickoff")
        # Aggregates were filled by the migration.
        assert models.get_summary(contact.id).note_count == 2
        # Old notes are searchable.
        assert [h.note_id for h in models.search("escalation") if h.note_id]
        assert models.search("Bellweather")[0].contact_id == contact.id
        # Old scores have no analyzer version, so they are re-scored; afterwards they carry it.
        assert models.count_needing_rescore() == 2
        models.rescore_all()
        rescored = models.timeline(contact.id)
        assert {n.analyzer_version for n in rescored} == {ANALYZER_VERSION}
        assert rescored[0].label == "negative"  # v1's baseline had called it neutral
    finally:
        models.close_journal()
    backup = path.with_name(path.name + ".v1-backup")
    assert backup.exists()
    con = sqlite3.connect(backup)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM note").fetchone()[0] == 2
    con.close()


def test_journal_from_a_newer_app_is_refused(tmp_path):
    path = tmp_path / "future.sqlite3"
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version = 99")
    con.close()
    with pytest.raises(models.DatabaseOpenError, match="newer version"):
        models.open_journal(path)


def test_opening_twice_is_idempotent(tmp_path):
    path = tmp_path / "j.sqlite3"
    models.open_journal(path)
    models.add_contact("Dana")
    models.open_journal(path)
    try:
        assert models.counts() == (1, 0)
        assert not list(tmp_path.glob("*backup*"))
    finally:
        models.close_journal()
