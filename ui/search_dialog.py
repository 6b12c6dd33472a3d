"""Ctrl+F: full-text search over every note and contact, results open on click."""
from __future__ import annotations

import html
import re
from typing import Any

from PySide6.QtCore import (QAbstractListModel, QModelIndex, QPersistentModelIndex, QRectF, QSize,
                            Qt, QTimer, Signal, Slot)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QLabel, QLineEdit, QListView, QStyle,
                               QStyledItemDelegate, QStyleOptionViewItem, QVBoxLayout, QWidget)

import models
from models import SearchHit
from ui.worker import Worker

HIT_ROLE = Qt.ItemDataRole.UserRole + 20
HTML_ROLE = Qt.ItemDataRole.UserRole + 21
_Index = QModelIndex | QPersistentModelIndex


def _who_line(hit: SearchHit) -> str:
    who = f"{hit.contact_name} ({hit.company})" if hit.company else hit.contact_name
    if hit.note_id is None:
        return f"{who}  ·  Contact"
    when = f"{hit.occurred_at:%d %b %Y}" if hit.occurred_at else ""
    return f"{who}  ·  {when}  ·  {hit.kind}"


def hit_text(hit: SearchHit) -> str:
    """Plain text (screen readers, tooltips): no markers."""
    snippet = hit.snippet.replace("[[", "").replace("]]", "")
    return _who_line(hit) if hit.note_id is None else f"{_who_line(hit)}\n{snippet}"


def snippet_html(snippet: str) -> str:
    """The snippet with the matches (between [[ and ]]) in bold; everything else escaped."""
    out, bold = [], False
    for part in re.split(r"(\[\[|\]\])", snippet):
        if part == "[[":
            bold = True
        elif part == "]]":
            bold = False
        elif part:
            out.append(f"<b>{html.escape(part)}</b>" if bold else html.escape(part))
    return "".join(out)


def hit_html(hit: SearchHit) -> str:
    who = html.escape(_who_line(hit))
    if hit.note_id is None:
        return who
    return f"{who}<br>{snippet_html(hit.snippet)}"


class SearchHitDelegate(QStyledItemDelegate):
    """Paints a hit as rich text so the matched words show in bold."""

    _CACHE_MAX = 400

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        # Laid-out documents by (html, width, font): sizeHint and paint share one, and a
        # repaint does not lay the rich text out again (100 hits, twice each, was ~30 ms).
        self._docs: dict[tuple[int, int, str], QTextDocument] = {}

    def _layout_width(self) -> int:
        """Text width for both sizing and painting (same line breaks, one cached layout)."""
        view = self.parent()
        return view.viewport().width() if isinstance(view, QListView) else 400

    def clear_cache(self) -> None:
        self._docs.clear()

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex, width: float) -> QTextDocument:
        w = int(max(50.0, width))
        key = (index.row(), w, option.font.key())  # the cache is cleared with every new result set
        doc = self._docs.get(key)
        if doc is None:
            if len(self._docs) >= self._CACHE_MAX:
                self._docs.clear()
            html_text = index.data(HTML_ROLE) or ""
            doc = QTextDocument()
            doc.setDefaultFont(option.font)
            doc.setDocumentMargin(4)
            doc.setHtml(html_text)
            doc.setTextWidth(w)
            self._docs[key] = doc
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(option, index, self._layout_width())
        ctx = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        ctx.palette.setColor(QPalette.ColorRole.Text, option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        width = self._layout_width()
        doc = self._document(option, index, width)
        # A narrow width hint: the row follows the view's width, never a horizontal scroll bar
        # (and no idealWidth(), which lays the text out once more).
        return QSize(120, int(doc.size().height()) + 2)


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._hits)):
            return None
        hit = self._hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return hit_text(hit)
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.snippet.replace("[[", "").replace("]]", "")
        if role == HIT_ROLE:
            return hit
        if role == HTML_ROLE:
            return hit_html(hit)
        return None


class SearchDialog(QDialog):
    open_hit = Signal(int, object)  # contact id, note id or None
    results_ready = Signal(int)  # number of hits

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.setWindowTitle("Search notes")
        self.resize(620, 480)
        self._request = 0
        self.query_edit = QLineEdit(self)
        self.query_edit.setPlaceholderText('Words to find in notes and names; "quotes" for a phrase')
        self.query_edit.setClearButtonEnabled(True)
        self.model = SearchResultsModel(self)
        self.results = QListView(self)
        self.results.setModel(self.model)
        self.results.setAlternatingRowColors(True)
        self.results.setWordWrap(True)
        self._delegate = SearchHitDelegate(self.results)
        self.results.setItemDelegate(self._delegate)
        self.model.modelAboutToBeReset.connect(self._delegate.clear_cache)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setSpacing(2)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.status = QLabel("Type to search all notes.", self)
        self.status.setObjectName("mutedLabel")
        layout = QVBoxLayout(self)
        layout.addWidget(self.query_edit)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._run_search)
        self.query_edit.textChanged.connect(self._timer.start)
        self.query_edit.returnPressed.connect(self._open_first)
        self.results.activated.connect(self._on_activated)
        self.results.clicked.connect(self._on_activated)

    @Slot()
    def _run_search(self) -> None:
        text = self.query_edit.text()
        self._request += 1
        request = self._request
        if not text.strip():
            self.model.set_hits([])
            self.status.setText("Type to search all notes.")
            return
        self.worker.run(lambda: models.search(text), lambda hits: self._on_hits(request, hits),
                        label="Searching…")

    def _on_hits(self, request: int, hits: list[SearchHit]) -> None:
        if request != self._request:
            return
        self.model.set_hits(hits)
        self.status.setText(f"{len(hits)} results" if hits else "Nothing found.")
        if hits:
            self.results.setCurrentIndex(self.model.index(0))
        self.results_ready.emit(len(hits))

    @Slot()
    def _open_first(self) -> None:
        index = self.results.currentIndex()
        if index.isValid():
            self._on_activated(index)
        elif self._timer.isActive():
            self._timer.stop()
            self._run_search()

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        hit: SearchHit | None = index.data(HIT_ROLE)
        if hit is not None:
            self.open_hit.emit(hit.contact_id, hit.note_id)
            self.accept()
