"""PDF renderer (reportlab). Typography after GB/T 9704: A4, margins 37/35/28/26 mm, a bold
Song-style title, 14 pt body, 第 X 页 共 Y 页 page numbers, table headers repeated on every page,
long cell values wrapped so nothing runs off the page."""

from io import BytesIO
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Flowable, PageBreak, SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable

from . import model
from .fonts import register_pdf_font

MARGINS = {"top": 37 * mm, "bottom": 35 * mm, "left": 28 * mm, "right": 26 * mm}
BODY_SIZE = 14
TITLE_SIZE = 22
_ALIGN = {"justify": TA_JUSTIFY, "left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER}


class _NumberedCanvas(rl_canvas.Canvas):
    """Defers page output until the end so each footer can say how many pages there are."""

    def __init__(self, *args: Any, **kwargs: Any):
        kwargs["initialFontName"] = register_pdf_font()  # else an unembedded Helvetica is referenced
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab API)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont(register_pdf_font(), 10.5)
            self.drawCentredString(A4[0] / 2, 18 * mm, f"第 {self._pageNumber} 页 共 {total} 页")
            super().showPage()
        super().save()


class _BoldTitle(Flowable):
    """A centred title drawn with fill+stroke: a bold Song look from a face that has no bold."""

    def __init__(self, text: str, size: float, available: float):
        super().__init__()
        self.text, self.size, self.available = text, size, available
        self.lines = _split_to_width(text, register_pdf_font(), size, available)

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return aw, len(self.lines) * self.size * 1.5 + self.size * 0.6

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setFont(register_pdf_font(), self.size)
        c.setLineWidth(self.size * 0.035)
        c._code.append("2 Tr")  # text render mode 2: fill, then stroke
        y = len(self.lines) * self.size * 1.5 - self.size
        for line in self.lines:
            c.drawCentredString(self.available / 2, y, line)
            y -= self.size * 1.5
        c._code.append("0 Tr")
        c.restoreState()


def _split_to_width(text: str, font: str, size: float, width: float) -> list[str]:
    lines, current = [], ""
    for ch in text:
        if stringWidth(current + ch, font, size) > width and current:
            lines.append(current)
            current = ch
        else:
            current += ch
    return lines + [current] if current else lines or [""]


def _styles() -> dict[str, ParagraphStyle]:
    font = register_pdf_font()
    base = ParagraphStyle(
        "body",
        fontName=font,
        bulletFontName=font,
        fontSize=BODY_SIZE,
        leading=BODY_SIZE * 1.75,
        wordWrap="CJK",
        alignment=TA_JUSTIFY,
    )
    return {
        "body": base,
        "heading": ParagraphStyle("heading", parent=base, spaceBefore=6, spaceAfter=2),
        "subtitle": ParagraphStyle("subtitle", parent=base, alignment=TA_CENTER, fontSize=12, leading=18),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
    }


def _table(block: model.Table, width: float) -> list[Flowable]:
    font = register_pdf_font()
    size = block.font_size
    total_w = sum(block.widths)
    col_w = [width * w / total_w for w in block.widths]
    cell_style = ParagraphStyle(
        "cell", fontName=font, bulletFontName=font, fontSize=size, leading=size * 1.3, wordWrap="CJK"
    )
    pad = 6

    def cell(text: str, i: int) -> Any:
        # A Paragraph only where the text needs wrapping: plain strings render much faster.
        if "\n" in text or stringWidth(text, font, size) > col_w[i] - pad:
            return RLParagraph(escape(text).replace("\n", "<br/>"), cell_style)
        return text

    data = [[cell(h, i) for i, h in enumerate(block.headers)]]
    data += [[cell(v, i) for i, v in enumerate(r)] for r in block.rows]
    if block.total:
        data.append([cell(v, i) for i, v in enumerate(block.total)])
    style = [
        ("FONT", (0, 0), (-1, -1), font, size),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if block.total:
        style.append(("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f2f2f2")))
    table = RLTable(data, colWidths=col_w, repeatRows=1, style=TableStyle(style))
    out: list[Flowable] = []
    if block.caption:
        out.append(RLParagraph(escape(block.caption), _styles()["heading"]))
    out.append(table)
    out.append(Spacer(1, 4 * mm))
    return out


def _flowables(doc: model.Document, width: float) -> list[Flowable]:
    st = _styles()
    out: list[Flowable] = []
    for b in doc.blocks:
        if isinstance(b, model.Title):
            out.append(_BoldTitle(b.text, TITLE_SIZE, width))
            if b.subtitle:
                out.append(RLParagraph(escape(b.subtitle), st["subtitle"]))
            out.append(Spacer(1, 4 * mm))
        elif isinstance(b, model.Heading):
            out.append(RLParagraph(f"<b>{escape(b.text)}</b>", st["heading"]))
        elif isinstance(b, model.Paragraph):
            style = ParagraphStyle(
                "p",
                parent=st["body"],
                alignment=_ALIGN[b.align],
                firstLineIndent=BODY_SIZE * 2 if b.indent else 0,
            )
            out.append(RLParagraph(escape(b.text).replace("\n", "<br/>"), style))
        elif isinstance(b, model.Table):
            out.extend(_table(b, width))
        elif isinstance(b, model.Signature):
            out.append(Spacer(1, 6 * mm))
            out.append(
                RLParagraph(
                    escape(b.salutation),
                    ParagraphStyle("s", parent=st["body"], firstLineIndent=BODY_SIZE * 2),
                )
            )
            out.append(
                RLParagraph(escape(b.recipient), ParagraphStyle("r", parent=st["body"], firstLineIndent=0))
            )
            out.append(Spacer(1, 8 * mm))
            for line in b.lines:
                out.append(RLParagraph(escape(line), st["right"]))
            out.append(RLParagraph(escape(b.date), st["right"]))
        elif isinstance(b, model.PageBreak):
            out.append(PageBreak())
    return out


def render_pdf(doc: model.Document, out: Path | BytesIO) -> None:
    register_pdf_font()
    target = str(out) if isinstance(out, Path) else out
    template = SimpleDocTemplate(
        target,
        pagesize=A4,
        topMargin=MARGINS["top"],
        bottomMargin=MARGINS["bottom"],
        leftMargin=MARGINS["left"],
        rightMargin=MARGINS["right"],
        title=doc.title,
        author="CaseDesk",
        subject=f"{doc.template} v{doc.template_version}",
        creator="CaseDesk",
        pageCompression=1,
    )
    template.build(_flowables(doc, template.width), canvasmaker=_NumberedCanvas)


def render_many_pdf(docs: list[model.Document], out: Path) -> None:
    """Several documents in one PDF for printing; each starts on a new page."""
    combined = model.Document(doc_type="combined", title=docs[0].title if docs else "")
    for i, d in enumerate(docs):
        if i:
            combined.blocks.append(model.PageBreak())
        combined.blocks.extend(d.blocks)
    render_pdf(combined, out)
