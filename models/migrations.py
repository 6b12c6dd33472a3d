"""Schema versions, one step per version, each inside a transaction.

The version lives in ``PRAGMA user_version``. Before upgrading an existing file a copy is
taken next to it (``journal.sqlite3.v1-backup``), so a failed or unwanted upgrade loses nothing.
Each step is plain SQL (plus an optional Python part) so that old files can be rebuilt exactly
in tests.
"""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Callable

from peewee import SqliteDatabase

from models.errors import DatabaseOpenError

# Version 1: the first released layout.
V1_SQL = """
CREATE TABLE contact (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    company TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    about TEXT NOT NULL DEFAULT '',
    archived INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE tag (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE contact_tag (
    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
    PRIMARY KEY (contact_id, tag_id)
) WITHOUT ROWID;
CREATE TABLE note (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    occurred_at TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'meeting',
    text TEXT NOT NULL,
    duration_min INTEGER,
    polarity REAL,
    label TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX note_contact_time ON note(contact_id, occurred_at);
CREATE INDEX contact_tag_tag ON contact_tag(tag_id);
"""

# Version 2: scores carry their analyzer version and sentence breakdown, users can correct a
# label, contacts keep their trend aggregates, and notes/contacts get full-text search.
V2_SQL = """
ALTER TABLE note ADD COLUMN analyzer_version TEXT;
ALTER TABLE note ADD COLUMN breakdown TEXT;
ALTER TABLE note ADD COLUMN label_override TEXT;
ALTER TABLE contact ADD COLUMN note_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contact ADD COLUMN last_note_at TEXT;
ALTER TABLE contact ADD COLUMN mood REAL;
ALTER TABLE contact ADD COLUMN trend TEXT NOT NULL DEFAULT 'insufficient';
ALTER TABLE contact ADD COLUMN trend_change REAL NOT NULL DEFAULT 0;
ALTER TABLE contact ADD COLUMN turned_at TEXT;
ALTER TABLE contact ADD COLUMN spark TEXT NOT NULL DEFAULT '';
ALTER TABLE contact ADD COLUMN minutes_total INTEGER NOT NULL DEFAULT 0;
CREATE INDEX note_time ON note(occurred_at);
CREATE INDEX note_version ON note(analyzer_version);

CREATE VIRTUAL TABLE note_fts USING fts5(
    text, content='note', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER note_fts_ai AFTER INSERT ON note BEGIN
    INSERT INTO note_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER note_fts_ad AFTER DELETE ON note BEGIN
    INSERT INTO note_fts(note_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER note_fts_au AFTER UPDATE OF text ON note BEGIN
    INSERT INTO note_fts(note_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO note_fts(rowid, text) VALUES (new.id, new.text);
END;
INSERT INTO note_fts(note_fts) VALUES ('rebuild');

CREATE VIRTUAL TABLE contact_fts USING fts5(
    name, company, content='contact', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER contact_fts_ai AFTER INSERT ON contact BEGIN
    INSERT INTO contact_fts(rowid, name, company) VALUES (new.id, new.name, new.company);
END;
CREATE TRIGGER contact_fts_ad AFTER DELETE ON contact BEGIN
    INSERT INTO contact_fts(contact_fts, rowid, name, company)
    VALUES ('delete', old.id, old.name, old.company);
END;
CREATE TRIGGER contact_fts_au AFTER UPDATE OF name, company ON contact BEGIN
    INSERT INTO contact_fts(contact_fts, rowid, name, company)
    VALUES ('delete', old.id, old.name, old.company);
    INSERT INTO contact_fts(rowid, name, company) VALUES (new.id, new.name, new.company);
END;
INSERT INTO contact_fts(contact_fts) VALUES ('rebuild');
"""


def _v2_python(database: SqliteDatabase) -> None:
    # Old scores have no analyzer version: they are re-scored in the background later.
    # The per-contact aggregates are filled now so the list is right on first show.
    from models.aggregates import refresh_all_contacts

    refresh_all_contacts()


Step = tuple[str, Callable[[SqliteDatabase], None] | None]
STEPS: list[Step] = [(V1_SQL, None), (V2_SQL, _v2_python)]
SCHEMA_VERSION = len(STEPS)


def schema_version(database: SqliteDatabase) -> int:
    return database.execute_sql("PRAGMA user_version").fetchone()[0]


def _run_script(database: SqliteDatabase, sql: str) -> None:
    # executescript would COMMIT behind the transaction's back; run statement by statement.
    for statement in _split_sql(sql):
        database.execute_sql(statement)


def _split_sql(sql: str) -> list[str]:
    statements, buf = [], ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            statements.append(buf.strip())
            buf = ""
    if buf.strip():
        statements.append(buf.strip())
    return statements


def backup_file(path: Path, version: int) -> Path | None:
    """Copy the journal (with its WAL content checkpointed) before an upgrade."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    target = path.with_name(f"{path.name}.v{version}-backup")
    src = sqlite3.connect(str(path))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def migrate(database: SqliteDatabase, path: Path | None = None) -> int:
    """Bring the schema to :data:`SCHEMA_VERSION`; returns the version found before."""
    found = schema_version(database)
    if found > SCHEMA_VERSION:
        raise DatabaseOpenError(
            f"This journal was written by a newer version of the app (schema {found}); "
            "please update the app to open it."
        )
    if found == SCHEMA_VERSION:
        return found
    if found > 0 and path is not None:
        backup_file(Path(path), found)
    for number in range(found + 1, SCHEMA_VERSION + 1):
        sql, python_part = STEPS[number - 1]
        with database.atomic():
            _run_script(database, sql)
            if python_part is not None:
                python_part(database)
            database.execute_sql(f"PRAGMA user_version = {number}")
    return found
