"""A note being typed survives a crash or an accidental close: it is kept as a draft."""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from ui.settings import app_settings


@dataclass(frozen=True)
class Draft:
    contact_id: int
    note_id: int | None
    text: str
    kind: str
    duration_min: int | None
    occurred_at: str  # ISO


def _key(db_path: Path) -> str:
    # One draft slot per journal file, so two journals never swap drafts.
    digest = hashlib.sha1(str(Path(db_path).resolve()).encode()).hexdigest()[:12]
    return f"drafts/{digest}"


def save_draft(db_path: Path, draft: Draft) -> None:
    s = app_settings()
    s.setValue(_key(db_path), json.dumps(asdict(draft)))
    s.sync()


def load_draft(db_path: Path) -> Draft | None:
    raw = app_settings().value(_key(db_path))
    if not raw:
        return None
    try:
        return Draft(**json.loads(str(raw)))
    except (TypeError, ValueError):
        return None


def clear_draft(db_path: Path) -> None:
    s = app_settings()
    s.remove(_key(db_path))
    s.sync()
