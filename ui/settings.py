"""One place for QSettings, so tests can point it at a temporary file."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from models.appinfo import APP_ID, ORG_NAME

_override: Path | None = None


def use_settings_file(path: Path | None) -> None:
    """Keep settings in ``path`` (an INI file) instead of the user's real ones (tests)."""
    global _override
    _override = path


def app_settings() -> QSettings:
    if _override is not None:
        return QSettings(str(_override), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, APP_ID)
