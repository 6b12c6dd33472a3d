"""Full-text search over note text and contact names (SQLite FTS5)."""
from __future__ import annotations

import re

from models.aggregates import parse_ts
from models.db import db
from models.types import SearchHit

_TOKEN = re.compile(r'"([^"]+)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str:
    """Turn what a user types into a safe FTS5 query.

    Words must all appear (any order); "quoted words" must appear as a phrase; the last bare
    word also matches as a prefix, so results show up while typing.
    """
    parts: list[str] = []
    matches = list(_TOKEN.finditer(text))
    for i, m in enumerate(matches):
        if m.group(1) is not None:
            words = _WORD.findall(m.group(1))
            if words:
                parts.append('"' + " ".join(words) + '"')
        else:
            for j, word in enumerate(_WORD.findall(m.group(2))):
                last = i == len(matches) - 1 and j == len(_WORD.findall(m.group(2))) - 1
                parts.append(f'"{word}"' + ("*" if last and len(word) >= 2 else ""))
    return " ".join(parts)


def search(text: str, limit: int = 100, include_archived: bool = True) -> list[SearchHit]:
    """Contacts whose name or company match, then notes, best match first."""
    query = fts_query(text)
    if not query:
        return []
    archived = "" if include_archived else " AND c.archived = 0"
    hits: list[SearchHit] = []
    for cid, name, company in db.execute_sql(
        "SELECT c.id, c.name, c.company FROM contact_fts f JOIN contact c ON c.id = f.rowid "
        f"WHERE contact_fts MATCH ?{archived} ORDER BY rank LIMIT 20", (query,)
    ):
        hits.append(SearchHit(cid, name, company, None, None, "", name))
    # Rank and cut inside the FTS table first, so only the hits shown are joined.
    rows = db.execute_sql(
        "SELECT n.id, n.contact_id, c.name, c.company, n.occurred_at, n.kind, m.snip "
        "FROM (SELECT rowid AS id, snippet(note_fts, 0, '[[', ']]', '…', 14) AS snip, rank AS r "
        "      FROM note_fts WHERE note_fts MATCH ? ORDER BY rank LIMIT ?) m "
        f"JOIN note n ON n.id = m.id JOIN contact c ON c.id = n.contact_id WHERE 1{archived} "
        "ORDER BY m.r, n.occurred_at DESC",
        (query, limit),
    )
    for nid, cid, name, company, occurred, kind, snip in rows:
        hits.append(SearchHit(cid, name, company, nid, parse_ts(occurred), kind,
                              " ".join(snip.split())))
    return hits[: limit + 20]
