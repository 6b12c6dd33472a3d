"""Plain, frozen values that operations return to the UI, the CLI and reports."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ContactInfo:
    id: int
    name: str
    company: str = ""
    role: str = ""
    email: str = ""
    phone: str = ""
    about: str = ""
    tags: tuple[str, ...] = ()
    archived: bool = False
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None

    @property
    def display_name(self) -> str:
        return f"{self.name} ({self.company})" if self.company else self.name


@dataclass(frozen=True)
class ContactSummary:
    """One row of the relationships list: cheap to load for thousands of contacts."""

    id: int
    name: str
    company: str
    tags: tuple[str, ...]
    archived: bool
    trend: str  # warming | souring | steady | insufficient
    mood: float | None
    change: float
    turned_at: dt.date | None
    note_count: int
    last_note_at: dt.datetime | None
    spark: tuple[float, ...]  # recent smoothed mood, oldest first
    minutes_total: int

    def days_since_last(self, today: dt.date | None = None) -> int | None:
        if self.last_note_at is None:
            return None
        return ((today or dt.date.today()) - self.last_note_at.date()).days


@dataclass(frozen=True)
class NoteInfo:
    id: int
    contact_id: int
    occurred_at: dt.datetime
    kind: str
    text: str
    duration_min: int | None
    polarity: float
    computed_label: str
    label_override: str | None
    analyzer_version: str | None
    breakdown_json: str | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None

    @property
    def label(self) -> str:
        """The label to show: the user's correction always wins."""
        return self.label_override or self.computed_label

    @property
    def first_line(self) -> str:
        line = self.text.lstrip().split("\n", 1)[0].rstrip()
        return line if len(line) <= 120 else line[:117] + "..."

    def sentences(self):
        """Per-sentence breakdown (``sentiment.SentenceScore``), parsed on demand."""
        from sentiment import Sentiment

        if not self.breakdown_json:
            return ()
        try:
            return Sentiment.from_json(self.breakdown_json).sentences
        except (ValueError, KeyError, TypeError):
            return ()


@dataclass(frozen=True)
class MoodPoint:
    note_id: int
    occurred_at: dt.datetime
    polarity: float
    label: str
    first_line: str


@dataclass(frozen=True)
class SearchHit:
    contact_id: int
    contact_name: str
    company: str
    note_id: int | None  # None when the contact itself matched (name/company)
    occurred_at: dt.datetime | None
    kind: str
    snippet: str  # plain text with the match wrapped in [[ ]]


@dataclass(frozen=True)
class ImportResult:
    contacts_added: int
    notes_added: int


@dataclass(frozen=True)
class ContactStats:
    notes: int
    by_kind: dict[str, int] = field(default_factory=dict)
    minutes_total: int = 0
    by_label: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Brief:
    """Everything the pre-meeting brief shows for one contact."""

    contact: ContactInfo
    summary: ContactSummary
    mood_now: float | None
    mood_3m_ago: float | None
    last_contact: dt.datetime | None
    recent: tuple[NoteInfo, ...]  # last 5, newest first
    most_positive: NoteInfo | None
    most_negative: NoteInfo | None
    drivers: tuple[str, ...]  # sentences that moved the mood most in the recent window
    follow_ups: tuple[str, ...]
    generated_at: dt.datetime
