"""The portfolio report: every active relationship on the first page(s), then one section each."""
from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter

from ui.reports import style
from ui.reports.canvas import Canvas, Card
from ui.reports.chart import paint_spark
from ui.reports.contact import contact_blocks
from ui.reports.data import TREND_ORDER, ContactReport, Period
from ui.reports.flow import Block, Column, Section
from ui.reports.text import Run

SPARK_POINTS = 30


def order(reports: Sequence[ContactReport]) -> list[ContactReport]:
    """Souring first (the steepest fall on top), then steady, warming, and too-new ones."""
    return sorted(reports, key=lambda r: (TREND_ORDER.get(r.trend.direction, 9), r.trend.change,
                                          r.contact.name.lower()))


def _spark_values(report: ContactReport) -> list[float]:
    values = [v for _, v in report.smooth]
    if len(values) > SPARK_POINTS:
        step = (len(values) - 1) / (SPARK_POINTS - 1)
        values = [values[round(i * step)] for i in range(SPARK_POINTS)]
    return values


def overview_blocks(c: Canvas, reports: Sequence[ContactReport], period: Period) -> list[Block]:
    counts = {k: sum(1 for r in reports if r.trend.direction == k) for k in TREND_ORDER}
    blocks: list[Block] = [
        c.text("Portfolio report", size=20, bold=True, after=2),
        c.text(f"{len(reports)} active relationship{'s' if len(reports) != 1 else ''}  ·  "
               f"Period: {period.describe()}", size=11, color=style.MUTED, after=10),
        c.cards([Card("Souring", str(counts["souring"]), style.NEGATIVE, "need attention"),
                 Card("Steady", str(counts["steady"]), style.ACCENT, "holding"),
                 Card("Warming", str(counts["warming"]), style.POSITIVE, "going well"),
                 Card("Too early", str(counts["insufficient"]), style.MUTED, "under 3 notes")]),
        c.heading("All relationships, souring first"),
    ]
    if not reports:
        blocks.append(c.text("No active contacts yet. Add clients in Rapport, or import notes from "
                             "a CSV file.", color=style.MUTED))
        return blocks
    right = Qt.AlignmentFlag.AlignRight
    columns = [Column("Contact", 30), Column("Trend", 14), Column("Mood", 8, right),
               Column("Change", 9, right), Column("Last contact", 14, right), Column("Notes", 8, right),
               Column("Mood line", 17)]
    rows = []
    for r in reports:
        t = r.trend
        who = [Run(r.contact.name, bold=True)]
        if r.contact.company:
            who.append(Run(f"\n{r.contact.company}", color=style.MUTED, size=style.SMALL_PT))
        color = style.TREND_COLORS[t.direction]
        values = _spark_values(r)

        def spark(p: QPainter, rect: QRectF, values=values, color=color) -> None:
            paint_spark(p, rect, values, color, c.u)
        rows.append([
            who,
            [Run(style.TREND_WORDS[t.direction] if t.direction != "insufficient" else "Too early",
                 bold=True, color=color)],
            style.signed(t.mood) if r.points else "–",
            style.signed(t.change) if t.direction != "insufficient" else "–",
            f"{r.last:%d %b %Y}" if r.last else "–",
            str(r.stats.notes),
            spark,
        ])
    blocks += c.table(columns, rows)
    blocks.append(c.text("Mood runs from −1 (very negative) to +1 (very positive). Change compares "
                         "the mood now with the mood before the most recent notes. The mood line "
                         "shows the period, oldest on the left.", size=style.SMALL_PT,
                         color=style.MUTED, before=6))
    return blocks


def portfolio_blocks(c: Canvas, reports: Sequence[ContactReport], period: Period,
                     include_text: bool) -> list[Block]:
    ordered = order(reports)
    blocks = overview_blocks(c, ordered, period)
    for r in ordered:
        blocks.append(Section(r.contact.name))
        blocks += contact_blocks(c, r, include_text)
    return blocks
