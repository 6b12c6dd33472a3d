"""Fixtures for driving the real window: isolated settings, a window on a fresh journal."""
from __future__ import annotations

from pathlib import Path

import pytest

import models


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path):
    """Window layout and drafts go to a throwaway file, never the developer's own settings."""
    from ui.settings import use_settings_file

    use_settings_file(tmp_path / "settings.ini")
    yield tmp_path / "settings.ini"
    use_settings_file(None)


@pytest.fixture
def no_modal_errors(monkeypatch):
    """An error dialog in a test would block forever: record the errors and fail instead.
    (Not autouse, so the PDF tests under tests/ui/reports keep their own rules.)"""
    import ui.errors

    seen: list[BaseException] = []
    monkeypatch.setattr(ui.errors, "show_error", lambda _p, exc, *a, **k: seen.append(exc))
    yield seen
    assert not seen, f"the UI showed an error: {seen!r}"


@pytest.fixture
def app(qapp):
    from ui.app import create_application

    return create_application()


def _open_window(qtbot, db_path: Path):
    from ui.main_window import MainWindow

    window = MainWindow(db_path)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.contacts_loaded, timeout=10_000):
        window.show()
    return window


@pytest.fixture
def window(app, qtbot, journal):
    w = _open_window(qtbot, journal)
    yield w
    w.worker.wait_for_done(10_000)
    w.close()


@pytest.fixture
def sample_journal(journal):
    from models.sample import load_sample

    load_sample()
    return journal


@pytest.fixture
def sample_window(app, qtbot, sample_journal):
    w = _open_window(qtbot, sample_journal)
    qtbot.waitUntil(lambda: w.contact_view.bundle is not None, timeout=10_000)
    yield w
    w.worker.wait_for_done(10_000)
    w.close()


@pytest.fixture
def open_window(app, qtbot):
    """Open another window on a journal (e.g. to test what survives a restart)."""
    return lambda db_path: _open_window(qtbot, db_path)


def contact_id_by_name(name: str) -> int:
    return next(s.id for s in models.list_contacts(include_archived=True) if s.name == name)
