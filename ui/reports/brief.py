"""The one-page pre-meeting brief. It must fit one page, so every text has a line budget and
the budget shrinks until the page count is one."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

import models
from models import Brief
from sentiment import smooth_series
from ui.reports import style
from ui.reports.canvas import Canvas, Card
from ui.reports.chart import paint_mood_chart
from ui.reports.contact import LEFT_OUT
from ui.reports.flow import Block, Column, Painted
from ui.reports.text import Run

CHART_DAYS = 180
# (lines per note, chart height in points, lines per stand-out note): tried in order.
BUDGETS = [(3, 150, 5), (2, 120, 3), (1, 90, 2), (1, 0, 1)]


def _chart(c: Canvas, contact_id: int, now: dt.datetime, height_pt: float) -> Block:
    history = models.mood_points(contact_id, until=now)
    since = now - dt.timedelta(days=CHART_DAYS)
    points = [p for p in history if p.occurred_at >= since]
    smooth = [(t, v) for t, v in smooth_series([(p.occurred_at, p.polarity) for p in history]) if t >= since]

    def paint(p: QPainter, rect: QRectF) -> None:
        paint_mood_chart(p, rect, points, smooth, c.u, (since, now))
    return Painted(height_pt * c.u, c.width, paint)


def _list(c: Canvas, items: tuple[str, ...], empty: str, max_lines: int) -> list[Block]:
    if not items:
        return [c.text(empty, color=style.MUTED)]
    return [c.text([Run("•  "), Run(item)], max_lines=max_lines, after=2, indent=4) for item in items]


def brief_blocks(c: Canvas, b: Brief, include_text: bool, budget: tuple[int, float, int]) -> list[Block]:
    note_lines, chart_pt, standout_lines = budget
    s, contact = b.summary, b.contact
    sub = "  ·  ".join(x for x in (contact.role, contact.company) if x)
    days = s.days_since_last(b.generated_at.date())
    blocks: list[Block] = [
        c.text(f"Brief: {contact.name}", size=18, bold=True, after=2),
        c.text(sub or " ", size=10.5, color=style.MUTED, after=8),
        c.cards([
            Card("Trend", style.TREND_WORDS[s.trend] if s.trend != "insufficient" else "Too early",
                 style.TREND_COLORS[s.trend], f"since {s.turned_at:%d %b %Y}" if s.turned_at else ""),
            Card("Mood now", style.signed(b.mood_now), style.INK, "scale −1 to +1"),
            Card("3 months ago", style.signed(b.mood_3m_ago), style.INK, "mood then"),
            Card("Last contact", f"{b.last_contact:%d %b}" if b.last_contact else "never",
                 style.INK, f"{days} days ago" if days is not None else ""),
            Card("Notes", str(s.note_count), style.INK,
                 style.minutes_text(s.minutes_total) + " in total" if s.minutes_total else "in total"),
        ]),
    ]
    if chart_pt and s.note_count:
        blocks += [c.heading("Mood, last six months", before=10), _chart(c, contact.id, b.generated_at, chart_pt)]
    if include_text:
        blocks.append(c.heading("What moved the mood", before=10))
        blocks += _list(c, b.drivers, "Nothing stands out in the last three months.", note_lines)
        blocks.append(c.heading("Follow-ups and promises", before=8))
        blocks += _list(c, b.follow_ups, "No open follow-ups found in recent notes.", note_lines)
    blocks.append(c.heading("Last five notes", before=10))
    if b.recent:
        columns = [Column("Date", 13), Column("Kind", 10), Column("Label", 10),
                   Column("Note" if include_text else "Score", 67 if include_text else 12)]
        rows = [[f"{n.occurred_at:%d %b %Y}", n.kind,
                 [Run(n.label, color=style.LABEL_COLORS.get(n.label, style.NEUTRAL))],
                 n.text if include_text else style.signed(n.polarity)] for n in b.recent]
        blocks += c.table(columns, rows, size=style.BODY_PT - 0.5, max_lines=note_lines)
    else:
        blocks.append(c.text("No notes yet.", color=style.MUTED))
    for title, note, color in (("Most positive recently", b.most_positive, style.POSITIVE),
                               ("Most negative recently", b.most_negative, style.NEGATIVE)):
        if note is None:
            continue
        head = [Run(title, bold=True, color=color),
                Run(f"   {note.occurred_at:%d %b %Y}  ·  {note.kind}", color=style.MUTED)]
        body = c.para(note.text if include_text else LEFT_OUT, width=c.inner_width(),
                      max_lines=standout_lines, color=style.INK if include_text else style.MUTED)
        blocks += [c.spacer(6), c.callout([c.para(head, width=c.inner_width()), body], color)]
    if not include_text:
        blocks.append(c.text(LEFT_OUT, size=style.SMALL_PT, color=style.MUTED, before=6))
    return blocks


def fitted_brief_blocks(c: Canvas, b: Brief, include_text: bool) -> list[Block]:
    """The richest version of the brief that still fits on one page."""
    blocks: list[Block] = []
    for budget in BUDGETS:
        blocks = brief_blocks(c, b, include_text, budget)
        if c.count_pages(blocks, b.contact.name) == 1:
            return blocks
    return blocks  # still too long: render() is told to keep page one only
