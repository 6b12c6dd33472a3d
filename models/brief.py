"""The pre-meeting brief: one screen that answers "how are things with this client?"."""
from __future__ import annotations

import datetime as dt
import re

from models.aggregates import effective_polarity
from models.contacts import get_contact, get_summary
from models.notes import mood_points, timeline
from models.types import Brief, NoteInfo
from sentiment import smooth_series

RECENT_DAYS = 90
# Phrases that mark a promise or a next step in a note.
_FOLLOW_UP = re.compile(
    r"\b(follow[- ]?up|next step|action item|todo|to do|will send|will share|send (?:them|her|him)"
    r"|owe (?:them|her|him)|by (?:monday|tuesday|wednesday|thursday|friday|tomorrow|next week|eod|end of)"
    r"|due (?:on|by)|remind|deadline)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def _level_at(points: list[tuple[dt.datetime, float]], when: dt.datetime) -> float | None:
    before = [p for p in points if p[0] <= when]
    if not before:
        return None
    return smooth_series(before)[-1][1]


def follow_ups(notes: list[NoteInfo], limit: int = 5) -> tuple[str, ...]:
    """Sentences of the most recent notes that promise something or name a next step."""
    found: list[str] = []
    for note in notes:
        for m in _SENTENCE.finditer(note.text):
            sentence = " ".join(m.group(0).split())
            if _FOLLOW_UP.search(sentence) and sentence not in found:
                found.append(f"{note.occurred_at:%d %b}: {sentence}")
                break
        if len(found) >= limit:
            break
    return tuple(found)


def _drivers(notes: list[NoteInfo], direction: str, limit: int = 3) -> tuple[str, ...]:
    """The recent sentences that pushed the mood the way the trend goes."""
    sign = -1.0 if direction == "souring" else 1.0
    scored: list[tuple[float, str]] = []
    for note in notes:
        for s in note.sentences():
            if s.polarity * sign > 0.05:
                text = " ".join(note.text[s.start:s.end].split())
                scored.append((s.polarity * sign, f"{note.occurred_at:%d %b}: {text}"))
    scored.sort(key=lambda x: -x[0])
    return tuple(t for _, t in scored[:limit])


def brief(contact_id: int, now: dt.datetime | None = None) -> Brief:
    now = now or dt.datetime.now().replace(microsecond=0)
    contact = get_contact(contact_id)
    summary = get_summary(contact_id)
    points = [(p.occurred_at, p.polarity) for p in mood_points(contact_id)]
    recent_notes = timeline(contact_id, since=now - dt.timedelta(days=RECENT_DAYS), until=now)
    if not recent_notes:
        recent_notes = timeline(contact_id, limit=20)
    last5 = tuple(timeline(contact_id, limit=5))

    def pol(n: NoteInfo) -> float:
        return effective_polarity(n.polarity, n.label_override)

    positive = max(recent_notes, key=pol, default=None)
    negative = min(recent_notes, key=pol, default=None)
    direction = summary.trend if summary.trend in ("souring", "warming") else (
        "souring" if (summary.mood or 0) < 0 else "warming")
    return Brief(
        contact=contact,
        summary=summary,
        mood_now=summary.mood,
        mood_3m_ago=_level_at(points, now - dt.timedelta(days=RECENT_DAYS)),
        last_contact=summary.last_note_at,
        recent=last5,
        most_positive=positive if positive and pol(positive) > 0.05 else None,
        most_negative=negative if negative and pol(negative) < -0.05 else None,
        drivers=_drivers(recent_notes, direction),
        follow_ups=follow_ups(recent_notes),
        generated_at=now,
    )
