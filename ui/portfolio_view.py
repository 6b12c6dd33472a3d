"""All relationships on one chart: mood now against recent change."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from models import ContactSummary
from ui.charts import PortfolioChart


class PortfolioView(QWidget):
    contact_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel("Portfolio", self)
        title.setObjectName("contactName")
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("mutedLabel")
        self.summary_label.setWordWrap(True)
        self.chart = PortfolioChart(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addWidget(title)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.chart, 1)
        self.chart.contact_clicked.connect(self.contact_clicked)

    def set_contacts(self, rows: list[ContactSummary]) -> None:
        active = [r for r in rows if not r.archived]
        self.chart.set_contacts(active)
        souring = sorted((r for r in active if r.trend == "souring"), key=lambda r: r.change)
        names = ", ".join(r.name for r in souring[:4]) + ("…" if len(souring) > 4 else "")
        self.summary_label.setText(
            f"{len(active)} active relationships. "
            + (f"Souring: {names}. " if souring else "Nothing is souring right now. ")
            + "Bottom half: losing warmth; left half: negative mood now. Click a point to open it.")
