"""Drive the real main window like a user: click, type, wait on signals."""
from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

import models
from tests.ui.conftest import contact_id_by_name


pytestmark = pytest.mark.usefixtures("no_modal_errors")

def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.ControlModifier) -> None:
    """A shortcut reaches a window only when it is the active one, as on a real desktop."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    qtbot.keyClick(window, key, modifiers)


def test_empty_state_then_sample_data(window, qtbot):
    assert window.central.currentWidget() is window.empty
    with qtbot.waitSignal(window.contacts_loaded, timeout=30_000):
        qtbot.mouseClick(window.empty.sample_button, Qt.MouseButton.LeftButton)
    assert window.central.currentWidget() is window.splitter
    assert window.panel.proxy.rowCount() == 12
    qtbot.waitUntil(lambda: window.contact_view.bundle is not None, timeout=10_000)
    assert window.contact_view.chart.point_count() > 0


def test_create_contact_type_note_see_badge_and_chart(window, qtbot):
    # New contact from the empty state, typed like a user.
    qtbot.mouseClick(window.empty.add_button, Qt.MouseButton.LeftButton)
    editor = window.contact_editor
    qtbot.keyClicks(editor.name_edit, "Ada Moss")
    qtbot.keyClicks(editor.company_edit, "Moss Labs")
    qtbot.keyClicks(editor.tags_edit, "pilot, research")
    with qtbot.waitSignal(window.contacts_loaded, timeout=10_000):
        qtbot.mouseClick(editor.buttons.button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
    view = window.contact_view
    qtbot.waitUntil(lambda: view.bundle is not None and view.bundle.contact.name == "Ada Moss",
                    timeout=10_000)
    assert view.header.trend_label.text().endswith("Too few notes")
    assert view.chart.point_count() == 0

    # Ctrl+N opens the note editor; the live preview scores what is typed.
    press(qtbot, window, Qt.Key.Key_N)
    note_editor = window.note_editor
    assert note_editor is not None
    with qtbot.waitSignal(note_editor.preview_ready, timeout=10_000) as preview:
        qtbot.keyClicks(note_editor.text_edit, "Great kickoff, they loved the plan and signed quickly.")
    assert preview.args == ["positive"]
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.keyClick(note_editor.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.chart.point_count() == 1
    assert view.notes_model.rowCount() == 1

    # Three more notes turning sour: the badge follows.
    cid = view.contact_id
    for text in ("The invoice is overdue and they ignore our emails.",
                 "Angry call, they threatened to cancel the contract.",
                 "Terrible meeting, they are unhappy with everything and want a refund."):
        models.add_note(cid, text)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.reload()
    assert view.chart.point_count() == 4
    assert "Too few notes" not in view.header.trend_label.text()
    row = window.panel.model.row_of(cid)
    assert window.panel.model.summary(row).note_count == 4


def test_correct_label_is_kept(sample_window, qtbot):
    view = sample_window.contact_view
    note = view.bundle.notes[0]
    view.select_note(note.id)
    other = "negative" if note.label != "negative" else "positive"
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.mouseClick(view.detail.label_buttons[other], Qt.MouseButton.LeftButton)
    assert models.get_note(note.id).label_override == other
    assert view.detail.note().label == other
    assert view.detail.label_buttons[other].isChecked()
    # And back to the analyzer's label with one click.
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.mouseClick(view.detail.reset_button, Qt.MouseButton.LeftButton)
    assert models.get_note(note.id).label_override is None


def test_delete_asks_and_ctrl_z_undoes(sample_window, qtbot, monkeypatch):
    view = sample_window.contact_view
    note = view.bundle.notes[1]
    count = len(view.bundle.notes)
    view.select_note(note.id)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    qtbot.mouseClick(view.detail.delete_button, Qt.MouseButton.LeftButton)
    assert models.get_note(note.id)  # said no: nothing deleted
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.mouseClick(view.detail.delete_button, Qt.MouseButton.LeftButton)
    assert len(view.bundle.notes) == count - 1
    assert sample_window.actions.undo.isEnabled()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        press(qtbot, sample_window, Qt.Key.Key_Z)
    assert len(view.bundle.notes) == count
    assert models.get_note(note.id).text == note.text
    assert view.detail.note().id == note.id


def test_search_opens_the_note(sample_window, qtbot):
    press(qtbot, sample_window, Qt.Key.Key_F)
    dialog = sample_window.search_dialog
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.results_ready, timeout=10_000) as hits:
        qtbot.keyClicks(dialog.query_edit, "overdue")
    assert hits.args[0] > 0
    hit = dialog.model.index(0).data(Qt.ItemDataRole.UserRole + 20)
    view = sample_window.contact_view
    qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.detail.note() is not None and view.detail.note().id == hit.note_id,
                    timeout=10_000)
    assert sample_window.panel.current_id() == hit.contact_id


def test_filter_and_keyboard_navigation(sample_window, qtbot):
    panel = sample_window.panel
    qtbot.keyClicks(panel.filter_edit, "Fjord")
    assert panel.proxy.rowCount() == 1
    panel.filter_edit.clear()
    panel.table.setFocus()
    first = panel.current_id()
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    assert panel.current_id() != first
    qtbot.waitUntil(lambda: sample_window.contact_view.bundle.contact.id == panel.current_id(),
                    timeout=10_000)


def test_portfolio_and_brief(sample_window, qtbot):
    sample_window.actions.portfolio.trigger()
    assert sample_window.right.currentWidget() is sample_window.portfolio
    assert sample_window.portfolio.chart.point_count() == 12
    marcus = contact_id_by_name("Marcus Bell")
    sample_window.portfolio.chart.contact_clicked.emit(marcus)
    qtbot.waitUntil(lambda: sample_window.contact_view.bundle.contact.id == marcus, timeout=10_000)
    assert sample_window.right.currentWidget() is sample_window.contact_view
    press(qtbot, sample_window, Qt.Key.Key_B)
    qtbot.waitUntil(lambda: getattr(sample_window, "brief_dialog", None) is not None, timeout=10_000)
    text = sample_window.brief_dialog.browser.toPlainText()
    assert "Marcus Bell" in text and "Last interactions" in text


def test_chart_click_jumps_to_note(sample_window, qtbot):
    view = sample_window.contact_view
    note = view.bundle.notes[-1]
    view.chart.set_range(0)
    view.chart.note_clicked.emit(note.id)  # what a click on the point emits
    assert view.detail.note().id == note.id
    point = view.chart.point_for_note(note.id)
    assert point is not None


def test_typed_note_survives_closing(sample_window, qtbot, open_window, sample_journal):
    press(qtbot, sample_window, Qt.Key.Key_N)
    editor = sample_window.note_editor
    qtbot.keyClicks(editor.text_edit, "Half-written thoughts about the renewal")
    sample_window.close()
    assert not editor.isVisible()
    again = open_window(sample_journal)
    qtbot.waitUntil(lambda: again.note_editor is not None, timeout=10_000)
    assert again.note_editor.text_edit.toPlainText() == "Half-written thoughts about the renewal"
    assert again.note_editor.restored_label.isVisibleTo(again.note_editor)
    again.worker.wait_for_done(10_000)
    again.close()


def test_export_pdf_action_does_not_crash(sample_window, monkeypatch):
    import ui.dialogs

    called = []
    try:
        import ui.reports.dialog as reports_dialog

        monkeypatch.setattr(reports_dialog, "open_export_dialog", lambda *a: called.append(a))
    except ImportError:
        monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: called.append(a))
    ui.dialogs.export_pdf(sample_window, sample_window.current_contact_id())
    assert called


def test_window_shows_before_the_list_and_checks_word_lists_in_background(app, qtbot, journal,
                                                                          monkeypatch):
    import ui.app
    import ui.errors
    from sentiment import LexiconError
    from ui.main_window import MainWindow

    seen: list[BaseException] = []
    monkeypatch.setattr(ui.errors, "show_error", lambda _p, exc, *a, **k: seen.append(exc))
    monkeypatch.setattr(ui.app, "check_analyzer",
                        lambda: (_ for _ in ()).throw(LexiconError("word lists missing")))
    window = MainWindow(journal)
    qtbot.addWidget(window)
    window.show()
    assert window.panel.loading_label.isVisible()  # the list is still loading in the worker
    with qtbot.waitSignal(window.analyzer_checked, timeout=10_000) as checked:
        pass
    assert checked.args == [False]
    assert len(seen) == 1 and "word lists missing" in str(seen[0])
    assert not window.panel.loading_label.isVisible()
    window.worker.wait_for_done(10_000)
    window.close()
