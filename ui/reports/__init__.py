"""Summary PDF reports: contact report, portfolio, one-page brief (CLI and File > Export PDF)."""
from ui.reports.build import ReportOptions, ReportResult, build_report, default_page_size
from ui.reports.data import Period

__all__ = ["Period", "ReportOptions", "ReportResult", "build_report", "default_page_size",
           "open_export_dialog"]


def open_export_dialog(parent, worker, contact_id: int | None) -> None:
    """File > Export PDF…: imported lazily so the CLI never loads QtWidgets."""
    from ui.reports.dialog import open_export_dialog as _open

    _open(parent, worker, contact_id)
