"""Cases for the app: filtered, sorted id lists, rows for a page of ids, one case for editing, and
saving an edit as one audited transaction with optimistic locking (a version number)."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, or_, text, update
from sqlmodel import Session, col, select

from ..domain.dates import parse_date
from ..domain.errors import InvalidValue
from ..domain.ids import parse_id_number, parse_phone
from ..domain.masking import mask_id_number, mask_phone
from ..domain.money import format_fen, parse_amount_fen
from ..domain.vocab import CASE_STATUSES, CHANNELS, DEBIT_STATUSES, DEMANDS, PROBLEM_TYPES, REQUIRED_EVIDENCE
from ..store.db import transaction
from ..store.models import Case, CaseEvent, ChannelRef, Claimant, Evidence, Merchant, Order, utcnow
from . import audit, search
from .context import Context
from .errors import Conflict, NotFound, UserError
from .permissions import require

SORT_COLUMNS = {
    "id": col(Case.id),
    "claimant": col(Claimant.name),
    "merchant": col(Merchant.display_name),
    "status": col(Case.status),
    "created": col(Case.created_at),
}
LIMITATION_YEARS = 3  # 民法典 Art. 188
RETURN_DAYS = 7  # 消法 Art. 25
ACCEPTANCE_WORKING_DAYS = 7
SEARCH_IN_QUERY = 30_000  # search hits up to this many are passed to SQL as an IN list  # 12315 acceptance decision (re-verify: SAMR Order 121)


@dataclass
class CaseFilter:
    status: str | None = None
    merchant_id: int | None = None
    platform: str | None = None
    problem: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    ready_only: bool = False
    text: str = ""


def case_ids(
    ctx: Context, f: CaseFilter | None = None, sort: str = "id", descending: bool = True
) -> list[int]:
    """The ids of matching cases in display order. Rows are fetched later, a page at a time."""
    f = f or CaseFilter()
    with Session(ctx.engine) as s:
        dialect = s.get_bind().dialect.name
        stmt = select(Case.id)
        if sort == "claimant":  # join only what the order needs: a bare id scan is much faster
            stmt = stmt.join(Claimant, col(Claimant.id) == Case.claimant_id)
        elif sort == "merchant":
            stmt = stmt.join(Merchant, col(Merchant.id) == Case.merchant_id)
        if f.status:
            stmt = stmt.where(Case.status == f.status)
        if f.merchant_id:
            stmt = stmt.where(Case.merchant_id == f.merchant_id)
        if f.problem:
            if dialect == "postgresql":
                stmt = stmt.where(text('("case".problem_types)::jsonb ? :p').bindparams(p=f.problem))
            else:
                stmt = stmt.where(
                    text(
                        'EXISTS (SELECT 1 FROM json_each("case".problem_types) WHERE value = :p)'
                    ).bindparams(p=f.problem)
                )
        if f.platform or f.date_from or f.date_to:
            orders = select(Order.case_id)
            if f.platform:
                orders = orders.where(Order.platform == f.platform)
            if f.date_from:
                orders = orders.where(col(Order.order_date) >= f.date_from)
            if f.date_to:
                orders = orders.where(col(Order.order_date) <= f.date_to)
            stmt = stmt.where(col(Case.id).in_(orders))
        if f.ready_only:
            ready = (
                select(Evidence.case_id)
                .where(col(Evidence.kind).in_(REQUIRED_EVIDENCE))
                .group_by(col(Evidence.case_id))
                .having(func.count(func.distinct(Evidence.kind)) == len(REQUIRED_EVIDENCE))
            )
            stmt = stmt.where(col(Case.id).in_(ready))
        hits: set[int] | None = None
        if f.text.strip():
            hits = set(search.search_ids(s, f.text))
            if not hits:
                return []
            if len(hits) < SEARCH_IN_QUERY:  # a short list goes into the query; a long one is applied after
                stmt = stmt.where(col(Case.id).in_(hits))
        order = SORT_COLUMNS.get(sort, SORT_COLUMNS["id"])
        stmt = stmt.order_by(order.desc() if descending else order.asc(), col(Case.id).desc())
        ids = list(s.exec(stmt))
        return ids if hits is None or len(hits) < SEARCH_IN_QUERY else [i for i in ids if i in hits]  # type: ignore[misc]


@dataclass
class CaseRow:
    id: int
    claimant: str
    id_number: str
    phone: str
    merchant: str
    status: str
    problems: str
    orders: int
    amount_fen: int
    first_order: date | None
    evidence_kinds: int
    version: int

    @property
    def ready(self) -> bool:
        return self.evidence_kinds >= len(REQUIRED_EVIDENCE)

    @property
    def amount(self) -> str:
        return format_fen(self.amount_fen)


def case_rows(ctx: Context, ids: list[int], reveal: bool = False) -> dict[int, CaseRow]:
    if not ids:
        return {}
    with Session(ctx.engine) as s:
        stmt = (
            select(Case, Claimant.name, Claimant.id_number, Claimant.phone, Merchant.display_name)
            .join(Claimant, col(Claimant.id) == Case.claimant_id)
            .join(Merchant, col(Merchant.id) == Case.merchant_id)
            .where(col(Case.id).in_(ids))
        )
        orders: dict[int, list[Any]] = {}
        for case_id, amount, day in s.exec(
            select(Order.case_id, Order.amount_fen, Order.order_date).where(col(Order.case_id).in_(ids))
        ):
            orders.setdefault(case_id, []).append((amount, day))  # type: ignore[arg-type]
        kinds: dict[int, int] = {}
        for case_id, n in s.exec(
            select(Evidence.case_id, func.count(func.distinct(Evidence.kind)))
            .where(col(Evidence.case_id).in_(ids), col(Evidence.kind).in_(REQUIRED_EVIDENCE))
            .group_by(col(Evidence.case_id))
        ):
            kinds[case_id] = n  # type: ignore[index]
        out = {}
        for case, name, id_number, phone, merchant in s.exec(stmt):
            lines = orders.get(case.id, [])  # type: ignore[arg-type]
            days = [d for _, d in lines if d]
            out[case.id] = CaseRow(
                case.id,
                name,
                (id_number or "") if reveal else mask_id_number(id_number),  # type: ignore[arg-type]
                phone if reveal else mask_phone(phone),
                merchant,
                case.status,
                "、".join(case.problem_types),
                len(lines),
                sum(a for a, _ in lines),
                min(days) if days else None,
                kinds.get(case.id, 0),
                case.version,  # type: ignore[arg-type]
            )
        return out


# ------------------------------------------------------------------ one case, for the editor


@dataclass
class OrderForm:
    id: int | None
    platform: str
    order_no: str
    order_date: str
    product: str
    amount: str
    payment_method: str = "先用后付"
    debit_status: str = ""


@dataclass
class CaseForm:
    id: int
    version: int
    claimant_id: int
    claimant_version: int
    name: str
    id_number: str
    phone: str
    address: str
    wechat: str
    merchant_id: int
    merchant: str
    status: str
    problem_types: list[str]
    demands: list[str]
    description: str
    orders: list[OrderForm] = field(default_factory=list)
    channels: dict[str, tuple[str, str]] = field(default_factory=dict)  # key → (ref no, date text)
    events: list[tuple[str, str]] = field(default_factory=list)  # (time, text)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    new_note: str = ""


def load_case(ctx: Context, case_id: int) -> CaseForm:
    with Session(ctx.engine) as s:
        case = s.get(Case, case_id)
        if case is None:
            raise NotFound(f"没有编号为 {case_id} 的案件")
        c = s.get(Claimant, case.claimant_id)
        m = s.get(Merchant, case.merchant_id)
        assert c is not None and m is not None
        form = CaseForm(
            case.id,
            case.version,
            c.id,
            c.version,
            c.name,
            c.id_number or "",
            c.phone,
            c.address,  # type: ignore[arg-type]
            c.wechat,
            m.id,
            m.display_name,
            case.status,
            list(case.problem_types),
            list(case.demands),  # type: ignore[arg-type]
            case.description,
        )
        for o in s.exec(select(Order).where(Order.case_id == case_id).order_by(col(Order.id))):
            form.orders.append(
                OrderForm(
                    o.id,
                    o.platform,
                    o.order_no or "",
                    o.order_date.isoformat() if o.order_date else "",
                    o.product,
                    format_fen(o.amount_fen).replace(",", ""),
                    o.payment_method,
                    o.debit_status or "",
                )
            )
        for ref in s.exec(select(ChannelRef).where(ChannelRef.case_id == case_id)):
            form.channels[ref.channel] = (ref.ref_no, ref.filed_on.isoformat() if ref.filed_on else "")
        for e in s.exec(select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(col(CaseEvent.at))):
            form.events.append((e.at.astimezone().strftime("%Y-%m-%d %H:%M"), e.text))  # local time
        for ev in s.exec(select(Evidence).where(Evidence.case_id == case_id).order_by(col(Evidence.id))):
            form.evidence.append(
                {
                    "id": ev.id,
                    "kind": ev.kind,
                    "name": ev.original_name,
                    "sha256": ev.sha256,
                    "stored_name": ev.stored_name,
                    "proves": ev.proves,
                }
            )
        return form


def validate_form(form: CaseForm) -> dict[str, str]:
    """Field → message for every invalid value (the editor shows them inline)."""
    errors: dict[str, str] = {}
    if not form.name.strip():
        errors["name"] = "姓名不能为空"
    if form.id_number.strip():
        try:
            parse_id_number(form.id_number)
        except InvalidValue as exc:
            errors["id_number"] = exc.message
    if form.phone.strip():
        try:
            parse_phone(form.phone)
        except InvalidValue as exc:
            errors["phone"] = exc.message
    if not form.id_number.strip() and not form.phone.strip():
        errors["phone"] = "身份证号和手机号至少填写一项"
    if form.status not in CASE_STATUSES:
        errors["status"] = f"状态无效：{form.status}"
    for p in form.problem_types:
        if p not in PROBLEM_TYPES:
            errors["problem_types"] = f"问题类型无效：{p}"
    for d in form.demands:
        if d not in DEMANDS:
            errors["demands"] = f"诉求无效：{d}"
    for i, o in enumerate(form.orders):
        try:
            parse_amount_fen(o.amount)
        except InvalidValue as exc:
            errors[f"orders.{i}.amount"] = f"第 {i + 1} 个订单：{exc.message}"
        if o.order_date.strip():
            try:
                parse_date(o.order_date)
            except InvalidValue as exc:
                errors[f"orders.{i}.order_date"] = f"第 {i + 1} 个订单：{exc.message}"
        if o.debit_status and o.debit_status not in DEBIT_STATUSES:
            errors[f"orders.{i}.debit_status"] = f"第 {i + 1} 个订单：扣款状态无效"
    for key, (_, day) in form.channels.items():
        if key not in CHANNELS:
            errors[f"channels.{key}"] = f"渠道无效：{key}"
        elif day.strip():
            try:
                parse_date(day)
            except InvalidValue as exc:
                errors[f"channels.{key}"] = f"{CHANNELS[key]}：{exc.message}"
    return errors


def save_case(ctx: Context, form: CaseForm) -> int:
    """Save the editor's form; refuses when someone else saved the case since it was loaded."""
    errors = validate_form(form)
    require(ctx, "write", "修改案件")
    if errors:
        raise UserError("；".join(errors.values()))
    with transaction(ctx.engine) as s:
        bumped = s.execute(
            update(Case)
            .where(col(Case.id) == form.id, col(Case.version) == form.version)
            .values(
                version=form.version + 1,
                status=form.status,
                problem_types=form.problem_types,
                demands=form.demands,
                description=form.description,
                updated_at=utcnow(),
            )
        )
        if bumped.rowcount != 1:  # type: ignore[attr-defined]
            if s.get(Case, form.id) is None:
                raise NotFound(f"案件 #{form.id} 已不存在")
            raise Conflict(f"案件 #{form.id} 已被他人修改，请重新载入后再保存")
        before = {"version": form.version}
        claimant_bumped = s.execute(
            update(Claimant)
            .where(col(Claimant.id) == form.claimant_id, col(Claimant.version) == form.claimant_version)
            .values(
                version=form.claimant_version + 1,
                name=form.name.strip(),
                id_number=parse_id_number(form.id_number) if form.id_number.strip() else None,
                phone=parse_phone(form.phone) if form.phone.strip() else "",
                address=form.address.strip(),
                wechat=form.wechat.strip(),
            )
        )
        if claimant_bumped.rowcount != 1:  # type: ignore[attr-defined]
            raise Conflict(f"投诉人 {form.name} 的资料已被他人修改，请重新载入后再保存")
        keep = {o.id for o in form.orders if o.id}
        for existing in s.exec(select(Order).where(Order.case_id == form.id)):
            if existing.id not in keep:
                s.delete(existing)
        s.flush()
        for o in form.orders:
            values = dict(
                platform=o.platform.strip(),
                order_no=o.order_no.strip() or None,
                order_date=parse_date(o.order_date) if o.order_date.strip() else None,
                product=o.product,
                amount_fen=parse_amount_fen(o.amount),
                payment_method=o.payment_method or "先用后付",
                debit_status=o.debit_status or None,
            )
            if o.id:
                s.execute(
                    update(Order).where(col(Order.id) == o.id, col(Order.case_id) == form.id).values(**values)
                )
            else:
                s.add(Order(case_id=form.id, **values))
        for ref in s.exec(select(ChannelRef).where(ChannelRef.case_id == form.id)):
            s.delete(ref)
        s.flush()
        for key, (ref_no, day) in form.channels.items():
            if ref_no.strip() or day.strip():
                s.add(
                    ChannelRef(
                        case_id=form.id,
                        channel=key,
                        ref_no=ref_no.strip(),
                        filed_on=parse_date(day) if day.strip() else None,
                    )
                )
        if form.new_note.strip():
            s.add(CaseEvent(case_id=form.id, kind="note", text=form.new_note.strip()))
        s.flush()
        search.reindex(s, [form.id])
        audit.record(
            s,
            ctx.user,
            "case",
            form.id,
            "update",
            before=before,
            after={"status": form.status, "orders": len(form.orders), "version": form.version + 1},
        )
    return form.version + 1


# ------------------------------------------------------------------ deadlines


def add_working_days(start: date, days: int) -> date:
    d = start
    while days > 0:
        d += timedelta(days=1)
        if d.weekday() < 5:
            days -= 1
    return d


@dataclass
class Deadline:
    case_id: int
    claimant: str
    kind: str
    due: date

    def days_left(self, today: date) -> int:
        return (self.due - today).days


def deadlines(ctx: Context, within_days: int = 30, today: date | None = None) -> list[Deadline]:
    """Due soon across cases: 3-year limitation from the first order, 12315 acceptance decision
    (7 working days after filing), the 7-day return window."""
    today = today or date.today()
    horizon = today + timedelta(days=within_days)
    out: list[Deadline] = []
    # only cases with an order in a window that can make a deadline fall due soon
    windows = [
        (
            today - timedelta(days=366 * LIMITATION_YEARS),
            horizon - timedelta(days=365 * LIMITATION_YEARS - 1),
        ),
        (today - timedelta(days=RETURN_DAYS), horizon - timedelta(days=RETURN_DAYS)),
    ]
    candidates = select(Order.case_id).where(or_(*[col(Order.order_date).between(a, b) for a, b in windows]))
    with Session(ctx.engine) as s:
        firsts = s.exec(
            select(Order.case_id, func.min(Order.order_date), Claimant.name)
            .join(Case, col(Case.id) == Order.case_id)
            .join(Claimant, col(Claimant.id) == Case.claimant_id)
            .where(col(Order.case_id).in_(candidates))
            .where(col(Case.status).not_in(["结案·已退款", "结案·未退款"]))
            .group_by(col(Order.case_id), col(Claimant.name))
        )
        for case_id, first, name in firsts:
            if not first:
                continue
            limitation = (
                first.replace(year=first.year + LIMITATION_YEARS)
                if not (first.month == 2 and first.day == 29)
                else date(first.year + LIMITATION_YEARS, 3, 1)
            )
            returns = first + timedelta(days=RETURN_DAYS)
            for kind, due in (("诉讼时效（3 年）届满", limitation), ("7 天无理由退货期届满", returns)):
                if today <= due <= horizon:
                    out.append(Deadline(case_id, name, kind, due))  # type: ignore[arg-type]
        refs = s.exec(
            select(ChannelRef.case_id, ChannelRef.filed_on, Claimant.name)
            .join(Case, col(Case.id) == ChannelRef.case_id)
            .join(Claimant, col(Claimant.id) == Case.claimant_id)
            .where(ChannelRef.channel == "12315", col(ChannelRef.filed_on).is_not(None))
        )
        for case_id, filed, name in refs:
            due = add_working_days(filed, ACCEPTANCE_WORKING_DAYS)  # type: ignore[arg-type]
            if today <= due <= horizon:
                out.append(Deadline(case_id, name, "12315 受理决定期限（7 个工作日）", due))  # type: ignore[arg-type]
    return sorted(out, key=lambda d: d.due)


# ------------------------------------------------------------------ lists and dashboard


def claimant_rows(ctx: Context, reveal: bool = False, query: str = "") -> list[dict[str, Any]]:
    with Session(ctx.engine) as s:
        stmt = (
            select(
                Claimant.id,
                Claimant.name,
                Claimant.id_number,
                Claimant.phone,
                Claimant.address,
                func.count(func.distinct(Case.id)),
                func.coalesce(func.sum(Order.amount_fen), 0),
            )
            .join(Case, col(Case.claimant_id) == Claimant.id, isouter=True)
            .join(Order, col(Order.case_id) == Case.id, isouter=True)
            .group_by(
                col(Claimant.id),
                col(Claimant.name),
                col(Claimant.id_number),
                col(Claimant.phone),
                col(Claimant.address),
            )
            .order_by(col(Claimant.id).desc())
        )
        if query.strip():
            q = f"%{query.strip()}%"
            stmt = stmt.where(or_(col(Claimant.name).like(q), col(Claimant.phone).like(q)))
        return [
            {
                "id": i,
                "name": n,
                "id_number": (idn or "") if reveal else mask_id_number(idn),
                "phone": p if reveal else mask_phone(p),
                "address": a,
                "cases": c,
                "amount_fen": int(t),
            }
            for i, n, idn, p, a, c, t in s.exec(stmt)
        ]


def merchant_rows(ctx: Context) -> list[dict[str, Any]]:
    from .stats import stats

    data = stats(ctx)["merchants_detail"]
    with Session(ctx.engine) as s:
        extra = {m.id: m for m in s.exec(select(Merchant).where(col(Merchant.merged_into_id).is_(None)))}
    return [
        {
            **d,
            "status": extra[d["id"]].status,
            "platforms": extra[d["id"]].platforms,
            "company": extra[d["id"]].company_name,
        }
        for d in data
        if d["id"] in extra
    ]


def merchant_choices(ctx: Context) -> list[tuple[int, str, str]]:
    """(id, name, platforms) of active merchants, for filter lists."""
    with Session(ctx.engine) as s:
        rows = s.exec(
            select(Merchant.id, Merchant.display_name, Merchant.platforms)
            .where(col(Merchant.merged_into_id).is_(None))
            .order_by(col(Merchant.id))
        )
        return [(i, n, p) for i, n, p in rows]  # type: ignore[misc]


def dashboard(ctx: Context) -> dict[str, Any]:
    with Session(ctx.engine) as s:
        by_status = dict(Counter(s.exec(select(Case.status))))
        top = s.exec(
            select(Merchant.display_name, func.sum(Order.amount_fen))
            .join(Case, col(Case.merchant_id) == Merchant.id)
            .join(Order, col(Order.case_id) == Case.id)
            .group_by(col(Merchant.id), col(Merchant.display_name))
            .order_by(func.sum(Order.amount_fen).desc())
            .limit(10)
        ).all()
        weeks: Counter[str] = Counter()
        for created in s.exec(select(Case.created_at)):
            d = created.date()
            monday = d - timedelta(days=d.weekday())
            weeks[monday.isoformat()] += 1
        debit = dict(
            Counter(
                x or "不详"
                for x in s.exec(select(Order.debit_status).where(Order.payment_method == "先用后付"))
            )
        )
    return {
        "by_status": {k: by_status.get(k, 0) for k in CASE_STATUSES},
        "top_merchants": [(n, int(a)) for n, a in top],
        "weekly": sorted(weeks.items())[-26:],
        "debit": debit,
    }


def record_reveal(ctx: Context, where: str) -> None:
    """Showing full ID numbers and phones is logged (PIPL: who saw what, when)."""
    with transaction(ctx.engine) as s:
        audit.record(s, ctx.user, "claimant", None, "reveal_personal_data", after={"view": where})
