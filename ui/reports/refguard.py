"""Guard against a PySide6 6.12.0 binding bug seen with Python 3.11: every call of a method
returning void (``QFont.setBold``, ``QPainter.drawLine``...) drops one reference to ``None``
without taking it. After a few thousand calls CPython aborts with "none_dealloc: deallocating
None". A 5,000-note report makes about a million such calls.

Python 3.12 made None immortal, so the bug is harmless there. On older Pythons we detect the
leak once and then give None a practically endless reference count (what 3.12 does by design).
Remove this module when the pinned PySide6 no longer leaks.
"""
from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40
_checked: list[bool] = []


def _leaks() -> bool:
    from PySide6.QtGui import QFont

    font = QFont()
    before = sys.getrefcount(None)
    for _ in range(10):
        font.setBold(True)
    return sys.getrefcount(None) < before - 5


def protect_none() -> None:
    """Make the interpreter survive the leak; cheap after the first call."""
    if sys.version_info >= (3, 12) or _checked:
        return
    _checked.append(True)
    if _leaks() and sys.implementation.name == "cpython":
        refcnt = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is the first field
        refcnt.value += _HEADROOM
