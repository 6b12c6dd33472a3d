"""Layout behaviour: nothing squeezed or overlapping at common window sizes, rich search hits."""
from __future__ import annotations

import datetime as dt

import pytest

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

from models import SearchHit
from ui.relationships_model import COL_COMPANY, COL_NAME


pytestmark = pytest.mark.usefixtures("no_modal_errors")


@pytest.mark.parametrize("size", [(1440, 900), (1280, 800)])
def test_list_columns_readable_at_default_split(app, qtbot, sample_journal, size):
    from ui.main_window import MainWindow

    window = MainWindow(sample_journal)
    qtbot.addWidget(window)
    window.resize(*size)
    with qtbot.waitSignal(window.contacts_loaded, timeout=10_000):
        window.show()
    qtbot.waitUntil(lambda: window.contact_view.bundle is not None, timeout=10_000)
    qtbot.wait(50)
    left, right = window.splitter.sizes()
    assert 0.38 <= left / (left + right) <= 0.49
    table = window.panel.table
    header = table.horizontalHeader()
    fm = table.fontMetrics()
    assert header.sectionSize(COL_COMPANY) >= fm.horizontalAdvance("Walsh Creative")
    assert header.sectionSize(COL_NAME) >= fm.horizontalAdvance("Sarah Lindqvist")
    visible = sum(header.sectionSize(c) for c in range(header.count()))
    assert visible <= table.viewport().width() + 1  # no horizontal scrolling needed
    # The contact pane: its header never demands more than it gets.
    contact_header = window.contact_view.header
    assert contact_header.minimumSizeHint().width() <= contact_header.width()
    window.worker.wait_for_done(10_000)
    window.close()


def test_contact_header_wraps_and_elides(app, qtbot, sample_window):
    header = sample_window.contact_view.header
    bundle = sample_window.contact_view.bundle
    holder = QWidget()
    qtbot.addWidget(holder)
    header.setParent(holder)
    header.set_contact(bundle.contact, bundle.summary)
    holder.show()
    header.resize(1200, 120)
    qtbot.wait(20)
    assert header.is_wide()
    header.resize(420, 200)
    qtbot.wait(20)
    assert not header.is_wide()  # stats moved under the name
    assert header.stats_layout.line_count(420) >= 1
    assert header.stats_layout.line_count(200) > header.stats_layout.line_count(2000)
    header.name_label.resize(40, header.name_label.height())
    assert header.name_label.text().endswith("…") or "…" in header.name_label.text()
    assert header.name_label.toolTip() == bundle.contact.name


def test_note_rows_put_kind_on_second_line_when_narrow(app, qtbot, sample_window):
    view = sample_window.contact_view
    delegate = view.notes_view.itemDelegate()
    font = QFont(view.notes_view.font())
    assert delegate.two_line_header(font, 250)
    assert not delegate.two_line_header(font, 900)
    view.lower.setSizes([250, 900])
    qtbot.waitUntil(lambda: view.notes_view.visualRect(view.notes_model.index(0)).height()
                    > view.notes_view.fontMetrics().height() * 4 + 22, timeout=2_000)
    view.lower.setSizes([900, 250])
    qtbot.waitUntil(lambda: view.notes_view.visualRect(view.notes_model.index(0)).height()
                    <= view.notes_view.fontMetrics().height() * 3 + 22, timeout=2_000)
    assert view.notes_view.horizontalScrollBar().maximum() == 0


def test_search_snippet_bold_and_escaped():
    from ui.search_dialog import hit_html, hit_text, snippet_html

    assert snippet_html("a <img src=x> & [[estimate]] done") == \
        "a &lt;img src=x&gt; &amp; <b>estimate</b> done"
    hit = SearchHit(contact_id=1, contact_name="A <b>", company="", note_id=2,
                    occurred_at=dt.datetime(2026, 1, 2), kind="call", snippet="the [[word]]")
    assert "<b>word</b>" in hit_html(hit) and "A &lt;b&gt;" in hit_html(hit)
    assert "[[" not in hit_text(hit) and "«" not in hit_text(hit)


def test_search_dialog_paints_rich_hits(app, qtbot, sample_window):
    from ui.search_dialog import HTML_ROLE, SearchDialog

    dialog = SearchDialog(sample_window.worker, sample_window)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.results_ready, timeout=10_000):
        dialog.query_edit.setText("estimate")
    html = dialog.model.index(0).data(HTML_ROLE)
    assert "<b>" in html.lower()
    assert dialog.results.sizeHintForRow(0) > dialog.results.fontMetrics().height() * 2


def test_portfolio_labels_do_not_overlap(app, qtbot, sample_window):
    sample_window.actions.portfolio.setChecked(True)
    chart = sample_window.portfolio.chart
    # Two contacts nearly on top of each other, as Priya and Tom were.
    rows = sample_window.panel.model.summaries()
    import dataclasses

    rows[1] = dataclasses.replace(rows[1], mood=rows[0].mood, change=rows[0].change + 0.01)
    chart.set_contacts(rows)
    qtbot.wait(50)
    rects = chart.visible_label_rects()
    assert len(rects) >= len(rows) - 3
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            assert not a.intersects(b), (a, b)


def test_icons_follow_dark_palette(app):
    from PySide6.QtGui import QColor, QPalette

    from ui import theme

    assert not theme.icon("search", "#ffffff").isNull()
    old = app.palette()
    dark = QPalette(old)
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    app.setPalette(dark)
    try:
        assert theme.is_dark()
        image = theme.icon("search").pixmap(24, 24).toImage()
        inked = [image.pixelColor(x, y) for x in range(24) for y in range(24)
                 if image.pixelColor(x, y).alpha() > 200]
        assert inked and min(c.lightness() for c in inked) > 150  # light strokes on dark
    finally:
        app.setPalette(old)


def test_layout_from_empty_state_is_not_remembered(app, qtbot, journal, open_window):
    from ui.settings import app_settings

    window = open_window(journal)
    window.close()
    s = app_settings()
    assert not s.value("window/splitter") and not s.value("window/notes_split")
    assert not s.value("window/table_header_v2")


def test_flow_layout_wraps():
    from ui.flow_layout import FlowLayout

    holder = QWidget()
    flow = FlowLayout(holder)
    for text in ("one", "two", "three", "four"):
        flow.addWidget(QLabel(text * 3, holder))
    wide = flow.heightForWidth(2000)
    assert flow.line_count(2000) == 1
    assert flow.heightForWidth(60) > wide and flow.line_count(60) == 4
