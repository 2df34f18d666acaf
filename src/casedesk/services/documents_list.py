"""Lists for the 集体投诉 and 文书 tabs: filings and generated documents."""

from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from ..store.models import Filing, FilingCase, GeneratedDocument, Merchant
from .context import Context

RECIPIENTS = {"samr": "市场监督管理局（12315）", "cca": "消费者协会", "platform": "平台"}


def filings(ctx: Context) -> list[dict[str, Any]]:
    with Session(ctx.engine) as s:
        counts = dict(
            s.exec(select(FilingCase.filing_id, func.count()).group_by(col(FilingCase.filing_id))).all()
        )
        rows = s.exec(
            select(Filing, Merchant.display_name)
            .join(Merchant, col(Merchant.id) == Filing.merchant_id)
            .order_by(col(Filing.id).desc())
        ).all()
    return [
        {
            "id": f.id,
            "merchant_id": f.merchant_id,
            "merchant": name,
            "recipient": RECIPIENTS.get(f.recipient, f.recipient),
            "recipient_key": f.recipient,
            "status": f.status,
            "title": f.title,
            "cases": counts.get(f.id, 0),
            "representatives": list(f.representative_ids),
            "created": f.created_at,
        }
        for f, name in rows
    ]


def generated_documents(ctx: Context) -> list[dict[str, Any]]:
    with Session(ctx.engine) as s:
        docs = s.exec(select(GeneratedDocument).order_by(col(GeneratedDocument.id).desc())).all()
    return [
        {
            "id": d.id,
            "type": d.doc_type,
            "path": d.path,
            "sha256": d.sha256,
            "created": d.created_at,
            "template": f"{d.template} v{d.template_version}",
            "cases": len(d.case_ids),
        }
        for d in docs
    ]
