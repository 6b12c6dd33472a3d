"""All relationships on one chart: mood now against recent change."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from models import ContactSummary


class PortfolioView(QWidget):
    """The chart is built the first time the page is shown and rebuilt only while shown:
    with 10,000 contacts a rebuild costs tens of ms, too much for every saved note."""

    contact_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel("Portfolio", self)
        title.setObjectName("contactName")
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("mutedLabel")
        self.summary_label.setWordWrap(True)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(12, 10, 12, 8)
        self._layout.addWidget(title)
        self._layout.addWidget(self.summary_label)
        self._chart = None
        self._rows: list[ContactSummary] = []
        self._dirty = False

    @property
    def chart(self):
        """The ``PortfolioChart``, created and brought up to date on first use."""
        if self._chart is None:
            from ui.charts import PortfolioChart  # QtCharts only once the portfolio is wanted

            self._chart = PortfolioChart(self)
            self._layout.addWidget(self._chart, 1)
            self._chart.contact_clicked.connect(self.contact_clicked)
        if self._dirty:
            self._rebuild()
        return self._chart

    def set_contacts(self, rows: list[ContactSummary]) -> None:
        self._rows = rows
        self._dirty = True
        if self.isVisible():
            self.chart  # noqa: B018 - builds now, the page is on screen

    def showEvent(self, event) -> None:
        if self._chart is None or self._dirty:
            self.chart  # noqa: B018
        super().showEvent(event)

    def _rebuild(self) -> None:
        self._dirty = False
        active = [r for r in self._rows if not r.archived]
        self._chart.set_contacts(active)
        souring = sorted((r for r in active if r.trend == "souring"), key=lambda r: r.change)
        names = ", ".join(r.name for r in souring[:4]) + ("…" if len(souring) > 4 else "")
        self.summary_label.setText(
            f"{len(active)} active relationships. "
            + (f"Souring: {names}. " if souring else "Nothing is souring right now. ")
            + "Bottom half: losing warmth; left half: negative mood now. Click a point to open it.")
