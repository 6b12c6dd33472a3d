"""Contact operations. Every write runs in one transaction; results are frozen dataclasses."""
from __future__ import annotations

import datetime as dt
import json
from typing import Iterable

from models.aggregates import parse_ts
from models.db import db
from models.entities import Contact, ContactTag, Tag
from models.errors import NotFoundError, ValidationError
from models.types import ContactInfo, ContactSummary

_TEXT_FIELDS = ("name", "company", "role", "email", "phone", "about")
TRENDS = ("souring", "warming", "steady", "insufficient")


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def clean_tags(tags: Iterable[str] | str) -> tuple[str, ...]:
    """Tags from a list or a comma-separated string: trimmed, de-duplicated, order kept."""
    if isinstance(tags, str):
        tags = tags.split(",")
    seen: dict[str, str] = {}
    for tag in tags:
        tag = " ".join(tag.split())
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return tuple(seen.values())


def _clean(field: str, value) -> str:
    value = "" if value is None else str(value).strip()
    if field == "name" and not value:
        raise ValidationError("A contact needs a name.")
    if len(value) > 20000:
        raise ValidationError(f"The {field} is too long (over 20,000 characters).")
    return value


def _tags_of(contact_ids: list[int]) -> dict[int, tuple[str, ...]]:
    out: dict[int, list[str]] = {}
    if not contact_ids:
        return {}
    for start in range(0, len(contact_ids), 900):
        chunk = contact_ids[start:start + 900]
        marks = ",".join("?" * len(chunk))
        rows = db.execute_sql(
            "SELECT ct.contact_id, t.name FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id "
            f"WHERE ct.contact_id IN ({marks}) ORDER BY t.name COLLATE NOCASE",
            chunk,
        )
        for cid, name in rows:
            out.setdefault(cid, []).append(name)
    return {cid: tuple(names) for cid, names in out.items()}


def _all_tags_by_contact() -> dict[int, tuple[str, ...]]:
    out: dict[int, list[str]] = {}
    rows = db.execute_sql(
        "SELECT ct.contact_id, t.name FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id "
        "ORDER BY t.name COLLATE NOCASE"
    )
    for cid, name in rows:
        out.setdefault(cid, []).append(name)
    return {cid: tuple(names) for cid, names in out.items()}


def _set_tags(contact_id: int, tags: tuple[str, ...]) -> None:
    ContactTag.delete().where(ContactTag.contact == contact_id).execute()
    for name in tags:
        tag = Tag.get_or_none(Tag.name == name)
        if tag is None:
            tag = Tag.create(name=name)
        ContactTag.insert(contact=contact_id, tag=tag.id).on_conflict_ignore().execute()
    # Tags nobody uses any more disappear from the filter list.
    db.execute_sql("DELETE FROM tag WHERE id NOT IN (SELECT tag_id FROM contact_tag)")


def _info(row: Contact, tags: tuple[str, ...]) -> ContactInfo:
    return ContactInfo(
        id=row.id, name=row.name, company=row.company, role=row.role, email=row.email,
        phone=row.phone, about=row.about, tags=tags, archived=bool(row.archived),
        created_at=parse_ts(row.created_at), updated_at=parse_ts(row.updated_at),
    )


def _row(contact_id: int) -> Contact:
    row = Contact.get_or_none(Contact.id == contact_id)
    if row is None:
        raise NotFoundError("That contact no longer exists.")
    return row


def add_contact(name: str, company: str = "", role: str = "", email: str = "", phone: str = "",
                about: str = "", tags: Iterable[str] | str = ()) -> ContactInfo:
    values = {f: _clean(f, v) for f, v in zip(_TEXT_FIELDS, (name, company, role, email, phone, about))}
    stamp = now()
    tag_list = clean_tags(tags)
    with db.atomic():
        row = Contact.create(**values, created_at=stamp, updated_at=stamp)
        _set_tags(row.id, tag_list)
    return get_contact(row.id)


def update_contact(contact_id: int, **changes) -> ContactInfo:
    """Change any of name, company, role, email, phone, about, tags, archived."""
    unknown = set(changes) - set(_TEXT_FIELDS) - {"tags", "archived"}
    if unknown:
        raise ValueError(f"unknown contact fields: {sorted(unknown)}")
    with db.atomic():
        row = _row(contact_id)
        for field in _TEXT_FIELDS:
            if field in changes:
                setattr(row, field, _clean(field, changes[field]))
        if "archived" in changes:
            row.archived = bool(changes["archived"])
        row.updated_at = now()
        row.save()
        if "tags" in changes:
            _set_tags(contact_id, clean_tags(changes["tags"]))
    return get_contact(contact_id)


def set_archived(contact_id: int, archived: bool = True) -> ContactInfo:
    return update_contact(contact_id, archived=archived)


def delete_contact(contact_id: int) -> None:
    """Delete a contact with all its notes."""
    with db.atomic():
        _row(contact_id)
        Contact.delete().where(Contact.id == contact_id).execute()
        db.execute_sql("DELETE FROM tag WHERE id NOT IN (SELECT tag_id FROM contact_tag)")


def get_contact(contact_id: int) -> ContactInfo:
    row = _row(contact_id)
    return _info(row, _tags_of([contact_id]).get(contact_id, ()))


def find_contact(name: str, company: str = "") -> ContactInfo | None:
    """Exact match on name and company, ignoring case and surrounding spaces."""
    row = db.execute_sql(
        "SELECT id FROM contact WHERE lower(trim(name)) = lower(?) AND lower(trim(company)) = lower(?) "
        "ORDER BY archived, id LIMIT 1",
        (name.strip(), (company or "").strip()),
    ).fetchone()
    return get_contact(row[0]) if row else None


def find_contacts_by_name(name: str) -> list[ContactInfo]:
    rows = db.execute_sql(
        "SELECT id FROM contact WHERE lower(trim(name)) = lower(?) ORDER BY archived, id",
        (name.strip(),),
    ).fetchall()
    return [get_contact(r[0]) for r in rows]


_SUMMARY_SQL = (
    "SELECT id, name, company, archived, trend, mood, trend_change, turned_at, note_count, "
    "last_note_at, spark, minutes_total FROM contact"
)


def _summary(row, tags: tuple[str, ...], spark: tuple[float, ...] | None = None) -> ContactSummary:
    (cid, name, company, archived, trend, mood, change, turned_at, count, last, spark_json,
     minutes) = row
    if spark is None:
        spark = tuple(json.loads(spark_json)) if spark_json else ()
    return ContactSummary(
        id=cid, name=name, company=company, tags=tags, archived=bool(archived), trend=trend,
        mood=mood, change=change or 0.0,
        turned_at=dt.date.fromisoformat(turned_at) if turned_at else None,
        note_count=count, last_note_at=parse_ts(last),
        spark=spark, minutes_total=minutes or 0,
    )


def list_contacts(include_archived: bool = False) -> list[ContactSummary]:
    """Every contact with its stored aggregates, souring first, then by name."""
    where = "" if include_archived else " WHERE archived = 0"
    order = (" ORDER BY CASE trend WHEN 'souring' THEN 0 WHEN 'warming' THEN 1 "
             "WHEN 'steady' THEN 2 ELSE 3 END, name COLLATE NOCASE")
    tags = _all_tags_by_contact()
    rows = db.execute_sql(_SUMMARY_SQL + where + order).fetchall()
    # One JSON parse for every sparkline instead of one per contact (half the time at 10,000).
    sparks = json.loads("[" + ",".join(r[10] or "[]" for r in rows) + "]")
    return [_summary(r, tags.get(r[0], ()), tuple(s)) for r, s in zip(rows, sparks)]


def get_summary(contact_id: int) -> ContactSummary:
    row = db.execute_sql(_SUMMARY_SQL + " WHERE id = ?", (contact_id,)).fetchone()
    if row is None:
        raise NotFoundError("That contact no longer exists.")
    return _summary(row, _tags_of([contact_id]).get(contact_id, ()))


def all_tags() -> list[str]:
    return [r[0] for r in db.execute_sql("SELECT name FROM tag ORDER BY name COLLATE NOCASE")]


def counts() -> tuple[int, int]:
    """(contacts, notes) in the journal."""
    contacts = db.execute_sql("SELECT count(*) FROM contact").fetchone()[0]
    notes = db.execute_sql("SELECT count(*) FROM note").fetchone()[0]
    return contacts, notes
