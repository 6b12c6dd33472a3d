"""The selftest the CLI runs, on a sample journal and on an empty one."""
from __future__ import annotations

import pytest

import models


pytestmark = pytest.mark.usefixtures("no_modal_errors")

def test_selftest_on_sample_database(app, sample_journal):
    from ui.selftest import run_selftest

    models.close_journal()
    result = run_selftest(sample_journal)
    assert result["startup_s"] >= 0
    assert result["first_contact_s"] is not None


def test_selftest_on_empty_database(app, tmp_path):
    from ui.selftest import run_selftest

    result = run_selftest(tmp_path / "empty.sqlite3")
    assert result["first_contact_s"] is None
