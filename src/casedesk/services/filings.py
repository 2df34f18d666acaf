"""Generating filings: gather the cases, build the document from its template, render PDF or DOCX,
and record every generated file (type, path, SHA-256, template version, cases) in one transaction."""

import argparse
import hashlib
import re
import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlmodel import Session, col, select

from ..documents import builders
from ..documents import templates as tpl
from ..documents.data import CaseData, EvidenceLine, MerchantData, OrderLine, Organisation, Person
from ..documents.docx import render_docx
from ..documents.model import Document
from ..documents.pdf import render_many_pdf, render_pdf
from ..store.db import transaction
from ..store.models import Case, Claimant, Evidence, GeneratedDocument, Merchant, MerchantIdentifier, Order
from . import audit, settings
from .context import Context
from .errors import NotFound, UserError
from .permissions import require


def template_dir(ctx: Context) -> Path:
    return ctx.data_dir / "templates"


def _template(ctx: Context, name: str) -> tpl.DocTemplate:
    try:
        return tpl.load(name, template_dir(ctx))
    except tpl.TemplateError as exc:
        raise UserError(str(exc)) from None


def organisation(ctx: Context) -> Organisation:
    s = settings.load(ctx.data_dir)
    return Organisation(
        name=s["organisation"],
        advocate=s["advocate"],
        phone=s["advocate_phone"],
        address=s["advocate_address"],
    )


def merchant_data(session: Session, merchant_id: int) -> MerchantData:
    m = session.get(Merchant, merchant_id)
    if m is None:
        raise NotFound(f"没有编号为 {merchant_id} 的商家")
    if m.merged_into_id:
        raise UserError(f"商家 #{merchant_id} 已合并到 #{m.merged_into_id}，请使用 #{m.merged_into_id}")
    shop_names: list[str] = [m.display_name]
    shop_ids, phones = [], []
    for ident in session.exec(
        select(MerchantIdentifier)
        .where(MerchantIdentifier.merchant_id == merchant_id)
        .order_by(col(MerchantIdentifier.id))
    ):
        if ident.kind == "shop_name" and ident.raw not in shop_names:
            shop_names.append(ident.raw)
        elif ident.kind == "shop_id":
            label = f"{ident.raw}（{ident.platform}）" if ident.platform else ident.raw
            if label not in shop_ids:
                shop_ids.append(label)
        elif ident.kind == "phone" and ident.normalized not in phones:
            phones.append(ident.normalized)
    platforms = [p for p in (m.platforms or "").split(",") if p]
    return MerchantData(
        m.id,
        m.display_name,
        m.company_name,
        m.uscc,
        m.address,
        m.legal_rep,  # type: ignore[arg-type]
        platforms,
        shop_names,
        shop_ids,
        phones,
    )


def cases_data(
    session: Session, merchant_id: int | None = None, case_ids: list[int] | None = None
) -> list[CaseData]:
    stmt = select(Case, Claimant).join(Claimant, col(Claimant.id) == Case.claimant_id).order_by(col(Case.id))
    if merchant_id is not None:
        stmt = stmt.where(Case.merchant_id == merchant_id)
    if case_ids is not None:
        stmt = stmt.where(col(Case.id).in_(case_ids))
    pairs = session.exec(stmt).all()
    ids = [c.id for c, _ in pairs]
    orders: dict[int, list[OrderLine]] = {}
    evidence: dict[int, list[EvidenceLine]] = {}
    for chunk in range(0, len(ids), 500):
        part = ids[chunk : chunk + 500]
        for o in session.exec(select(Order).where(col(Order.case_id).in_(part)).order_by(col(Order.id))):
            orders.setdefault(o.case_id, []).append(
                OrderLine(  # type: ignore[arg-type]
                    o.order_no or "",
                    o.order_date,
                    o.amount_fen,
                    o.debit_status,
                    o.payment_method,
                    o.platform,
                    o.product,
                )
            )
        for e in session.exec(
            select(Evidence).where(col(Evidence.case_id).in_(part)).order_by(col(Evidence.id))
        ):
            evidence.setdefault(e.case_id, []).append(
                EvidenceLine(  # type: ignore[arg-type]
                    e.kind, e.description, e.proves, e.sha256, e.original_name, e.case_id
                )
            )
    out = []
    for case, cl in pairs:
        person = Person(cl.id, cl.name, cl.id_number, cl.phone, cl.address)  # type: ignore[arg-type]
        out.append(
            CaseData(
                case.id,
                person,
                orders.get(case.id, []),
                list(case.problem_types),  # type: ignore[arg-type]
                list(case.demands),
                evidence.get(case.id, []),
            )
        )  # type: ignore[arg-type]
    return out


def _render(doc: Document, fmt: str, out: Path) -> None:
    if fmt == "pdf":
        render_pdf(doc, out)
    elif fmt == "docx":
        render_docx(doc, out)
    else:
        raise UserError(f"不支持的格式：{fmt}")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _check_out_file(out: Path, fmt: str) -> None:
    if out.is_dir():
        raise UserError(f"输出路径是文件夹：{out}")
    if not out.parent.exists():
        raise UserError(f"输出文件夹不存在：{out.parent}")
    if out.suffix.lower() != f".{fmt}":
        raise UserError(f"输出文件扩展名应为 .{fmt}：{out.name}")


def _record(
    ctx: Context,
    docs: list[tuple[Document, Path]],
    merchant_id: int | None,
    staged: list[tuple[Path, Path]],
    detail: dict[str, object],
) -> None:
    """Move staged files into place and record them; on a database failure the files are removed."""
    moved: list[Path] = []
    try:
        with transaction(ctx.engine) as s:
            for tmp, final in staged:
                shutil.move(str(tmp), final)
                moved.append(final)
            for doc, path in docs:
                s.add(
                    GeneratedDocument(
                        doc_type=doc.doc_type,
                        path=str(path.resolve()),
                        sha256=_sha256(path),
                        template=doc.template,
                        template_version=doc.template_version,
                        merchant_id=merchant_id,
                        case_ids=doc.case_ids,
                    )
                )
            audit.record(
                s,
                ctx.user,
                "document",
                merchant_id,
                "generate",
                after={**detail, "files": [str(p) for _, p in docs]},
            )
    except BaseException:
        for path in moved:
            path.unlink(missing_ok=True)
        raise


def _representatives(cases: list[CaseData], chosen: list[int] | None) -> list[Person]:
    people = {c.claimant.id: c.claimant for c in cases}
    if chosen is not None:
        missing = [i for i in chosen if i not in people]
        if missing:
            raise UserError(f"代表人必须是本商家的投诉人：{'、'.join(map(str, missing))} 不是")
        reps = [people[i] for i in dict.fromkeys(chosen)]
    else:
        reps = list(people.values())[:2]
    if not 2 <= len(reps) <= 5:
        raise UserError(f"代表人应为 2–5 人（现为 {len(reps)} 人）")
    return reps


def generate_single(
    ctx: Context,
    kind: str,
    merchant_id: int,
    fmt: str,
    out: Path,
    *,
    to: str = "samr",
    representatives: list[int] | None = None,
    full: bool = False,
    case_id: int | None = None,
    election: bool = False,
) -> Path:
    """group_complaint | roster | evidence_list | poa → one file."""
    require(ctx, "write", "生成文书")
    _check_out_file(out, fmt)
    with Session(ctx.engine) as s:
        if kind == "evidence_list" and case_id is not None:  # one case's list: its merchant follows
            case = s.get(Case, case_id)
            if case is None:
                raise NotFound(f"没有编号为 {case_id} 的案件")
            merchant_id = case.merchant_id  # type: ignore[assignment]
            cases = cases_data(s, case_ids=[case_id])
        else:
            cases = cases_data(s, merchant_id=merchant_id)
        merchant = merchant_data(s, merchant_id)
    if not cases:
        raise UserError(f"商家 #{merchant_id} 还没有任何案件")
    org = organisation(ctx)
    platform = merchant.platforms[0] if merchant.platforms else ""
    if kind == "group_complaint":
        if to not in ("samr", "cca", "platform"):
            raise UserError("投诉对象应为 samr、cca 或 platform")
        doc = builders.group_complaint(
            _template(ctx, "group_complaint"),
            merchant,
            cases,
            _representatives(cases, representatives),
            to,
            org,
            full=full,
        )
    elif kind == "roster":
        doc = builders.roster(_template(ctx, "roster"), merchant, cases, full=full)
    elif kind == "evidence_list":
        items = [e for c in cases for e in c.evidence]
        subject = (
            f"{cases[0].claimant.name}与{merchant.legal_name}消费纠纷"
            if case_id
            else f"{merchant.legal_name}集体投诉"
        )
        submitter = cases[0].claimant.name if case_id else (org.advocate or "投诉人代表")
        doc = builders.evidence_list(
            _template(ctx, "evidence_list"), subject, submitter, items, platform, [c.id for c in cases]
        )
    elif kind == "poa" and election:
        doc = builders.representative_election(
            _template(ctx, "representative_election"),
            merchant,
            cases,
            _representatives(cases, representatives),
        )
    elif kind == "poa":
        doc = builders.power_of_attorney(_template(ctx, "power_of_attorney"), merchant, cases, org)
    else:
        raise UserError(f"未知的文书类型：{kind}")
    staging = Path(tempfile.mkdtemp(dir=out.parent, prefix=".casedesk-"))
    try:
        tmp = staging / out.name
        _render(doc, fmt, tmp)
        _record(
            ctx,
            [(doc, out)],
            merchant_id,
            [(tmp, out)],
            {"type": doc.doc_type, "format": fmt, "cases": len(cases), "full_personal_data": full},
        )
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out


def _safe(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name)[:40]


def generate_arbitration(
    ctx: Context,
    merchant_id: int,
    commission: str,
    fmt: str,
    out_dir: Path,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Path]:
    """One application per case, plus one combined PDF for printing. All files or none."""
    require(ctx, "write", "生成文书")
    if not commission.strip():
        raise UserError("请填写仲裁委员会名称")
    if out_dir.exists() and not out_dir.is_dir():
        raise UserError(f"输出路径不是文件夹：{out_dir}")
    if fmt not in ("pdf", "docx"):
        raise UserError(f"不支持的格式：{fmt}")
    with Session(ctx.engine) as s:
        merchant = merchant_data(s, merchant_id)
        cases = cases_data(s, merchant_id=merchant_id)
    if not cases:
        raise UserError(f"商家 #{merchant_id} 还没有任何案件")
    template = _template(ctx, "arbitration")
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=out_dir, prefix=".casedesk-"))
    today = date.today()
    try:
        docs: list[tuple[Document, Path]] = []
        staged: list[tuple[Path, Path]] = []
        for i, case in enumerate(cases, start=1):
            doc = builders.arbitration(template, merchant, case, commission, today=today)
            name = f"仲裁申请书_{case.id:05d}_{_safe(case.claimant.name)}.{fmt}"
            _render(doc, fmt, staging / name)
            docs.append((doc, out_dir / name))
            staged.append((staging / name, out_dir / name))
            if progress:
                progress(i, len(cases) + 1)
            if cancelled and cancelled():
                raise UserError("已取消，未写入任何文件")
        combined_name = f"仲裁申请书_合并打印_{_safe(merchant.legal_name)}.pdf"
        render_many_pdf([d for d, _ in docs], staging / combined_name)
        combined = Document(
            doc_type="arbitration_combined",
            title="仲裁申请书（合并打印）",
            template=template.name,
            template_version=template.version,
            case_ids=[c.id for c in cases],
        )
        docs.append((combined, out_dir / combined_name))
        staged.append((staging / combined_name, out_dir / combined_name))
        _record(
            ctx,
            docs,
            merchant_id,
            staged,
            {"type": "arbitration", "format": fmt, "cases": len(cases), "commission": commission},
        )
        if progress:
            progress(len(cases) + 1, len(cases) + 1)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [p for _, p in docs]


def generate_from_cli(ctx: Context, args: argparse.Namespace) -> list[Path]:
    cmd = args.doc_cmd
    if cmd == "arbitration":
        return generate_arbitration(ctx, args.merchant, args.commission, args.format, Path(args.out))
    reps = None
    if getattr(args, "representatives", None):
        try:
            reps = [int(x) for x in args.representatives.split(",") if x.strip()]
        except ValueError:
            raise UserError(f"代表人编号应为逗号分隔的数字：{args.representatives}") from None
    kind = {
        "group-complaint": "group_complaint",
        "roster": "roster",
        "evidence-list": "evidence_list",
        "poa": "poa",
    }[cmd]
    return [
        generate_single(
            ctx,
            kind,
            getattr(args, "merchant", None) or 0,
            args.format,
            Path(args.out),
            to=getattr(args, "to", "samr"),
            representatives=reps,
            full=getattr(args, "full_personal_data", False),
            case_id=getattr(args, "case", None),
            election=getattr(args, "kind", "") == "election",
        )
    ]
