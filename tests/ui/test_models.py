"""Every table/list model passes Qt's model tester, with real data."""
from __future__ import annotations

import pytest

import models
from ui.chart_data import DOWNSAMPLE_FROM, prepare_mood_chart
from ui.notes_model import NotesModel
from ui.relationships_model import (COL_TREND, SORT_ROLE, RelationshipsFilter,
                                    RelationshipsModel)
from ui.search_dialog import SearchResultsModel


pytestmark = pytest.mark.usefixtures("no_modal_errors")

def test_relationships_model_and_filter(qtmodeltester, sample_journal):
    model = RelationshipsModel()
    model.set_contacts(models.list_contacts(include_archived=True))
    qtmodeltester.check(model)
    proxy = RelationshipsFilter()
    proxy.setSourceModel(model)
    proxy.sort(COL_TREND)
    qtmodeltester.check(proxy)
    # Souring first by default.
    trends = [proxy.index(r, 0).data(SORT_ROLE + 1).trend for r in range(proxy.rowCount())]
    assert trends[0] == "souring"
    proxy.set_text("northwind")
    assert proxy.rowCount() == 1
    proxy.set_text("retainer")  # a tag
    assert proxy.rowCount() == 2
    proxy.set_text("")
    proxy.set_trend("warming")
    assert proxy.rowCount() >= 1
    assert all(proxy.index(r, 0).data(SORT_ROLE + 1).trend == "warming" for r in range(proxy.rowCount()))


def test_archived_hidden_unless_asked(sample_journal):
    first = models.list_contacts()[0]
    models.set_archived(first.id, True)
    model = RelationshipsModel()
    model.set_contacts(models.list_contacts(include_archived=True))
    proxy = RelationshipsFilter()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == model.rowCount() - 1
    proxy.set_show_archived(True)
    assert proxy.rowCount() == model.rowCount()


def test_notes_model(qtmodeltester, sample_journal):
    contact = models.list_contacts()[0]
    model = NotesModel()
    model.set_notes(models.timeline(contact.id))
    qtmodeltester.check(model)
    note = model.notes()[0]
    model.replace_note(note)
    model.remove_note(note.id)
    assert model.rowCount() == contact.note_count - 1


def test_search_results_model(qtmodeltester, sample_journal):
    model = SearchResultsModel()
    model.set_hits(models.search("invoice"))
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_big_contact_chart_is_downsampled():
    import datetime as dt

    from models import MoodPoint

    start = dt.datetime(2020, 1, 1)
    points = [MoodPoint(i, start + dt.timedelta(hours=6 * i), ((i * 37) % 200 - 100) / 100,
                        "neutral", "x") for i in range(DOWNSAMPLE_FROM + 1000)]
    data = prepare_mood_chart(points)
    assert data.downsampled
    assert len(data.points) < len(points) / 1.5
    assert min(p.polarity for p in data.points) == min(p.polarity for p in points)
    assert data.total_notes == len(points)
