"""Counts and totals for the command line and the dashboard."""

from typing import Any

from sqlalchemy import distinct, func
from sqlmodel import col, select

from ..store.models import Case, Claimant, Merchant, Order
from .context import Context


def stats(ctx: Context) -> dict[str, Any]:
    from sqlmodel import Session

    with Session(ctx.engine) as s:
        claimants = s.exec(select(func.count()).select_from(Claimant)).one()
        cases = s.exec(select(func.count()).select_from(Case)).one()
        orders = s.exec(select(func.count()).select_from(Order)).one()
        merchants = s.exec(
            select(func.count()).select_from(Merchant).where(col(Merchant.merged_into_id).is_(None))
        ).one()
        total = s.exec(select(func.coalesce(func.sum(Order.amount_fen), 0))).one()
        rows = s.exec(
            select(
                Merchant.id,
                Merchant.display_name,
                func.count(distinct(Case.claimant_id)),
                func.count(distinct(Case.id)),
                func.coalesce(func.sum(Order.amount_fen), 0),
            )
            .join(Case, col(Case.merchant_id) == Merchant.id, isouter=True)
            .join(Order, col(Order.case_id) == Case.id, isouter=True)
            .where(col(Merchant.merged_into_id).is_(None))
            .group_by(col(Merchant.id), col(Merchant.display_name))
            .order_by(col(Merchant.id))
        ).all()
    return {
        "claimants": claimants,
        "cases": cases,
        "orders": orders,
        "merchants": merchants,
        "total_amount_fen": int(total),
        "merchants_detail": [
            {"id": mid, "name": name, "claimants": nc, "cases": ncase, "amount_fen": int(amount)}
            for mid, name, nc, ncase, amount in rows
        ],
    }
