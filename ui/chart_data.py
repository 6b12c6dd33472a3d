"""Turn mood points into what the charts draw. Pure Python: runs in the worker thread."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models import MoodPoint
from sentiment import smooth_series

# A chart is ~600-1000 px wide: more markers than that only cost drawing time (each scatter
# point is an antialiased marker, painted on the UI thread), so thin out early.
DOWNSAMPLE_FROM = 1500  # contacts with more notes than this get a thinned-out chart
MAX_BUCKETS = 600  # each keeps its lowest and highest note, so dips and peaks survive
MAX_LINE_POINTS = 600


@dataclass(frozen=True)
class ChartPoint:
    ms: float  # milliseconds since the epoch, what QDateTimeAxis wants
    polarity: float
    label: str
    note_id: int
    when: dt.datetime
    first_line: str


@dataclass(frozen=True)
class MoodChartData:
    points: tuple[ChartPoint, ...]
    line: tuple[tuple[float, float], ...]  # (ms, smoothed level)
    total_notes: int
    downsampled: bool

    @property
    def first_ms(self) -> float | None:
        return self.points[0].ms if self.points else None

    @property
    def last_ms(self) -> float | None:
        return self.points[-1].ms if self.points else None


def to_ms(when: dt.datetime) -> float:
    """Local wall-clock time as epoch milliseconds (what QDateTime.fromMSecsSinceEpoch reads)."""
    return when.timestamp() * 1000.0


def _downsample(points: list[ChartPoint]) -> list[ChartPoint]:
    first, last = points[0].ms, points[-1].ms
    width = (last - first) / MAX_BUCKETS or 1.0
    buckets: dict[int, list[ChartPoint]] = {}
    for p in points:
        buckets.setdefault(int((p.ms - first) / width), []).append(p)
    kept: list[ChartPoint] = []
    for key in sorted(buckets):
        group = buckets[key]
        lo = min(group, key=lambda p: p.polarity)
        hi = max(group, key=lambda p: p.polarity)
        kept.extend(sorted({lo.note_id: lo, hi.note_id: hi}.values(), key=lambda p: p.ms))
    return kept


def prepare_mood_chart(mood: list[MoodPoint]) -> MoodChartData:
    points = [ChartPoint(to_ms(m.occurred_at), m.polarity, m.label, m.note_id, m.occurred_at,
                         m.first_line) for m in mood]
    line_src = smooth_series([(m.occurred_at, m.polarity) for m in mood]) if len(mood) >= 2 else []
    line = [(to_ms(when), level) for when, level in line_src]
    if len(line) > MAX_LINE_POINTS:
        step = (len(line) - 1) / (MAX_LINE_POINTS - 1)
        line = [line[round(i * step)] for i in range(MAX_LINE_POINTS)]
    downsampled = len(points) > DOWNSAMPLE_FROM
    if downsampled:
        points = _downsample(points)
    return MoodChartData(tuple(points), tuple(line), len(mood), downsampled)
