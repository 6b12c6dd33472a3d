"""ALL QtCharts code lives here (QtCharts is deprecated since Qt 6.10; keep it movable).

- :class:`MoodChart`: a contact's notes as points coloured by label, the smoothed mood line,
  hover tooltip, click-to-open, range selector. The x axis is a QDateTimeAxis in MILLISECONDS.
- :class:`PortfolioChart`: every relationship as mood now (x) vs recent change (y).
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCharts import (QChart, QChartView, QDateTimeAxis, QLineSeries, QScatterSeries,
                              QValueAxis)
from PySide6.QtCore import QDateTime, QMargins, QPointF, QRectF, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QCursor, QFont, QPainter, QPen
from PySide6.QtWidgets import (QButtonGroup, QGraphicsSimpleTextItem, QHBoxLayout, QLabel,
                               QPushButton, QSizePolicy, QToolTip, QVBoxLayout, QWidget)

from models import ContactSummary
from ui.chart_data import MoodChartData
from ui.theme import LABEL_TEXT, TREND_TEXT, is_dark, label_color, trend_color

RANGES = (("3 months", 91), ("1 year", 365), ("All", 0))
_DAY_MS = 86_400_000.0


def _style_chart(chart: QChart) -> None:
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if is_dark() else QChart.ChartTheme.ChartThemeLight)
    chart.setBackgroundRoundness(0)
    chart.setBackgroundBrush(QBrush(Qt.GlobalColor.transparent))
    chart.setPlotAreaBackgroundVisible(False)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().hide()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)


def _style_axis(axis, grid: QColor) -> None:
    axis.setGridLineColor(grid)
    axis.setLinePenColor(grid)
    font = QFont(axis.labelsFont())
    font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
    axis.setLabelsFont(font)


class MoodChart(QWidget):
    """Mood timeline of one contact."""

    note_clicked = Signal(int)
    range_changed = Signal(int)  # days shown, 0 = all

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data: MoodChartData | None = None
        self._lookup: dict[tuple[float, float], tuple[int, dt.datetime, str, str]] = {}
        self._days = 365
        self.chart = QChart()
        _style_chart(self.chart)
        self.view = QChartView(self.chart, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(160)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.view.setAccessibleName("Mood timeline chart")

        grid = QColor(128, 128, 128, 60)
        self.x_axis = QDateTimeAxis()
        self.x_axis.setFormat("MMM yyyy")
        self.x_axis.setTickCount(6)
        _style_axis(self.x_axis, grid)
        self.y_axis = QValueAxis()
        self.y_axis.setRange(-1.0, 1.0)
        self.y_axis.setTickCount(5)
        self.y_axis.setLabelFormat("%+.1f")
        _style_axis(self.y_axis, grid)
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)

        self.zero = QLineSeries()
        self.zero.setPen(QPen(QColor(128, 128, 128, 140), 1, Qt.PenStyle.DashLine))
        self.line = QLineSeries()
        self.line.setName("Mood (smoothed)")
        self.line.setPen(QPen(QColor("#2b6cb0") if not is_dark() else QColor("#7fb0ea"), 2.4))
        self.scatter: dict[str, QScatterSeries] = {}
        for series in (self.zero, self.line):
            self.chart.addSeries(series)
        for label in ("negative", "neutral", "positive"):
            s = QScatterSeries()
            s.setName(LABEL_TEXT[label])
            s.setMarkerSize(9.0)
            s.setColor(label_color(label))
            s.setBorderColor(QColor(255, 255, 255, 200) if not is_dark() else QColor(30, 30, 30))
            s.hovered.connect(self._on_hovered)
            s.clicked.connect(self._on_clicked)
            self.scatter[label] = s
            self.chart.addSeries(s)
        for series in self.chart.series():
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)

        self.range_group = QButtonGroup(self)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        title = QLabel("Mood over time", self)
        title.setObjectName("sectionTitle")
        bar.addWidget(title)
        self.info_label = QLabel(self)
        self.info_label.setObjectName("mutedLabel")
        bar.addWidget(self.info_label)
        bar.addStretch(1)
        for i, (text, days) in enumerate(RANGES):
            button = QPushButton(text, self)
            button.setCheckable(True)
            button.setObjectName("segment")
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self.range_group.addButton(button, days)
            bar.addWidget(button)
            if days == self._days:
                button.setChecked(True)
        self.range_group.idClicked.connect(self.set_range)
        self.empty_label = QLabel("No notes yet: the chart fills in as you add them.", self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setObjectName("mutedLabel")
        self.empty_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label)

    # --- data --------------------------------------------------------------------------------
    def set_data(self, data: MoodChartData) -> None:
        """Fill the series (UI thread; the heavy lifting happened in prepare_mood_chart)."""
        self._data = data
        self._lookup.clear()
        by_label: dict[str, list[QPointF]] = {k: [] for k in self.scatter}
        for p in data.points:
            label = p.label if p.label in by_label else "neutral"
            by_label[label].append(QPointF(p.ms, p.polarity))
            self._lookup[(p.ms, p.polarity)] = (p.note_id, p.when, p.first_line, label)
        for label, series in self.scatter.items():
            series.replace(by_label[label])
        self.line.replace([QPointF(x, y) for x, y in data.line])
        empty = not data.points
        self.view.setVisible(not empty)
        self.empty_label.setVisible(empty)
        note = f"{data.total_notes} notes" + (", thinned out for speed" if data.downsampled else "")
        self.info_label.setText(f"  ·  {note}" if data.total_notes else "")
        self._apply_range()

    def point_count(self) -> int:
        return sum(s.count() for s in self.scatter.values())

    def point_for_note(self, note_id: int) -> QPointF | None:
        for (x, y), (nid, *_rest) in self._lookup.items():
            if nid == note_id:
                return QPointF(x, y)
        return None

    @Slot(int)
    def set_range(self, days: int) -> None:
        self._days = days
        button = self.range_group.button(days)
        if button is not None and not button.isChecked():
            button.setChecked(True)
        self._apply_range()
        self.range_changed.emit(days)

    def current_range(self) -> int:
        return self._days

    def _apply_range(self) -> None:
        now_ms = QDateTime.currentDateTime().toMSecsSinceEpoch()
        data = self._data
        first = data.first_ms if data and data.first_ms is not None else now_ms - 365 * _DAY_MS
        last = max(data.last_ms or now_ms, now_ms) if data else now_ms
        start = first if self._days == 0 else last - self._days * _DAY_MS
        start = min(start, last - 14 * _DAY_MS)  # never a zero-width axis
        pad = (last - start) * 0.02
        lo, hi = start - pad, last + pad
        self.x_axis.setRange(QDateTime.fromMSecsSinceEpoch(int(lo)), QDateTime.fromMSecsSinceEpoch(int(hi)))
        self.x_axis.setFormat("d MMM" if self._days and self._days <= 100 else "MMM yyyy")
        self.zero.replace([QPointF(lo, 0.0), QPointF(hi, 0.0)])

    # --- interaction -------------------------------------------------------------------------
    @Slot(QPointF, bool)
    def _on_hovered(self, point: QPointF, state: bool) -> None:
        if not state:
            QToolTip.hideText()
            return
        info = self._lookup.get((point.x(), point.y()))
        if info is None:
            return
        _nid, when, first_line, label = info
        QToolTip.showText(QCursor.pos(), f"<b>{when:%a %d %b %Y}</b> · {LABEL_TEXT[label]} "
                          f"({point.y():+.2f})<br>{_escape(first_line)}<br><i>Click to open</i>",
                          self.view)

    @Slot(QPointF)
    def _on_clicked(self, point: QPointF) -> None:
        info = self._lookup.get((point.x(), point.y()))
        if info is not None:
            self.note_clicked.emit(info[0])


def _escape(text: str) -> str:
    import html

    return html.escape(text)


MAX_LABELS = 40  # names drawn on the portfolio chart; the others show on hover


class PortfolioChart(QChartView):
    """Mood now (x) against recent change (y): the souring ones sit bottom, in red."""

    contact_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        self._chart = QChart()
        super().__init__(self._chart, parent)
        _style_chart(self._chart)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName("Portfolio chart: mood now against recent change")
        self._rows: list[ContactSummary] = []
        self._labels: list[tuple[QGraphicsSimpleTextItem, QPointF]] = []
        self._lookup: dict[tuple[float, float], ContactSummary] = {}
        grid = QColor(128, 128, 128, 60)
        self.x_axis = QValueAxis()
        self.x_axis.setTitleText("Mood now  (negative ← → positive)")
        self.y_axis = QValueAxis()
        self.y_axis.setTitleText("Recent change  (souring ↓ ↑ warming)")
        for axis in (self.x_axis, self.y_axis):
            axis.setLabelFormat("%+.1f")
            _style_axis(axis, grid)
        self._chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self._chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self._zero_x = QLineSeries()
        self._zero_y = QLineSeries()
        self._series: dict[str, QScatterSeries] = {}
        for s in (self._zero_x, self._zero_y):
            s.setPen(QPen(QColor(128, 128, 128, 140), 1, Qt.PenStyle.DashLine))
            self._chart.addSeries(s)
        for trend in ("steady", "insufficient", "warming", "souring"):
            s = QScatterSeries()
            s.setName(TREND_TEXT[trend])
            s.setColor(trend_color(trend))
            s.setMarkerSize(13.0)
            s.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeRotatedRectangle
                             if trend == "souring" else QScatterSeries.MarkerShape.MarkerShapeCircle)
            s.setBorderColor(QColor(255, 255, 255, 220))
            s.clicked.connect(self._on_clicked)
            s.hovered.connect(self._on_hovered)
            self._series[trend] = s
            self._chart.addSeries(s)
        for s in self._chart.series():
            s.attachAxis(self.x_axis)
            s.attachAxis(self.y_axis)
        self._chart.legend().show()
        self._chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        for marker in self._chart.legend().markers(self._zero_x) + self._chart.legend().markers(self._zero_y):
            marker.setVisible(False)
        self._chart.plotAreaChanged.connect(self._place_labels)

    def set_contacts(self, rows: list[ContactSummary]) -> None:
        self._rows = [r for r in rows if r.mood is not None]
        self._lookup.clear()
        for item, _ in self._labels:
            self._chart.scene().removeItem(item)
        self._labels.clear()
        pts: dict[str, list[QPointF]] = {k: [] for k in self._series}
        span = 0.3
        for r in self._rows:
            trend = r.trend if r.trend in pts else "insufficient"
            p = QPointF(r.mood or 0.0, r.change)
            pts[trend].append(p)
            self._lookup[(p.x(), p.y())] = r
            span = max(span, abs(r.change) + 0.1)
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        brush = self.palette().text()
        for r in self.labelled(self._rows):
            item = QGraphicsSimpleTextItem(r.name.split()[0] if len(r.name) > 18 else r.name, self._chart)
            item.setBrush(brush)
            item.setFont(font)
            self._labels.append((item, QPointF(r.mood or 0.0, r.change)))
        for trend, series in self._series.items():
            series.replace(pts[trend])
        self.x_axis.setRange(-1.0, 1.0)
        self.y_axis.setRange(-span, span)
        self._zero_x.replace([QPointF(-1.0, 0.0), QPointF(1.0, 0.0)])
        self._zero_y.replace([QPointF(0.0, -span), QPointF(0.0, span)])
        self._place_labels()

    @staticmethod
    def labelled(rows: list[ContactSummary]) -> list[ContactSummary]:
        """The points worth a name: every one in a small portfolio; otherwise the souring ones
        and the biggest movers, up to ``MAX_LABELS`` (the rest are named on hover). Labelling
        all 10,000 points of a big journal took over a second and hid nearly all of them."""
        if len(rows) <= MAX_LABELS:
            return rows
        return sorted(rows, key=lambda r: (r.trend != "souring", -abs(r.change)))[:MAX_LABELS]

    def point_count(self) -> int:
        return sum(s.count() for s in self._series.values())

    @Slot()
    def _place_labels(self) -> None:
        """Put each name beside its point where it overlaps no other name or point (right,
        left, above, below); a name with no free spot is hidden (its tooltip still names it)."""
        gap = 9.0
        anchors = [(item, self._chart.mapToPosition(p)) for item, p in self._labels]
        # Names avoid each other and the named points; in a big portfolio they may cover an
        # unnamed point (there are thousands), which stays reachable by hover.
        dots = [QRectF(pos.x() - 7, pos.y() - 7, 14, 14) for _, pos in anchors]
        plot = self._chart.plotArea()
        taken: list[QRectF] = []

        def free(rect: QRectF) -> bool:
            return not any(rect.intersects(r) for r in taken) and not any(rect.intersects(r) for r in dots)

        for item, pos in sorted(anchors, key=lambda a: (a[1].y(), a[1].x())):
            size = item.boundingRect().size()
            w, h = size.width(), size.height()
            candidates = (QPointF(pos.x() + gap, pos.y() - h / 2), QPointF(pos.x() - gap - w, pos.y() - h / 2),
                          QPointF(pos.x() - w / 2, pos.y() - gap - h), QPointF(pos.x() - w / 2, pos.y() + gap))
            for corner in candidates:
                rect = QRectF(corner, size)
                if plot.contains(rect) and free(rect):
                    item.setPos(corner)
                    item.setVisible(True)
                    taken.append(rect)
                    break
            else:
                item.setVisible(False)

    def visible_label_rects(self) -> list[QRectF]:
        return [item.sceneBoundingRect() for item, _ in self._labels if item.isVisible()]

    @Slot(QPointF)
    def _on_clicked(self, point: QPointF) -> None:
        row = self._lookup.get((point.x(), point.y()))
        if row is not None:
            self.contact_clicked.emit(row.id)

    @Slot(QPointF, bool)
    def _on_hovered(self, point: QPointF, state: bool) -> None:
        row = self._lookup.get((point.x(), point.y()))
        if not state or row is None:
            QToolTip.hideText()
            return
        QToolTip.showText(QCursor.pos(), f"<b>{_escape(row.name)}</b> · {_escape(row.company)}<br>"
                          f"{TREND_TEXT.get(row.trend, row.trend)}: mood {row.mood:+.2f}, "
                          f"change {row.change:+.2f}<br><i>Click to open</i>", self)
