"""Per-contact aggregates (count, last contact, trend, sparkline) stored on the contact row.

They are refreshed inside the same transaction as every note write, so the relationships list
is one cheap query however many notes there are.
"""
from __future__ import annotations

import datetime as dt
import json
from itertools import groupby
from typing import Iterable, Sequence

from models.db import db
from sentiment import compute_trend, label_for, smooth_series

SPARK_POINTS = 24
# A corrected label moves the note to the middle of its class when the score disagrees.
_OVERRIDE_POLARITY = {"positive": 0.5, "neutral": 0.0, "negative": -0.5}


def effective_polarity(polarity: float | None, override: str | None) -> float:
    """The polarity used for trends: the user's correction wins over the computed score."""
    value = polarity or 0.0
    if override and label_for(value) != override:
        return _OVERRIDE_POLARITY[override]
    return value


def parse_ts(value: str | dt.datetime | None) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(value)


def _spark(points: Sequence[tuple[dt.datetime, float]]) -> str:
    if len(points) < 2:
        return ""
    tail = points[-200:]  # the sparkline shows the recent stretch only
    series = smooth_series(tail)
    if len(series) > SPARK_POINTS:
        step = (len(series) - 1) / (SPARK_POINTS - 1)
        series = [series[round(i * step)] for i in range(SPARK_POINTS)]
    return json.dumps([round(v, 3) for _, v in series])


def compute_row(rows: Iterable[tuple]) -> tuple:
    """Aggregate one contact's rows of (occurred_at, polarity, override, duration)."""
    points: list[tuple[dt.datetime, float]] = []
    minutes = 0
    for occurred_at, polarity, override, duration in rows:
        points.append((parse_ts(occurred_at), effective_polarity(polarity, override)))
        minutes += duration or 0
    if not points:
        return (0, None, None, "insufficient", 0.0, None, "", 0)
    points.sort(key=lambda p: p[0])
    trend = compute_trend(points)
    return (
        len(points),
        points[-1][0].isoformat(sep=" "),
        trend.mood,
        trend.direction,
        trend.change,
        trend.turned_at.isoformat() if trend.turned_at else None,
        _spark(points),
        minutes,
    )


_UPDATE = (
    "UPDATE contact SET note_count=?, last_note_at=?, mood=?, trend=?, trend_change=?, "
    "turned_at=?, spark=?, minutes_total=? WHERE id=?"
)
_SELECT = (
    "SELECT contact_id, occurred_at, polarity, label_override, duration_min FROM note "
    "{where} ORDER BY contact_id, occurred_at"
)


def refresh_contacts(contact_ids: Iterable[int]) -> None:
    """Recompute the aggregates of the given contacts (call inside a transaction)."""
    ids = sorted(set(contact_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        cursor = db.execute_sql(_SELECT.format(where=f"WHERE contact_id IN ({marks})"), chunk)
        _write(cursor, chunk)


def refresh_all_contacts() -> int:
    """Recompute every contact's aggregates; returns how many contacts were updated."""
    ids = [row[0] for row in db.execute_sql("SELECT id FROM contact")]
    cursor = db.execute_sql(_SELECT.format(where=""))
    _write(cursor, ids)
    return len(ids)


def _write(cursor, contact_ids: Sequence[int]) -> None:
    seen: dict[int, tuple] = {}
    for contact_id, group in groupby(cursor, key=lambda r: r[0]):
        seen[contact_id] = compute_row(r[1:] for r in group)
    empty = compute_row(())
    params = [(*seen.get(cid, empty), cid) for cid in contact_ids]
    db.cursor().executemany(_UPDATE, params)
