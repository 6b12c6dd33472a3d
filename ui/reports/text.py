"""Plain text laid out with QTextLayout: the only way note text reaches the page.

Note text is never parsed as HTML here, so ``<img src=...>`` is just characters: nothing to
escape and nothing that could load a file. Styling (bold driving sentences) comes from format
ranges over character offsets.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import QPointF
from PySide6.QtCore import Qt
from PySide6.QtGui import (QColor, QFont, QPaintDevice, QPainter, QTextCharFormat, QTextLayout,
                           QTextOption)

from ui.reports import style

ELLIPSIS = "…"


@dataclass(frozen=True)
class Run:
    """A piece of text with its look; runs are joined into one paragraph."""

    text: str
    bold: bool = False
    italic: bool = False
    color: QColor | None = None
    size: float | None = None


# A line separator keeps a typed line break inside one paragraph layout; tabs and other
# control characters would draw as boxes.
_CONTROLS = {i: " " for i in range(32)} | {10: "\u2028", 127: " "}


def starts_rtl(text: str) -> bool:
    """True when the first strong character is Hebrew/Arabic (the paragraph reads RTL)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


_NEEDS_CLEANING = re.compile("[\x00-\x1f\x7f]")


def _clean(text: str) -> str:
    if not _NEEDS_CLEANING.search(text):  # the common case: nothing to replace
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROLS)


def _cleaned(run: Run) -> Run:
    text = _clean(run.text)
    return run if text is run.text else Run(text, run.bold, run.italic, run.color, run.size)


_options: dict[Qt.AlignmentFlag, QTextOption] = {}


def _option(align: Qt.AlignmentFlag) -> QTextOption:
    """One shared text option per alignment (QTextLayout copies it)."""
    option = _options.get(align)
    if option is None:
        option = QTextOption(align)
        option.setUseDesignMetrics(True)
        # A note written in Hebrew or Arabic reads right to left, aligned right; the direction
        # comes from its first strong character, as a text editor would do.
        option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        _options[align] = option
    return option


class Paragraph:
    """Wrapped text of a fixed width; knows its line boxes so it can break across pages."""

    def __init__(self, runs: list[Run] | str, width: float, device: QPaintDevice, *,
                 size: float = style.BODY_PT, color: QColor = style.INK, bold: bool = False,
                 align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft, max_lines: int | None = None,
                 line_spacing: float = 1.2) -> None:
        if isinstance(runs, str):
            runs = [Run(runs, bold=bold)]
        self._device = device
        self._width = max(1.0, width)
        self._base = style.shared_font(size, bold=bold)  # QTextLayout keeps its own copy
        self._color = color
        self._align = align
        self._spacing = line_spacing
        self._runs = [_cleaned(r) for r in runs]
        self.line_tops: list[float] = []
        self.line_bottoms: list[float] = []
        self._layout = self._build(self._runs)
        if max_lines is not None and len(self.line_tops) > max_lines:
            self._layout = self._build(self._truncated(max_lines))
        self.height = self.line_bottoms[-1] if self.line_bottoms else 0.0

    def _build(self, runs: list[Run]) -> QTextLayout:
        """Lay the runs out; fills ``line_tops`` and ``line_bottoms``."""
        text = runs[0].text if len(runs) == 1 else "".join(r.text for r in runs)
        layout = QTextLayout(text, self._base, self._device)
        align = self._align
        if align == Qt.AlignmentFlag.AlignLeft and starts_rtl(text):
            align = Qt.AlignmentFlag.AlignRight  # RTL text starts at the right edge
        layout.setTextOption(_option(align))
        formats = []
        pos = 0
        for run in runs:
            if run.text and (run.bold or run.italic or run.color is not None or run.size):
                fmt = QTextCharFormat()
                if run.bold:
                    fmt.setFontWeight(QFont.Weight.Bold)
                if run.italic:
                    fmt.setFontItalic(True)
                if run.color is not None:
                    fmt.setForeground(run.color)
                if run.size:
                    fmt.setFontPointSize(run.size)
                rng = QTextLayout.FormatRange()
                rng.start, rng.length, rng.format = pos, len(run.text), fmt
                formats.append(rng)
            pos += len(run.text)
        if formats:
            layout.setFormats(formats)
        tops: list[float] = []
        bottoms: list[float] = []
        layout.beginLayout()
        y = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(self._width)
            line.setPosition(QPointF(0.0, y))
            height = line.height()
            top = line.y()  # stored in fixed point: not exactly ``y``
            tops.append(top)
            bottoms.append(top + height)
            y += height * self._spacing
        layout.endLayout()
        self.line_tops, self.line_bottoms = tops, bottoms
        return layout

    def _truncated(self, max_lines: int) -> list[Run]:
        """The runs cut after ``max_lines`` lines, with an ellipsis, for the one-page brief."""
        last = self._layout.lineAt(max_lines - 1)
        keep = max(0, last.textStart() + last.textLength() - 2)
        out: list[Run] = []
        pos = 0
        for run in self._runs:
            if pos >= keep:
                break
            out.append(Run(run.text[:keep - pos], run.bold, run.italic, run.color, run.size))
            pos += len(run.text)
        if out:
            last_run = out[-1]
            out[-1] = Run(last_run.text.rstrip() + ELLIPSIS, last_run.bold, last_run.italic,
                          last_run.color, last_run.size)
        return out

    def draw_lines(self, painter: QPainter, x: float, y: float, start: float, end: float) -> None:
        """Draw the lines whose top lies in [start, end), shifted so offset ``start`` lands at ``y``
        (``start`` may be negative: room above the paragraph)."""
        painter.setPen(self._color)
        origin = QPointF(x, y - start)
        for i, top in enumerate(self.line_tops):
            if max(start, 0.0) <= top < end:
                self._layout.lineAt(i).draw(painter, origin)
