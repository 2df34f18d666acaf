"""Merchant duplicates, merge and unmerge. A merge moves cases, identifiers, evidence and filings
to the survivor and marks the others as merged (nothing is deleted); its snapshot lets unmerge
put back exactly the rows it moved, even after later unrelated edits."""

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from ..domain.matching import MerchantRecord, match_records
from ..store.db import transaction
from ..store.models import (
    Case,
    Claimant,
    Evidence,
    Filing,
    Merchant,
    MerchantIdentifier,
    MergeRecord,
    NotSamePair,
    utcnow,
)
from . import audit, search
from .context import Context
from .errors import NotFound, UserError
from .permissions import require
from .sheets import open_sheet

MERGEABLE_FIELDS = (
    "display_name",
    "platforms",
    "company_name",
    "uscc",
    "legal_rep",
    "address",
    "status",
    "notes",
)
MOVED = {"case": Case, "merchant_identifier": MerchantIdentifier, "evidence": Evidence, "filing": Filing}


# ------------------------------------------------------------------ CSV matching


def match_csv(src: Path, out: Path) -> int:
    """Cluster the records of a CSV (id,name,shop_id,uscc,phone,platform) into id,cluster,confidence,reason."""
    sheet = open_sheet(src)
    try:
        rows = iter(sheet.rows)
        try:
            _, header = next(rows)
        except StopIteration:
            raise UserError(f"{src.name} 是空文件") from None
        names = [str(h or "").strip().lower().lstrip("\ufeff") for h in header]
        for needed in ("id", "name"):
            if needed not in names:
                raise UserError(f"{src.name} 缺少列「{needed}」（需要 id,name,shop_id,uscc,phone,platform）")
        index = {n: i for i, n in enumerate(names)}

        def cell(values: list[object], key: str) -> str:
            i = index.get(key)
            return "" if i is None or i >= len(values) or values[i] is None else str(values[i])

        records = [
            MerchantRecord(
                cell(v, "id"),
                cell(v, "name"),
                cell(v, "shop_id"),
                cell(v, "uscc"),
                cell(v, "phone"),
                cell(v, "platform"),
            )
            for _, v in rows
            if any(str(c or "").strip() for c in v)
        ]
    finally:
        sheet.close()
    result = match_records(records)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    with tmp.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "cluster", "confidence", "reason"])
        for m in result:
            w.writerow([m.id, m.cluster, f"{m.confidence:.2f}", m.reason])
    tmp.replace(out)
    return len(result)


# ------------------------------------------------------------------ duplicates inside the database


@dataclass
class DuplicateGroup:
    merchants: list[dict[str, Any]]
    confidence: float
    reasons: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "merchant_ids": [m["id"] for m in self.merchants],
            "merchants": self.merchants,
            "confidence": round(self.confidence, 2),
            "reasons": self.reasons,
        }


def _records(session: Session) -> list[MerchantRecord]:
    """One record per known name of each active merchant; its IDs ride on the first one."""
    merchants = {
        m.id: m for m in session.exec(select(Merchant).where(col(Merchant.merged_into_id).is_(None)))
    }
    idents: dict[int, list[MerchantIdentifier]] = {}
    for ident in session.exec(select(MerchantIdentifier).order_by(col(MerchantIdentifier.id))):
        if ident.merchant_id in merchants:
            idents.setdefault(ident.merchant_id, []).append(ident)  # type: ignore[arg-type]
    records: list[MerchantRecord] = []
    for mid, m in merchants.items():
        names = [m.display_name] + ([m.company_name] if m.company_name else [])
        keys: dict[str, list[tuple[str, str]]] = {"shop_id": [], "phone": [], "uscc": []}
        for ident in idents.get(mid, []):  # type: ignore[arg-type]
            if ident.kind in ("shop_name", "company_name") and ident.raw not in names:
                names.append(ident.raw)
            elif ident.kind in keys:
                keys[ident.kind].append((ident.raw, ident.platform))
        if m.uscc:
            keys["uscc"].append((m.uscc, ""))
        group = f"m{mid}"
        for i, name in enumerate(names):
            records.append(MerchantRecord(f"{mid}:{i}", name, group=group))
        # each identifier as its own record, so every key is seen
        for kind, values in keys.items():
            for raw, platform in values:
                rec = MerchantRecord(f"{mid}:{kind}:{raw}", names[0], platform=platform, group=group)
                setattr(rec, kind, raw)
                records.append(rec)
    return records


def duplicate_groups(ctx: Context) -> list[DuplicateGroup]:
    with Session(ctx.engine) as s:
        records = _records(s)
        not_same = [(f"m{p.low_id}", f"m{p.high_id}") for p in s.exec(select(NotSamePair))]
        names = {m.id: m.display_name for m in s.exec(select(Merchant))}
    matches = match_records(records, not_same=not_same)
    clusters: dict[str, list[Any]] = {}
    for rec, m in zip(records, matches):
        clusters.setdefault(m.cluster, []).append((int(rec.id.split(":")[0]), m))
    groups = []
    for members in clusters.values():
        ids = sorted({mid for mid, _ in members})
        if len(ids) < 2:
            continue
        links = [m for _, m in members if m.reason not in ("同一商家记录", "未发现重复")]
        reasons = sorted({m.reason for m in links})
        confidence = min((m.confidence for m in links), default=1.0)
        groups.append(DuplicateGroup([{"id": i, "name": names[i]} for i in ids], confidence, reasons))
    groups.sort(key=lambda g: (-g.confidence, g.merchants[0]["id"]))
    return groups


def mark_not_same(ctx: Context, a: int, b: int) -> None:
    if a == b:
        raise UserError("两个编号相同")
    require(ctx, "write", "标记商家")
    with transaction(ctx.engine) as s:
        for mid in (a, b):
            if s.get(Merchant, mid) is None:
                raise NotFound(f"没有编号为 {mid} 的商家")
        low, high = min(a, b), max(a, b)
        exists = s.exec(
            select(NotSamePair).where(NotSamePair.low_id == low, NotSamePair.high_id == high)
        ).first()
        if exists is None:
            s.add(NotSamePair(low_id=low, high_id=high))
            audit.record(s, ctx.user, "merchant", low, "not_same", after={"other": high})


# ------------------------------------------------------------------ merge / unmerge


def _row(m: Merchant) -> dict[str, Any]:
    return {f: getattr(m, f) for f in MERGEABLE_FIELDS}


def merge(ctx: Context, survivor_id: int, other_ids: list[int], choices: dict[str, int] | None = None) -> int:
    """Merge others into survivor. choices maps a field to the merchant whose value is kept;
    without a choice the survivor's value stays, or the first non-empty one when it has none."""
    others = list(dict.fromkeys(other_ids))
    require(ctx, "write", "合并商家")
    if survivor_id in others:
        raise UserError(f"保留的商家 #{survivor_id} 不能同时被合并")
    with transaction(ctx.engine) as s:
        survivor = s.get(Merchant, survivor_id)
        if survivor is None:
            raise NotFound(f"没有编号为 {survivor_id} 的商家")
        if survivor.merged_into_id:
            raise UserError(f"商家 #{survivor_id} 已被合并到 #{survivor.merged_into_id}")
        merged: list[Merchant] = []
        for oid in others:
            m = s.get(Merchant, oid)
            if m is None:
                raise NotFound(f"没有编号为 {oid} 的商家")
            if m.merged_into_id:
                raise UserError(f"商家 #{oid} 已被合并到 #{m.merged_into_id}")
            merged.append(m)
        everyone = {survivor_id: survivor, **{m.id: m for m in merged}}
        before = _row(survivor)
        moved: dict[str, dict[str, list[int]]] = {}
        for name, table in MOVED.items():
            moved[name] = {}
            for m in merged:
                ids = list(s.exec(select(table.id).where(table.merchant_id == m.id)))  # type: ignore[attr-defined]
                moved[name][str(m.id)] = ids  # type: ignore[assignment]
        for f in MERGEABLE_FIELDS:
            if choices and f in choices:
                source = everyone.get(choices[f])
                if source is None:
                    raise UserError(f"字段 {f} 选择的商家 #{choices[f]} 不在本次合并中")
                setattr(survivor, f, getattr(source, f))
            elif not getattr(survivor, f):
                for m in merged:
                    if getattr(m, f):
                        setattr(survivor, f, getattr(m, f))
                        break
        platforms = [p for m in everyone.values() for p in (m.platforms or "").split(",") if p]
        survivor.platforms = ",".join(dict.fromkeys(platforms))
        after = _row(survivor)
        for name, table in MOVED.items():
            s.execute(update(table).where(table.merchant_id.in_(others)).values(merchant_id=survivor_id))  # type: ignore[attr-defined]
        for m in merged:
            m.merged_into_id = survivor_id
            s.add(m)
        s.add(survivor)
        s.flush()
        search.reindex_merchants(s, [survivor_id, *others])
        record = MergeRecord(
            survivor_id=survivor_id,
            merged_ids=others,
            snapshot={"survivor_before": before, "survivor_after": after, "moved": moved},
        )
        s.add(record)
        s.flush()
        audit.record(
            s,
            ctx.user,
            "merchant",
            survivor_id,
            "merge",
            before=before,
            after={**after, "merged": others, "merge_id": record.id},
        )
        return record.id  # type: ignore[return-value]


def unmerge(ctx: Context, merge_id: int) -> None:
    require(ctx, "write", "撤销合并")
    with transaction(ctx.engine) as s:
        record = s.get(MergeRecord, merge_id)
        if record is None:
            raise NotFound(f"没有编号为 {merge_id} 的合并记录")
        if record.undone_at is not None:
            raise UserError(f"合并 #{merge_id} 已经撤销过")
        involved = {record.survivor_id, *record.merged_ids}
        later = s.exec(
            select(MergeRecord).where(col(MergeRecord.id) > merge_id, col(MergeRecord.undone_at).is_(None))
        ).all()
        for other in later:
            if (
                involved & {other.survivor_id, *other.merged_ids}
                and other.merged_ids
                and (record.survivor_id in other.merged_ids or set(record.merged_ids) & {other.survivor_id})
            ):
                raise UserError(f"请先撤销之后的合并 #{other.id}（它合并了本次涉及的商家）")
        survivor = s.get(Merchant, record.survivor_id)
        assert survivor is not None
        snapshot = record.snapshot
        for name, per_merchant in snapshot["moved"].items():
            table = MOVED[name]
            for original, ids in per_merchant.items():
                if ids:
                    s.execute(
                        update(table)
                        .where(table.id.in_(ids), table.merchant_id == record.survivor_id)  # type: ignore[attr-defined]
                        .values(merchant_id=int(original))
                    )
        # fields: undo what the merge set, unless someone edited the field since
        for f in MERGEABLE_FIELDS:
            if getattr(survivor, f) == snapshot["survivor_after"][f]:
                setattr(survivor, f, snapshot["survivor_before"][f])
        s.add(survivor)
        for mid in record.merged_ids:
            m = s.get(Merchant, mid)
            if m is not None and m.merged_into_id == record.survivor_id:
                m.merged_into_id = None
                s.add(m)
        record.undone_at = utcnow()
        s.add(record)
        s.flush()
        search.reindex_merchants(s, [record.survivor_id, *record.merged_ids])
        audit.record(s, ctx.user, "merchant", record.survivor_id, "unmerge", after={"merge_id": merge_id})


def merge_history(ctx: Context) -> list[MergeRecord]:
    with Session(ctx.engine) as s:
        return list(s.exec(select(MergeRecord).order_by(col(MergeRecord.id).desc())))


def merchant_detail(ctx: Context, merchant_id: int) -> dict[str, Any]:
    """A merchant's fields, its identifiers (kind, raw, platform, source) and its cases."""
    with Session(ctx.engine) as s:
        m = s.get(Merchant, merchant_id)
        idents = s.exec(
            select(MerchantIdentifier)
            .where(MerchantIdentifier.merchant_id == merchant_id)
            .order_by(col(MerchantIdentifier.id))
        ).all()
        roster = s.exec(
            select(Case.id, Claimant.name, Case.status)
            .join(Claimant, col(Claimant.id) == Case.claimant_id)
            .where(Case.merchant_id == merchant_id)
            .order_by(col(Case.id))
        ).all()
        fields = {f: getattr(m, f) for f in MERGEABLE_FIELDS} if m else {}
    return {
        "fields": fields,
        "identifiers": [(i.kind, i.raw, i.platform, i.source) for i in idents],
        "roster": list(roster),
    }
