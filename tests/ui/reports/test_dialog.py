"""File > Export PDF…: the dialog drives the same builder through the worker."""
from __future__ import annotations

from pathlib import Path

import pytest

import models


@pytest.fixture
def worker(qapp):
    from ui.worker import Worker

    w = Worker()
    yield w
    w.wait_for_done(10_000)


@pytest.fixture
def offered(monkeypatch) -> list:
    """The "open it now?" box is recorded instead of shown."""
    import ui.reports.dialog as dialog

    seen: list = []
    monkeypatch.setattr(dialog, "offer_to_open", lambda parent, result: seen.append(result))
    return seen


_parents: list = []  # the dialog's parent must outlive the helper that makes it


def _dialog(qtbot, worker, contact_id):
    from PySide6.QtWidgets import QWidget

    from ui.reports.dialog import ExportDialog, open_export_dialog

    parent = QWidget()
    qtbot.addWidget(parent)
    _parents[:] = [parent]
    open_export_dialog(parent, worker, contact_id)
    dialog = parent.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_export_contact_report_in_background(qtbot, journal, worker, offered, tmp_path: Path) -> None:
    contact = models.add_contact("Priya Raman", company="Northwind", role="VP Operations")
    for day, text in (("2025-01-10", "Great kickoff."), ("2025-02-10", "Signed the renewal."),
                      ("2025-03-10", "Invoice overdue and an angry call.")):
        models.add_note(contact.id, text, occurred_at=day)
    dialog = _dialog(qtbot, worker, contact.id)
    assert dialog.contact_radio.isChecked() and dialog.file_edit.text().endswith(".pdf")
    target = tmp_path / "priya"
    dialog.file_edit.setText(str(target))
    dialog.text_box.setChecked(False)
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as signal:
        dialog.export_button.click()
    assert signal.args[0] == target.with_suffix(".pdf")
    assert target.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
    assert offered and offered[0].pages == 1


def test_without_contact_only_portfolio(qtbot, journal, worker, offered, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, worker, None)
    assert dialog.portfolio_radio.isChecked()
    assert not dialog.contact_radio.isEnabled() and not dialog.brief_radio.isEnabled()
    assert "Portfolio report" in dialog.file_edit.text()


def test_brief_has_no_period_and_bad_range_is_explained(qtbot, journal, worker, offered) -> None:
    contact = models.add_contact("Omar Haddad")
    dialog = _dialog(qtbot, worker, contact.id)
    dialog.brief_radio.setChecked(True)
    assert not dialog.limit_box.isEnabled() and "brief" in dialog.file_edit.text()
    dialog.contact_radio.setChecked(True)
    dialog.limit_box.setChecked(True)
    dialog.from_edit.setDate(dialog.to_edit.date().addDays(5))
    dialog.export_button.click()
    assert "after the last one" in dialog.status.text()
    assert dialog.isVisible() and not offered


def test_page_size_follows_the_locale() -> None:
    from PySide6.QtCore import QLocale

    from ui.reports import default_page_size

    assert default_page_size(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)) == "Letter"
    assert default_page_size(QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico)) == "Letter"
    assert default_page_size(QLocale(QLocale.Language.French, QLocale.Country.Canada)) == "Letter"
    assert default_page_size(QLocale(QLocale.Language.German, QLocale.Country.Germany)) == "A4"
    assert default_page_size(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)) == "A4"


def test_portfolio_content_choice(qtbot, journal, worker, offered, tmp_path: Path) -> None:
    """The portfolio's content (compact, with notes, overview only) is a choice in the dialog;
    progress from the worker thread reaches the status line."""
    contact = models.add_contact("Lena Fox", company="Acme")
    for day, text in (("2025-01-10", "Great kickoff."), ("2025-02-10", "Signed the renewal."),
                      ("2025-03-10", "Invoice overdue and an angry call.")):
        models.add_note(contact.id, text, occurred_at=day)
    dialog = _dialog(qtbot, worker, contact.id)
    assert not dialog.content_combo.isEnabled()  # a contact report always lists its notes
    dialog.portfolio_radio.setChecked(True)
    assert dialog.content_combo.isEnabled()
    assert [dialog.content_combo.itemData(i) for i in range(dialog.content_combo.count())] == [
        "compact", "full", "summary"]
    dialog.content_combo.setCurrentIndex(2)
    dialog.file_edit.setText(str(tmp_path / "overview.pdf"))
    assert dialog.options().portfolio == "summary"
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.export_button.click()
    assert offered and offered[0].pages == 1
