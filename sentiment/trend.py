"""Relationship trend from a contact's dated note polarities.

Question answered: where is the level NOW compared with where it was a few months ago?
Time-based (irregular dates), linear after one sort. "Now" is the last note on or before
``now``: silence after it is not evidence, so the reading changes only when notes do.

1. Sort by time; drop notes after ``now``. Fewer than ``MIN_NOTES`` -> ``insufficient``.
2. Outlier guard: running median of three (Tukey's end-point rule on the latest note), so one
   odd note neither flips nor fakes a trend; two or more in a row do count.
3. Current level (``mood``): exponential moving average over TIME (half-life
   ``HALF_LIFE_DAYS``) of the guarded values, taken at the last note. :func:`smooth_series`
   is this same level, for the chart.
4. Reference level: mean guarded polarity of the notes ``REF_FAR_DAYS`` .. ``REF_NEAR_DAYS``
   before now (around ``HORIZON_DAYS`` ago), or of its last ``RECENT_NOTES`` notes (the level
   just before the recent run) when that is farther from now. With fewer than two notes in
   the band (sparse contact, long silence): the ``RECENT_NOTES`` notes before the recent run
   or before the last ``RECENT_NOTES`` notes, whichever comes first.
5. ``change`` = current - reference. Warming / souring when it beats both ``THRESHOLD`` and
   the reference notes' own noise (``NOISE_FACTOR`` x the smaller of their standard deviation
   and their note-to-note scatter); otherwise steady. A smaller change in the same direction
   (over ``DRIFT_MIN_CHANGE``) still counts when the level ``REF_FAR_DAYS`` ..
   ``DRIFT_FAR_DAYS`` ago was farther the same way by ``2 * THRESHOLD`` (a slow decline that
   is still going on, even when note scores flatten out near the bottom). A consistently
   grumpy client is low but flat, hence steady.
6. ``turned_at``: first note after the last peak (souring) or trough (warming) before the
   move: the first note past the half-way mark between the reference and the current level
   (for a slow drift: moved back over earlier notes while they keep getting more extreme).

Lifetime of a reading: after a turn, the new level enters the reference band once the turn
is ``REF_NEAR_DAYS`` old and fills it at ``REF_FAR_DAYS``; so a relationship reads warming or
souring for roughly the horizon (about 3 months, fading out by 5) after it turns, then, if it
stays at its new level, steady again. A slow, continuing drift keeps reading as such.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

MIN_NOTES = 3
HALF_LIFE_DAYS = 14.0
HORIZON_DAYS = 90.0          # "a few months ago"
REF_NEAR_DAYS = 45.0         # reference band: notes between 150 and 45 days before now
REF_FAR_DAYS = 150.0
DRIFT_FAR_DAYS = 300.0       # slow drift: also compared with 300-150 days before now
RECENT_NOTES = 3
DRIFT_MIN_CHANGE = 0.05     # a drift still counts while the level keeps moving the same way
THRESHOLD = 0.3
NOISE_FACTOR = 1.0
_DAY = 86400.0

Point = tuple[dt.datetime, float]


@dataclass(frozen=True)
class Trend:
    """Where a relationship is heading now.

    ``mood`` is the current level, ``change`` the current level minus the reference level of
    a few months earlier (see module docstring); ``turned_at`` is set only for
    warming/souring.
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
    """Running median of three, with Tukey's end-point rule for the latest note."""
    n = len(values)
    if n < 3:
        return list(values)
    out = [values[0]] + [_median3(values[i - 1], values[i], values[i + 1]) for i in range(1, n - 1)]
    out.append(values[-1])
    # end-point rule at the end only: the first note is kept, it is the only witness of the
    # level before the following ones (a friendly kickoff, then problems, is a real move)
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


def _band(secs: list[float], far_days: float, near_days: float) -> tuple[int, int]:
    """Index range [lo, hi) of the notes from ``far_days`` to ``near_days`` before the last."""
    end = secs[-1]
    return (bisect_left(secs, end - far_days * _DAY), bisect_right(secs, end - near_days * _DAY))


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def _noise(values: list[float]) -> float:
    """Smaller of the standard deviation and the note-to-note scatter (blind to slow drift)."""
    m = len(values)
    if m < 2:
        return 0.0
    mean = sum(values) / m
    sd = (sum((v - mean) ** 2 for v in values) / m) ** 0.5
    scatter = (sum((values[i] - values[i - 1]) ** 2 for i in range(1, m)) / (2 * (m - 1))) ** 0.5
    return min(sd, scatter)


def _turn(values: list[float], guarded: list[float], sign: float, middle: float,
          drift: bool) -> int:
    """Index of the first note after the last trough (sign +1) / peak (sign -1) before the move.

    The note after the last one on the reference side of the half-way mark; for a slow drift,
    after going back along the notes as long as they keep getting more extreme.
    """
    last = len(values) - 2
    while last > 0 and sign * guarded[last] > sign * middle:
        last -= 1
    while drift and last > 0 and sign * values[last - 1] < sign * values[last]:
        last -= 1
    return last + 1


def _judge(times: list[dt.datetime], values: list[float]) -> tuple[str, float, float, int, float]:
    """(direction, mood, change, turn index or -1, margin = |change| - limit) for >= 1 note."""
    n = len(times)
    t0 = times[0]
    secs = [(t - t0).total_seconds() for t in times]
    guarded = _despike(values)
    levels = _levels(secs, guarded, HALF_LIFE_DAYS)
    mood = levels[-1]
    if n < MIN_NOTES:
        return "insufficient", mood, 0.0, -1, 0.0

    lo, hi = _band(secs, REF_FAR_DAYS, REF_NEAR_DAYS)
    in_band = hi - lo >= 2
    if not in_band:  # sparse contact or silence: the notes before the recent run / last three
        last = n - RECENT_NOTES if hi == 0 else min(hi, n - RECENT_NOTES)
        hi = max(1, last)
        lo = max(0, hi - RECENT_NOTES)
    reference = _mean(guarded[lo:hi])
    # a short opposite spell right before the recent run (e.g. good weeks, then bad again)
    # is where the current move started: compare with it when it is farther from now
    before_run = _mean(guarded[max(lo, hi - RECENT_NOTES):hi])
    if abs(mood - before_run) > abs(mood - reference):
        reference = before_run
    change = mood - reference
    limit = max(THRESHOLD, NOISE_FACTOR * _noise(values[lo:hi]))
    drift = False
    if in_band and DRIFT_MIN_CHANGE < abs(change) <= limit:
        # a slow drift that is still going on: the level before the band was farther still
        flo, fhi = _band(secs, DRIFT_FAR_DAYS, REF_FAR_DAYS)
        fhi = min(fhi, lo)
        if fhi - flo >= 2:
            far = _mean(guarded[flo:fhi])
            far_limit = max(2 * THRESHOLD, NOISE_FACTOR * _noise(values[flo:fhi]))
            if (reference - far) * change > 0 and abs(mood - far) > far_limit:
                reference, change, limit, drift = far, mood - far, far_limit, True
    margin = abs(change) - limit
    if margin <= 0:
        return "steady", mood, change, -1, margin
    sign = 1.0 if change > 0 else -1.0
    turn = _turn(values, guarded, sign, (mood + reference) / 2, drift)
    return ("warming" if sign > 0 else "souring"), mood, change, turn, margin


def compute_trend(points: Sequence[Point], now: dt.datetime | None = None) -> Trend:
    """Direction, current mood, change over the last few months and turning date, from
    (occurred_at, polarity) pairs in any order."""
    times, values = _prepare(points)
    if now is not None:
        cut = bisect_right(times, now)
        times, values = times[:cut], values[:cut]
    if not times:
        return Trend("insufficient", 0.0, 0.0, None, 0)
    direction, mood, change, turn, _ = _judge(times, values)
    return Trend(direction, mood, change, times[turn].date() if turn >= 0 else None, len(times))
