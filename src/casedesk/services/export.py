"""Exporting cases as CSV or XLSX. Personal data is masked unless the caller asks for full values,
and such an export is written to the audit log (PIPL: a record of who exported what)."""

import csv
from pathlib import Path

from sqlmodel import Session, col, select

from ..domain.masking import mask_id_number, mask_phone
from ..store.db import transaction
from ..store.models import Case, Claimant, Merchant, Order
from . import audit
from .context import Context
from .errors import UserError
from .permissions import require

COLUMNS = [
    "案件编号",
    "状态",
    "投诉人",
    "身份证号",
    "手机号",
    "商家编号",
    "商家",
    "订单数",
    "金额（元）",
    "问题类型",
    "诉求",
]


def case_rows(ctx: Context, full: bool = False) -> list[list[object]]:
    with Session(ctx.engine) as s:
        orders: dict[int, tuple[int, int]] = {}
        for case_id, amount in s.exec(select(Order.case_id, Order.amount_fen)):
            n, total = orders.get(case_id, (0, 0))  # type: ignore[arg-type]
            orders[case_id] = (n + 1, total + amount)  # type: ignore[index]
        stmt = (
            select(Case, Claimant, Merchant)
            .join(Claimant, col(Claimant.id) == Case.claimant_id)
            .join(Merchant, col(Merchant.id) == Case.merchant_id)
            .order_by(col(Case.id))
        )
        rows = []
        for case, claimant, merchant in s.exec(stmt):
            n, total = orders.get(case.id, (0, 0))  # type: ignore[arg-type]
            rows.append(
                [
                    case.id,
                    case.status,
                    claimant.name,
                    claimant.id_number if full else mask_id_number(claimant.id_number),
                    claimant.phone if full else mask_phone(claimant.phone),
                    merchant.id,
                    merchant.display_name,
                    n,
                    f"{total // 100}.{total % 100:02d}",
                    "、".join(case.problem_types),
                    "、".join(case.demands),
                ]
            )
    return rows


def export_cases(ctx: Context, what: str, out: Path, fmt: str, full: bool = False) -> int:
    if full:
        require(ctx, "write", "导出完整个人信息")
    if out.exists() and out.is_dir():
        raise UserError(f"输出路径是文件夹：{out}")
    if not out.parent.exists():
        raise UserError(f"输出文件夹不存在：{out.parent}")
    rows = case_rows(ctx, full=full)
    tmp = out.with_name(out.name + ".part")
    if fmt == "csv":
        with tmp.open("w", newline="", encoding="utf-8-sig") as f:  # BOM: Excel opens it as UTF-8
            w = csv.writer(f)
            w.writerow(COLUMNS)
            w.writerows(rows)
    else:
        import openpyxl

        wb = openpyxl.Workbook(write_only=True)
        ws = wb.create_sheet("案件")
        ws.append(COLUMNS)
        for r in rows:
            ws.append(r)
        wb.save(tmp)
    tmp.replace(out)
    with transaction(ctx.engine) as s:
        audit.record(
            s,
            ctx.user,
            "export",
            None,
            "export_cases",
            after={"file": str(out), "format": fmt, "rows": len(rows), "full_personal_data": full},
        )
    return len(rows)
