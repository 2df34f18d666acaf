"""The audit log as a hash chain: each entry's hash covers its content and the hash before it.

Editing an entry breaks its own hash; deleting one breaks the link of the entry after it (and
leaves a gap in the ids); deleting the newest ones is caught by the chain head kept beside the
database (audit-head.json), which every write updates.
"""

import hashlib
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlmodel import Session, col, select

from ..store.models import AuditEntry, utcnow

GENESIS = "0" * 64


def _canonical(entry: AuditEntry) -> str:
    at = entry.at
    if isinstance(at, datetime):
        at_text = at.replace(tzinfo=None).isoformat(timespec="microseconds")
    else:
        at_text = str(at)
    payload = {
        "id": entry.id,
        "at": at_text,
        "user": entry.user,
        "entity": entry.entity,
        "entity_id": entry.entity_id,
        "action": entry.action,
        "before": entry.before,
        "after": entry.after,
        "prev": entry.prev_hash,
    }
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str)


def entry_hash(entry: AuditEntry) -> str:
    return hashlib.sha256(_canonical(entry).encode("utf-8")).hexdigest()


def record(
    session: Session,
    user: str,
    entity: str,
    entity_id: int | None,
    action: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry inside the caller's transaction."""
    last = session.exec(select(AuditEntry).order_by(col(AuditEntry.id).desc()).limit(1)).first()
    entry = AuditEntry(
        at=utcnow(),
        user=user,
        entity=entity,
        entity_id=entity_id,
        action=action,
        before=_jsonable(before),
        after=_jsonable(after),
        prev_hash=last.hash if last else GENESIS,
    )
    entry.id = (last.id or 0) + 1 if last else 1
    entry.hash = entry_hash(entry)
    session.add(entry)
    session.flush()
    head = head_path(session)
    if head is not None:
        # written once the transaction has committed: the head never runs ahead of the chain
        event.listen(
            session, "after_commit", lambda _s, e=entry: _write_head(head, e.id or 0, e.hash), once=True
        )
    return entry


def head_path(session: Session) -> Path | None:
    """The chain head sits beside a SQLite database; a team server keeps its own protections."""
    url = session.get_bind().url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    db = Path(url.database)
    return db.with_name(db.name + ".audit-head.json")


def _write_head(path: Path, last_id: int, last_hash: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps({"last_id": last_id, "last_hash": last_hash}), encoding="utf-8")
    tmp.replace(path)


def check_head(session: Session, last: tuple[int, str]) -> list[str]:
    """Compare the chain's newest entry with the head written after the last commit."""
    path = head_path(session)
    if path is None or not path.exists():
        if path is not None and last[0]:
            _write_head(path, *last)  # first verification of a restored or upgraded database
        return []
    try:
        head = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, OSError):
        return [f"审计链头文件已损坏：{path.name}"]
    if head["last_id"] > last[0]:
        return [f"最新的审计记录 #{last[0] + 1}–#{head['last_id']} 已被删除"]
    if head["last_id"] == last[0] and head["last_hash"] != last[1]:
        return [f"审计记录 #{last[0]} 已被修改或替换"]
    if head["last_id"] < last[0]:
        _write_head(path, *last)  # entries written by a process that died before updating the head
    return []


def _jsonable(value: dict[str, Any] | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


def verify_chain(session: Session) -> tuple[list[str], tuple[int, str]]:
    """Walk the chain. Returns (problems, (last id, last hash))."""
    problems: list[str] = []
    prev_hash, prev_id = GENESIS, 0
    for entry in session.exec(select(AuditEntry).order_by(col(AuditEntry.id))):
        if entry.id != prev_id + 1:
            problems.append(f"审计记录 #{prev_id + 1}–#{entry.id - 1} 已被删除")
        if entry.prev_hash != prev_hash:
            problems.append(f"审计记录 #{entry.id} 的前序哈希不符（之前的记录被删除或修改）")
        if entry_hash(entry) != entry.hash:
            problems.append(f"审计记录 #{entry.id} 内容已被修改（{entry.entity} {entry.action}）")
        prev_hash, prev_id = entry.hash, entry.id or 0
    return problems, (prev_id, prev_hash)
