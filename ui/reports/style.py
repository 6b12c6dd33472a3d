"""Fonts, colours and sizes of the printed reports, in one place so the pages stay consistent.

Geometry is written in typographic points; the page code multiplies by ``units_per_pt`` because
the PDF is laid out at the writer's full resolution (layouts at 72 dpi round glyph advances and
the text visibly spreads out).
"""
from __future__ import annotations

from PySide6.QtGui import QColor, QFont

from ui.resources import CJK_FAMILY, FONT_FAMILY, register_fonts

PDF_RESOLUTION = 1200

INK = QColor("#1f2933")
MUTED = QColor("#5f6b7a")
FAINT = QColor("#9aa5b1")
RULE = QColor("#d5dbe1")
STRIPE = QColor("#f4f6f8")
ACCENT = QColor("#1d4e89")
POSITIVE = QColor("#2e7d32")
NEUTRAL = QColor("#8a949e")
NEGATIVE = QColor("#c62828")
CALLOUT = QColor("#f1f5f9")

LABEL_COLORS = {"positive": POSITIVE, "neutral": NEUTRAL, "negative": NEGATIVE}
TREND_COLORS = {"warming": POSITIVE, "souring": NEGATIVE, "steady": ACCENT, "insufficient": MUTED}
TREND_WORDS = {
    "warming": "Warming",
    "souring": "Souring",
    "steady": "Steady",
    "insufficient": "Not enough notes yet",
}

MARGIN_PT = 50.0
HEADER_PT = 22.0  # band above the body holding the running header
FOOTER_PT = 22.0
BODY_PT = 9.0
SMALL_PT = 7.5


def families() -> list[str]:
    """The bundled families, CJK fallback second, so typed Unicode never turns into boxes."""
    register_fonts()
    return [FONT_FAMILY, CJK_FAMILY]


_prototype: list[QFont] = []


def _base() -> QFont:
    if not _prototype:
        f = QFont()
        f.setFamilies(families())
        f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        # Ligatures turn "fi" into one glyph that pdftotext and copy-paste give back as U+FB01.
        # Set once on a prototype that every report font copies.
        f.setFeature(QFont.Tag("liga"), 0)
        f.setFeature(QFont.Tag("clig"), 0)
        _prototype.append(f)
    return _prototype[0]


_fonts: dict[tuple[float, bool, bool], QFont] = {}


def font(size_pt: float = BODY_PT, bold: bool = False, italic: bool = False) -> QFont:
    """A copy of a cached font (thousands of table cells ask for the same few)."""
    key = (size_pt, bold, italic)
    if key not in _fonts:
        f = QFont(_base())
        f.setPointSizeF(size_pt)
        f.setBold(bold)
        f.setItalic(italic)
        _fonts[key] = f
    return QFont(_fonts[key])


def shared_font(size_pt: float = BODY_PT, bold: bool = False, italic: bool = False) -> QFont:
    """The cached font itself, for callers that only pass it to Qt (which copies it); never
    modify the result."""
    key = (size_pt, bold, italic)
    if key not in _fonts:
        font(size_pt, bold, italic)
    return _fonts[key]


def signed(value: float | None) -> str:
    return "–" if value is None else f"{value:+.2f}".replace("-", "−")


def minutes_text(minutes: int) -> str:
    hours, mins = divmod(int(minutes), 60)
    if not hours:
        return f"{mins} min"
    return f"{hours} h {mins:02d} min" if mins else f"{hours} h"
