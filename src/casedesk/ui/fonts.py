"""Registers the bundled CJK font so Chinese renders on machines without any CJK font."""

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..documents.fonts import font_path

_family: str | None = None


def install_app_font(app: QApplication, point_size: float = 10) -> str:
    global _family
    if _family is None:
        font_id = QFontDatabase.addApplicationFont(str(font_path()))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _family = next((f for f in families if "CN" in f), families[0] if families else "")
    if _family:
        font = QFont(_family)
        font.setPointSizeF(point_size)
        app.setFont(font)
    return _family or ""
