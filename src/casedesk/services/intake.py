"""Importing the claimant spreadsheets victims fill in: one row is one order of one victim.

Each row is validated on its own; a bad row is listed (sheet row, column, value, reason) and
the rest still import. Same person → one claimant, same claimant and merchant → one case, same
merchant (equal cleaned name or shop ID) → one merchant record. A known order number is a
duplicate. The whole import is one transaction, streamed in chunks so memory stays flat.
"""

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import insert, tuple_
from sqlmodel import Session, col, select

from ..domain.dates import parse_date
from ..domain.errors import InvalidValue
from ..domain.headers import FIELD_LABELS, detect_mapping
from ..domain.ids import parse_id_number, parse_phone
from ..domain.money import parse_amount_fen
from ..domain.names import clean_name
from ..domain.text import nfkc, strip_inner_space
from ..domain.vocab import normalize_debit, normalize_payment, normalize_platform, normalize_problem
from ..store.db import transaction
from ..store.models import Case, Claimant, ImportBatch, Merchant, MerchantIdentifier, Order
from . import audit, search
from .context import Context
from .errors import UserError
from .permissions import require
from .sheets import MAX_HEADER_SCAN, open_sheet

CHUNK = 1000
MAX_ROWS = (
    200_000  # one import; a bigger sheet is refused (split it) rather than locking the database for long
)
REQUIRED = ("name", "merchant", "amount")


class Cancelled(Exception):
    """The user cancelled; the transaction was rolled back."""


@dataclass
class Problem:
    row: int
    column: str
    value: str
    reason: str
    message: str

    def as_json(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "reason": self.reason,
            "message": self.message,
        }


@dataclass
class ParsedRow:
    row: int
    name: str
    id_number: str | None
    phone: str
    address: str
    wechat: str
    platform: str
    merchant_raw: str
    merchant_key: str
    shop_id: str
    order_no: str | None
    order_date: date | None
    amount_fen: int
    payment_method: str
    debit_status: str | None
    problems: list[str]
    description: str
    product: str

    @property
    def claimant_key(self) -> tuple[str, ...]:
        return ("id", self.id_number) if self.id_number else ("np", self.name, self.phone)

    @property
    def order_key(self) -> tuple[str, ...]:
        if self.order_no:
            return ("no", self.platform, self.order_no)
        return ("nd", *self.claimant_key, self.merchant_key, str(self.order_date), str(self.amount_fen))


@dataclass
class ImportResult:
    rows: int = 0
    imported: int = 0
    claimants_created: int = 0
    cases_created: int = 0
    orders_created: int = 0
    merchants_created: int = 0
    duplicates: list[int] = field(default_factory=list)
    rejected: list[Problem] = field(default_factory=list)
    unmapped_columns: list[str] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)
    batch_id: int | None = None
    headers: list[str] = field(default_factory=list, repr=False)
    rejected_cells: dict[int, list[object]] = field(default_factory=dict, repr=False)  # for the error report

    def as_json(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "imported": self.imported,
            "claimants_created": self.claimants_created,
            "cases_created": self.cases_created,
            "orders_created": self.orders_created,
            "merchants_created": self.merchants_created,
            "duplicates": self.duplicates,
            "rejected": [p.as_json() for p in self.rejected],
            "unmapped_columns": self.unmapped_columns,
            "mapping": self.mapping,
        }


# ---------------------------------------------------------------- reading and validating rows


def _cell(cells: list[object], mapping: dict[str, int], name: str) -> object:
    index = mapping.get(name)
    if index is None or index >= len(cells):
        return None
    return cells[index]


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfkc(value)


def _order_no(value: object) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # Excel keeps 15 significant digits: a longer number cell has lost its last ones
        if (isinstance(value, float) and not value.is_integer()) or abs(value) >= 1e15:
            raise InvalidValue(
                "order_no_as_number", "订单号是数字格式，Excel 已丢失末尾数字，请将该列设为文本"
            )
        value = int(value)
    text = strip_inner_space(nfkc(value))
    if text.startswith("'"):
        text = text[1:]
    return text or None


def parse_row(
    row: int, cells: list[object], mapping: dict[str, int], headers: list[str]
) -> ParsedRow | list[Problem]:
    """Validate one row. Returns the parsed row, or every problem found in it."""
    problems: list[Problem] = []

    def fail(field_name: str, value: object, code: str, message: str) -> None:
        index = mapping.get(field_name)
        column = headers[index] if index is not None and index < len(headers) else FIELD_LABELS[field_name]
        problems.append(Problem(row, column, "" if value is None else str(value), code, message))

    def get(field_name: str, parser: Callable[[object], Any]) -> Any:
        value = _cell(cells, mapping, field_name)
        try:
            return parser(value)
        except InvalidValue as exc:
            fail(field_name, value, exc.code, exc.message)
            return None

    name = strip_inner_space(_text(_cell(cells, mapping, "name")))
    if not name:
        fail("name", _cell(cells, mapping, "name"), "missing_name", "姓名为空")
    raw_id = _cell(cells, mapping, "id_number")
    id_number = get("id_number", parse_id_number) if _text(raw_id) else None
    raw_phone = _cell(cells, mapping, "phone")
    phone = get("phone", parse_phone) if _text(raw_phone) else ""
    if not _text(raw_id) and not _text(raw_phone):
        fail(
            "phone" if "phone" in mapping else "id_number",
            "",
            "missing_contact",
            "身份证号和手机号至少填写一项",
        )
    merchant_raw = strip_inner_space(_text(_cell(cells, mapping, "merchant")))
    merchant_key = clean_name(merchant_raw) if merchant_raw else ""
    if not merchant_key:
        fail("merchant", _cell(cells, mapping, "merchant"), "missing_merchant", "商家名称为空")
    amount = get("amount", parse_amount_fen)
    raw_date = _cell(cells, mapping, "order_date")
    order_date = (
        get("order_date", parse_date)
        if _text(raw_date) or not isinstance(raw_date, (str, type(None)))
        else None
    )
    order_no = get("order_no", _order_no)
    if problems:
        return problems
    return ParsedRow(
        row=row,
        name=name,
        id_number=id_number,
        phone=phone or "",
        address=_text(_cell(cells, mapping, "address")),
        wechat=_text(_cell(cells, mapping, "wechat")),
        platform=normalize_platform(_cell(cells, mapping, "platform")),
        merchant_raw=merchant_raw,
        merchant_key=merchant_key,
        shop_id=strip_inner_space(_text(_cell(cells, mapping, "shop_id"))),
        order_no=order_no,
        order_date=order_date,
        amount_fen=amount,
        payment_method=normalize_payment(_cell(cells, mapping, "payment_method")),
        debit_status=normalize_debit(_cell(cells, mapping, "debit_status")),
        problems=normalize_problem(_cell(cells, mapping, "problem")),
        description=_text(_cell(cells, mapping, "description")),
        product=_text(_cell(cells, mapping, "product")),
    )


def _find_header(rows: Iterable[tuple[int, list[object]]]) -> "_Plan":
    """The header is the first of the top rows that names at least three known fields."""
    seen: list[tuple[int, list[object]]] = []
    for number, cells in rows:
        seen.append((number, cells))
        mapping, unmapped = detect_mapping(cells)
        if len(mapping) >= 3:
            return _Plan(number, [nfkc(c) for c in cells], mapping, unmapped)
        if len(seen) >= MAX_HEADER_SCAN:
            break
    if not seen or all(not any(nfkc(c) for c in cells) for _, cells in seen):
        raise UserError("表格是空的：没有找到任何数据")
    raise UserError(
        "没有找到表头：前 10 行中没有一行包含至少三个可识别的列名（如 姓名、手机号、商家名称、金额）"
    )


@dataclass
class _Plan:
    header_row: int
    headers: list[str]
    mapping: dict[str, int]
    unmapped: list[int]

    def with_mapping(self, mapping: dict[str, int] | None) -> "_Plan":
        """The plan with a mapping the user chose instead of the detected one."""
        if mapping is None:
            return self
        used = set(mapping.values())
        unmapped = [i for i, h in enumerate(self.headers) if h and i not in used]
        return _Plan(self.header_row, self.headers, mapping, unmapped)


def read_plan(path: Path, sheet: str | None = None, mapping: dict[str, int] | None = None) -> _Plan:
    """Header row, headers and the detected (or given) mapping, without reading the whole sheet."""
    opened = open_sheet(path, sheet)
    try:
        return _find_header(opened.rows).with_mapping(mapping)
    finally:
        opened.close()


def _check_mapping(mapping: dict[str, int]) -> None:
    missing = [FIELD_LABELS[f] for f in REQUIRED if f not in mapping]
    if "id_number" not in mapping and "phone" not in mapping:
        missing.append("身份证号或手机号")
    if missing:
        raise UserError(f"缺少必需的列：{'、'.join(missing)}（可在导入向导中手动指定列）")


# ---------------------------------------------------------------- writing


class _Writer:
    """Resolves rows to claimants, merchants and cases, and writes them in chunks."""

    def __init__(self, session: Session, batch_id: int, result: ImportResult, user: str):
        self.s = session
        self.user = user
        self.batch_id = batch_id
        self.result = result
        self.merchants: dict[str, int] = {}  # cleaned name or "shop:<id>" → merchant id
        self.claimants: dict[tuple[str, ...], int] = {}
        self.cases: dict[tuple[int, int], int] = {}
        self.identifiers: set[tuple[int, str, str]] = set()
        self.touched_cases: set[int] = set()

    def merchant_for(self, row: ParsedRow) -> int:
        keys = [row.merchant_key] + ([f"shop:{row.shop_id}"] if row.shop_id else [])
        for key in keys:
            if key in self.merchants:
                return self.merchants[key]
        found = self._existing_merchant(row)
        if found is None:
            merchant = Merchant(display_name=row.merchant_raw, platforms=row.platform, status="跑路")
            self.s.add(merchant)
            self.s.flush()
            found = merchant.id
            self.result.merchants_created += 1
            audit.record(
                self.s, self.user, "merchant", found, "create", after={"display_name": row.merchant_raw}
            )
        for key in keys:
            self.merchants[key] = found  # type: ignore[assignment]
        self._identify(found, row)  # type: ignore[arg-type]
        return found  # type: ignore[return-value]

    def _existing_merchant(self, row: ParsedRow) -> int | None:
        conditions = [
            (MerchantIdentifier.kind.in_(("shop_name", "company_name")))
            & (MerchantIdentifier.normalized == row.merchant_key)
        ]  # type: ignore[attr-defined]
        if row.shop_id:
            conditions.append(
                (MerchantIdentifier.kind == "shop_id") & (MerchantIdentifier.normalized == row.shop_id)
            )
        for condition in conditions:
            ident = self.s.exec(select(MerchantIdentifier).where(condition).limit(1)).first()
            if ident:
                return _survivor(self.s, ident.merchant_id)  # type: ignore[arg-type]
        return None

    def _identify(self, merchant_id: int, row: ParsedRow) -> None:
        kind = (
            "company_name"
            if any(w in row.merchant_key for w in ("公司", "企业", "工作室", "商行"))
            else "shop_name"
        )
        wanted = [(kind, row.merchant_raw, row.merchant_key)]
        if row.shop_id:
            wanted.append(("shop_id", row.shop_id, row.shop_id))
        for kind_, raw, norm in wanted:
            key = (merchant_id, kind_, norm)
            if key in self.identifiers:
                continue
            self.identifiers.add(key)
            exists = self.s.exec(
                select(MerchantIdentifier.id).where(
                    MerchantIdentifier.merchant_id == merchant_id,
                    MerchantIdentifier.kind == kind_,
                    MerchantIdentifier.normalized == norm,
                )
            ).first()
            if exists is None:
                self.s.add(
                    MerchantIdentifier(
                        merchant_id=merchant_id,
                        kind=kind_,
                        raw=raw,
                        normalized=norm,
                        platform=row.platform,
                        source=f"导入#{self.batch_id} 第{row.row}行",
                    )
                )

    def write_chunk(self, rows: list[ParsedRow]) -> None:
        if not rows:
            return
        s = self.s
        merchant_ids = [self.merchant_for(r) for r in rows]
        # claimants: existing by ID number or by name + phone, else created
        wanted = {r.claimant_key: r for r in rows if r.claimant_key not in self.claimants}
        ids = [k[1] for k in wanted if k[0] == "id"]
        if ids:
            for cid, number in s.exec(
                select(Claimant.id, Claimant.id_number).where(col(Claimant.id_number).in_(ids))
            ):
                self.claimants[("id", number)] = cid  # type: ignore[index,assignment]
        pairs = [(k[1], k[2]) for k in wanted if k[0] == "np"]
        if pairs:
            stmt = select(Claimant.id, Claimant.name, Claimant.phone).where(
                tuple_(Claimant.name, Claimant.phone).in_(pairs), col(Claimant.id_number).is_(None)
            )
            for cid, name, phone in s.exec(stmt):
                self.claimants[("np", name, phone)] = cid  # type: ignore[assignment]
        new = [r for k, r in wanted.items() if k not in self.claimants]
        if new:
            created = s.scalars(
                insert(Claimant).returning(Claimant.id, sort_by_parameter_order=True),
                [
                    {
                        "name": r.name,
                        "id_number": r.id_number,
                        "phone": r.phone,
                        "address": r.address,
                        "wechat": r.wechat,
                        "notes": "",
                    }
                    for r in new
                ],
            ).all()
            for r, cid in zip(new, created):
                self.claimants[r.claimant_key] = cid
            self.result.claimants_created += len(new)
        # cases: one per claimant and merchant
        keys = {(self.claimants[r.claimant_key], m) for r, m in zip(rows, merchant_ids)}
        missing = [k for k in keys if k not in self.cases]
        if missing:
            stmt = select(Case.id, Case.claimant_id, Case.merchant_id).where(
                tuple_(Case.claimant_id, Case.merchant_id).in_(missing)
            )
            for case_id, claimant_id, merchant_id in s.exec(stmt):
                self.cases.setdefault((claimant_id, merchant_id), case_id)  # type: ignore[arg-type]
        first_row: dict[tuple[int, int], ParsedRow] = {}
        for r, m in zip(rows, merchant_ids):
            first_row.setdefault((self.claimants[r.claimant_key], m), r)
        new_cases = [k for k in keys if k not in self.cases]
        if new_cases:
            payload = []
            for claimant_id, merchant_id in new_cases:
                r = first_row[(claimant_id, merchant_id)]
                payload.append(
                    {
                        "claimant_id": claimant_id,
                        "merchant_id": merchant_id,
                        "status": "新建",
                        "problem_types": r.problems,
                        "demands": _demands(r),
                        "description": r.description,
                    }
                )
            created = s.scalars(insert(Case).returning(Case.id, sort_by_parameter_order=True), payload).all()
            for key, case_id in zip(new_cases, created):
                self.cases[key] = case_id
            self.result.cases_created += len(new_cases)
        s.execute(
            insert(Order),
            [
                {
                    "case_id": self.cases[(self.claimants[r.claimant_key], m)],
                    "platform": r.platform,
                    "order_no": r.order_no,
                    "order_date": r.order_date,
                    "product": r.product,
                    "amount_fen": r.amount_fen,
                    "payment_method": r.payment_method,
                    "debit_status": r.debit_status,
                }
                for r, m in zip(rows, merchant_ids)
            ],
        )
        self.result.orders_created += len(rows)
        self.result.imported += len(rows)
        self.touched_cases.update(
            self.cases[(self.claimants[r.claimant_key], m)] for r, m in zip(rows, merchant_ids)
        )


def _demands(row: ParsedRow) -> list[str]:
    if row.payment_method == "先用后付" and row.debit_status in (None, "未扣款", "催收中"):
        return ["停止扣款", "退款"] if row.debit_status is None else ["停止扣款"]
    return ["退款"]


def _survivor(session: Session, merchant_id: int) -> int:
    seen = set()
    while merchant_id not in seen:
        seen.add(merchant_id)
        merged_into = session.exec(select(Merchant.merged_into_id).where(Merchant.id == merchant_id)).first()
        if not merged_into:
            return merchant_id
        merchant_id = merged_into
    return merchant_id


def _known_orders(session: Session, rows: list[ParsedRow]) -> set[tuple[str, ...]]:
    with_no = [(r.platform, r.order_no) for r in rows if r.order_no]
    known: set[tuple[str, ...]] = set()
    if with_no:
        stmt = select(Order.platform, Order.order_no).where(
            tuple_(Order.platform, Order.order_no).in_(with_no)
        )
        known |= {("no", p, n) for p, n in session.exec(stmt)}  # type: ignore[misc]
    without = [r for r in rows if not r.order_no]
    for r in without:  # rare: an order typed without its number; match on person, merchant, date, amount
        stmt = (
            select(Order.id)
            .join(Case, col(Case.id) == Order.case_id)
            .join(Claimant, col(Claimant.id) == Case.claimant_id)
            .join(MerchantIdentifier, col(MerchantIdentifier.merchant_id) == Case.merchant_id)
            .where(
                col(Order.order_no).is_(None),
                Order.amount_fen == r.amount_fen,
                Order.order_date == r.order_date,
                MerchantIdentifier.normalized == r.merchant_key,
            )
        )
        stmt = (
            stmt.where(Claimant.id_number == r.id_number)
            if r.id_number
            else stmt.where(Claimant.name == r.name, Claimant.phone == r.phone)
        )
        if session.exec(stmt.limit(1)).first() is not None:
            known.add(r.order_key)
    return known


# ---------------------------------------------------------------- the use case


def import_file(
    ctx: Context,
    path: Path | str,
    sheet: str | None = None,
    mapping: dict[str, int] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Import one file in one transaction. dry_run validates and reports without writing."""
    path = Path(path)
    result = ImportResult()
    if not dry_run:
        require(ctx, "write", "导入表格")
    opened = open_sheet(path, sheet)
    try:
        plan = _find_header(opened.rows).with_mapping(mapping)
        headers, detected = plan.headers, plan.mapping
        _check_mapping(detected)
        result.headers = headers
        result.mapping = {f: headers[i] for f, i in detected.items() if i < len(headers)}
        result.unmapped_columns = [headers[i] for i in plan.unmapped]
        if opened.estimated_rows > MAX_ROWS * 2:
            raise UserError(
                f"{path.name} 约有 {opened.estimated_rows} 行，超过单次导入上限 {MAX_ROWS} 行，请拆分后再导入"
            )
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.stat().st_size < 512 * 2**20 else ""
        with transaction(ctx.engine) as session:
            batch = ImportBatch(file_name=path.name, sha256=digest)
            session.add(batch)
            session.flush()
            result.batch_id = batch.id
            writer = _Writer(session, batch.id, result, ctx.user)  # type: ignore[arg-type]
            seen_orders: set[tuple[str, ...]] = set()
            pending: list[ParsedRow] = []
            estimate = max(opened.estimated_rows, 1)

            def flush() -> None:
                known = _known_orders(session, pending)
                fresh = []
                for r in pending:
                    if r.order_key in known:
                        result.duplicates.append(r.row)
                    else:
                        fresh.append(r)
                if not dry_run:
                    writer.write_chunk(fresh)
                else:
                    result.imported += len(fresh)
                pending.clear()

            for number, cells in opened.rows:
                if not any(nfkc(c) for c in cells):
                    continue
                result.rows += 1
                if result.rows > MAX_ROWS:
                    raise UserError(
                        f"{path.name} 超过单次导入上限 {MAX_ROWS} 行（第 {number} 行），请拆分后再导入；未写入任何数据"
                    )
                parsed = parse_row(number, cells, detected, headers)
                if isinstance(parsed, list):
                    result.rejected.extend(parsed)
                    result.rejected_cells[number] = cells  # only bad rows are kept: for the error report
                elif parsed.order_key in seen_orders:
                    result.duplicates.append(number)
                else:
                    seen_orders.add(parsed.order_key)
                    pending.append(parsed)
                    if len(pending) >= CHUNK:
                        flush()
                if result.rows % 200 == 0:
                    if progress:
                        progress(result.rows, max(estimate, result.rows))
                    if cancelled and cancelled():
                        raise Cancelled()
            flush()
            result.duplicates.sort()
            batch.rows, batch.imported = result.rows, result.imported
            if dry_run:
                session.rollback()
            else:
                search.reindex(session, writer.touched_cases)
                audit.record(
                    session,
                    ctx.user,
                    "import_batch",
                    batch.id,
                    "import",
                    after={
                        "file": path.name,
                        "sha256": digest,
                        "rows": result.rows,
                        "imported": result.imported,
                        "rejected": len({p.row for p in result.rejected}),
                        "duplicates": len(result.duplicates),
                    },
                )
        if progress:
            progress(result.rows, result.rows)
    finally:
        opened.close()
    return result


def write_error_report(result: ImportResult, out: Path | str) -> Path:
    """The rejected rows with their original cells and a reason column, importable once fixed."""
    import openpyxl

    out = Path(out)
    raw_rows, headers = result.rejected_cells, result.headers
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("需修改的行")
    ws.append([*headers, "原表行号", "错误原因"])
    by_row: dict[int, list[Problem]] = {}
    for p in result.rejected:
        by_row.setdefault(p.row, []).append(p)
    for row, problems in sorted(by_row.items()):
        cells = list(raw_rows.get(row, []))
        cells += [None] * (len(headers) - len(cells))
        reason = "；".join(f"{p.column}：{p.message}" for p in problems)
        ws.append([*cells[: len(headers)], row, reason])
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


# ---------------------------------------------------------------- saved column mappings


def save_mapping(ctx: Context, name: str, by_header: dict[str, str]) -> None:
    """Remember a mapping (field → header text) under a name, for the next file of that form."""
    from ..store.models import SavedMapping

    if not name.strip():
        raise UserError("请为映射方案填写名称")
    with transaction(ctx.engine) as s:
        existing = s.exec(select(SavedMapping).where(SavedMapping.name == name.strip())).first()
        if existing:
            existing.mapping = dict(by_header)
            s.add(existing)
        else:
            s.add(SavedMapping(name=name.strip(), mapping=dict(by_header)))


def saved_mappings(ctx: Context) -> dict[str, dict[str, str]]:
    from ..store.models import SavedMapping

    with Session(ctx.engine) as s:
        return {
            m.name: dict(m.mapping) for m in s.exec(select(SavedMapping).order_by(col(SavedMapping.name)))
        }


def apply_mapping(by_header: dict[str, str], headers: list[str]) -> dict[str, int]:
    """Turn a saved field → header mapping into column indexes for this file's headers."""
    index = {h: i for i, h in enumerate(headers)}
    return {f: index[h] for f, h in by_header.items() if h in index}
