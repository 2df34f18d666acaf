"""Document rendering speed: a joint complaint with 2,000 claimants (PDF and DOCX; target ≤ 3 s each)
and 500 arbitration applications (target ≤ 30 s), next to LibreOffice converting the same DOCX to
PDF (how template-first tools make their PDFs).

    python bench/bench_documents.py [CLAIMANTS] [APPLICATIONS]
"""

import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from casedesk.documents import builders
from casedesk.documents import templates as tpl
from casedesk.documents.data import CaseData, EvidenceLine, MerchantData, OrderLine, Organisation, Person
from casedesk.documents.docx import render_docx
from casedesk.documents.pdf import render_many_pdf, render_pdf


def make_cases(n: int) -> list[CaseData]:
    rng = random.Random(5)
    cases = []
    for i in range(n):
        person = Person(
            i + 1,
            rng.choice("王李张刘陈杨") + rng.choice("伟芳娜秀英敏静丽强") + rng.choice(["", "华", "明"]),
            f"110105199{i % 10}0101{i % 1000:03d}X",
            f"138{i:08d}",
            "广州市天河区某路 1 号",
        )
        orders = [
            OrderLine(
                f"24{i:06d}{k:08d}",
                date(2024, 1, 1) + timedelta(days=rng.randrange(200)),
                rng.choice([9900, 29900, 129900]),
                rng.choice(["已扣款", "未扣款", "催收中", None]),
                "先用后付",
                "快手",
            )
            for k in range(1 if rng.random() < 0.8 else 2)
        ]
        evidence = [
            EvidenceLine(k, f"{k}（截图）", "证明订单与扣款", "ab" * 32, f"{k}.png")
            for k in ("订单截图", "扣款记录")
        ]
        cases.append(
            CaseData(
                i + 1,
                person,
                orders,
                rng.sample(["虚假宣传", "商家跑路", "售后服务缺失"], 2),
                ["退款"],
                evidence,
            )
        )
    return cases


MERCHANT = MerchantData(
    1,
    "鑫达数码旗舰店",
    "深圳市鑫达通讯科技有限公司",
    "91440300MA5FXD2K3X",
    "深圳市龙岗区某大厦",
    "林某某",
    ["快手"],
    ["鑫达数码旗舰店", "【新达科技】(已跑路)"],
    ["8812034571（快手）"],
    ["13923456781"],
)


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    apps = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    cases = make_cases(n)
    t = tpl.load("group_complaint")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        doc = builders.group_complaint(
            t, MERCHANT, cases, [cases[0].claimant, cases[1].claimant], "samr", Organisation()
        )
        pdf_s = timed(lambda: render_pdf(doc, out / "c.pdf"))
        docx_s = timed(lambda: render_docx(doc, out / "c.docx"))
        print(f"joint complaint, {n} claimants: PDF {pdf_s:.2f} s, DOCX {docx_s:.2f} s (target <= 3 s each)")
        at = tpl.load("arbitration")

        def batch() -> None:
            docs = [builders.arbitration(at, MERCHANT, c, "广州仲裁委员会") for c in cases[:apps]]
            for i, d in enumerate(docs):
                render_pdf(d, out / f"a{i}.pdf")
            render_many_pdf(docs, out / "all.pdf")

        arb_s = timed(batch)
        print(f"{apps} arbitration applications + combined PDF: {arb_s:.2f} s (target <= 30 s)")
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice:
            lo_s = timed(
                lambda: subprocess.run(
                    [
                        soffice,
                        "--headless",
                        f"-env:UserInstallation=file://{tmp}/lo",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        str(out / "lo"),
                        str(out / "c.docx"),
                    ],
                    capture_output=True,
                    check=True,
                    timeout=600,
                )
            )
            print(
                f"LibreOffice DOCX→PDF of the same complaint: {lo_s:.2f} s; "
                f"casedesk PDF is {lo_s / pdf_s:.1f}x faster"
            )
        else:
            print("LibreOffice not installed: conversion baseline skipped")


if __name__ == "__main__":
    main()
