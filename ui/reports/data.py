"""What a report shows, gathered from the journal in one go (no Qt here: plain values)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import models
from models import ContactInfo, ContactStats, MoodPoint, NoteInfo
from sentiment import Trend, compute_trend, smooth_series

TREND_ORDER = {"souring": 0, "steady": 1, "warming": 2, "insufficient": 3}


@dataclass(frozen=True)
class Period:
    start: dt.date | None
    end: dt.date | None

    def since(self) -> dt.datetime | None:
        return dt.datetime.combine(self.start, dt.time()) if self.start else None

    def until(self) -> dt.datetime | None:
        return dt.datetime.combine(self.end, dt.time(23, 59, 59)) if self.end else None

    def describe(self, first: dt.datetime | None = None, last: dt.datetime | None = None) -> str:
        start = self.start or (first.date() if first else None)
        end = self.end or (last.date() if last else None)
        if start is None and end is None:
            return "All notes"
        fmt = "%d %b %Y"
        return f"{start:{fmt}} – {end:{fmt}}" if start and end else (
            f"From {start:{fmt}}" if start else f"Until {end:{fmt}}")


@dataclass(frozen=True)
class Highlight:
    """A stand-out note and the sentences that drove its score (offsets into ``note.text``)."""

    note: NoteInfo
    polarity: float
    drivers: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class ContactReport:
    contact: ContactInfo
    period: Period
    trend: Trend  # as of the end of the period, history before it included
    stats: ContactStats
    points: tuple[MoodPoint, ...]  # notes of the period, oldest first
    smooth: tuple[tuple[dt.datetime, float], ...]  # the mood line over the period
    notes: tuple[NoteInfo, ...]  # oldest first
    most_positive: Highlight | None
    most_negative: Highlight | None

    @property
    def first(self) -> dt.datetime | None:
        return self.points[0].occurred_at if self.points else None

    @property
    def last(self) -> dt.datetime | None:
        return self.points[-1].occurred_at if self.points else None


def _highlight(note: NoteInfo, polarity: float, sign: float) -> Highlight:
    # Sentences pushing the same way as the note, strongest first, at most two.
    ranked = sorted((s for s in note.sentences() if s.polarity * sign > 0.05),
                    key=lambda s: -s.polarity * sign)
    spans = tuple(sorted((s.start, s.end) for s in ranked[:2]))
    return Highlight(note, polarity, spans)


def contact_report(contact_id: int, period: Period, with_notes: bool = True) -> ContactReport:
    """One contact's report data. ``with_notes=False`` (the compact portfolio section) skips the
    full notes of the period: only the two stand-out notes are read in full."""
    contact = models.get_contact(contact_id)
    history = models.mood_points(contact_id, until=period.until())
    since = period.since()
    points = tuple(p for p in history if since is None or p.occurred_at >= since)
    series = [(p.occurred_at, p.polarity) for p in history]
    del history
    trend = compute_trend(series)
    smooth = tuple((t, v) for t, v in smooth_series(series) if since is None or t >= since)
    del series
    notes: tuple[NoteInfo, ...] = ()
    if with_notes:
        notes = tuple(models.timeline(contact_id, since=since, until=period.until(), newest_first=False))
    # Points and notes share one order (oldest first, then id), so ties pick the same note.
    best = max(points, key=lambda p: p.polarity, default=None)  # the user's label corrections applied
    worst = min(points, key=lambda p: p.polarity, default=None)
    by_id = {n.id: n for n in notes} if notes else {}

    def note(point) -> NoteInfo:
        return by_id.get(point.note_id) or models.get_note(point.note_id)
    positive = _highlight(note(best), best.polarity, 1.0) if best and best.polarity > 0.05 else None
    negative = _highlight(note(worst), worst.polarity, -1.0) if worst and worst.polarity < -0.05 else None
    return ContactReport(
        contact=contact, period=period, trend=trend,
        stats=models.contact_stats(contact_id, since=since, until=period.until()),
        points=points, smooth=smooth, notes=notes,
        most_positive=positive, most_negative=negative,
    )


@dataclass(frozen=True)
class OverviewRow:
    """One line of the portfolio overview: small, so 10,000 of them cost a few megabytes."""

    contact_id: int
    name: str
    company: str
    direction: str
    mood: float | None  # None: no notes in the period
    change: float
    last: dt.datetime | None
    notes: int
    spark: tuple[float, ...]  # the mood line, oldest first, at most SPARK_POINTS values


SPARK_POINTS = 30


def _downsample(values: list[float], n: int = SPARK_POINTS) -> tuple[float, ...]:
    if len(values) > n:
        step = (len(values) - 1) / (n - 1)
        values = [values[round(i * step)] for i in range(n)]
    return tuple(values)


def overview_rows(period: Period, progress=None) -> tuple[list[OverviewRow], bool]:
    """Every active relationship, souring first; and whether the mood lines are the stored
    recent ones (no period: the aggregates kept on each contact, one query for everybody) or
    computed over the period (one light query per contact)."""
    summaries = models.list_contacts()
    rows: list[OverviewRow] = []
    stored = period.start is None and period.end is None
    for i, s in enumerate(summaries):
        if stored:
            rows.append(OverviewRow(s.id, s.name, s.company or "", s.trend or "insufficient",
                                    s.mood if s.note_count else None, s.change or 0.0, s.last_note_at,
                                    s.note_count, tuple(s.spark)))
        else:
            history = models.mood_points(s.id, until=period.until())
            since = period.since()
            series = [(p.occurred_at, p.polarity) for p in history]
            inside = [p for p in history if since is None or p.occurred_at >= since]
            trend = compute_trend(series)
            smooth = [v for t, v in smooth_series(series) if since is None or t >= since]
            rows.append(OverviewRow(s.id, s.name, s.company or "", trend.direction,
                                    trend.mood if inside else None, trend.change,
                                    inside[-1].occurred_at if inside else None, len(inside),
                                    _downsample(smooth)))
            if progress is not None and i % 200 == 0:
                progress(f"Reading trends: {i:,} of {len(summaries):,} contacts")
    rows.sort(key=lambda r: (TREND_ORDER.get(r.direction, 9), r.change, r.name.lower()))
    return rows, stored


def portfolio_ids() -> list[int]:
    """Active relationships, souring first, then steady, warming and the ones still new."""
    rows = models.list_contacts()
    rows.sort(key=lambda s: (TREND_ORDER.get(s.trend, 9), s.change, s.name.lower()))
    return [s.id for s in rows]


def resolve_contact(name: str) -> ContactInfo:
    """The one contact called ``name``; a clear error when there is none or several."""
    found = models.find_contacts_by_name(name)
    if not found:
        raise models.JournalError(f'No contact named "{name}". Check the spelling, or run '
                                  '"python main.py trends" to list your contacts.')
    active = [c for c in found if not c.archived] or found
    if len(active) > 1:
        companies = ", ".join(c.company or "no company" for c in active)
        raise models.JournalError(f'{len(active)} contacts are named "{name}" (at {companies}); '
                                  'rename one in the app to tell them apart.')
    return active[0]


def parse_day(text: str | None, what: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise models.JournalError(f'The {what} date "{text}" is not a date; use YYYY-MM-DD, '
                                  'for example 2025-01-31.') from None
