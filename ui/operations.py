"""Small compositions of ``models`` operations that the views run in the worker.

Each returns frozen values; nothing here touches Qt widgets, so all of it is safe to run off
the UI thread.
"""
from __future__ import annotations

from dataclasses import dataclass

import models
from models import ContactInfo, ContactSummary, NoteInfo
from ui.chart_data import MoodChartData, prepare_mood_chart


@dataclass(frozen=True)
class ContactBundle:
    """Everything the contact view shows, loaded in one worker job."""

    contact: ContactInfo
    summary: ContactSummary
    notes: tuple[NoteInfo, ...]  # newest first; only the first page when not ``complete``
    chart: MoodChartData
    complete: bool = True


@dataclass(frozen=True)
class JournalState:
    contacts: tuple[ContactSummary, ...]  # archived included; the view filters
    total_contacts: int
    total_notes: int
    needs_rescore: int


def load_journal_state() -> JournalState:
    contacts, notes = models.counts()
    return JournalState(tuple(models.list_contacts(include_archived=True)), contacts, notes,
                        models.count_needing_rescore())


# A contact with thousands of notes shows its newest notes and its whole chart first; the
# older notes follow in a second job (load_older_notes), so the view appears at once.
FIRST_PAGE = 400


def load_contact(contact_id: int, first_page: int = FIRST_PAGE) -> ContactBundle:
    contact = models.get_contact(contact_id)
    summary = models.get_summary(contact_id)
    notes = tuple(models.timeline(contact_id, limit=first_page + 1))
    if len(notes) <= first_page:
        return ContactBundle(contact, summary, notes, prepare_mood_chart(models.mood_points_of(notes)))
    chart = prepare_mood_chart(models.mood_points(contact_id))
    return ContactBundle(contact, summary, notes[:first_page], chart, complete=False)


def load_older_notes(contact_id: int, after: int) -> tuple[NoteInfo, ...]:
    """The notes after the first ``after`` of the timeline (newest first)."""
    return tuple(models.timeline(contact_id))[after:]


def save_note(contact_id: int, note_id: int | None, text: str, occurred_at, kind: str,
              duration_min: int | None) -> NoteInfo:
    if note_id is None:
        return models.add_note(contact_id, text, occurred_at=occurred_at, kind=kind,
                               duration_min=duration_min)
    return models.update_note(note_id, text=text, occurred_at=occurred_at, kind=kind,
                              duration_min=duration_min)


def rescore_batch(batch_size: int = 500) -> tuple[int, int]:
    """Re-score one batch of outdated notes; returns (done now, still left)."""
    done = models.rescore_notes(models.notes_needing_rescore(batch_size))
    return done, models.count_needing_rescore()
