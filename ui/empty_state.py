"""First run: an empty journal says what to do next instead of showing empty tables."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from models.appinfo import APP_NAME, APP_TAGLINE
from ui.theme import icon


class EmptyState(QWidget):
    add_contact = Signal()
    import_csv = Signal()
    open_sample = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        logo = QLabel(self)
        logo.setPixmap(icon("rapport").pixmap(QSize(96, 96)))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(f"Welcome to {APP_NAME}", self)
        title.setObjectName("emptyTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        tagline = QLabel(APP_TAGLINE, self)
        tagline.setObjectName("mutedLabel")
        tagline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel("Keep a dated note after every meeting, call or email. Rapport reads the "
                      "mood of each note and shows, per client, whether the relationship is "
                      "warming or souring, so you walk into every meeting prepared. "
                      "Everything stays on this computer.", self)
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setFixedWidth(520)  # a fixed width lets the wrapped text get its full height
        text.setMinimumHeight(text.heightForWidth(520))  # ... which a squeezed layout must keep
        self.add_button = QPushButton(icon("contact-add", "#ffffff"), "  Add your first contact", self)
        self.add_button.setObjectName("primaryButton")
        self.import_button = QPushButton(icon("import"), "  Import notes from CSV…", self)
        self.sample_button = QPushButton(icon("sample"), "  Open sample data", self)
        self.sample_button.setToolTip("Adds a dozen made-up clients with two years of notes")
        for b in (self.add_button, self.import_button, self.sample_button):
            b.setMinimumWidth(300)
            b.setMinimumHeight(b.sizeHint().height() + 10)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        for w in (logo, title, tagline):
            layout.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(20)
        for b in (self.add_button, self.import_button, self.sample_button):
            layout.addWidget(b, 0, Qt.AlignmentFlag.AlignHCenter)
        hint = QLabel("CSV columns: contact, date, text (optional: company, kind, duration)", self)
        hint.setObjectName("mutedLabel")
        layout.addSpacing(6)
        layout.addWidget(hint, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        self.add_button.clicked.connect(self.add_contact)
        self.import_button.clicked.connect(self.import_csv)
        self.sample_button.clicked.connect(self.open_sample)
