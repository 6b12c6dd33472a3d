"""Relationship trend from a contact's dated note polarities.

Method (time-based, linear after one sort):
1. Sort by time. Fewer than ``MIN_NOTES`` notes -> ``insufficient``.
2. Outlier guard: running median of three neighbouring notes (Tukey's end-point rule), so one
   odd note neither flips nor fakes a trend; two or more in a row do count.
3. ``mood``: exponential moving average over TIME (half-life ``HALF_LIFE_DAYS``; a note's weight
   depends on the days since the previous note, not on its index). :func:`smooth_series` is
   this same level, for the chart.
4. Recent window = the longer of ``WINDOW_DAYS`` and the time the last ``RECENT_NOTES`` notes
   span (so sparse contacts compare their latest run), capped at ``MAX_WINDOW_DAYS``. The
   prior period is the same length again before it (at least its last ``RECENT_NOTES`` notes).
   ``change`` = mean (outlier-guarded) polarity in the recent window minus that of the prior
   period. If every note is recent, the older half is the prior period.
5. The change must beat ``THRESHOLD`` and the prior period's own noise (``NOISE_FACTOR`` x its
   standard deviation): then warming / souring, otherwise steady. A consistently grumpy client
   is low but flat, hence steady.
6. ``turned_at``: the date of the first note after the last peak (souring) or trough (warming).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

MIN_NOTES = 3
HALF_LIFE_DAYS = 14.0
WINDOW_DAYS = 30.0
MAX_WINDOW_DAYS = 120.0
RECENT_NOTES = 3
THRESHOLD = 0.2
NOISE_FACTOR = 1.0
_DAY = 86400.0

Point = tuple[dt.datetime, float]


@dataclass(frozen=True)
class Trend:
    """Where a relationship is heading now.

    ``change`` is the level now minus the level at the start of the recent window (see module
    docstring); ``turned_at`` is set only for warming/souring.
    """

    direction: str
    mood: float
    change: float
    turned_at: dt.date | None
    notes: int


def _median3(a: float, b: float, c: float) -> float:
    if a > b:
        a, b = b, a
    if b > c:
        b = c
    return a if a > b else b


def _despike(values: list[float]) -> list[float]:
    """Running median of three with Tukey's end-point rule."""
    n = len(values)
    if n < 3:
        return list(values)
    out = [values[0]] + [_median3(values[i - 1], values[i], values[i + 1]) for i in range(1, n - 1)]
    out.append(values[-1])
    out[0] = _median3(values[0], out[1], 3 * out[1] - 2 * out[2])
    out[-1] = _median3(values[-1], out[-2], 3 * out[-2] - 2 * out[-3])
    return out


def _levels(secs: list[float], values: list[float], half_life_days: float) -> list[float]:
    """Time-aware EMA: each step keeps 0.5 ** (days elapsed / half-life) of the old level."""
    levels: list[float] = []
    half_life = half_life_days * _DAY
    level = values[0]
    prev = secs[0]
    for t, v in zip(secs, values):
        keep = 0.5 ** ((t - prev) / half_life) if t > prev else 1.0
        # a note on the same day still counts, as an equal partner of the current level
        keep = min(keep, 0.5) if levels else keep
        level = keep * level + (1.0 - keep) * v
        levels.append(level)
        prev = t
    return levels


def _prepare(points: Sequence[Point]) -> tuple[list[dt.datetime], list[float]]:
    ordered = sorted((p for p in points if p[1] == p[1]), key=lambda p: p[0])  # drop NaN
    return [p[0] for p in ordered], [max(-1.0, min(1.0, float(p[1]))) for p in ordered]


def smooth_series(points: Sequence[Point], half_life_days: float = HALF_LIFE_DAYS) -> list[Point]:
    """The smoothed mood line (one value per note, in time order): same level as the trend."""
    times, values = _prepare(points)
    if not times:
        return []
    t0 = times[0]
    secs = [(t - t0).total_seconds() for t in times]
    return list(zip(times, _levels(secs, _despike(values), half_life_days)))


def compute_trend(points: Sequence[Point], now: dt.datetime | None = None) -> Trend:
    """Direction, current mood, recent change and turning date from (occurred_at, polarity)."""
    times, values = _prepare(points)
    n = len(times)
    if now is not None:
        keep = [i for i in range(n) if times[i] <= now]
        times = [times[i] for i in keep]
        values = [values[i] for i in keep]
        n = len(times)
    if n == 0:
        return Trend("insufficient", 0.0, 0.0, None, 0)
    t0 = times[0]
    secs = [(t - t0).total_seconds() for t in times]
    mood = _levels(secs, _despike(values), HALF_LIFE_DAYS)[-1]
    if n < MIN_NOTES:
        return Trend("insufficient", mood, 0.0, None, n)

    end = secs[-1] if now is None else max(secs[-1], (now - t0).total_seconds())
    window = max(WINDOW_DAYS * _DAY, end - secs[max(0, n - RECENT_NOTES - 1)])
    window = min(window, MAX_WINDOW_DAYS * _DAY)
    cut = end - window
    first_recent = next((i for i in range(n) if secs[i] > cut), n)
    if first_recent == 0 or first_recent == n:
        first_recent = n // 2  # everything is recent (or nothing is): compare the halves
    first_prior = first_recent
    while first_prior > 0 and (secs[first_prior - 1] > cut - window
                               or first_recent - first_prior < RECENT_NOTES):
        first_prior -= 1
    guarded = _despike(values)
    recent = guarded[first_recent:]
    prior = guarded[first_prior:first_recent]
    prior_raw = values[first_prior:first_recent]
    change = sum(recent) / len(recent) - sum(prior) / len(prior)
    mean_raw = sum(prior_raw) / len(prior_raw)
    noise = (sum((v - mean_raw) ** 2 for v in prior_raw) / len(prior_raw)) ** 0.5
    if abs(change) < max(THRESHOLD, NOISE_FACTOR * noise):
        return Trend("steady", mood, change, None, n)
    direction = "warming" if change > 0 else "souring"
    sign = 1.0 if change > 0 else -1.0
    # the last peak (souring) / trough (warming): the new direction starts at the next note
    extreme = first_prior
    for i in range(first_prior, n):
        if sign * guarded[i] <= sign * guarded[extreme]:
            extreme = i
    turn = min(extreme + 1, n - 1)
    return Trend(direction, mood, change, times[turn].date(), n)
