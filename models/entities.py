"""peewee rows mapped onto the tables that :mod:`models.migrations` creates.

These never leave ``models/``: operations hand out frozen dataclasses (see
:mod:`models.types`), so a view cannot run a query by accident while painting.
"""
from __future__ import annotations

from peewee import (
    BooleanField,
    CompositeKey,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from models.db import db

NOTE_KINDS = ("meeting", "call", "email", "message", "other")
LABELS = ("positive", "neutral", "negative")


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False


class Contact(BaseModel):
    name = TextField()
    company = TextField(default="")
    role = TextField(default="")
    email = TextField(default="")
    phone = TextField(default="")
    about = TextField(default="")
    archived = BooleanField(default=False)
    created_at = DateTimeField()
    updated_at = DateTimeField()
    # Aggregates kept current on every note write (see models.aggregates).
    note_count = IntegerField(default=0)
    last_note_at = DateTimeField(null=True)
    mood = FloatField(null=True)
    trend = TextField(default="insufficient")
    trend_change = FloatField(default=0.0)
    turned_at = TextField(null=True)
    spark = TextField(default="")
    minutes_total = IntegerField(default=0)


class Tag(BaseModel):
    name = TextField(unique=True)


class ContactTag(BaseModel):
    contact = ForeignKeyField(Contact, on_delete="CASCADE", column_name="contact_id")
    tag = ForeignKeyField(Tag, on_delete="CASCADE", column_name="tag_id")

    class Meta:
        primary_key = CompositeKey("contact", "tag")


class Note(BaseModel):
    contact = ForeignKeyField(Contact, on_delete="CASCADE", column_name="contact_id", backref="notes")
    occurred_at = DateTimeField()
    kind = TextField(default="meeting")
    text = TextField()
    duration_min = IntegerField(null=True)
    polarity = FloatField(null=True)
    label = TextField(null=True)
    analyzer_version = TextField(null=True)
    breakdown = TextField(null=True)
    label_override = TextField(null=True)
    created_at = DateTimeField()
    updated_at = DateTimeField()
