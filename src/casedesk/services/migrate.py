"""`casedesk migrate-to URL`: copy a local SQLite database, with its evidence files, into an empty
team database (PostgreSQL). One transaction on the target; afterwards counts, evidence hashes and
the audit chain are compared and reported."""

import hashlib
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlmodel import Session, SQLModel

from ..store.db import open_engine
from ..store.models import Case, Claimant, Evidence, EvidenceBlob, Merchant
from . import search
from .audit import verify_chain
from .context import Context
from .errors import UserError
from .evidence import read_bytes
from .permissions import require

SKIP = {"alembic_version", "evidence_blob"}
BATCH = 2000


def migrate_to(ctx: Context, url: str) -> dict[str, Any]:
    require(ctx, "admin", "迁移数据库")
    if not ctx.is_sqlite:
        raise UserError("migrate-to 从本地 SQLite 数据库迁出；当前已是团队数据库")
    if url.startswith("sqlite"):
        raise UserError("目标应是团队数据库地址，如 postgresql+psycopg://用户:密码@服务器/库名")
    try:
        target = open_engine(url)
    except Exception as exc:  # noqa: BLE001 - connection problems are the user's to fix
        raise UserError(f"无法连接目标数据库：{exc}") from None
    with Session(target) as t:
        for model in (Merchant, Claimant, Case):
            if t.exec(select(func.count()).select_from(model)).one()[0]:  # type: ignore[call-overload]
                raise UserError("目标数据库不是空的：为免覆盖，只迁入空数据库")
    tables = [tb for tb in SQLModel.metadata.sorted_tables if tb.name not in SKIP]
    counts: dict[str, int] = {}
    missing: list[str] = []
    with ctx.engine.connect() as src, Session(target) as t:
        for table in tables:
            rows = [dict(r._mapping) for r in src.execute(select(table))]
            counts[table.name] = len(rows)
            for start in range(0, len(rows), BATCH):
                t.execute(insert(table), rows[start : start + BATCH])
        seen: set[str] = set()
        for sha, stored in src.execute(select(Evidence.sha256, Evidence.stored_name)):
            if not stored or sha in seen:
                continue
            seen.add(sha)
            data = read_bytes(ctx, stored)
            if data is None:
                missing.append(stored)
                continue
            t.add(EvidenceBlob(sha256=sha, size=len(data), data=data))
        if target.dialect.name == "postgresql":
            for table in tables:
                if "id" in table.c and table.c.id.primary_key:
                    t.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                            f'COALESCE((SELECT MAX(id) FROM "{table.name}"), 0) + 1, false)'
                        )
                    )
        t.flush()
        search.reindex(t)
        t.commit()
    report = _compare(ctx, target, counts)
    report["missing_evidence"] = missing
    target.dispose()
    return report


def _compare(ctx: Context, target: Any, counts: dict[str, int]) -> dict[str, Any]:
    problems = []
    with Session(target) as t:
        for name, n in counts.items():
            got = t.execute(text(f'SELECT COUNT(*) FROM "{name}"')).scalar()
            if got != n:
                problems.append(f"{name}: 源 {n} 行，目标 {got} 行")
        bad = blobs = 0
        for sha, data in t.execute(select(EvidenceBlob.sha256, EvidenceBlob.data)):
            blobs += 1
            if hashlib.sha256(bytes(data)).hexdigest() != sha:
                bad += 1
        chain, _ = verify_chain(t)
    problems.extend(chain)
    if bad:
        problems.append(f"{bad} 个证据内容哈希不符")
    return {"tables": counts, "evidence_files": blobs, "problems": problems, "ok": not problems}
