"""The contact report: who, how it is going, the chart, the stand-out notes, every note."""
from __future__ import annotations

from typing import Iterator

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from models import NoteInfo
from ui.reports import style
from ui.reports.canvas import Canvas, Card
from ui.reports.chart import paint_mood_chart
from ui.reports.data import ContactReport, Highlight
from ui.reports.flow import Block, Column, Painted
from ui.reports.text import Run

KIND_PLURALS = {"meeting": "meetings", "call": "calls", "email": "emails", "message": "messages",
                "other": "other"}
LEFT_OUT = "Note text left out of this copy."


def verdict(report: ContactReport) -> str:
    """One sentence a partner can read aloud."""
    t = report.trend
    name = report.contact.name.split()[0] if report.contact.name.split() else report.contact.name
    if t.direction == "insufficient":
        return (f"Too few notes to call a trend yet ({t.notes} so far; three are needed). "
                f"Mood of the notes so far: {style.signed(t.mood)}.")
    since = f" since {t.turned_at:%d %b %Y}" if t.turned_at else ""
    if t.direction == "souring":
        return (f"The relationship with {name} is souring{since}: mood {style.signed(t.mood)}, "
                f"down {abs(t.change):.2f} over the recent notes.")
    if t.direction == "warming":
        return (f"The relationship with {name} is warming{since}: mood {style.signed(t.mood)}, "
                f"up {abs(t.change):.2f} over the recent notes.")
    tone = "positive" if t.mood > 0.05 else ("negative" if t.mood < -0.05 else "neutral")
    return (f"The relationship with {name} is steady and {tone}: mood {style.signed(t.mood)}, "
            f"change {style.signed(t.change)} over the recent notes.")


def title_blocks(c: Canvas, report: ContactReport) -> list[Block]:
    contact = report.contact
    sub = "  ·  ".join(x for x in (contact.role, contact.company) if x)
    blocks: list[Block] = [c.text(contact.name, size=20, bold=True, after=2)]
    if sub:
        blocks.append(c.text(sub, size=11, color=style.MUTED, after=2))
    n = report.stats.notes
    blocks.append(c.text(f"Period: {report.period.describe(report.first, report.last)}  ·  "
                         f"{n} note{'s' if n != 1 else ''}", size=style.SMALL_PT + 0.5,
                         color=style.MUTED, after=10))
    return blocks


def summary_cards(c: Canvas, report: ContactReport) -> Block:
    t = report.trend
    cards = [
        Card("Trend", style.TREND_WORDS[t.direction] if t.direction != "insufficient" else "Too early",
             style.TREND_COLORS[t.direction], f"since {t.turned_at:%d %b %Y}" if t.turned_at else ""),
        Card("Mood now", style.signed(t.mood), style.INK, "scale −1 to +1"),
        Card("Change", style.signed(t.change) if t.direction != "insufficient" else "–", style.INK,
             "over the recent notes"),
        Card("Notes", str(report.stats.notes), style.INK, "in the period"),
    ]
    if report.stats.minutes_total:
        cards.append(Card("Time spent", style.minutes_text(report.stats.minutes_total), style.INK,
                          "meetings and calls"))
    return c.cards(cards)


def activity_lines(report: ContactReport) -> list[list[Run]]:
    stats = report.stats
    kinds = sorted(stats.by_kind.items(), key=lambda kv: -kv[1])
    first: list[Run] = [Run("Notes by kind:  ", bold=True)]
    first.append(Run(",  ".join(f"{n} {KIND_PLURALS.get(k, k) if n != 1 else k}" for k, n in kinds)))
    if stats.minutes_total:
        first += [Run("      Total time:  ", bold=True), Run(style.minutes_text(stats.minutes_total))]
    second: list[Run] = [Run("Tone:  ", bold=True)]
    for i, lbl in enumerate(("positive", "neutral", "negative")):
        second.append(Run(f"{stats.by_label.get(lbl, 0)} {lbl}", color=style.LABEL_COLORS[lbl]))
        if i < 2:
            second.append(Run(",  "))
    return [first, second]


def highlight_block(c: Canvas, title: str, hl: Highlight, include_text: bool, max_lines: int = 14) -> Block:
    note = hl.note
    color = style.POSITIVE if hl.polarity > 0 else style.NEGATIVE
    head = [Run(title, bold=True, color=color),
            Run(f"   {note.occurred_at:%d %b %Y}  ·  {note.kind}  ·  score {style.signed(hl.polarity)}",
                color=style.MUTED)]
    paras = [c.para(head, width=c.inner_width())]
    if not include_text:
        paras.append(c.para(LEFT_OUT, color=style.MUTED, width=c.inner_width()))
        return c.callout(paras, color)
    runs: list[Run] = []
    pos = 0
    for start, end in hl.drivers:  # the sentences behind the score, in bold
        if start >= pos:
            runs.append(Run(note.text[pos:start]))
            runs.append(Run(note.text[start:end], bold=True))
            pos = end
    runs.append(Run(note.text[pos:]))
    paras.append(c.para(runs, width=c.inner_width(), max_lines=max_lines))
    if hl.drivers:
        paras.append(c.para("Bold: the sentences that drove the score.", size=style.SMALL_PT,
                            color=style.MUTED, width=c.inner_width()))
    return c.callout(paras, color)


def _kind_cell(note: NoteInfo) -> list[Run]:
    runs = [Run(note.kind)]
    if note.duration_min:
        runs.append(Run(f"\n{style.minutes_text(note.duration_min)}", color=style.MUTED, size=style.SMALL_PT))
    return runs


def notes_table(c: Canvas, report: ContactReport, include_text: bool) -> Iterator[Block]:
    if include_text:
        columns = [Column("Date", 14), Column("Kind", 11), Column("Label", 10), Column("Note", 65)]
    else:
        columns = [Column("Date", 18), Column("Kind", 18), Column("Label", 18), Column("Score", 14)]

    def rows() -> Iterator[list]:
        for note in report.notes:
            label = [Run(note.label, color=style.LABEL_COLORS.get(note.label, style.NEUTRAL))]
            cells: list = [f"{note.occurred_at:%d %b %Y}", _kind_cell(note), label]
            cells.append(note.text if include_text else style.signed(note.polarity))
            yield cells
    return c.table_iter(columns, rows(), size=style.BODY_PT - 0.5)


def chart_block(c: Canvas, report: ContactReport, height_pt: float = 190) -> Block:
    span = None
    if report.period.start and report.period.end:
        span = (report.period.since(), report.period.until())

    def paint(p: QPainter, rect: QRectF) -> None:
        paint_mood_chart(p, rect, report.points, report.smooth, c.u, span)
    return Painted(height_pt * c.u, c.width, paint)


def contact_blocks(c: Canvas, report: ContactReport, include_text: bool,
                   with_notes: bool = True) -> list[Block]:
    return list(contact_blocks_iter(c, report, include_text, with_notes))


def contact_blocks_iter(c: Canvas, report: ContactReport, include_text: bool,
                        with_notes: bool = True) -> Iterator[Block]:
    """The report's blocks in order, the notes table laid out row by row as it is reached.
    ``with_notes=False`` is the compact portfolio section: everything but the notes table."""
    yield from title_blocks(c, report)
    if not report.points:
        yield c.callout([
            c.para("No notes in this period.", size=11, bold=True, width=c.inner_width()),
            c.para(f"Nothing was written about {report.contact.name} "
                   f"({report.period.describe().lower()}). Pick a wider date range, or add notes "
                   "in Rapport after your next conversation.", color=style.MUTED, width=c.inner_width()),
        ], style.MUTED)
        return
    yield summary_cards(c, report)
    yield c.text(verdict(report), size=10, before=8, after=2)
    yield c.heading("Mood over the period")
    yield chart_block(c, report, 190 if with_notes else 160)
    first, second = activity_lines(report)
    yield c.text(first, size=style.SMALL_PT + 0.5, before=6, after=2)
    yield c.text(second, size=style.SMALL_PT + 0.5)
    standout_lines = 14 if with_notes else 8
    if report.most_positive or report.most_negative:
        yield c.heading("Stand-out notes")
        if report.most_positive:
            yield highlight_block(c, "Most positive", report.most_positive, include_text, standout_lines)
            yield c.spacer(6)
        if report.most_negative:
            yield highlight_block(c, "Most negative", report.most_negative, include_text, standout_lines)
    if not with_notes:
        return
    yield c.heading(f"All notes of the period ({len(report.notes)})")
    if not include_text:
        yield c.text(LEFT_OUT + " Dates, kinds and labels are kept.", size=style.SMALL_PT,
                     color=style.MUTED)
    yield from notes_table(c, report, include_text)
