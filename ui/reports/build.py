"""Make one report file from options. Safe on a worker thread: no widgets, only QPdfWriter,
QPainter and text layouts, and the journal read through ``models``."""
from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QLocale

import models
from ui.reports import data
from ui.reports.brief import fitted_brief_blocks
from ui.reports.canvas import Canvas, temp_path_for
from ui.reports.contact import contact_blocks
from ui.reports.data import Period
from ui.reports.portfolio import CONTENTS, portfolio_blocks

KINDS = ("contact", "brief", "portfolio")
# Territories whose paper is US Letter (the Americas that use it, and the Philippines).
LETTER_TERRITORIES = {
    "UnitedStates", "Canada", "Mexico", "Chile", "Colombia", "Venezuela", "Philippines",
    "CostaRica", "Guatemala", "Panama", "PuertoRico", "DominicanRepublic", "ElSalvador",
    "Nicaragua", "Belize",
}


def default_page_size(locale: QLocale | None = None) -> str:
    locale = locale or QLocale.system()
    return "Letter" if locale.territory().name in LETTER_TERRITORIES else "A4"


@dataclass(frozen=True)
class ReportOptions:
    kind: str  # contact | brief | portfolio
    output: Path
    contact_id: int | None = None
    period: Period = field(default_factory=lambda: Period(None, None))
    include_text: bool = True
    page_size: str = "A4"
    now: dt.datetime | None = None
    # Portfolio only: "compact" (overview + short section per contact), "full" (each section
    # with its notes table) or "summary" (the overview pages alone).
    portfolio: str = "compact"
    # Called from the building thread with a short status ("Contact 1,200 of 10,000").
    progress: Callable[[str], None] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class ReportResult:
    path: Path
    pages: int
    seconds: float


def build_report(options: ReportOptions) -> ReportResult:
    """Write the PDF; raises ``models.JournalError`` with a plain message when it cannot."""
    started = time.perf_counter()
    if options.kind not in KINDS:
        raise models.JournalError(f'Unknown report "{options.kind}"; choose {", ".join(KINDS)}.')
    if options.kind == "portfolio" and options.portfolio not in CONTENTS:
        raise models.JournalError(f'Unknown portfolio content "{options.portfolio}"; choose {", ".join(CONTENTS)}.')
    if options.kind != "portfolio" and options.contact_id is None:
        raise models.JournalError("Choose a contact for this report.")
    p = options.period
    if p.start and p.end and p.start > p.end:
        raise models.JournalError(f"The period starts ({p.start}) after it ends ({p.end}).")
    output = Path(options.output).expanduser()
    if not output.parent.is_dir():
        raise models.JournalError(f'The folder "{output.parent}" does not exist.')
    now = options.now or dt.datetime.now().replace(microsecond=0)
    part = temp_path_for(output)
    try:
        pages = _write(options, part, now)
        os.replace(part, output)
    except PermissionError:
        raise models.JournalError(f'Cannot write "{output}": it is read-only or open in another program.') from None
    finally:
        if part.exists():
            part.unlink()
    return ReportResult(output, pages, time.perf_counter() - started)


def _write(options: ReportOptions, part: Path, now: dt.datetime) -> int:
    if options.kind == "brief":
        b = models.brief(options.contact_id, now)
        canvas = Canvas(part, options.page_size, f"Brief: {b.contact.name}", "Pre-meeting brief", now)
        return canvas.render(fitted_brief_blocks(canvas, b, options.include_text), b.contact.name, max_pages=1)
    if options.kind == "contact":
        report = data.contact_report(options.contact_id, options.period)
        canvas = Canvas(part, options.page_size, f"Contact report: {report.contact.name}", "Contact report", now)
        return canvas.render(contact_blocks(canvas, report, options.include_text), report.contact.name)
    rows, stored = data.overview_rows(options.period, options.progress)
    canvas = Canvas(part, options.page_size, "Portfolio report", "Portfolio report", now)

    def blocks():
        return portfolio_blocks(canvas, rows, options.period, options.include_text,
                                options.portfolio, stored, options.progress)
    return canvas.render_stream(blocks, "Portfolio", options.progress)
