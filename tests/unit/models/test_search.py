from __future__ import annotations

import models
from models.search import fts_query


def test_query_building_is_safe_for_any_input():
    assert fts_query("") == ""
    assert fts_query('invoice "scope creep"') == '"invoice" "scope creep"'
    assert fts_query("overd") == '"overd"*'
    # FTS syntax characters typed by a user never reach FTS as operators.
    assert '"AND"' in fts_query("AND OR NOT ( ) * :")


def test_search_finds_notes_and_contacts(journal):
    a = models.add_contact("Priya Raman", company="Northwind")
    b = models.add_contact("Marcus Bell", company="Bellweather")
    n1 = models.add_note(a.id, "Discussed the overdue invoice and the scope creep.", "2026-01-01")
    models.add_note(b.id, "Renewal signed. Scope is unchanged.", "2026-01-02")
    hits = models.search("invoice")
    assert [(h.note_id, h.contact_name) for h in hits] == [(n1.id, "Priya Raman")]
    assert "[[invoice]]" in hits[0].snippet
    assert {h.contact_id for h in models.search("scope")} == {a.id, b.id}
    assert [h.note_id for h in models.search('"scope creep"')] == [n1.id]
    names = models.search("northw")
    assert names[0].note_id is None and names[0].contact_id == a.id
    assert models.search('"((( unbalanced') == []


def test_search_follows_edits_and_deletes(journal):
    c = models.add_contact("Dana")
    n = models.add_note(c.id, "budget meeting")
    models.update_note(n.id, text="pricing meeting")
    assert not [h for h in models.search("budget") if h.note_id]
    assert [h.note_id for h in models.search("pricing")] == [n.id]
    models.delete_note(n.id)
    assert models.search("pricing") == []


def test_search_ignores_accents(journal):
    c = models.add_contact("Elena García", company="Solara Energía")
    models.add_note(c.id, "Café with the café owner about the rollout.")
    assert models.search("garcia")[0].contact_id == c.id
    assert [h for h in models.search("cafe") if h.note_id]
