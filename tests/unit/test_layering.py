"""The house layering holds: only ui/ and main.py import Qt; sentiment/ is pure."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def files_in(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def test_models_and_sentiment_do_not_import_qt():
    offenders = [str(p.relative_to(ROOT)) for pkg in ("models", "sentiment") for p in files_in(pkg)
                 if imported_modules(p) & set(QT)]
    assert files_in("models") and files_in("sentiment")
    assert offenders == []


def test_sentiment_imports_neither_storage_nor_ui():
    offenders = [str(p.relative_to(ROOT)) for p in files_in("sentiment")
                 if imported_modules(p) & {"peewee", "playhouse", "models", "ui", "sqlite3"}]
    assert offenders == []


def test_models_do_not_import_ui():
    offenders = [str(p.relative_to(ROOT)) for p in files_in("models") if "ui" in imported_modules(p)]
    assert offenders == []


def test_no_runtime_downloads_in_app_code():
    banned = ("nltk.download", "download_corpora", "urlopen(", "requests.get", "requests.post")
    hits = [str(p.relative_to(ROOT)) for pkg in ("models", "sentiment", "ui") for p in files_in(pkg)
            if any(b in p.read_text(encoding="utf-8") for b in banned)]
    hits += [b for b in banned if b in (ROOT / "main.py").read_text(encoding="utf-8")]
    assert hits == []
