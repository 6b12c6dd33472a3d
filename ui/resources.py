"""Finding shipped files (fonts, icons, style) from source and from a frozen build."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QFontDatabase

FONT_FAMILY = "DejaVu Sans"
CJK_FAMILY = "Droid Sans Fallback"
_registered: list[str] = []


def resource_dir() -> Path:
    """``resources/`` beside main.py, or inside the PyInstaller bundle when frozen."""
    base = getattr(sys, "_MEIPASS", None)
    root = Path(base) if base else Path(__file__).resolve().parent.parent
    return root / "resources"


def resource_path(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


def register_fonts() -> list[str]:
    """Register the bundled fonts once; returns the families Qt now knows from them."""
    if _registered:
        return list(_registered)
    for font in sorted(resource_path("fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(font))
        if font_id >= 0:
            for family in QFontDatabase.applicationFontFamilies(font_id):
                if family not in _registered:
                    _registered.append(family)
    return list(_registered)
