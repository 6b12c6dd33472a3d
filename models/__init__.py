"""Storage and domain: the journal's operations, free of Qt.

Open a journal with :func:`open_journal`, then use the operations below; each returns frozen
dataclasses from :mod:`models.types` and runs its writes in one transaction.
"""
from models.aggregates import refresh_all_contacts
from models.brief import brief
from models.contacts import (
    TRENDS,
    add_contact,
    all_tags,
    clean_tags,
    counts,
    delete_contact,
    find_contact,
    find_contacts_by_name,
    get_contact,
    get_summary,
    list_contacts,
    set_archived,
    update_contact,
)
from models.db import close_journal, data_dir_for, default_db_path, open_journal
from models.entities import LABELS, NOTE_KINDS
from models.errors import (
    DatabaseOpenError,
    ImportFileError,
    JournalError,
    NotFoundError,
    ValidationError,
)
from models.importer import import_notes_csv
from models.notes import (
    add_note,
    contact_stats,
    count_needing_rescore,
    delete_note,
    get_note,
    mood_points,
    mood_points_of,
    notes_needing_rescore,
    parse_datetime,
    rescore_all,
    rescore_notes,
    restore_note,
    set_label_override,
    timeline,
    update_note,
)
from models.search import search
from models.types import (
    Brief,
    ContactInfo,
    ContactStats,
    ContactSummary,
    ImportResult,
    MoodPoint,
    NoteInfo,
    SearchHit,
)
