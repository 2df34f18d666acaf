import re
import shutil
import subprocess

import pytest
from docx import Document as read_docx
from pypdf import PdfReader
from sqlmodel import Session, select

from casedesk.documents import builders
from casedesk.documents import templates as tpl
from casedesk.domain.masking import mask_id_number
from casedesk.domain.money import amount_in_words, format_fen
from casedesk.services import filings
from casedesk.services.demo import load_demo
from casedesk.services.errors import UserError
from casedesk.store.models import Case, Claimant, GeneratedDocument, Order


@pytest.fixture
def demo(ctx):
    load_demo(ctx)
    return ctx


def _claimants(ctx, merchant_id):
    with Session(ctx.engine) as s:
        rows = s.exec(
            select(Claimant)
            .join(Case, Case.claimant_id == Claimant.id)
            .where(Case.merchant_id == merchant_id)
        ).all()
        total = sum(
            o.amount_fen
            for o in s.exec(
                select(Order).join(Case, Case.id == Order.case_id).where(Case.merchant_id == merchant_id)
            )
        )
    return rows, total


def _pdf_text(path):
    return "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)


def _squash(text):
    return re.sub(r"\s+", "", text)


def test_group_complaint_pdf_contains_everyone_masked_and_totals(demo, tmp_path):
    out = tmp_path / "complaint.pdf"
    filings.generate_single(demo, "group_complaint", 1, "pdf", out, to="samr")
    text = _squash(_pdf_text(out))
    claimants, total = _claimants(demo, 1)
    for c in claimants:
        assert c.name in text
        assert mask_id_number(c.id_number) in text
        assert c.id_number not in text
    assert format_fen(total) in text
    assert amount_in_words(total) in text
    assert re.search(r"第1页共\d+页", text)
    with Session(demo.engine) as s:
        record = s.exec(select(GeneratedDocument)).one()
    assert record.template == "group_complaint" and record.template_version and len(record.sha256) == 64
    assert len(record.case_ids) == len(claimants)


def test_pdf_embeds_only_bundled_fonts(demo, tmp_path):
    if not shutil.which("pdffonts"):
        pytest.skip("poppler-utils not installed")
    out = tmp_path / "c.pdf"
    filings.generate_single(demo, "group_complaint", 2, "pdf", out, to="platform")
    listing = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    fonts = listing.strip().splitlines()[2:]
    assert fonts
    for line in fonts:
        assert "UMing" in line and " yes yes " in line, line


def _render_glyph(tmp_path, ch):
    """Render one character large with pdftoppm; return (width, height, grey pixels)."""
    from casedesk.documents import model
    from casedesk.documents.pdf import render_pdf

    out = tmp_path / f"g{ord(ch)}.pdf"
    render_pdf(model.Document("t", "t", blocks=[model.Title(ch)]), out)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "200",
            "-gray",
            "-f",
            "1",
            "-l",
            "1",
            "-x",
            "0",
            "-y",
            "0",
            "-W",
            "1654",
            "-H",
            "700",
            str(out),
            str(tmp_path / f"g{ord(ch)}"),
        ],
        check=True,
    )
    data = next(tmp_path.glob(f"g{ord(ch)}*.pgm")).read_bytes()
    header = data.split(b"\n", 3)
    width, height = map(int, header[1].split())
    return width, height, header[3]


def test_pdf_renders_chinese_not_boxes(tmp_path):
    """On a machine without CJK fonts the embedded face draws real glyphs: strokes fill the inside of
    the character's box (a missing-glyph box is hollow), and different characters differ."""
    if not shutil.which("pdftoppm"):
        pytest.skip("poppler-utils not installed")
    shapes = {}
    for ch in "鑫达":
        width, height, pixels = _render_glyph(tmp_path, ch)
        dark = [(i % width, i // width) for i, b in enumerate(pixels) if b < 128]
        assert dark, ch
        xs, ys = [x for x, _ in dark], [y for _, y in dark]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        inner = [
            (x, y)
            for x, y in dark
            if x0 + (x1 - x0) * 0.2 < x < x1 - (x1 - x0) * 0.2
            and y0 + (y1 - y0) * 0.2 < y < y1 - (y1 - y0) * 0.2
        ]
        assert len(inner) > 0.15 * len(dark), f"{ch} looks like an empty box"
        shapes[ch] = frozenset((x - x0, y - y0) for x, y in dark)
    assert shapes["鑫"] != shapes["达"]


def test_group_complaint_docx_roster_rows_and_east_asian_font(demo, tmp_path):
    out = tmp_path / "complaint.docx"
    filings.generate_single(demo, "group_complaint", 1, "docx", out, to="cca")
    doc = read_docx(str(out))
    claimants, total = _claimants(demo, 1)
    roster = doc.tables[-1]
    assert len(roster.rows) == len({c.id for c in claimants}) + 2  # header + one per claimant + total
    assert roster.rows[0].cells[1].text == "姓名"
    assert roster.rows[-1].cells[6].text == format_fen(total)
    body = "\n".join(p.text for p in doc.paragraphs)
    assert amount_in_words(total) in body
    xml = doc.element.xml + doc.styles.element.xml
    assert 'w:eastAsia="宋体"' in xml
    assert "w:tblHeader" in roster._tbl.xml
    all_text = body + "".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    for c in claimants:
        assert c.id_number not in all_text


def test_docx_converts_with_libreoffice(demo, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice not installed")
    out = tmp_path / "complaint.docx"
    filings.generate_single(demo, "group_complaint", 3, "docx", out)
    for kind, name in (("roster", "r.docx"), ("poa", "p.docx")):
        filings.generate_single(demo, kind, 3, "docx", tmp_path / name)
    for name in ("complaint.docx", "r.docx", "p.docx"):
        proc = subprocess.run(
            [
                soffice,
                "--headless",
                f"-env:UserInstallation=file://{tmp_path}/lo",
                "--convert-to",
                "pdf",
                "--outdir",
                str(tmp_path / "lo-out"),
                str(tmp_path / name),
            ],
            capture_output=True,
            text=True,
            timeout=240,
        )
        assert proc.returncode == 0, proc.stderr
        assert (tmp_path / "lo-out" / name.replace(".docx", ".pdf")).stat().st_size > 1000


def test_arbitration_batch_one_per_case_plus_combined(demo, tmp_path):
    out = tmp_path / "arb"
    paths = filings.generate_arbitration(demo, 3, "杭州仲裁委员会", "pdf", out)
    with Session(demo.engine) as s:
        cases = s.exec(select(Case).where(Case.merchant_id == 3)).all()
    singles = [p for p in paths if "合并打印" not in p.name]
    assert len(singles) == len(cases) and len(paths) == len(cases) + 1
    combined = [p for p in paths if "合并打印" in p.name][0]
    assert len(PdfReader(str(combined)).pages) >= len(cases)
    text = _squash(_pdf_text(singles[0]))
    assert "杭州仲裁委员会" in text and "仲裁请求" in text
    # the applicant's own application carries the full ID number
    with Session(demo.engine) as s:
        first = s.get(Claimant, s.get(Case, int(singles[0].name.split("_")[1])).claimant_id)
    assert first.id_number in text
    assert not list(out.glob(".casedesk-*"))


def test_evidence_list_prints_hashes(demo, tmp_path):
    out = tmp_path / "ev.docx"
    filings.generate_single(demo, "evidence_list", 0, "docx", out, case_id=5)
    doc = read_docx(str(out))
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "序号",
        "证据名称",
        "证据来源",
        "证明目的",
        "页码",
        "SHA-256",
    ]
    assert all(re.fullmatch(r"[0-9a-f]{64}", r.cells[5].text) for r in table.rows[1:])
    assert re.fullmatch(r"\d+-\d+", table.rows[1].cells[0].text)


def test_refusals_write_nothing(demo, tmp_path):
    with pytest.raises(UserError):
        filings.generate_single(demo, "group_complaint", 99, "pdf", tmp_path / "x.pdf")
    with pytest.raises(UserError):
        filings.generate_single(demo, "group_complaint", 1, "pdf", tmp_path / "x.pdf", representatives=[1])
    with pytest.raises(UserError):
        filings.generate_single(demo, "group_complaint", 1, "pdf", tmp_path / "missing" / "x.pdf")
    assert [p.name for p in tmp_path.iterdir() if p.name != "data"] == []


def test_damages_rule_and_totals_agree():
    from casedesk.documents.data import CaseData, OrderLine, Person

    def case(amounts, fraud=True):
        orders = [OrderLine(str(i), None, a, "已扣款", "先用后付", "快手") for i, a in enumerate(amounts)]
        return CaseData(1, Person(1, "甲", None, ""), orders, ["虚假宣传"] if fraud else [], [])

    assert builders.damages_fen(case([9900])) == 50_000  # 3 × 99 < 500 → 500
    assert builders.damages_fen(case([29900])) == 89_700
    assert builders.damages_fen(case([29900], fraud=False)) == 0


def test_user_copy_of_template_is_used(demo, tmp_path):
    path = tpl.copy_for_editing("roster", filings.template_dir(demo))
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace('version = "1.0"', 'version = "1.0-本地"')
        .replace("被投诉人：", "被申诉方："),
        encoding="utf-8",
    )
    out = tmp_path / "r.pdf"
    filings.generate_single(demo, "roster", 2, "pdf", out)
    assert "被申诉方" in _squash(_pdf_text(out))
    with Session(demo.engine) as s:
        assert s.exec(select(GeneratedDocument)).one().template_version == "1.0-本地"
