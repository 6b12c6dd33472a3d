"""CSV import of notes: the whole file goes in, or nothing does."""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from models.aggregates import refresh_contacts
from models.contacts import now
from models.db import db
from models.errors import ImportFileError, JournalError
from models.notes import _check, parse_datetime, ts
from models.scoring import score_chunks
from models.types import ImportResult

REQUIRED = ("contact", "date", "text")
OPTIONAL = ("company", "kind", "duration")


@dataclass(frozen=True)
class _Row:
    line: int
    contact: str
    company: str
    occurred_at: dt.datetime
    kind: str
    text: str
    duration: int | None


def _read_rows(path: Path) -> list[_Row]:
    if not path.exists():
        raise ImportFileError(f"{path}: no such file.")
    if path.is_dir():
        raise ImportFileError(f"{path} is a folder, not a CSV file.")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"{path}: cannot read the file ({exc.strerror}).") from exc
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            f"{path}: the file is not UTF-8 text. Save it as 'CSV UTF-8' and try again.") from None
    reader = csv.reader(content.splitlines(keepends=True), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise ImportFileError(f"{path}, line 1: {exc}.") from None
    if not header:
        raise ImportFileError(f"{path} is empty; it needs a header line: contact,date,text.")
    names = [h.strip().lower() for h in header]
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise ImportFileError(
            f"{path}, line 1: missing column(s) {', '.join(missing)}; "
            f"the header must name contact, date and text (optional: {', '.join(OPTIONAL)}).")
    index = {name: names.index(name) for name in (*REQUIRED, *OPTIONAL) if name in names}
    rows: list[_Row] = []
    try:
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if len(record) > len(names):
                raise ImportFileError(
                    f"{path}, line {line}: {len(record)} fields but the header has {len(names)}"
                    " (a comma inside a value needs quotes).")

            def get(col: str) -> str:
                i = index.get(col)
                return record[i].strip() if i is not None and i < len(record) else ""

            try:
                contact = get("contact")
                if not contact:
                    raise JournalError("the contact name is empty")
                occurred = parse_datetime(get("date")) if get("date") else None
                if occurred is None:
                    raise JournalError("the date is empty")
                text, kind, duration = _check(get("text"), get("kind") or "meeting", get("duration"))
            except JournalError as exc:
                msg = str(exc)
                raise ImportFileError(f"{path}, line {line}: {msg[0].lower() + msg[1:]}") from None
            rows.append(_Row(line, contact, get("company"), occurred, kind, text, duration))
    except csv.Error as exc:
        raise ImportFileError(f"{path}, line {reader.line_num}: {exc}.") from None
    return rows


_BULK_FTS_FROM = 500
_FTS_TRIGGER = "note_fts_ai"


def _drop_fts_trigger() -> str | None:
    """Drop the note insert FTS trigger (inside the caller's transaction); returns its SQL."""
    row = db.execute_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                         (_FTS_TRIGGER,)).fetchone()
    if row is None or "note_fts" not in row[0]:
        return None  # schema changed: leave indexing to whatever trigger is there
    db.execute_sql(f"DROP TRIGGER {_FTS_TRIGGER}")
    return row[0]


def import_notes_csv(path: Path | str, workers: int | None = None) -> ImportResult:
    """Import notes from a CSV file (see README for the columns) in one transaction."""
    path = Path(path)
    rows = _read_rows(path)
    texts = [r.text for r in rows]
    stamp = ts(now())
    contacts_added = 0
    with db.atomic():
        known: dict[tuple[str, str], int] = {}
        by_name: dict[str, list[int]] = {}
        for cid, name, company in db.execute_sql("SELECT id, name, company FROM contact"):
            known.setdefault((name.strip().casefold(), company.strip().casefold()), cid)
            by_name.setdefault(name.strip().casefold(), []).append(cid)
        contact_ids: list[int] = []
        for row in rows:
            key = (row.contact.casefold(), row.company.casefold())
            cid = known.get(key)
            if cid is None and not row.company and len(by_name.get(key[0], ())) == 1:
                cid = by_name[key[0]][0]  # no company given and the name is unambiguous
            if cid is None:
                cid = db.execute_sql(
                    "INSERT INTO contact (name, company, created_at, updated_at) VALUES (?, ?, ?, ?)",
                    (row.contact, row.company, stamp, stamp)).lastrowid
                known[key] = cid
                by_name.setdefault(key[0], []).append(cid)
                contacts_added += 1
            contact_ids.append(cid)
        # Full-text indexing row by row (the insert trigger) costs ~9x more than one bulk
        # statement at the end, so large imports index in bulk. Dropping the trigger is part
        # of this transaction: a failed import rolls it back together with the notes.
        bulk_fts = len(rows) >= _BULK_FTS_FROM and _drop_fts_trigger()
        first_new_id = db.execute_sql("SELECT coalesce(max(id), 0) FROM note").fetchone()[0]
        # Scoring runs on the other cores while finished chunks are written here.
        cursor = db.cursor()
        pos = 0
        for scored in score_chunks(texts, workers=workers):
            cursor.executemany(
                "INSERT INTO note (contact_id, occurred_at, kind, text, duration_min, polarity, "
                "label, analyzer_version, breakdown, created_at, updated_at) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [(cid, ts(row.occurred_at), row.kind, row.text, row.duration, *score, stamp, stamp)
                 for cid, row, score in zip(contact_ids[pos:pos + len(scored)],
                                            rows[pos:pos + len(scored)], scored)])
            pos += len(scored)
        if bulk_fts:
            db.execute_sql("INSERT INTO note_fts(rowid, text) SELECT id, text FROM note WHERE id > ?",
                           (first_new_id,))
            db.execute_sql(bulk_fts)
        refresh_contacts(set(contact_ids))
    return ImportResult(contacts_added=contacts_added, notes_added=len(rows))
