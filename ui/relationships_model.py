"""The relationships list: one row per contact, sortable on every column, filterable."""
from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (QAbstractTableModel, QModelIndex, QPersistentModelIndex,
                            QSortFilterProxyModel, Qt)

from models import ContactSummary
from ui.theme import (TREND_HELP, TREND_ORDER, TREND_TEXT, format_days, format_mood, mood_color,
                      trend_icon)

COL_NAME, COL_COMPANY, COL_TREND, COL_MOOD, COL_SPARK, COL_LAST, COL_NOTES = range(7)
HEADERS = ("Name", "Company", "Trend", "Mood", "Recent", "Last contact", "Notes")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 2
ID_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex


class RelationshipsModel(QAbstractTableModel):
    """Holds ``ContactSummary`` rows; views never query the database."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ContactSummary] = []
        self._today = dt.date.today()

    # --- loading -----------------------------------------------------------------------------
    def set_contacts(self, rows: list[ContactSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._today = dt.date.today()
        self.endResetModel()

    def update_contact(self, summary: ContactSummary) -> None:
        """Replace one row in place (a targeted dataChanged keeps selection and scroll)."""
        for i, row in enumerate(self._rows):
            if row.id == summary.id:
                self._rows[i] = summary
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(HEADERS) - 1))
                return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append(summary)
        self.endInsertRows()

    def remove_contact(self, contact_id: int) -> None:
        row = self.row_of(contact_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def row_of(self, contact_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == contact_id), -1)

    def summary(self, row: int) -> ContactSummary:
        return self._rows[row]

    def summaries(self) -> list[ContactSummary]:
        return list(self._rows)

    # --- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return HEADERS[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section in (COL_MOOD, COL_NOTES):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        s = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(s, col)
        if role == SORT_ROLE:
            return self._sort_key(s, col)
        if role == SUMMARY_ROLE:
            return s
        if role == ID_ROLE:
            return s.id
        if role == Qt.ItemDataRole.DecorationRole and col == COL_TREND:
            return trend_icon(s.trend)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_MOOD:
            return mood_color(s.mood)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_MOOD, COL_NOTES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(s, col)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{s.name}, {TREND_TEXT.get(s.trend, s.trend)}, mood {format_mood(s.mood)}"
        return None

    def _display(self, s: ContactSummary, col: int) -> str | None:
        if col == COL_NAME:
            return s.name + ("  (archived)" if s.archived else "")
        if col == COL_COMPANY:
            return s.company
        if col == COL_TREND:
            return TREND_TEXT.get(s.trend, s.trend)
        if col == COL_MOOD:
            return format_mood(s.mood)
        if col == COL_SPARK:
            return None  # painted by the sparkline delegate
        if col == COL_LAST:
            return format_days(s.days_since_last(self._today))
        if col == COL_NOTES:
            return str(s.note_count)
        return None

    def _sort_key(self, s: ContactSummary, col: int) -> Any:
        if col == COL_NAME:
            return s.name.casefold()
        if col == COL_COMPANY:
            return s.company.casefold()
        if col == COL_TREND:
            # Souring first, and within a trend the biggest movers first.
            return TREND_ORDER.get(s.trend, 9) * 10.0 - abs(s.change)
        if col == COL_MOOD or col == COL_SPARK:
            return s.mood if s.mood is not None else -9.0
        if col == COL_LAST:
            days = s.days_since_last(self._today)
            return days if days is not None else 10**9
        return s.note_count

    def _tooltip(self, s: ContactSummary, col: int) -> str:
        if col == COL_TREND:
            since = f" Turned around {s.turned_at:%d %b %Y}." if s.turned_at else ""
            return f"{TREND_HELP.get(s.trend, '')} Change {s.change:+.2f}.{since}"
        if col == COL_NAME and s.tags:
            return "Tags: " + ", ".join(s.tags)
        if col == COL_LAST and s.last_note_at:
            return f"{s.last_note_at:%d %b %Y %H:%M}"
        return ""


class RelationshipsFilter(QSortFilterProxyModel):
    """Text filter over name, company and tags; trend filter; archived hidden unless asked."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._text = ""
        self._trend: str | None = None
        self._show_archived = False
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        self._refilter("_text", text.strip().casefold())

    def set_trend(self, trend: str | None) -> None:
        self._refilter("_trend", trend or None)

    def set_show_archived(self, show: bool) -> None:
        self._refilter("_show_archived", show)

    def _refilter(self, attr: str, value: object) -> None:
        # Qt 6.10 replaced invalidateFilter() with begin/endFilterChange(); support both.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            setattr(self, attr, value)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            setattr(self, attr, value)
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, RelationshipsModel) or source_row >= model.rowCount():
            return True
        s = model.summary(source_row)
        if s.archived and not self._show_archived:
            return False
        if self._trend and s.trend != self._trend:
            return False
        if self._text:
            hay = " ".join((s.name, s.company, *s.tags)).casefold()
            return all(word in hay for word in self._text.split())
        return True

    def lessThan(self, left: _Index, right: _Index) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a == b:  # stable, readable tie-break
            return str(left.siblingAtColumn(COL_NAME).data(SORT_ROLE)) < str(
                right.siblingAtColumn(COL_NAME).data(SORT_ROLE))
        return a < b
