"""Printing a generated PDF: pages rendered by PDFium at the printer's resolution."""

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter

from .pdf_preview import page_count, render_page


def print_pdf(path: Path, printer: QPrinter) -> int:
    """Send every page to the printer; returns the number of pages printed."""
    total = page_count(path)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("打印机无法开始打印")
    try:
        for i in range(total):
            if i:
                printer.newPage()
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            image = render_page(path, i, area.width())
            target = QRect(0, 0, area.width(), area.height())
            scaled = image.scaled(
                target.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            painter.drawImage(0, 0, scaled)
    finally:
        painter.end()
    return total
