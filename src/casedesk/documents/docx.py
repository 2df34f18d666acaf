"""DOCX renderer (python-docx). Same blocks as the PDF; the East Asian font is set (w:eastAsia) so
Word shows a Song face; table header rows repeat (w:tblHeader); the footer carries
第 {PAGE} 页 共 {NUMPAGES} 页 as fields. Large tables are written as XML rows directly: python-docx's
add_row() re-scans the table on every call and is too slow for a 2,000-row roster."""

import copy
from io import BytesIO
from pathlib import Path

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from . import model
from .fonts import DOCX_EAST_ASIA, DOCX_TITLE_EAST_ASIA

_ALIGN = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
}


def _east_asia(run_or_style, name: str) -> None:  # type: ignore[no-untyped-def]
    rpr = (
        run_or_style.element.get_or_add_rPr()
        if hasattr(run_or_style.element, "get_or_add_rPr")
        else run_or_style._element.get_or_add_rPr()
    )
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), name)
    fonts.set(qn("w:ascii"), "Times New Roman")
    fonts.set(qn("w:hAnsi"), "Times New Roman")


def _field(paragraph, instr: str) -> None:  # type: ignore[no-untyped-def]
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = instr
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for el in (begin, text, sep, shown, end):
        run._r.append(el)


def _setup(document) -> None:  # type: ignore[no-untyped-def]
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = document.styles["Normal"]
    normal.font.size = Pt(14)
    normal.font.name = "Times New Roman"
    _east_asia(normal, DOCX_EAST_ASIA)
    normal.paragraph_format.line_spacing = Pt(26)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("第 ")
    _field(footer, "PAGE")
    footer.add_run(" 页 共 ")
    _field(footer, "NUMPAGES")
    footer.add_run(" 页")
    for run in footer.runs:
        run.font.size = Pt(10.5)


def _repeat_header(row) -> None:  # type: ignore[no-untyped-def]
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _set_cell(cell, text: str, size: float, bold: bool = False) -> None:  # type: ignore[no-untyped-def]
    p = cell.paragraphs[0]
    p.paragraph_format.line_spacing = 1.0
    lines = text.split("\n")
    for i, line in enumerate(lines):
        run = p.add_run(line)
        run.font.size = Pt(size)
        run.bold = bold
        if i < len(lines) - 1:
            run.add_break()


def _table(document, block: model.Table) -> None:  # type: ignore[no-untyped-def]
    if block.caption:
        p = document.add_paragraph()
        p.add_run(block.caption).bold = True
    ncols = len(block.headers)
    table = document.add_table(rows=2, cols=ncols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    usable = 210 - 28 - 26
    total = sum(block.widths)
    for i, w in enumerate(block.widths):
        for cell in table.columns[i].cells:
            cell.width = Mm(usable * w / total)
    header, template = table.rows[0], table.rows[1]
    for i, h in enumerate(block.headers):
        _set_cell(header.cells[i], h, block.font_size, bold=True)
    _repeat_header(header)
    for i in range(ncols):
        _set_cell(template.cells[i], "x", block.font_size)  # a run with a w:t to fill per row
    tpl = template._tr
    tbl = table._tbl
    tbl.remove(tpl)
    rows = list(block.rows) + ([block.total] if block.total else [])
    for index, values in enumerate(rows):
        tr = copy.deepcopy(tpl)
        is_total = block.total is not None and index == len(rows) - 1
        for tc, value in zip(tr.findall(qn("w:tc")), values):
            p = tc.find(qn("w:p"))
            r = p.find(qn("w:r"))
            lines = str(value).split("\n")
            first = r.find(qn("w:t"))
            first.text = lines[0]
            first.set(qn("xml:space"), "preserve")
            if is_total:
                rpr = r.find(qn("w:rPr"))
                rpr.append(OxmlElement("w:b"))
            for line in lines[1:]:
                r.append(OxmlElement("w:br"))
                t = OxmlElement("w:t")
                t.text = line
                t.set(qn("xml:space"), "preserve")
                r.append(t)
        tbl.append(tr)
    document.add_paragraph()


def build_docx(doc: model.Document):  # type: ignore[no-untyped-def]
    document = new_docx()
    _setup(document)
    document.core_properties.title = doc.title
    document.core_properties.author = "CaseDesk"
    document.core_properties.comments = f"template {doc.template} v{doc.template_version}"
    for b in doc.blocks:
        if isinstance(b, model.Title):
            p = document.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = p.add_run(b.text)
            run.bold = True
            run.font.size = Pt(22)
            _east_asia(run, DOCX_TITLE_EAST_ASIA)
            if b.subtitle:
                sp = document.add_paragraph()
                sp.alignment = WD_ALIGN_PARAGRAPH.CENTER
                sp.add_run(b.subtitle).font.size = Pt(12)
        elif isinstance(b, model.Heading):
            p = document.add_paragraph()
            p.add_run(b.text).bold = True
        elif isinstance(b, model.Paragraph):
            p = document.add_paragraph()
            p.alignment = _ALIGN[b.align]
            if b.indent:
                p.paragraph_format.first_line_indent = Pt(28)
            lines = b.text.split("\n")
            for i, line in enumerate(lines):
                run = p.add_run(line)
                run.bold = b.bold
                if i < len(lines) - 1:
                    run.add_break()
        elif isinstance(b, model.Table):
            _table(document, b)
        elif isinstance(b, model.Signature):
            document.add_paragraph()
            p = document.add_paragraph(b.salutation)
            p.paragraph_format.first_line_indent = Pt(28)
            document.add_paragraph(b.recipient)
            document.add_paragraph()
            for line in [*b.lines, b.date]:
                document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif isinstance(b, model.PageBreak):
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    return document


def render_docx(doc: model.Document, out: Path | BytesIO) -> None:
    build_docx(doc).save(str(out) if isinstance(out, Path) else out)
