"""The relationships list: one row per contact, sortable on every column, filterable."""
from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (QAbstractTableModel, QIdentityProxyModel, QModelIndex,
                            QPersistentModelIndex, Qt)

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
    """Holds ``ContactSummary`` rows; views never query the database.

    Sorting and filtering happen here, on precomputed keys, with one ``list.sort`` and one list
    comprehension (a few ms for 10,000 rows); a Python ``lessThan`` in a sort proxy cost
    hundreds of ms. ``rowCount`` is the rows shown; ``total_count`` all of them."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[ContactSummary] = []
        self._shown: list[int] = []  # indexes into _all, in display order
        self._pos: dict[int, int] = {}  # contact id -> index into _all
        self._keys: dict[int, list[Any]] = {}  # column -> sort key per row of _all (lazy)
        self._hay: list[str] | None = None  # filter text per row of _all (lazy)
        self._today = dt.date.today()
        self._sort_col = COL_TREND  # souring first until told otherwise
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._text = ""
        self._trend: str | None = None
        self._show_archived = False

    # --- loading -----------------------------------------------------------------------------
    def set_contacts(self, rows: list[ContactSummary]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._today = dt.date.today()
        self._forget_keys()
        self._shown = self._compute_shown()
        self.endResetModel()

    def update_contact(self, summary: ContactSummary) -> bool:
        """Replace (or add) one row; it moves to where the sort and filters put it. Returns
        False when nothing changed (opening a contact re-reads an identical summary)."""
        i = self._pos.get(summary.id)
        if i is not None and self._all[i] == summary:
            return False
        if i is None:
            self._all.append(summary)
            self._forget_keys()
        else:
            self._all[i] = summary
            for col, keys in self._keys.items():  # refresh only this row's cached keys
                keys[i] = self._sort_key(summary, col)
            if self._hay is not None:
                self._hay[i] = " ".join((summary.name, summary.company, *summary.tags)).casefold()
        self._relayout()
        row = self.row_of(summary.id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
        return True

    def remove_contact(self, contact_id: int) -> None:
        i = self._pos.get(contact_id)
        if i is None:
            return
        row = self.row_of(contact_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
        del self._all[i]
        self._forget_keys()
        self._shown = self._compute_shown()
        if row >= 0:
            self.endRemoveRows()

    def row_of(self, contact_id: int) -> int:
        """The shown row of a contact, or -1 when it is unknown or filtered out."""
        i = self._pos.get(contact_id)
        if i is None:
            return -1
        try:
            return self._shown.index(i)
        except ValueError:
            return -1

    def find(self, contact_id: int) -> ContactSummary | None:
        """A contact's row whether shown or filtered out."""
        i = self._pos.get(contact_id)
        return self._all[i] if i is not None else None

    def summary(self, row: int) -> ContactSummary:
        return self._all[self._shown[row]]

    def summaries(self) -> list[ContactSummary]:
        """Every row, filtered out or not, in load order."""
        return list(self._all)

    def total_count(self) -> int:
        return len(self._all)

    # --- sorting and filtering ---------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_col, self._sort_order = column, order
        self._relayout()

    def sort_column(self) -> int:
        return self._sort_col

    def set_filter(self, *, text: str | None = None, trend: str | None | bool = False,
                   show_archived: bool | None = None) -> None:
        """Change any of the filters (``trend=None`` clears it; omitted ones stay)."""
        if text is not None:
            self._text = text.strip().casefold()
        if trend is not False:
            self._trend = trend or None
        if show_archived is not None:
            self._show_archived = show_archived
        self._relayout()

    def _forget_keys(self) -> None:
        self._pos = {s.id: i for i, s in enumerate(self._all)}
        self._keys.clear()
        self._hay = None

    def _key_column(self, col: int) -> list[Any]:
        keys = self._keys.get(col)
        if keys is None:
            keys = self._keys[col] = [self._sort_key(s, col) for s in self._all]
        return keys

    def _compute_shown(self) -> list[int]:
        rows = self._all
        shown = range(len(rows))
        if not self._show_archived:
            shown = [i for i in shown if not rows[i].archived]
        if self._trend:
            trend = self._trend
            shown = [i for i in shown if rows[i].trend == trend]
        if self._text:
            if self._hay is None:
                self._hay = [" ".join((s.name, s.company, *s.tags)).casefold() for s in rows]
            hay, words = self._hay, self._text.split()
            shown = [i for i in shown if all(w in hay[i] for w in words)]
        shown = list(shown)
        if 0 <= self._sort_col < len(HEADERS):
            names = self._key_column(COL_NAME)
            if self._sort_col == COL_NAME:
                shown.sort(key=names.__getitem__)
            else:
                keys = self._key_column(self._sort_col)
                shown.sort(key=lambda i: (keys[i], names[i]))  # readable tie-break
            if self._sort_order == Qt.SortOrder.DescendingOrder:
                shown.reverse()
        return shown

    def _relayout(self) -> None:
        """Re-apply sort and filters as a layout change, so selection and scroll survive."""
        self.layoutAboutToBeChanged.emit()
        old_shown = self._shown
        persistent = self.persistentIndexList()
        self._shown = self._compute_shown()
        if persistent:
            where = {i: r for r, i in enumerate(self._shown)}
            new = []
            for idx in persistent:
                r = where.get(old_shown[idx.row()], -1) if 0 <= idx.row() < len(old_shown) else -1
                new.append(self.index(r, idx.column()) if r >= 0 else QModelIndex())
            self.changePersistentIndexList(persistent, new)
        self.layoutChanged.emit()

    # --- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._shown)

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
        if not index.isValid() or not (0 <= index.row() < len(self._shown)):
            return None
        s = self._all[self._shown[index.row()]]
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


class RelationshipsFilter(QIdentityProxyModel):
    """The filters of the relationships list, kept as a proxy for the views; the source model
    does the work (see ``RelationshipsModel``), so there is no Python code per row here."""

    def _source(self) -> RelationshipsModel | None:
        model = self.sourceModel()
        return model if isinstance(model, RelationshipsModel) else None

    def set_text(self, text: str) -> None:
        if (model := self._source()) is not None:
            model.set_filter(text=text)

    def set_trend(self, trend: str | None) -> None:
        if (model := self._source()) is not None:
            model.set_filter(trend=trend or None)

    def set_show_archived(self, show: bool) -> None:
        if (model := self._source()) is not None:
            model.set_filter(show_archived=show)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if (model := self._source()) is not None:
            model.sort(column, order)
