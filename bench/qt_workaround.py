"""Measurement-only workaround for a PySide6 6.12 / Python 3.11 refcount bug.

``QModelIndex.data(role)`` called from Python loses one reference to ``None`` every time the
model has no value for that role (an invalid QVariant comes back as a borrowed ``None``). On
Python < 3.12 ``None`` is not immortal, so after ~10,000 such calls the interpreter aborts
with "Fatal Python error: none_dealloc: deallocating None". The bench applies this patch only
when a run without it crashed, and says so in the results, so the UI can still be measured
while the real fix lands in ui/ (see bench/README.md).
"""
from __future__ import annotations

import os
import runpy
import sys

ENV = "BENCH_QT_WORKAROUND"


def apply() -> None:
    from PySide6.QtCore import QModelIndex, Qt

    def data(self, role=Qt.ItemDataRole.DisplayRole):
        model = self.model()
        return model.data(self, role) if model is not None and self.isValid() else None

    QModelIndex.data = data


def run_script(argv: list[str]) -> None:
    """``python -m bench.qt_workaround main.py ARGS``: run the app with the patch applied."""
    apply()
    sys.argv = argv
    runpy.run_path(argv[0], run_name="__main__")


if __name__ == "__main__":
    run_script(sys.argv[1:])
