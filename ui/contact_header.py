"""Top of the contact view: who, where, tags, how to reach them, and the trend at a glance."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from models import ContactInfo, ContactSummary
from ui.theme import (TREND_ARROW, TREND_HELP, TREND_TEXT, format_days, format_mood, mood_color,
                      trend_color)


def _stat(title: str) -> tuple[QWidget, QLabel]:
    box = QWidget()
    box.setObjectName("statBox")
    value = QLabel(box)
    value.setObjectName("statValue")
    value.setAlignment(Qt.AlignmentFlag.AlignCenter)
    caption = QLabel(title, box)
    caption.setObjectName("statCaption")
    caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
    lay = QVBoxLayout(box)
    lay.setContentsMargins(10, 4, 10, 4)
    lay.setSpacing(0)
    lay.addWidget(value)
    lay.addWidget(caption)
    return box, value


class ContactHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_label = QLabel(self)
        self.name_label.setObjectName("contactName")
        self.name_label.setTextFormat(Qt.TextFormat.RichText)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sub_label = QLabel(self)
        self.sub_label.setObjectName("mutedLabel")
        self.sub_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tags_label = QLabel(self)
        self.tags_label.setTextFormat(Qt.TextFormat.RichText)
        self.trend_label = QLabel(self)
        self.trend_label.setObjectName("trendBadge")
        boxes = []
        for title, attr in (("mood now", "mood_value"), ("recent change", "change_value"),
                            ("last contact", "last_value"), ("notes", "notes_value")):
            box, value = _stat(title)
            setattr(self, attr, value)
            boxes.append(box)
        left = QVBoxLayout()
        left.setSpacing(2)
        left.addWidget(self.name_label)
        left.addWidget(self.sub_label)
        left.addWidget(self.tags_label)
        stats = QHBoxLayout()
        stats.setSpacing(6)
        stats.addWidget(self.trend_label, 0, Qt.AlignmentFlag.AlignVCenter)
        for b in boxes:
            stats.addWidget(b)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addLayout(left, 0, 0)
        grid.setColumnStretch(0, 1)
        grid.addLayout(stats, 0, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def set_contact(self, contact: ContactInfo, summary: ContactSummary) -> None:
        archived = "  <span style='color:gray; font-size:small'>(archived)</span>" if contact.archived else ""
        self.name_label.setText(html.escape(contact.name) + archived)
        if contact.role and contact.company:
            who = [f"{contact.role} at {contact.company}"]
        else:
            who = [b for b in (contact.role, contact.company) if b]
        self.sub_label.setText("  ·  ".join(who + [b for b in (contact.email, contact.phone) if b]))
        self.tags_label.setText("&nbsp;".join(
            f"<span style='background-color:rgba(43,108,176,0.15)'>&nbsp;{html.escape(t)}&nbsp;</span>"
            for t in contact.tags))
        self.tags_label.setVisible(bool(contact.tags))
        color = trend_color(summary.trend)
        text = TREND_TEXT.get(summary.trend, summary.trend)
        self.trend_label.setText(f"{TREND_ARROW.get(summary.trend, '')}  {text}")
        self.trend_label.setToolTip(TREND_HELP.get(summary.trend, "") + (
            f" Turned around {summary.turned_at:%d %b %Y}." if summary.turned_at else ""))
        self.trend_label.setStyleSheet(
            f"QLabel#trendBadge {{ color: white; background: {color.name()}; border-radius: 12px;"
            f" padding: 5px 14px; font-weight: bold; }}")
        self.trend_label.setAccessibleName(f"Trend: {text}")
        self.mood_value.setText(format_mood(summary.mood))
        self.mood_value.setStyleSheet(f"color: {mood_color(summary.mood).name()};")
        self.change_value.setText(f"{summary.change:+.2f}" if summary.note_count >= 3 else "–")
        self.last_value.setText(format_days(summary.days_since_last()))
        self.notes_value.setText(str(summary.note_count))
