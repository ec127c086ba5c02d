"""Render the app's SVG icon into a Windows .ico (16-256 px) with Qt, on Linux.

Used by installers/windows/build-msi for the executables and the MSI; Qt
cannot start under Wine 8 (no icuuc.dll), so this runs in the Linux .venv.

    QT_QPA_PLATFORM=offscreen .venv/bin/python installers/windows/render_icon.py SVG ICO
"""

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer


def main(svg: str, ico: str) -> int:
    _app = QGuiApplication([])
    renderer = QSvgRenderer(svg)
    if not renderer.isValid():
        print(f"render_icon: cannot read {svg}", file=sys.stderr)
        return 1
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    if not image.save(ico, "ICO"):
        print(f"render_icon: cannot write {ico}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:3]))
