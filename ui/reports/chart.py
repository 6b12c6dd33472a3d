"""The mood chart for paper: a vector drawing with QPainter (QtCharts is for the screen).

Each note is a point coloured by its label, and shaped by it too (up/down triangles) so the
chart still reads when printed in black and white; the smoothed mood line runs through them.
"""
from __future__ import annotations

import datetime as dt
from typing import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF

from models import MoodPoint
from ui.reports import style

Series = Sequence[tuple[dt.datetime, float]]


def _month_ticks(t0: dt.datetime, t1: dt.datetime) -> list[tuple[dt.datetime, str]]:
    days = (t1 - t0).days
    if days < 75:
        step = next(s for s in (1, 2, 7, 14, 28) if days / s <= 8)
        first = dt.datetime.combine(t0.date(), dt.time()) + dt.timedelta(days=1)
        if step >= 7:  # start on a Monday so the weekly ticks look deliberate
            first += dt.timedelta(days=(7 - first.weekday()) % 7)
        ticks = []
        t = first
        while t <= t1:
            ticks.append((t, f"{t.day} {t:%b}"))
            t += dt.timedelta(days=step)
        return ticks
    months = days / 30.4
    step = next(s for s in (1, 2, 3, 6, 12, 24, 60) if months / s <= 8)
    year, month = t0.year, t0.month + 1
    ticks = []
    while True:
        if month > 12:
            year, month = year + 1, month - 12
        t = dt.datetime(year, month, 1)
        if t > t1:
            break
        if step < 12 and (month - 1) % step == 0:
            ticks.append((t, f"{t:%b} {t.year}" if month == 1 or not ticks else f"{t:%b}"))
        elif step >= 12 and month == 1 and year % (step // 12) == 0:
            ticks.append((t, str(t.year)))
        month += 1
    return ticks


def _marker(painter: QPainter, center: QPointF, radius: float, label: str) -> None:
    x, y = center.x(), center.y()
    if label == "positive":
        painter.drawPolygon(QPolygonF([QPointF(x, y - radius * 1.2), QPointF(x - radius, y + radius * 0.7),
                                       QPointF(x + radius, y + radius * 0.7)]))
    elif label == "negative":
        painter.drawPolygon(QPolygonF([QPointF(x, y + radius * 1.2), QPointF(x - radius, y - radius * 0.7),
                                       QPointF(x + radius, y - radius * 0.7)]))
    else:
        painter.drawEllipse(center, radius, radius)


def paint_mood_chart(painter: QPainter, rect: QRectF, points: Sequence[MoodPoint], smooth: Series,
                     u: float, span: tuple[dt.datetime, dt.datetime] | None = None) -> None:
    """Draw the chart into ``rect`` (device units; ``u`` device units per point)."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    small = style.font(style.SMALL_PT - 0.5)
    metrics = QFontMetricsF(small, painter.device())
    painter.setFont(small)
    legend_h = metrics.height() * 1.6
    left = metrics.horizontalAdvance("−0.5") + 6 * u
    plot = QRectF(rect.left() + left, rect.top() + legend_h, rect.width() - left - 4 * u,
                  rect.height() - legend_h - metrics.height() * 1.8)
    if span is None:
        times = [p.occurred_at for p in points] or [dt.datetime.now()]
        span = (min(times), max(times))
    t0, t1 = span
    if (t1 - t0).total_seconds() < 86400:
        t0, t1 = t0 - dt.timedelta(days=1), t1 + dt.timedelta(days=1)
    pad = (t1 - t0) * 0.015  # keeps the first and last markers inside the frame
    t0, t1 = t0 - pad, t1 + pad
    total = (t1 - t0).total_seconds()

    def x_of(t: dt.datetime) -> float:
        return plot.left() + (t - t0).total_seconds() / total * plot.width()

    def y_of(v: float) -> float:
        return plot.top() + (1.0 - max(-1.0, min(1.0, v))) / 2.0 * plot.height()

    # Faint bands say "above this is positive" without a legend entry.
    painter.fillRect(QRectF(plot.left(), y_of(1), plot.width(), y_of(0.05) - y_of(1)), QColor("#f3f9f3"))
    painter.fillRect(QRectF(plot.left(), y_of(-0.05), plot.width(), y_of(-1) - y_of(-0.05)), QColor("#fcf3f3"))
    for v in (1.0, 0.5, 0.0, -0.5, -1.0):
        pen = QPen(style.FAINT if v == 0 else style.RULE, (0.8 if v == 0 else 0.4) * u)
        painter.setPen(pen)
        painter.drawLine(QPointF(plot.left(), y_of(v)), QPointF(plot.right(), y_of(v)))
        painter.setPen(style.MUTED)
        text = "0" if v == 0 else style.signed(v).replace(".00", "").replace("0.50", "0.5")
        painter.drawText(QRectF(rect.left(), y_of(v) - metrics.height() / 2, left - 4 * u, metrics.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
    for t, label in _month_ticks(t0, t1):
        x = x_of(t)
        painter.setPen(QPen(style.RULE, 0.4 * u))
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom() + 2 * u))
        painter.setPen(style.MUTED)
        painter.drawText(QRectF(x - 30 * u, plot.bottom() + 3 * u, 60 * u, metrics.height()),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label)
    painter.setPen(QPen(style.FAINT, 0.6 * u))
    painter.drawRect(plot)

    radius = (1.6 if len(points) > 400 else 2.4) * u
    painter.setPen(QPen(QColor("white"), 0.3 * u))
    for p in points:
        painter.setBrush(QBrush(style.LABEL_COLORS.get(p.label, style.NEUTRAL)))
        _marker(painter, QPointF(x_of(p.occurred_at), y_of(p.polarity)), radius, p.label)
    if len(smooth) >= 2:
        path = QPainterPath(QPointF(x_of(smooth[0][0]), y_of(smooth[0][1])))
        for t, v in smooth[1:]:
            path.lineTo(x_of(t), y_of(v))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(style.ACCENT, 1.5 * u, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        painter.drawPath(path)
    _legend(painter, QRectF(plot.left(), rect.top(), plot.width(), legend_h), metrics, u)


def _legend(painter: QPainter, rect: QRectF, metrics: QFontMetricsF, u: float) -> None:
    items = [("positive", "positive note"), ("neutral", "neutral"), ("negative", "negative"), ("line", "mood (smoothed)")]
    x = rect.right()
    y = rect.top() + metrics.height() / 2
    for key, text in reversed(items):
        w = metrics.horizontalAdvance(text)
        x -= w
        painter.setPen(style.MUTED)
        painter.drawText(QPointF(x, y + metrics.ascent() / 2 - 0.5 * u), text)
        x -= 4 * u
        if key == "line":
            painter.setPen(QPen(style.ACCENT, 1.5 * u))
            painter.drawLine(QPointF(x - 12 * u, y), QPointF(x, y))
            x -= 12 * u
        else:
            painter.setPen(QPen(QColor("white"), 0.3 * u))
            painter.setBrush(QBrush(style.LABEL_COLORS[key]))
            _marker(painter, QPointF(x - 2.5 * u, y), 2.4 * u, key)
            x -= 5 * u
        x -= 10 * u


def paint_spark(painter: QPainter, rect: QRectF, values: Sequence[float], color: QColor, u: float) -> None:
    """A tiny mood line for the portfolio table (values in -1..1, oldest first)."""
    if len(values) < 2:
        return
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    mid = rect.center().y()
    painter.setPen(QPen(style.RULE, 0.4 * u))
    painter.drawLine(QPointF(rect.left(), mid), QPointF(rect.right(), mid))
    step = rect.width() / (len(values) - 1)
    path = QPainterPath()
    for i, v in enumerate(values):
        pt = QPointF(rect.left() + i * step, mid - max(-1.0, min(1.0, v)) * rect.height() / 2)
        path.moveTo(pt) if i == 0 else path.lineTo(pt)
    painter.setPen(QPen(color, 1.0 * u))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
