"""Render the SVG app icon into the raster files desktops want (run at build time).

    python packaging/render_icons.py resources/icons/rapport.svg OUT_DIR

Writes OUT_DIR/hicolor/<N>x<N>/apps/rapport-journal.png for the Linux icon theme, plus
OUT_DIR/rapport.ico (Windows EXE icon) and OUT_DIR/rapport.icns (macOS bundle) when Qt's
image plugins can write them. Uses Qt (already a dependency), so no extra tool is needed.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(svg: Path, out: Path, icon_name: str) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (keeps Qt alive)
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg} is not a valid SVG")
    written: list[Path] = []
    images: dict[int, QImage] = {}
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        images[size] = image
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{icon_name}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"render_icons: could not write {target}")
        written.append(target)
    # Best effort: these need Qt's ico/icns image plugins, which can write.
    for name, fmt, size in (("rapport.ico", "ICO", 256), ("rapport.icns", "ICNS", 512)):
        target = out / name
        if images[size].save(str(target), fmt):
            written.append(target)
    return written


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    icon_name = argv[2] if len(argv) == 3 else "rapport-journal"
    for path in render(Path(argv[0]), Path(argv[1]), icon_name):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
