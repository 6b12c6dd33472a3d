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
    assert proxy.rowCount() == model.total_count() - 1
    proxy.set_show_archived(True)
    assert proxy.rowCount() == model.total_count()


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


def test_relationships_sort_every_column_both_ways(qtmodeltester, sample_journal):
    from PySide6.QtCore import Qt

    from ui.relationships_model import COL_NAME, HEADERS

    model = RelationshipsModel()
    model.set_contacts(models.list_contacts(include_archived=True))
    proxy = RelationshipsFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    for col in range(len(HEADERS)):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            proxy.sort(col, order)
            keys = [(proxy.index(r, col).data(SORT_ROLE), proxy.index(r, COL_NAME).data(SORT_ROLE))
                    for r in range(proxy.rowCount())]
            want = sorted(keys, reverse=order == Qt.SortOrder.DescendingOrder)
            assert keys == want, (col, order)
    proxy.set_text("a")
    proxy.set_trend("steady")
    qtmodeltester.check(proxy)
    assert model.total_count() == len(models.list_contacts(include_archived=True))


def test_relationships_filter_keeps_selection(qtbot, sample_journal):
    from ui.relationships_panel import RelationshipsPanel

    panel = RelationshipsPanel()
    qtbot.addWidget(panel)
    rows = models.list_contacts(include_archived=True)
    panel.set_contacts(rows)
    target = next(r for r in rows if "northwind" in r.company.casefold())
    assert panel.select_contact(target.id)
    panel.filter_edit.setText("north")
    assert panel.current_id() == target.id
    panel.table.sortByColumn(0, panel.table.horizontalHeader().sortIndicatorOrder())
    assert panel.current_id() == target.id
    assert panel.table.horizontalHeader().sortIndicatorSection() == 0
    panel.filter_edit.setText("zzzz-nobody")
    assert panel.proxy.rowCount() == 0
    assert panel.select_contact(target.id)  # clears the filter so it shows again
    assert panel.filter_edit.text() == ""


def test_relationships_update_contact_moves_the_row(sample_journal):
    import dataclasses

    from PySide6.QtCore import Qt

    from ui.relationships_model import COL_NOTES

    model = RelationshipsModel()
    rows = models.list_contacts(include_archived=True)
    model.set_contacts(rows)
    model.sort(COL_NOTES, Qt.SortOrder.DescendingOrder)
    last = model.summary(model.rowCount() - 1)
    assert not model.update_contact(last)  # identical: nothing to do
    bigger = dataclasses.replace(last, note_count=10**6)
    assert model.update_contact(bigger)
    assert model.summary(0) == bigger
    model.set_filter(text=bigger.name)
    assert model.row_of(bigger.id) >= 0
