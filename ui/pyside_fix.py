"""Work around a reference-count bug seen with PySide6 6.12.0 on CPython 3.11.

Every call of a PySide method that returns nothing (``setText``, ``processEvents``, a
``data()`` override returning None...) drops one reference to ``None`` too many. On
CPython < 3.12 ``None`` is an ordinary counted object, so after a few thousand such calls its
count reaches zero and the interpreter aborts ("Fatal Python error: none_dealloc"), at the
latest when it exits. Measured: 1,000 ``QLabel.setText`` calls lower ``sys.getrefcount(None)``
by 1,000. CPython 3.12+ makes ``None`` immortal, so there this is a no-op.

The fix gives ``None`` a huge head start (2**40 references: days of non-stop UI work). Drop
this module once PySide is pinned to a release without the bug.
"""
from __future__ import annotations

import ctypes
import sys

_HEAD_START = 1 << 40
_done = False


def protect_none_refcount() -> None:
    global _done
    if _done or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    # ob_refcnt is the first field of every PyObject in release builds of CPython.
    ctypes.c_ssize_t.from_address(id(None)).value += _HEAD_START
    _done = True
