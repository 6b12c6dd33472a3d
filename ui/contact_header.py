"""Top of the contact view: who, where, tags, how to reach them, and the trend at a glance.

Responsive: the trend badge and stat cards sit to the right of the name when there is room,
move to a second row when there is not, and wrap card by card when even that is too narrow.
The name elides rather than pushing the layout wider.
"""
from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from models import ContactInfo, ContactSummary
from ui.flow_layout import FlowLayout
from ui.theme import (TREND_ARROW, TREND_HELP, TREND_TEXT, format_days, format_mood, mood_color,
                      trend_color)

LEFT_MIN = 240  # the name block keeps at least this much beside the stats, or the stats wrap


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
    lay.setContentsMargins(8, 3, 8, 3)
    lay.setSpacing(0)
    lay.addWidget(value)
    lay.addWidget(caption)
    return box, value


class ElidedNameLabel(QLabel):
    """The contact's name, elided with "…" when narrow (full name in the tooltip)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = ""
        self._suffix = ""
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_name(self, name: str, suffix_html: str = "") -> None:
        self._name, self._suffix = name, suffix_html
        self._refresh()

    def full_name(self) -> str:
        return self._name

    def natural_width(self) -> int:
        return self.fontMetrics().horizontalAdvance(self._name) + (60 if self._suffix else 0)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("Wm…"), super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._refresh()

    def _refresh(self) -> None:
        room = max(20, self.width() - (60 if self._suffix else 0))
        shown = self.fontMetrics().elidedText(self._name, Qt.TextElideMode.ElideRight, room)
        self.setText(html.escape(shown) + self._suffix)
        self.setToolTip(self._name if shown != self._name else "")


class ContactHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_label = ElidedNameLabel(self)
        self.name_label.setObjectName("contactName")
        self.sub_label = QLabel(self)
        self.sub_label.setObjectName("mutedLabel")
        self.sub_label.setWordWrap(True)
        self.sub_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tags_label = QLabel(self)
        self.tags_label.setTextFormat(Qt.TextFormat.RichText)
        self.tags_label.setWordWrap(True)
        self.stats = QWidget(self)
        self.stats_layout = FlowLayout(self.stats, spacing=6)
        self.trend_label = QLabel(self.stats)
        self.trend_label.setObjectName("trendBadge")
        self.stats_layout.addWidget(self.trend_label)
        for title, attr in (("mood now", "mood_value"), ("recent change", "change_value"),
                            ("last contact", "last_value"), ("notes", "notes_value")):
            box, value = _stat(title)
            box.setParent(self.stats)
            setattr(self, attr, value)
            self.stats_layout.addWidget(box)
        self.left = QWidget(self)
        left = QVBoxLayout(self.left)
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(2)
        left.addWidget(self.name_label)
        left.addWidget(self.sub_label)
        left.addWidget(self.tags_label)
        self.left.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(6)
        self.grid.setColumnStretch(0, 1)
        self.grid.addWidget(self.left, 0, 0)
        self._wide: bool | None = None
        self._place_stats(wide=True)

    # --- layout ------------------------------------------------------------------------------
    def is_wide(self) -> bool:
        """True when the stats sit beside the name, False when they wrapped below it."""
        return bool(self._wide)

    def _left_needed(self) -> int:
        fm = self.sub_label.fontMetrics()
        natural = max(self.name_label.natural_width(), fm.horizontalAdvance(self.sub_label.text()))
        return max(LEFT_MIN, min(natural, 420))

    def _place_stats(self, wide: bool) -> None:
        if wide == self._wide:
            return
        self._wide = wide
        self.grid.removeWidget(self.stats)
        if wide:
            self.stats.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
            self.grid.addWidget(self.stats, 0, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        else:
            self.stats.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self.grid.addWidget(self.stats, 1, 0, 1, 2)

    def _update_mode(self) -> None:
        need = self._left_needed() + self.grid.horizontalSpacing() + self.stats_layout.sizeHint().width()
        self._place_stats(self.width() >= need)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_mode()

    # --- data --------------------------------------------------------------------------------
    def set_contact(self, contact: ContactInfo, summary: ContactSummary) -> None:
        archived = "  <span style='color:gray; font-size:small'>(archived)</span>" if contact.archived else ""
        self.name_label.set_name(contact.name, archived)
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
        self._update_mode()
