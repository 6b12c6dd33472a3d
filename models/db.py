"""The one place that opens the journal database.

Everything that touches storage goes through :data:`db`, which :func:`open_journal` points at
a file. The schema is created and upgraded by :mod:`models.migrations` before anything else
runs. Later features (SQLCipher encryption, snapshots) hook in here.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from peewee import SqliteDatabase

from models.appinfo import APP_ID
from models.errors import DatabaseOpenError

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",  # safe with WAL: a crash can lose the last commit, never corrupt
    "busy_timeout": 5000,
    "cache_size": -32000,  # 32 MB page cache
    "temp_store": "memory",
}

# Deferred: the path is given at run time, never at import time.
db = SqliteDatabase(None, pragmas=PRAGMAS)

_SQLITE_MAGIC = b"SQLite format 3\x00"


def default_db_path() -> Path:
    """The journal file in the platform's per-user data folder."""
    from platformdirs import user_data_path

    return user_data_path(APP_ID, appauthor=False) / "journal.sqlite3"


def data_dir_for(db_path: Path) -> Path:
    """Folder for logs and backups that belong to a journal file."""
    return db_path.resolve().parent


def open_journal(path: Path | str) -> Path:
    """Open (creating if needed) and upgrade the journal at ``path``; returns the resolved path."""
    from models.migrations import migrate

    path = Path(path).expanduser()
    if path.is_dir():
        raise DatabaseOpenError(f"{path} is a folder; give a journal file name instead.")
    if path.exists():
        try:
            with path.open("rb") as fh:
                head = fh.read(16)
        except OSError as exc:
            raise DatabaseOpenError(f"Cannot read the journal file {path}: {exc.strerror}.") from exc
        if head and head != _SQLITE_MAGIC:
            raise DatabaseOpenError(
                f"{path} is not a journal database (it may be another kind of file, or encrypted)."
            )
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseOpenError(
                f"Cannot create the folder for the journal at {path.parent}: {exc.strerror}."
            ) from exc
    close_journal()
    db.init(str(path), pragmas=PRAGMAS)
    try:
        db.connect(reuse_if_open=True)
        db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
        migrate(db, path)
    except sqlite3.DatabaseError as exc:
        close_journal()
        raise DatabaseOpenError(f"Cannot open the journal {path}: {exc}.") from exc
    except Exception:
        close_journal()
        raise
    return path.resolve()


def close_journal() -> None:
    """Close this thread's connection if a journal is open."""
    if db.database is not None and not db.is_closed():
        db.close()


def is_open() -> bool:
    return db.database is not None
