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
    assert len(HISTORIES) >= 32
    kinds = {h["kind"] for h in HISTORIES}
    assert {"warming", "souring", "steady", "recovering", "recent turn", "single outlier",
            "constant grump", "sparse", "burst"} <= kinds
    assert len({h["name"] for h in HISTORIES}) == len(HISTORIES)


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


# --- "what is happening now": the level now against the level a few months ago ----------

def _at(day: str, value: float) -> tuple[dt.datetime, float]:
    return dt.datetime.fromisoformat(day + "T10:00"), value


DANA = [_at(d, v) for d, v in [
    ("2026-04-02", -0.6), ("2026-04-21", -0.7), ("2026-05-12", -0.5), ("2026-06-02", -0.7),
    ("2026-06-30", -0.6), ("2026-07-14", -0.65), ("2026-08-04", -0.5), ("2026-08-23", -0.7),
    ("2026-09-27", 0.4), ("2026-10-05", 0.5), ("2026-10-11", 0.7), ("2026-10-25", 0.5),
    ("2026-11-14", 0.6)]]


def test_dana_recovery_reads_warming_in_mid_november() -> None:
    trend = compute_trend(DANA, now=dt.datetime(2026, 11, 16, 9, 0))
    assert trend.direction == "warming"
    assert trend.change > 0 and trend.mood > 0
    assert trend.turned_at == dt.date(2026, 9, 27)


def test_dana_reads_steady_again_once_the_recovery_is_old() -> None:
    later = DANA + [_at(d, v) for d, v in [
        ("2026-12-09", 0.5), ("2027-01-12", 0.6), ("2027-02-03", 0.4), ("2027-03-02", 0.6),
        ("2027-03-30", 0.5), ("2027-04-21", 0.6)]]
    assert compute_trend(later).direction == "steady"


def test_souring_two_months_after_a_good_year() -> None:
    good = [(T0 + d * DAY, 0.6 + (0.1 if d % 3 else -0.1)) for d in
            (0, 25, 61, 90, 118, 160, 190, 221, 249, 287, 320, 351)]
    bad = [(T0 + d * DAY, -0.6) for d in (372, 390, 411, 425)]
    trend = compute_trend(good + bad)
    assert trend.direction == "souring"
    assert trend.turned_at == (T0 + 372 * DAY).date()


def test_two_notes_are_insufficient() -> None:
    trend = compute_trend([(T0, 0.6), (T0 + 30 * DAY, -0.8)])
    assert trend.direction == "insufficient" and trend.notes == 2 and trend.turned_at is None


def test_three_notes_are_enough() -> None:
    assert compute_trend([(T0, 0.7), (T0 + 7 * DAY, -0.6),
                          (T0 + 14 * DAY, -0.7)]).direction == "souring"
    assert compute_trend([(T0, 0.6), (T0 + 7 * DAY, 0.5),
                          (T0 + 14 * DAY, 0.7)]).direction == "steady"


def test_all_notes_on_one_day() -> None:
    same_day = [(T0 + i * dt.timedelta(hours=1), v) for i, v in enumerate((0.5, 0.6, 0.4, 0.5))]
    assert compute_trend(same_day).direction == "steady"
    mixed = [(T0, 0.5)] * 3 + [(T0, -0.5)] * 3
    assert compute_trend(mixed).direction in ("steady", "souring")  # no crash, no NaN


def test_unsorted_recovery_gives_same_answer() -> None:
    shuffled = DANA[7:] + DANA[:7][::-1]
    shuffled[0], shuffled[-1] = shuffled[-1], shuffled[0]
    assert shuffled != DANA and sorted(shuffled) == sorted(DANA)
    assert compute_trend(shuffled) == compute_trend(DANA)


def test_now_later_than_the_last_note_keeps_the_reading() -> None:
    # silence after the last note is not evidence: the reading is as of the last note
    for days in (1, 30, 200):
        now = DANA[-1][0] + days * DAY
        assert compute_trend(DANA, now=now) == compute_trend(DANA)


def test_now_in_the_middle_reads_the_past() -> None:
    # seen on 24 August, the same contact was simply grumpy
    assert compute_trend(DANA, now=dt.datetime(2026, 8, 24)).direction == "steady"


def test_grumpy_client_with_one_good_day_is_steady() -> None:
    grumpy = [(T0 + d * DAY, -0.6) for d in (0, 20, 41, 70, 88, 115, 140, 162)]
    assert compute_trend(grumpy + [(T0 + 180 * DAY, 0.7)]).direction == "steady"
    assert compute_trend(grumpy + [(T0 + 180 * DAY, 0.0)]).direction == "steady"


def test_sparse_contact_compares_with_the_notes_before_the_last_three() -> None:
    days = (0, 140, 300, 450, 610, 760)
    assert compute_trend([(T0 + d * DAY, 0.6) for d in days]).direction == "steady"
    assert compute_trend([(T0 + d * DAY, v) for d, v in
                          zip(days, (0.6, 0.6, 0.5, -0.5, -0.6, -0.6))]).direction == "souring"


def test_burst_after_a_year_of_silence() -> None:
    before = [(T0 + d * DAY, 0.6) for d in (0, 30, 65, 101)]
    burst = [(T0 + 470 * DAY + i * dt.timedelta(hours=15), -0.7) for i in range(10)]
    assert compute_trend(before + burst).direction == "souring"
