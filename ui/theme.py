"""Colours, icons and text for labels and trends, so every view speaks the same visual language.

Colours are never the only signal: every trend also has an icon and a word (colour-blind users
and greyscale printouts must still read the list).
"""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from ui.resources import resource_path

TREND_TEXT = {
    "souring": "Souring",
    "warming": "Warming",
    "steady": "Steady",
    "insufficient": "Too few notes",
}
TREND_ARROW = {"souring": "▼", "warming": "▲", "steady": "■", "insufficient": "○"}
TREND_HELP = {
    "souring": "Mood has dropped noticeably over recent weeks.",
    "warming": "Mood has risen noticeably over recent weeks.",
    "steady": "No big change in mood recently.",
    "insufficient": "Fewer than three notes: not enough to tell a trend.",
}
TREND_ORDER = {"souring": 0, "warming": 1, "steady": 2, "insufficient": 3}
# One colour per meaning, readable on light and dark backgrounds alike.
_TREND_COLOR = {"souring": "#c53030", "warming": "#2f855a", "steady": "#4a6fa5", "insufficient": "#8a94a6"}
_LABEL_COLOR = {"positive": "#2f9e5b", "neutral": "#8a94a6", "negative": "#d64545"}
LABEL_TEXT = {"positive": "Positive", "neutral": "Neutral", "negative": "Negative"}
ACCENT = "#2b6cb0"


def trend_color(trend: str) -> QColor:
    return QColor(_TREND_COLOR.get(trend, _TREND_COLOR["insufficient"]))


def label_color(label: str) -> QColor:
    return QColor(_LABEL_COLOR.get(label, _LABEL_COLOR["neutral"]))


def mood_color(mood: float | None) -> QColor:
    if mood is None:
        return label_color("neutral")
    return label_color("positive" if mood > 0.05 else "negative" if mood < -0.05 else "neutral")


def is_dark() -> bool:
    app = QApplication.instance()
    if app is None:
        return False
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def soft(color: QColor, alpha: int = 40) -> QColor:
    """A translucent tint of ``color`` for chip backgrounds."""
    c = QColor(color)
    c.setAlpha(alpha)
    return c


def chip_text_color(color: QColor) -> QColor:
    """Text on a ``soft`` tint of ``color``: darker on light backgrounds, lighter on dark."""
    return color.lighter(165) if is_dark() else color.darker(125)


_ICON_INK = "#4a5568"  # the stroke colour the line icons are drawn with
_ICON_INK_DARK = "#d5dbe3"  # ... and what it becomes on a dark palette


def icon(name: str, color: str | None = None) -> QIcon:
    """An SVG icon from resources/icons (empty icon if missing, never a crash). Line icons
    are re-inked light on a dark palette, or in ``color`` (e.g. white on a primary button)."""
    if color is None and is_dark():
        color = _ICON_INK_DARK
    return _icon(name, color)


@lru_cache(maxsize=None)
def _icon(name: str, color: str | None) -> QIcon:
    path = resource_path("icons", f"{name}.svg")
    if not path.exists():
        return QIcon()
    svg = path.read_text(encoding="utf-8")
    if color is None or _ICON_INK not in svg:
        return QIcon(str(path))
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg.replace(_ICON_INK, color).encode("utf-8")))
    if not renderer.isValid():
        return QIcon(str(path))
    out = QIcon()
    for size in (16, 20, 24, 32, 48, 64):  # crisp at every size and scale factor
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        out.addPixmap(pixmap)
    return out


def trend_icon(trend: str) -> QIcon:
    return icon(f"trend-{trend}" if trend in TREND_TEXT else "trend-insufficient")


def format_mood(mood: float | None) -> str:
    return "–" if mood is None else f"{mood:+.2f}"


def format_days(days: int | None) -> str:
    if days is None:
        return "never"
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 60:
        return f"{days} days ago"
    if days < 730:
        return f"{days // 30} months ago"
    return f"{days // 365} years ago"
