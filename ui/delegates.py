"""Painted cells of the relationships list: trend badge and mood sparkline."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.relationships_model import SUMMARY_ROLE
from ui.theme import TREND_ARROW, TREND_TEXT, chip_text_color, mood_color, soft, trend_color


class TrendBadgeDelegate(QStyledItemDelegate):
    """A coloured pill with an arrow AND a word: never colour alone."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        summary = index.data(SUMMARY_ROLE)
        if summary is None:
            super().paint(painter, option, index)
            return
        self._background(painter, option, index)
        color = trend_color(summary.trend)
        text = f"{TREND_ARROW.get(summary.trend, '')} {TREND_TEXT.get(summary.trend, summary.trend)}"
        fm = option.fontMetrics
        pad = fm.height() // 2
        w = min(option.rect.width() - 8, fm.horizontalAdvance(text) + 2 * pad)
        h = fm.height() + 4
        rect = QRectF(option.rect.x() + 4, option.rect.center().y() - h / 2 + 1, w, h)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        if option.state & QStyle.StateFlag.State_Selected:
            # On the selection colour, red or green text on a tint is hard to read: lay the
            # pill on the normal background first so it looks the same selected or not.
            painter.setBrush(option.palette.base())
            painter.drawRoundedRect(rect, h / 2, h / 2)
        painter.setBrush(soft(color, 45))
        painter.drawRoundedRect(rect, h / 2, h / 2)
        painter.setPen(chip_text_color(color))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter,
                         fm.elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width()) - 4))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        fm = option.fontMetrics
        summary = index.data(SUMMARY_ROLE)
        trend = summary.trend if summary is not None else "insufficient"
        text = f"{TREND_ARROW.get(trend, '')} {TREND_TEXT.get(trend, trend)}"
        return QSize(fm.horizontalAdvance(text) + fm.height() + 12, fm.height() + 10)

    @staticmethod
    def _background(painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        opt.text = ""
        opt.icon = opt.icon.__class__()
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)


class SparklineDelegate(QStyledItemDelegate):
    """Recent smoothed mood as a tiny line with a zero baseline and an end dot."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        summary = index.data(SUMMARY_ROLE)
        TrendBadgeDelegate._background(painter, option, index)
        if summary is None or len(summary.spark) < 2:
            return
        values = summary.spark
        r = QRectF(option.rect).adjusted(6, 5, -8, -5)
        lo, hi = min(min(values), -0.2), max(max(values), 0.2)  # keep small wiggles small
        span = hi - lo or 1.0

        def pt(i: int, v: float) -> QPointF:
            return QPointF(r.left() + r.width() * i / (len(values) - 1),
                           r.bottom() - (v - lo) / span * r.height())

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if option.state & QStyle.StateFlag.State_Selected:  # keep the line visible on the highlight
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(option.palette.base())
            painter.drawRoundedRect(QRectF(option.rect).adjusted(2, 2, -3, -2), 4, 4)
        base = option.palette.mid().color()
        painter.setPen(QPen(base, 1, Qt.PenStyle.DotLine))
        zero_y = r.bottom() - (0 - lo) / span * r.height()
        painter.drawLine(QPointF(r.left(), zero_y), QPointF(r.right(), zero_y))
        path = QPainterPath(pt(0, values[0]))
        for i, v in enumerate(values[1:], start=1):
            path.lineTo(pt(i, v))
        color = mood_color(values[-1])
        painter.setPen(QPen(color, 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(pt(len(values) - 1, values[-1]), 2.5, 2.5)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(64, option.fontMetrics.height() + 10)
