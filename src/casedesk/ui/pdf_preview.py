"""PDF preview without QtWebEngine (QtPdf ships with it): pages rendered by PDFium (pypdfium2)
into images, shown in a scroll area, a few pages at a time."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

MAX_PAGES = 20


def render_page(path: Path, index: int, width: int) -> QImage:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[index]
        scale = width / page.get_width()
        bitmap = page.render(scale=scale, rev_byteorder=True)
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
        return image.copy()  # detach from PDFium's buffer before it is freed
    finally:
        pdf.close()


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


class PdfPreview(QScrollArea):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.inner = QWidget()
        self.pages = QVBoxLayout(self.inner)
        self.pages.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setWidget(self.inner)
        self.placeholder = QLabel(self.tr("生成 PDF 后在此预览"))
        self.pages.addWidget(self.placeholder)
        self.shown = 0

    def load(self, path: Path) -> int:
        while self.pages.count():
            item = self.pages.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        try:
            total = page_count(path)
        except Exception as exc:  # noqa: BLE001 - a damaged file is shown as text
            self.pages.addWidget(QLabel(self.tr("无法预览：") + str(exc)))
            return 0
        width = max(400, self.viewport().width() - 40)
        for i in range(min(total, MAX_PAGES)):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(render_page(path, i, width)))
            label.setStyleSheet("border: 1px solid #bbb; background: white")
            self.pages.addWidget(label)
        if total > MAX_PAGES:
            self.pages.addWidget(
                QLabel(
                    self.tr("（仅预览前 %1 页，共 %2 页）")
                    .replace("%1", str(MAX_PAGES))
                    .replace("%2", str(total))
                )
            )
        self.shown = min(total, MAX_PAGES)
        return total
