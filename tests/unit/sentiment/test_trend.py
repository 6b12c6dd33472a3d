"""Trend directions on the written histories, and edge cases."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sentiment import Trend, analyze, compute_trend, smooth_series

HISTORIES = json.loads((Path(__file__).resolve().parents[2] / "data" / "trend_histories.json")
                       .read_text(encoding="utf-8"))["histories"]
DAY = dt.timedelta(days=1)
T0 = dt.datetime(2025, 1, 6, 9, 0)


def _points(history: dict) -> list[tuple[dt.datetime, float]]:
    return [(dt.datetime.fromisoformat(n["at"]), analyze(n["text"]).polarity)
            for n in history["notes"]]


def test_enough_histories_of_every_kind() -> None:
    assert len(HISTORIES) >= 20
    kinds = {h["kind"] for h in HISTORIES}
    assert {"warming", "souring", "steady", "recovering", "recent turn", "single outlier",
            "constant grump"} <= kinds


@pytest.mark.parametrize("history", HISTORIES, ids=[h["name"] for h in HISTORIES])
def test_history_direction(history: dict) -> None:
    trend = compute_trend(_points(history))
    assert trend.direction == history["expected"]
    assert trend.notes == len(history["notes"])
    if trend.direction in ("warming", "souring"):
        assert trend.turned_at is not None
        assert (trend.change > 0) == (trend.direction == "warming")


def test_empty_and_single_note() -> None:
    assert compute_trend([]).direction == "insufficient"
    one = compute_trend([(T0, 0.6)])
    assert one.direction == "insufficient" and one.notes == 1 and one.mood > 0


def test_unsorted_input_gives_same_answer() -> None:
    points = [(T0 + i * 9 * DAY, 0.6) for i in range(10)] + \
             [(T0 + (90 + i * 3) * DAY, -0.6) for i in range(3)]
    shuffled = points[::2] + points[1::2]
    assert compute_trend(points) == compute_trend(shuffled)
    assert compute_trend(points).direction == "souring"


def test_same_day_notes() -> None:
    points = [(T0 + (i // 3) * 10 * DAY, 0.5) for i in range(12)]
    assert compute_trend(points).direction == "steady"
    assert len(smooth_series(points)) == 12


def test_uses_time_not_index() -> None:
    # identical sequence of values; only the spacing of the last bad notes differs
    good = [(T0 + i * 7 * DAY, 0.6) for i in range(10)]
    recent_bad = good + [(good[-1][0] + (i + 1) * 3 * DAY, -0.6) for i in range(3)]
    assert compute_trend(recent_bad).direction == "souring"
    later = compute_trend(recent_bad, now=recent_bad[-1][0] + 2 * DAY)
    assert later.direction == "souring"


def test_now_ignores_future_points() -> None:
    points = [(T0 + i * 7 * DAY, 0.6) for i in range(10)] + [(T0 + 400 * DAY, -0.9)] * 3
    assert compute_trend(points, now=T0 + 100 * DAY).direction == "steady"


def test_smooth_series_is_sorted_and_bounded() -> None:
    points = [(T0 + i * 5 * DAY, (-1) ** i * 0.9) for i in range(20)][::-1]
    line = smooth_series(points)
    assert [t for t, _ in line] == sorted(t for t, _ in line)
    assert all(-1.0 <= v <= 1.0 for _, v in line)


def test_trend_is_frozen() -> None:
    trend = compute_trend([(T0, 0.1), (T0 + DAY, 0.2), (T0 + 2 * DAY, 0.3)])
    assert isinstance(trend, Trend)
    with pytest.raises(AttributeError):
        trend.mood = 1.0  # type: ignore[misc]
