"""Blocks stacked down the page, split across pages, with a running header and footer.

Layout happens once (each block measures itself when built), pagination is arithmetic on the
measured heights, and drawing walks the finished pages. Knowing every page before drawing gives
"Page 3 of 7", and keeps 5,000 table rows to one cheap pass. Long documents (the portfolio of
10,000 contacts) stream instead: blocks come from a generator, ``paginate_iter`` yields each
page when it is full, and the canvas draws it and lets it go (see ``Canvas.render_stream``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintDevice, QPen

from ui.reports import style
from ui.reports.text import Paragraph, Run


class Block:
    """Something of known height; ``breaks`` are offsets where it may be split."""

    height: float = 0.0
    keep_with_next: bool = False
    repeat_header: "Block | None" = None  # drawn again at the top of a page this block continues on
    prefer_whole: bool = True  # move to the next page rather than split, when it fits there

    def breaks(self) -> Sequence[float]:
        return ()

    def draw(self, painter: QPainter, x: float, y: float, start: float, end: float) -> None:
        raise NotImplementedError


class Spacer(Block):
    def __init__(self, height: float) -> None:
        self.height = height

    def draw(self, painter: QPainter, x: float, y: float, start: float, end: float) -> None:
        pass


class Section(Block):
    """Starts a new page whose running header names ``title`` (a contact in the portfolio)."""

    def __init__(self, title: str) -> None:
        self.title = title

    def draw(self, painter: QPainter, x: float, y: float, start: float, end: float) -> None:
        pass


class Text(Block):
    """A paragraph, with optional room above and below."""

    def __init__(self, paragraph: Paragraph, before: float = 0.0, after: float = 0.0,
                 indent: float = 0.0, keep_with_next: bool = False) -> None:
        self.paragraph = paragraph
        self.before, self.after, self.indent = before, after, indent
        self.height = before + paragraph.height + after
        self.keep_with_next = keep_with_next
        self.prefer_whole = len(paragraph.line_tops) <= 6  # long notes split; short ones move

    def breaks(self) -> Sequence[float]:
        return [self.before + b for b in self.paragraph.line_bottoms[:-1]]

    def draw(self, painter: QPainter, x: float, y: float, start: float, end: float) -> None:
        # Block offset ``start`` sits at ``y``; the paragraph begins ``before`` lower.
        self.paragraph.draw_lines(painter, x + self.indent, y, start - self.before, end - self.before)


class Painted(Block):
    """A fixed-size drawing (chart, metric cards) done by a callback into its rectangle."""

    def __init__(self, height: float, width: float, paint: Callable[[QPainter, QRectF], None],
                 keep_with_next: bool = False) -> None:
        self.height, self.width, self._paint = height, width, paint
        self.keep_with_next = keep_with_next

    def draw(self, painter: QPainter, x: float, y: float, start: float, end: float) -> None:
        painter.save()
        self._paint(painter, QRectF(x, y, self.width, self.height))
        painter.restore()


@dataclass
class Column:
    title: str
    weight: float  # share of the table width
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft


def _cell_key(cell: str | Sequence[Run]) -> tuple:
    """What makes two cells lay out the same: their text and the look of every run."""
    if isinstance(cell, str):
        return (cell,)
    return tuple((r.text, r.bold, r.italic, None if r.color is None else r.color.rgba(), r.size)
                 for r in cell)


class Row(Block):
    """One table row; a row taller than a page splits between the lines of its tallest cell.

    ``cache`` (one per table) shares the laid-out paragraph of equal cells: a table of 5,000
    notes has a handful of distinct kinds and labels, and a paragraph never changes once built.
    """

    def __init__(self, cells: Sequence, columns: Sequence[Column], width: float, u: float,
                 device: QPaintDevice, *, header: bool = False, stripe: bool = False,
                 size: float = style.BODY_PT, max_lines: int | None = None,
                 cache: dict | None = None) -> None:
        self.pad = 3.0 * u
        self.u = u
        total = sum(c.weight for c in columns)
        self.widths = [width * c.weight / total for c in columns]
        self.width = width
        self.header, self.stripe = header, stripe
        self.cells: list[Paragraph | Callable] = []
        for i, (cell, col, w) in enumerate(zip(cells, columns, self.widths)):
            if callable(cell):
                self.cells.append(cell)
                continue
            key = None
            if cache is not None:
                key = (i, w, col.align, size, header, max_lines, _cell_key(cell))
                para = cache.get(key)
                if para is not None:
                    self.cells.append(para)
                    continue
            para = Paragraph(cell, w - 2 * self.pad, device, align=col.align,
                             size=style.SMALL_PT if header else size, bold=header,
                             color=style.MUTED if header else style.INK,
                             line_spacing=1.1, max_lines=max_lines)
            if key is not None:
                cache[key] = para
            self.cells.append(para)
        texts = [c for c in self.cells if isinstance(c, Paragraph)]
        tallest = max(texts, key=lambda c: c.height, default=None)
        inner = max(tallest.height if tallest else 0.0, (style.BODY_PT + 2) * u)
        self.height = inner + 2 * self.pad
        self._breaks = [self.pad + b for b in tallest.line_bottoms[:-1]] if tallest else []
        self.keep_with_next = header
        self.prefer_whole = self.height < 120 * u

    def breaks(self) -> Sequence[float]:
        return self._breaks

    def draw(self, painter: QPainter, x: float, y: float, start: float, end: float) -> None:
        part = min(end, self.height) - start
        if self.header:
            painter.fillRect(QRectF(x, y, self.width, part), style.STRIPE)
        elif self.stripe:
            painter.fillRect(QRectF(x, y, self.width, part), QColor("#fafbfc"))
        painter.setPen(QPen(style.RULE, 0.5 * self.u))
        painter.drawLine(x, y + part, x + self.width, y + part)
        cx = x
        for cell, w in zip(self.cells, self.widths):
            if isinstance(cell, Paragraph):
                cell.draw_lines(painter, cx + self.pad, y + max(0.0, self.pad - start),
                                max(0.0, start - self.pad), end - self.pad)
            elif start == 0:
                painter.save()
                cell(painter, QRectF(cx + self.pad, y + self.pad, w - 2 * self.pad,
                                     self.height - 2 * self.pad))
                painter.restore()
            cx += w


@dataclass
class Placed:
    block: Block
    y: float
    start: float
    end: float


@dataclass
class Page:
    title: str
    items: list[Placed] = field(default_factory=list)


def paginate(blocks: Iterable[Block], body_height: float, first_title: str) -> list[Page]:
    """Assign every block (or slice of one) to a page and a position on it."""
    return list(paginate_iter(blocks, body_height, first_title))


def paginate_iter(blocks: Iterable[Block], body_height: float, first_title: str) -> Iterator[Page]:
    """The pages one at a time, each yielded as soon as it is full.

    ``blocks`` may be a generator: only the block being placed and the one after it (for
    ``keep_with_next``) are held, so a caller that draws each page and drops it keeps memory
    bounded by one page, whatever the length of the document."""
    page = Page(first_title)
    y = 0.0
    it = iter(blocks)
    nxt = next(it, None)
    while nxt is not None:
        block, nxt = nxt, next(it, None)
        if isinstance(block, Section):
            if page.items:
                yield page
                page, y = Page(block.title), 0.0
            else:
                page.title = block.title
            continue
        need = block.height
        if block.keep_with_next and nxt is not None:
            first = nxt.breaks()[0] if nxt.breaks() and not nxt.prefer_whole else nxt.height
            need += min(first, body_height / 3)
        if y > 0 and y + need > body_height and (block.prefer_whole or not _fits_some(block, body_height - y)):
            yield page
            page = Page(page.title)
            y = _repeat(block, page)
        start = 0.0
        while True:
            room = body_height - y
            if block.height - start <= room + 0.01:
                page.items.append(Placed(block, y, start, block.height))
                y += block.height - start
                break
            cut = max((b for b in block.breaks() if start < b <= start + room), default=None)
            if cut is None:
                if y > 0:
                    yield page
                    page = Page(page.title)
                    y = _repeat(block, page)
                    continue
                cut = start + room  # one line taller than a page: cut it, nothing better exists
            page.items.append(Placed(block, y, start, cut))
            start = cut
            yield page
            page = Page(page.title)
            y = _repeat(block, page)
    yield page


def _fits_some(block: Block, room: float) -> bool:
    return any(b <= room for b in block.breaks())


def _repeat(block: Block, page: Page) -> float:
    """Put the table header back on top of a continuation page; returns the new y."""
    head = block.repeat_header
    if head is None or page.items:
        return 0.0
    page.items.append(Placed(head, 0.0, 0.0, head.height))
    return head.height
