"""The portfolio report: every active relationship on the first page(s), then one section each.

Three contents: ``summary`` (the overview pages alone), ``compact`` (the default: the overview,
then per contact its header, verdict cards, mood chart and stand-out notes) and ``full`` (each
section also lists every note of the period, as the contact report does).

Everything is a generator: a contact's data is read when its section is reached and let go
after, so 10,000 contacts cost the memory of one (see ``Canvas.render_stream``)."""
from __future__ import annotations

from typing import Callable, Iterator, Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter

from ui.reports import data, style
from ui.reports.canvas import Canvas, Card
from ui.reports.chart import paint_spark
from ui.reports.contact import contact_blocks_iter
from ui.reports.data import TREND_ORDER, OverviewRow, Period
from ui.reports.flow import Block, Column, Section
from ui.reports.text import Run

CONTENTS = ("compact", "full", "summary")


def overview_blocks(c: Canvas, rows: Sequence[OverviewRow], period: Period,
                    stored_spark: bool = False) -> Iterator[Block]:
    counts = {k: sum(1 for r in rows if r.direction == k) for k in TREND_ORDER}
    yield c.text("Portfolio report", size=20, bold=True, after=2)
    yield c.text(f"{len(rows):,} active relationship{'s' if len(rows) != 1 else ''}  ·  "
                 f"Period: {period.describe()}", size=11, color=style.MUTED, after=10)
    yield c.cards([Card("Souring", str(counts["souring"]), style.NEGATIVE, "need attention"),
                   Card("Steady", str(counts["steady"]), style.ACCENT, "holding"),
                   Card("Warming", str(counts["warming"]), style.POSITIVE, "going well"),
                   Card("Too early", str(counts["insufficient"]), style.MUTED, "under 3 notes")])
    yield c.heading("All relationships, souring first")
    if not rows:
        yield c.text("No active contacts yet. Add clients in Rapport, or import notes from "
                     "a CSV file.", color=style.MUTED)
        return
    right = Qt.AlignmentFlag.AlignRight
    columns = [Column("Contact", 30), Column("Trend", 14), Column("Mood", 8, right),
               Column("Change", 9, right), Column("Last contact", 14, right), Column("Notes", 8, right),
               Column("Mood line", 17)]

    def cells() -> Iterator[list]:
        for r in rows:
            who = [Run(r.name, bold=True)]
            if r.company:
                who.append(Run(f"\n{r.company}", color=style.MUTED, size=style.SMALL_PT))
            color = style.TREND_COLORS.get(r.direction, style.MUTED)

            def spark(p: QPainter, rect: QRectF, values=r.spark, color=color) -> None:
                paint_spark(p, rect, list(values), color, c.u)
            yield [
                who,
                [Run(style.TREND_WORDS[r.direction] if r.direction != "insufficient" else "Too early",
                     bold=True, color=color)],
                style.signed(r.mood) if r.mood is not None else "–",
                style.signed(r.change) if r.direction != "insufficient" else "–",
                f"{r.last:%d %b %Y}" if r.last else "–",
                f"{r.notes:,}",
                spark,
            ]
    yield from c.table_iter(columns, cells())
    line = ("The mood line shows the most recent notes (up to 200), oldest on the left." if stored_spark
            else "The mood line shows the period, oldest on the left.")
    yield c.text("Mood runs from −1 (very negative) to +1 (very positive). Change compares "
                 "the mood now with the mood before the most recent notes. " + line,
                 size=style.SMALL_PT, color=style.MUTED, before=6)


def portfolio_blocks(c: Canvas, rows: Sequence[OverviewRow], period: Period, include_text: bool,
                     content: str = "compact", stored_spark: bool = False,
                     progress: Callable[[str], None] | None = None) -> Iterator[Block]:
    """The overview, then (unless ``summary``) one section per contact in the overview's order,
    each contact's data read only when its section is reached."""
    yield from overview_blocks(c, rows, period, stored_spark)
    if content == "summary":
        return
    with_notes = content == "full"
    for i, row in enumerate(rows, start=1):
        if progress is not None and (i % 100 == 0 or i == len(rows)):
            progress(f"Contact {i:,} of {len(rows):,}")
        report = data.contact_report(row.contact_id, period, with_notes=with_notes)
        yield Section(report.contact.name)
        yield from contact_blocks_iter(c, report, include_text, with_notes)
        del report
