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
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(24)
        # Numbers and badges get what they need (see fit_columns); the company column takes
        # the rest, so it stays readable at the default splitter share.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_COMPANY, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        fm = self.fontMetrics()
        self._user_sized: set[int] = set()  # columns the user dragged: left alone
        self._fitting = False
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
        # Until the first load arrives from the worker, a placeholder stands in for the table.
        self.loading_label = QLabel("Loading…", self)
        self.loading_label.setObjectName("mutedLabel")
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.hide()
        layout.addWidget(self.loading_label, 1)
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
        header.sectionResized.connect(self._on_section_resized)
        header.sortIndicatorChanged.connect(self._on_sort_changed)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

    # --- public ------------------------------------------------------------------------------
    def set_contacts(self, rows: list[ContactSummary], keep_id: int | None = None) -> None:
        self.model.set_contacts(rows)
        if self.loading_label.isVisibleTo(self) or self.table.isHidden():
            self.loading_label.hide()
            self.table.show()
        self.fit_columns()
        if keep_id is not None and not self.select_contact(keep_id):
            self.select_first()
        self._update_count()

    def fit_columns(self) -> None:
        """Size every column but company to its content and header text. Only the sorted
        column reserves room for the sort arrow, which keeps the numbers compact."""
        header = self.table.horizontalHeader()
        style = header.style()
        margin = 2 * style.pixelMetric(style.PixelMetric.PM_HeaderMargin, None, header) + 8
        arrow = style.pixelMetric(style.PixelMetric.PM_HeaderMarkSize, None, header) + 4
        fm = header.fontMetrics()
        self._fitting = True
        for col in (COL_NAME, COL_TREND, COL_MOOD, COL_SPARK, COL_LAST, COL_NOTES):
            if col in self._user_sized:
                continue
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal) or "")
            width = max(self.table.sizeHintForColumn(col), fm.horizontalAdvance(title) + margin)
            if col == header.sortIndicatorSection():
                width = max(width, fm.horizontalAdvance(title) + margin + arrow)
            if col == COL_NAME:  # very long names elide (full name in the tooltip)
                width = min(width, fm.horizontalAdvance("M") * 14)
            header.resizeSection(col, width)
        self._fitting = False

    def restore_header(self, state) -> bool:
        """Restore a saved column layout; restored widths count as the user's choice."""
        header = self.table.horizontalHeader()
        if not state or not header.restoreState(state):
            return False
        header.setSectionResizeMode(COL_COMPANY, QHeaderView.ResizeMode.Stretch)
        self._user_sized = {c for c in range(self.model.columnCount()) if c != COL_COMPANY}
        return True

    def header_state(self):
        """The column layout to remember, or None while the user has not resized a column."""
        return self.table.horizontalHeader().saveState() if self._user_sized else None

    @Slot(int, Qt.SortOrder)
    def _on_sort_changed(self, _col: int, _order: Qt.SortOrder) -> None:
        self.fit_columns()  # the arrow's room moves with the sorted column

    @Slot(int, int, int)
    def _on_section_resized(self, col: int, _old: int, _new: int) -> None:
        if not self._fitting and col != COL_COMPANY and self.table.isVisible():
            self._user_sized.add(col)

    def preferred_width(self) -> int:
        """Width at which every column, a readable company column included, fits."""
        header = self.table.horizontalHeader()
        fixed = sum(header.sectionSize(c) for c in range(self.model.columnCount())
                    if c != COL_COMPANY)
        company = self.table.fontMetrics().horizontalAdvance("Walsh Creative") + 16
        m = self.layout().contentsMargins()
        return fixed + company + m.left() + m.right() + 2 * self.table.frameWidth() \
            + self.table.verticalScrollBar().sizeHint().width()

    def current_id(self) -> int | None:
        idx = self.table.currentIndex()
        return idx.data(ID_ROLE) if idx.isValid() else None

    def select_contact(self, contact_id: int) -> bool:
        summary = self.model.find(contact_id)
        if summary is None:
            return False
        if self.model.row_of(contact_id) < 0:  # hidden by a filter: clear filters so it shows
            self.filter_edit.clear()
            self.trend_combo.setCurrentIndex(0)
            if summary.archived:
                self.archived_check.setChecked(True)
        row = self.model.row_of(contact_id)
        if row < 0:
            return False
        proxy_idx = self.proxy.mapFromSource(self.model.index(row, COL_NAME))
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
        shown, total = self.proxy.rowCount(), self.model.total_count()
        self.count_label.setText(f"{shown} of {total}" if shown != total else f"{total} contacts")
