"""`casedesk verify`: every evidence file re-hashed, and the audit chain walked."""

from sqlmodel import Session, select

from ..store.models import Evidence
from .audit import check_head, verify_chain
from .context import Context
from .evidence import current_hash


def verify(ctx: Context) -> list[str]:
    problems: list[str] = []
    with Session(ctx.engine) as s:
        for e in s.exec(select(Evidence)):
            if not e.stored_name:
                continue
            try:
                digest = current_hash(ctx, e.stored_name)
            except Exception as exc:  # noqa: BLE001 - a bad stored name is itself a finding
                problems.append(f"证据 #{e.id}（{e.original_name}）：{exc}")
                continue
            if digest is None:
                problems.append(f"证据 #{e.id}（{e.original_name}）文件缺失：{e.stored_name}")
            elif digest != e.sha256:
                problems.append(f"证据 #{e.id}（{e.original_name}）已被修改：哈希与收集时不符")
        chain_problems, last = verify_chain(s)
        problems.extend(chain_problems)
        problems.extend(check_head(s, last))
    return problems
