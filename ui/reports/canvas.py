"""The PDF page: writer set-up, geometry, reusable pieces (headings, cards, callouts) and the
final drawing pass with running header and page numbers."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPageSize, QPainter, QPdfWriter, QPen

from ui.reports import style
from ui.reports.flow import Block, Column, Painted, Row, Spacer, Text, paginate, paginate_iter
from ui.reports.text import Paragraph, Run

TABLE_CACHE_MAX = 2000  # laid-out cells a table keeps for reuse
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}


@dataclass(frozen=True)
class Card:
    label: str
    value: str
    color: QColor | None = None  # None: ink
    note: str = ""


class Callout(Block):
    """Paragraphs on a tinted panel with a coloured bar on the left (stand-out notes)."""

    def __init__(self, paragraphs: Sequence[Paragraph], bar: QColor, u: float, width: float) -> None:
        self.paragraphs, self.bar, self.u, self.width = list(paragraphs), bar, u, width
        self.pad = 7 * u
        self.gap = 3 * u
        self.height = 2 * self.pad + sum(p.height for p in self.paragraphs) + self.gap * (len(self.paragraphs) - 1)

    def draw(self, painter: QPainter, x: float, y: float, start: float, end: float) -> None:
        painter.fillRect(QRectF(x, y, self.width, self.height), style.CALLOUT)
        painter.fillRect(QRectF(x, y, 2.5 * self.u, self.height), self.bar)
        top = y + self.pad
        for p in self.paragraphs:
            p.draw_lines(painter, x + self.pad + 3 * self.u, top, 0.0, p.height + 1)
            top += p.height + self.gap


class Canvas:
    """One report being made: page geometry in device units and builders for common blocks."""

    def __init__(self, path: Path, page_size: str, title: str, kind_label: str,
                 generated: dt.datetime) -> None:
        self.path = path
        self.writer = QPdfWriter(str(path))
        self.writer.setResolution(style.PDF_RESOLUTION)
        self.writer.setPageSize(QPageSize(PAGE_SIZES.get(page_size, QPageSize.PageSizeId.A4)))
        self.writer.setPageMargins(QMarginsF(0, 0, 0, 0))
        self.writer.setTitle(title)
        self.writer.setCreator("Rapport")
        self.u = style.PDF_RESOLUTION / 72.0
        self.page_w = float(self.writer.width())
        self.page_h = float(self.writer.height())
        self.margin = style.MARGIN_PT * self.u
        self.width = self.page_w - 2 * self.margin
        self.body_top = self.margin + style.HEADER_PT * self.u
        self.body_h = self.page_h - self.body_top - self.margin - style.FOOTER_PT * self.u
        self.kind_label = kind_label
        self.generated = generated

    # --- builders -----------------------------------------------------------------------

    def para(self, runs: list[Run] | str, size: float = style.BODY_PT, color: QColor = style.INK,
             bold: bool = False, width: float | None = None, max_lines: int | None = None,
             align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> Paragraph:
        return Paragraph(runs, width if width is not None else self.width, self.writer, size=size,
                         color=color, bold=bold, max_lines=max_lines, align=align)

    def text(self, runs: list[Run] | str, size: float = style.BODY_PT, color: QColor = style.INK,
             bold: bool = False, before: float = 0.0, after: float = 4.0,
             max_lines: int | None = None, indent: float = 0.0) -> Text:
        p = self.para(runs, size, color, bold, width=self.width - indent * self.u, max_lines=max_lines)
        return Text(p, before * self.u, after * self.u, indent * self.u)

    def heading(self, title: str, before: float = 14.0) -> Text:
        return Text(self.para(title, size=11.5, bold=True, color=style.ACCENT), before * self.u,
                    5 * self.u, keep_with_next=True)

    def spacer(self, pt: float) -> Spacer:
        return Spacer(pt * self.u)

    def rule(self, before: float = 4.0, after: float = 6.0) -> Painted:
        def paint(p: QPainter, r: QRectF) -> None:
            p.setPen(QPen(style.RULE, 0.6 * self.u))
            y = r.top() + before * self.u
            p.drawLine(QPointF(r.left(), y), QPointF(r.right(), y))
        return Painted((before + after) * self.u, self.width, paint)

    def table(self, columns: Sequence[Column], rows: Iterable[Sequence], size: float = style.BODY_PT,
              max_lines: int | None = None) -> list[Block]:
        return list(self.table_iter(columns, rows, size, max_lines))

    def table_iter(self, columns: Sequence[Column], rows: Iterable[Sequence], size: float = style.BODY_PT,
                   max_lines: int | None = None) -> Iterator[Block]:
        """The header row, then one row per item of ``rows``, laid out as they are asked for."""
        head = Row([c.title.upper() for c in columns], columns, self.width, self.u, self.writer, header=True)
        yield head
        cache: dict = {}  # equal cells share one layout (kinds, labels, repeated dates)
        for i, cells in enumerate(rows):
            if len(cache) > TABLE_CACHE_MAX:  # distinct texts (names, notes): do not keep them all
                cache.clear()
            row = Row(cells, columns, self.width, self.u, self.writer, stripe=bool(i % 2), size=size,
                      max_lines=max_lines, cache=cache)
            row.repeat_header = head
            yield row

    def callout(self, paragraphs: Sequence[Paragraph], bar: QColor) -> Callout:
        return Callout(paragraphs, bar, self.u, self.width)

    def inner_width(self) -> float:
        """Text width inside a callout."""
        return self.width - 17 * self.u

    def cards(self, cards: Sequence[Card]) -> Painted:
        u = self.u
        label_font, value_font, note_font = style.font(style.SMALL_PT - 0.5), style.font(15, bold=True), style.font(style.SMALL_PT)
        lm = QFontMetricsF(label_font, self.writer)
        vm = QFontMetricsF(value_font, self.writer)
        height = 10 * u + lm.height() + vm.height() + lm.height() * 1.2 + 6 * u
        gap = 6 * u
        card_w = (self.width - gap * (len(cards) - 1)) / max(1, len(cards))
        room = card_w - 12 * u
        widest = max((vm.horizontalAdvance(card.value) for card in cards), default=0.0)
        if widest > room:  # one size for every card, small enough for the longest value
            value_font = style.font(max(9.0, 15 * 0.95 * room / widest), bold=True)
            vm = QFontMetricsF(value_font, self.writer)

        def paint(p: QPainter, r: QRectF) -> None:
            x = r.left()
            for card in cards:
                box = QRectF(x, r.top(), card_w, r.height())
                p.fillRect(box, style.CALLOUT)
                color = card.color if card.color is not None else style.INK
                p.fillRect(QRectF(x, r.top(), card_w, 2 * u), color)
                inner = box.adjusted(7 * u, 7 * u, -5 * u, 0)
                p.setFont(label_font)
                p.setPen(style.MUTED)
                p.drawText(QRectF(inner.left(), inner.top(), inner.width(), lm.height()),
                           Qt.AlignmentFlag.AlignLeft, card.label.upper())
                p.setFont(value_font)
                p.setPen(color)
                top = inner.top() + lm.height() + 1 * u
                p.drawText(QRectF(inner.left(), top, inner.width(), vm.height()), Qt.AlignmentFlag.AlignLeft,
                           vm.elidedText(card.value, Qt.TextElideMode.ElideRight, inner.width()))
                if card.note:
                    p.setFont(note_font)
                    p.setPen(style.MUTED)
                    p.drawText(QRectF(inner.left(), top + vm.height() + 1 * u, inner.width(), lm.height() * 1.2),
                               Qt.AlignmentFlag.AlignLeft, card.note)
                x += card_w + gap
        return Painted(height, self.width, paint)

    # --- output -------------------------------------------------------------------------

    def render(self, blocks: Sequence[Block], first_title: str, max_pages: int | None = None) -> int:
        """Paginate and draw; returns the number of pages (``max_pages`` cuts the rest off)."""
        pages = paginate(blocks, self.body_h, first_title)
        if max_pages is not None:
            pages = pages[:max_pages]
        painter = self._begin()
        try:
            for number, page in enumerate(pages, start=1):
                self._draw_page(painter, page, number, len(pages))
        finally:
            painter.end()
        return len(pages)

    def render_stream(self, make_blocks: Callable[[], Iterable[Block]], first_title: str,
                      progress: Callable[[str], None] | None = None) -> int:
        """Draw a document of any length in bounded memory; returns the number of pages.

        ``make_blocks`` returns a fresh generator each call. The first pass only counts pages
        (for "Page 3 of 700"), the second draws each page as soon as it is full; in both,
        a page's layouts are dropped once it has been passed, so memory holds about one page
        (plus whatever the generator keeps, e.g. one contact's data), never the document.
        Twice the layout work, in exchange for a footer that knows the total."""
        total = 0
        for total, _page in enumerate(paginate_iter(make_blocks(), self.body_h, first_title), start=1):
            if progress is not None and total % 50 == 0:
                progress(f"Counting pages: {total:,}")
        painter = self._begin()
        drawn = 0
        try:
            for drawn, page in enumerate(paginate_iter(make_blocks(), self.body_h, first_title), start=1):
                # The journal cannot change between the passes (one database thread), but never
                # print "Page 12 of 11" if it somehow did.
                self._draw_page(painter, page, drawn, max(total, drawn))
                if progress is not None and drawn % 25 == 0:
                    progress(f"Drawing page {drawn:,} of {total:,}")
        finally:
            painter.end()
        return drawn

    def _begin(self) -> QPainter:
        painter = QPainter()
        if not painter.begin(self.writer):
            from models import JournalError
            raise JournalError(f'Cannot write "{self.path}": check that the folder exists and is writable.')
        return painter

    def _draw_page(self, painter: QPainter, page, number: int, total: int) -> None:
        if number > 1:
            self.writer.newPage()
        self._chrome(painter, page.title, number, total)
        for item in page.items:
            item.block.draw(painter, self.margin, self.body_top + item.y, item.start, item.end)

    def count_pages(self, blocks: Sequence[Block], first_title: str) -> int:
        return len(paginate(blocks, self.body_h, first_title))

    def _chrome(self, p: QPainter, title: str, number: int, total: int) -> None:
        u = self.u
        small = style.font(style.SMALL_PT)
        bold = style.font(style.SMALL_PT, bold=True)
        m = QFontMetricsF(small, self.writer)
        top = self.margin
        left, right = self.margin, self.page_w - self.margin
        p.setFont(small)
        p.setPen(style.MUTED)
        p.drawText(QRectF(left, top, self.width / 2, m.height()), Qt.AlignmentFlag.AlignLeft,
                   f"Rapport  ·  {self.kind_label}")
        p.setFont(bold)
        p.setPen(style.INK)
        p.drawText(QRectF(left + self.width / 3, top, self.width * 2 / 3, m.height()),
                   Qt.AlignmentFlag.AlignRight, title)
        p.setPen(QPen(style.RULE, 0.6 * u))
        p.drawLine(QPointF(left, top + m.height() + 4 * u), QPointF(right, top + m.height() + 4 * u))
        foot = self.page_h - self.margin - m.height()
        p.drawLine(QPointF(left, foot - 5 * u), QPointF(right, foot - 5 * u))
        p.setFont(small)
        p.setPen(style.MUTED)
        p.drawText(QRectF(left, foot, self.width / 2, m.height()), Qt.AlignmentFlag.AlignLeft,
                   f"Generated on {self.generated:%d %B %Y}  ·  Confidential")
        p.drawText(QRectF(left + self.width / 2, foot, self.width / 2, m.height()),
                   Qt.AlignmentFlag.AlignRight, f"Page {number} of {total}")


def temp_path_for(output: Path) -> Path:
    """Write beside the target first, so a failed export never leaves half a PDF behind."""
    return output.with_name(f".{output.name}.{os.getpid()}.part")
