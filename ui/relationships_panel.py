"""Left side of the main window: filter bar over the relationships table."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget)

from models import ContactSummary
from ui.delegates import SparklineDelegate, TrendBadgeDelegate
from ui.relationships_model import (COL_COMPANY, COL_LAST, COL_MOOD, COL_NAME, COL_NOTES,
                                    COL_SPARK, COL_TREND, ID_ROLE, RelationshipsFilter,
                                    RelationshipsModel)
from ui.theme import TREND_TEXT, trend_icon


class RelationshipsPanel(QWidget):
    contact_selected = Signal(int)  # contact id; -1 when nothing is selected
    contact_activated = Signal(int)  # double-click / Enter: edit the contact

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RelationshipsModel(self)
        self.proxy = RelationshipsFilter(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText("Filter by name, company or tag")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Filter relationships")
        self.trend_combo = QComboBox(self)
        self.trend_combo.setAccessibleName("Filter by trend")
        self.trend_combo.addItem("All trends", "")
        for trend in ("souring", "warming", "steady", "insufficient"):
            self.trend_combo.addItem(trend_icon(trend), TREND_TEXT[trend], trend)
        self.archived_check = QCheckBox("Show archived", self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("mutedLabel")

        self.table = QTableView(self)
        self.table.setObjectName("relationshipsTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(COL_TREND, TrendBadgeDelegate(self.table))
        self.table.setItemDelegateForColumn(COL_SPARK, SparklineDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        # The company column gives way first; names keep a readable width.
        header.setSectionResizeMode(COL_COMPANY, QHeaderView.ResizeMode.Stretch)
        fm = self.fontMetrics()
        for col, sample in ((COL_NAME, "Sarah Lindqvist"), (COL_TREND, "▼ Too few notes"),
                            (COL_MOOD, "+0.00"), (COL_SPARK, "sparkline"),
                            (COL_LAST, "11 months ago"), (COL_NOTES, "Notes")):
            header.resizeSection(col, fm.horizontalAdvance(sample) + 22)
        self.table.verticalHeader().setDefaultSectionSize(fm.height() + 14)
        self.table.sortByColumn(COL_TREND, Qt.SortOrder.AscendingOrder)  # souring first

        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.trend_combo)
        foot = QHBoxLayout()
        foot.addWidget(self.archived_check)
        foot.addStretch(1)
        foot.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(foot)
        self.setTabOrder(self.filter_edit, self.trend_combo)
        self.setTabOrder(self.trend_combo, self.table)
        self.setTabOrder(self.table, self.archived_check)

        self.filter_edit.textChanged.connect(self._on_filter_text)
        self.trend_combo.currentIndexChanged.connect(self._on_trend)
        self.archived_check.toggled.connect(self._on_archived)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.activated.connect(self._on_activated)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

    # --- public ------------------------------------------------------------------------------
    def set_contacts(self, rows: list[ContactSummary], keep_id: int | None = None) -> None:
        self.model.set_contacts(rows)
        if keep_id is not None and not self.select_contact(keep_id):
            self.select_first()
        self._update_count()

    def current_id(self) -> int | None:
        idx = self.table.currentIndex()
        return idx.data(ID_ROLE) if idx.isValid() else None

    def select_contact(self, contact_id: int) -> bool:
        row = self.model.row_of(contact_id)
        if row < 0:
            return False
        proxy_idx = self.proxy.mapFromSource(self.model.index(row, COL_NAME))
        if not proxy_idx.isValid():  # hidden by a filter: clear filters so it shows
            self.filter_edit.clear()
            self.trend_combo.setCurrentIndex(0)
            if self.model.summary(row).archived:
                self.archived_check.setChecked(True)
            proxy_idx = self.proxy.mapFromSource(self.model.index(row, COL_NAME))
        if not proxy_idx.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            proxy_idx, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(proxy_idx)
        return True

    def select_first(self) -> None:
        if self.proxy.rowCount() > 0:
            self.table.selectionModel().setCurrentIndex(
                self.proxy.index(0, COL_NAME), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    # --- slots -------------------------------------------------------------------------------
    @Slot(str)
    def _on_filter_text(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_count()

    @Slot(int)
    def _on_trend(self, _i: int) -> None:
        self.proxy.set_trend(self.trend_combo.currentData())
        self._update_count()

    @Slot(bool)
    def _on_archived(self, show: bool) -> None:
        self.proxy.set_show_archived(show)
        self._update_count()

    @Slot(QModelIndex, QModelIndex)
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.contact_selected.emit(current.data(ID_ROLE) if current.isValid() else -1)

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.contact_activated.emit(index.data(ID_ROLE))

    @Slot()
    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(f"{shown} of {total}" if shown != total else f"{total} contacts")
