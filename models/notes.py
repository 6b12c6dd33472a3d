"""Note operations: every note is scored when saved and the score kept with its version."""
from __future__ import annotations

import datetime as dt
from typing import Sequence

from models.aggregates import effective_polarity, parse_ts, refresh_contacts
from models.contacts import _row as _contact_row
from models.contacts import now
from models.db import db
from models.entities import LABELS, NOTE_KINDS, Note
from models.errors import NotFoundError, ValidationError
from models.scoring import score, score_many
from models.types import ContactStats, MoodPoint, NoteInfo
from sentiment import ANALYZER_VERSION, label_for

MAX_NOTE_CHARS = 200_000
_UNSET = object()

_NOTE_COLS = (
    "id, contact_id, occurred_at, kind, text, duration_min, polarity, label, label_override, "
    "analyzer_version, breakdown, created_at, updated_at"
)


_iso = dt.datetime.fromisoformat


def _info(r) -> NoteInfo:
    # Hot path (a contact with thousands of notes): stored times are always ISO text.
    return NoteInfo(
        id=r[0], contact_id=r[1], occurred_at=_iso(r[2]), kind=r[3], text=r[4],
        duration_min=r[5], polarity=r[6] or 0.0, computed_label=r[7] or "neutral",
        label_override=r[8], analyzer_version=r[9], breakdown_json=r[10],
        created_at=_iso(r[11]) if r[11] else None, updated_at=_iso(r[12]) if r[12] else None,
    )


def ts(value: dt.datetime | dt.date | str) -> str:
    """Normalise a time to the stored form ``YYYY-MM-DD HH:MM:SS``."""
    if isinstance(value, str):
        value = parse_datetime(value)
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time(0, 0))
    return value.replace(microsecond=0, tzinfo=None).isoformat(sep=" ")


def parse_datetime(text: str) -> dt.datetime:
    """Accept ``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM`` (seconds and a ``T`` allowed)."""
    text = text.strip()
    try:
        if len(text) == 10:
            return dt.datetime.combine(dt.date.fromisoformat(text), dt.time(0, 0))
        if len(text) >= 16 and text[10] in " T":
            return dt.datetime.fromisoformat(text.replace("T", " ")).replace(tzinfo=None)
    except ValueError:
        pass
    raise ValidationError(f'"{text}" is not a date; use YYYY-MM-DD or YYYY-MM-DD HH:MM.')


def _check(text: str, kind: str, duration_min) -> tuple[str, str, int | None]:
    text = (text or "").strip()
    if not text:
        raise ValidationError("A note needs some text.")
    if len(text) > MAX_NOTE_CHARS:
        raise ValidationError("The note is too long (over 200,000 characters); split it up.")
    kind = (kind or "meeting").strip().lower()
    if kind not in NOTE_KINDS:
        raise ValidationError(f'"{kind}" is not a kind of note; use one of: {", ".join(NOTE_KINDS)}.')
    if duration_min in ("", None):
        duration_min = None
    else:
        try:
            duration_min = int(duration_min)
        except (TypeError, ValueError):
            raise ValidationError(f'The duration "{duration_min}" is not a whole number of minutes.') from None
        if duration_min < 0 or duration_min > 24 * 60 * 7:
            raise ValidationError("The duration must be between 0 minutes and a week.")
    return text, kind, duration_min


def get_note(note_id: int) -> NoteInfo:
    row = db.execute_sql(f"SELECT {_NOTE_COLS} FROM note WHERE id = ?", (note_id,)).fetchone()
    if row is None:
        raise NotFoundError("That note no longer exists.")
    return _info(row)


def add_note(contact_id: int, text: str, occurred_at: dt.datetime | str | None = None,
             kind: str = "meeting", duration_min: int | None = None) -> NoteInfo:
    text, kind, duration_min = _check(text, kind, duration_min)
    result = score(text)
    stamp = ts(now())
    with db.atomic():
        _contact_row(contact_id)
        note_id = Note.insert(
            contact=contact_id, occurred_at=ts(occurred_at or now()), kind=kind, text=text,
            duration_min=duration_min, polarity=result.polarity, label=result.label,
            analyzer_version=result.version, breakdown=result.to_json(),
            created_at=stamp, updated_at=stamp,
        ).execute()
        refresh_contacts([contact_id])
    return get_note(note_id)


def update_note(note_id: int, *, text: str | None = None, occurred_at=None, kind: str | None = None,
                duration_min=_UNSET, contact_id: int | None = None) -> NoteInfo:
    old = get_note(note_id)
    new_text, new_kind, new_duration = _check(
        old.text if text is None else text,
        old.kind if kind is None else kind,
        old.duration_min if duration_min is _UNSET else duration_min,
    )
    fields = {"kind": new_kind, "duration_min": new_duration, "updated_at": ts(now())}
    if occurred_at is not None:
        fields["occurred_at"] = ts(occurred_at)
    if new_text != old.text:
        result = score(new_text)
        fields.update(text=new_text, polarity=result.polarity, label=result.label,
                      analyzer_version=result.version, breakdown=result.to_json())
    with db.atomic():
        if contact_id is not None and contact_id != old.contact_id:
            _contact_row(contact_id)
            fields["contact"] = contact_id
        Note.update(**fields).where(Note.id == note_id).execute()
        refresh_contacts({old.contact_id, contact_id or old.contact_id})
    return get_note(note_id)


def set_label_override(note_id: int, label: str | None) -> NoteInfo:
    """Store the user's correction of a note's label (None removes it)."""
    if label is not None and label not in LABELS:
        raise ValidationError(f'"{label}" is not a label; use positive, neutral or negative.')
    with db.atomic():
        note = get_note(note_id)
        Note.update(label_override=label, updated_at=ts(now())).where(Note.id == note_id).execute()
        refresh_contacts([note.contact_id])
    return get_note(note_id)


def delete_note(note_id: int) -> NoteInfo:
    """Delete a note; returns it whole so that :func:`restore_note` can undo the delete."""
    with db.atomic():
        note = get_note(note_id)
        Note.delete().where(Note.id == note_id).execute()
        refresh_contacts([note.contact_id])
    return note


def restore_note(note: NoteInfo) -> NoteInfo:
    """Put a deleted note back exactly as it was (same id, score and correction)."""
    with db.atomic():
        _contact_row(note.contact_id)
        Note.insert(
            id=note.id, contact=note.contact_id, occurred_at=ts(note.occurred_at), kind=note.kind,
            text=note.text, duration_min=note.duration_min, polarity=note.polarity,
            label=note.computed_label, label_override=note.label_override,
            analyzer_version=note.analyzer_version, breakdown=note.breakdown_json,
            created_at=ts(note.created_at or now()), updated_at=ts(now()),
        ).execute()
        refresh_contacts([note.contact_id])
    return get_note(note.id)


def _range_sql(since, until) -> tuple[str, list]:
    sql, params = "", []
    if since is not None:
        sql += " AND occurred_at >= ?"
        params.append(ts(since))
    if until is not None:
        if isinstance(until, dt.date) and not isinstance(until, dt.datetime):
            until = dt.datetime.combine(until, dt.time(23, 59, 59))
        sql += " AND occurred_at <= ?"
        params.append(ts(until))
    return sql, params


def timeline(contact_id: int, since=None, until=None, newest_first: bool = True,
             limit: int | None = None) -> list[NoteInfo]:
    """A contact's notes in a date range (inclusive), newest first by default."""
    where, params = _range_sql(since, until)
    order = "DESC" if newest_first else "ASC"
    sql = (f"SELECT {_NOTE_COLS} FROM note WHERE contact_id = ?{where} "
           f"ORDER BY occurred_at {order}, id {order}")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [_info(r) for r in db.execute_sql(sql, [contact_id, *params])]


def mood_points(contact_id: int, since=None, until=None) -> list[MoodPoint]:
    """What the mood chart draws, oldest first: one light row per note."""
    where, params = _range_sql(since, until)
    rows = db.execute_sql(
        "SELECT id, occurred_at, polarity, label, label_override, substr(text, 1, 160) FROM note "
        f"WHERE contact_id = ?{where} ORDER BY occurred_at, id", [contact_id, *params])
    points = []
    for nid, occurred, polarity, label, override, head in rows:
        line = head.strip().splitlines()[0] if head.strip() else ""
        points.append(MoodPoint(nid, parse_ts(occurred), effective_polarity(polarity, override),
                                override or label or "neutral", line[:120]))
    return points


def mood_points_of(notes: Sequence[NoteInfo]) -> list[MoodPoint]:
    """The chart's points for notes already loaded (saves a second query), oldest first."""
    keys = [(n.occurred_at, n.id) for n in notes]
    if all(a >= b for a, b in zip(keys, keys[1:])):
        ordered = list(reversed(notes))  # a timeline, newest first: no sort needed
    else:
        ordered = sorted(notes, key=lambda n: (n.occurred_at, n.id))
    return [MoodPoint(n.id, n.occurred_at, effective_polarity(n.polarity, n.label_override),
                      n.label, n.first_line) for n in ordered]


def contact_stats(contact_id: int, since=None, until=None) -> ContactStats:
    where, params = _range_sql(since, until)
    by_kind: dict[str, int] = {}
    by_label: dict[str, int] = {}
    total = minutes = 0
    rows = db.execute_sql(
        "SELECT kind, coalesce(label_override, label), count(*), coalesce(sum(duration_min), 0) "
        f"FROM note WHERE contact_id = ?{where} GROUP BY 1, 2", [contact_id, *params])
    for kind, label, n, mins in rows:
        by_kind[kind] = by_kind.get(kind, 0) + n
        by_label[label or "neutral"] = by_label.get(label or "neutral", 0) + n
        total += n
        minutes += mins
    return ContactStats(notes=total, by_kind=by_kind, minutes_total=minutes, by_label=by_label)


def count_needing_rescore() -> int:
    # "< ? OR > ?" instead of "IS NOT ?": the same rows, but SQLite can answer it from the
    # note_version index without visiting the up-to-date notes (every start-up asks this).
    return db.execute_sql(
        "SELECT count(*) FROM note WHERE analyzer_version < ? OR analyzer_version > ? "
        "OR analyzer_version IS NULL",
        (ANALYZER_VERSION, ANALYZER_VERSION)).fetchone()[0]


def notes_needing_rescore(limit: int = 2000) -> list[tuple[int, str]]:
    """Notes scored by an older analyzer (or never), oldest first."""
    return list(db.execute_sql(
        "SELECT id, text FROM note WHERE analyzer_version IS NULL OR analyzer_version != ? "
        "ORDER BY id LIMIT ?", (ANALYZER_VERSION, limit)))


def rescore_notes(batch: Sequence[tuple[int, str]], workers: int | None = None) -> int:
    """Re-score notes with the current analyzer; user corrections are left untouched."""
    if not batch:
        return 0
    results = score_many([text for _, text in batch], workers=workers)
    with db.atomic():
        db.cursor().executemany(
            "UPDATE note SET polarity=?, label=?, analyzer_version=?, breakdown=? WHERE id=?",
            [(r.polarity, r.label, r.version, r.to_json(), nid) for (nid, _), r in zip(batch, results)],
        )
        marks = ",".join("?" * len(batch))
        ids = [nid for nid, _ in batch]
        contacts = [r[0] for r in db.execute_sql(
            f"SELECT DISTINCT contact_id FROM note WHERE id IN ({marks})", ids)]
        refresh_contacts(contacts)
    return len(batch)


def rescore_all(workers: int | None = None, batch_size: int = 2000) -> int:
    """Re-score every outdated note; returns how many were re-scored."""
    done = 0
    while batch := notes_needing_rescore(batch_size):
        done += rescore_notes(batch, workers=workers)
    return done


__all__ = [
    "add_note", "update_note", "delete_note", "restore_note", "get_note", "set_label_override",
    "timeline", "mood_points", "mood_points_of", "contact_stats", "notes_needing_rescore", "rescore_notes",
    "rescore_all", "count_needing_rescore", "parse_datetime", "ts", "label_for",
]
