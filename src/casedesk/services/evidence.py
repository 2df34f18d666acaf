"""Evidence files, stored content-addressed under their SHA-256.

Local (SQLite) mode keeps them in the data folder, evidence/ab/abcdef…(sha256).ext: the stored
name is derived from the hash alone (plus a sanitized extension), so no user-supplied name can
reach outside the folder, and a copy is written to a temporary file and renamed into place, so a
crash never leaves a half-written file under its final name.

Team (PostgreSQL) mode keeps the content in the database (table evidence_blob): every member
reaches it without a shared drive, the server's backups include it, and one transaction covers
the content and its record.
"""

import hashlib
import os
import re
import tempfile
from datetime import date
from pathlib import Path

from sqlmodel import Session

from ..domain.vocab import EVIDENCE_KINDS
from ..store.db import transaction
from ..store.models import Case, Evidence, EvidenceBlob
from . import audit
from .context import Context
from .errors import NotFound, UserError
from .permissions import require

MAX_BYTES = 1 * 2**30  # 1 GiB: larger files are refused (store a link or a compressed copy instead)
_EXT = re.compile(r"^\.[a-z0-9]{1,8}$")


def safe_extension(name: str) -> str:
    ext = Path(name.replace("\\", "/")).suffix.lower()
    return ext if _EXT.match(ext) else ""


def safe_display_name(name: str) -> str:
    """The base name only, without path parts or control characters, at most 200 characters."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if ch.isprintable() and ch not in '<>:"|?*')
    base = base.strip(" .") or "未命名"
    return base[:200]


def stored_path(root: Path, stored_name: str) -> Path:
    """The file for a stored name; refuses anything that is not a hash-derived name."""
    if not re.fullmatch(r"[0-9a-f]{64}(\.[a-z0-9]{1,8})?", stored_name):
        raise UserError(f"证据文件名不合法：{stored_name!r}")
    path = (root / stored_name[:2] / stored_name).resolve()
    if root.resolve() not in path.parents:
        raise UserError(f"证据文件路径越界：{stored_name!r}")
    return path


def hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def store_bytes(root: Path, data: bytes, original_name: str) -> tuple[str, str]:
    """Store content; returns (sha256, stored name)."""
    sha = hashlib.sha256(data).hexdigest()
    stored = sha + safe_extension(original_name)
    target = stored_path(root, stored)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    return sha, stored


def _check_size(source: Path) -> int:
    size = source.stat().st_size
    if size > MAX_BYTES:
        raise UserError(f"文件过大（{size / 2**30:.1f} GB，上限 {MAX_BYTES / 2**30:.0f} GB）：{source.name}")
    return size


def _store_file(root: Path, source: Path) -> tuple[str, str, int]:
    size = _check_size(source)
    root.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=root, prefix=".incoming-")
    digest = hashlib.sha256()
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
                out.write(block)
            out.flush()
            os.fsync(out.fileno())
        sha = digest.hexdigest()
        stored = sha + safe_extension(source.name)
        target = stored_path(root, stored)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            os.unlink(tmp)
        else:
            os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return sha, stored, size


def in_database(ctx: Context) -> bool:
    """Team databases keep evidence content in the database; a local SQLite one in files."""
    return not ctx.is_sqlite


def put_bytes(ctx: Context, session: Session, data: bytes, original_name: str) -> tuple[str, str]:
    """Store content inside the caller's transaction; returns (sha256, stored name)."""
    if not in_database(ctx):
        return store_bytes(ctx.evidence_dir, data, original_name)
    sha = hashlib.sha256(data).hexdigest()
    if session.get(EvidenceBlob, sha) is None:
        session.add(EvidenceBlob(sha256=sha, size=len(data), data=data))
    return sha, sha + safe_extension(original_name)


def read_bytes(ctx: Context, stored_name: str) -> bytes | None:
    """The stored content, or None when it is missing."""
    if not in_database(ctx):
        path = stored_path(ctx.evidence_dir, stored_name)
        return path.read_bytes() if path.exists() else None
    with Session(ctx.engine) as s:
        blob = s.get(EvidenceBlob, stored_name[:64])
        return bytes(blob.data) if blob else None


def local_copy(ctx: Context, stored_name: str) -> Path:
    """A file to open or preview: the stored file itself, or a cached copy of a database blob."""
    if not in_database(ctx):
        return stored_path(ctx.evidence_dir, stored_name)
    target = ctx.data_dir / "cache" / "evidence" / stored_name
    stored_path(ctx.data_dir / "cache" / "evidence", stored_name)  # validates the name
    if not target.exists():
        data = read_bytes(ctx, stored_name)
        if data is None:
            raise UserError(f"证据内容缺失：{stored_name}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return target


def current_hash(ctx: Context, stored_name: str) -> str | None:
    if not in_database(ctx):
        path = stored_path(ctx.evidence_dir, stored_name)
        return hash_file(path) if path.exists() else None
    data = read_bytes(ctx, stored_name)
    return hashlib.sha256(data).hexdigest() if data is not None else None


def add_evidence(
    ctx: Context,
    case_id: int,
    files: list[Path],
    kind: str = "其他",
    proves: str = "",
    description: str = "",
    collected_on: date | None = None,
) -> list[Evidence]:
    require(ctx, "write", "添加证据")
    if kind not in EVIDENCE_KINDS:
        raise UserError(f"证据类型「{kind}」无效，可选：{'、'.join(EVIDENCE_KINDS)}")
    for f in files:
        if not f.is_file():
            raise UserError(f"文件不存在或不是普通文件：{f}")
        if not os.access(f, os.R_OK):
            raise UserError(f"文件无法读取（权限不足）：{f}")
    with transaction(ctx.engine) as s:
        if s.get(Case, case_id) is None:
            raise NotFound(f"没有编号为 {case_id} 的案件")
        items = []
        for f in files:
            if in_database(ctx):
                _check_size(f)
                data = f.read_bytes()
                sha, stored = put_bytes(ctx, s, data, f.name)
                size = len(data)
            else:
                sha, stored, size = _store_file(ctx.evidence_dir, f)
            item = Evidence(
                case_id=case_id,
                kind=kind,
                description=description or safe_display_name(f.name),
                proves=proves,
                sha256=sha,
                stored_name=stored,
                original_name=safe_display_name(f.name),
                size=size,
                collected_on=collected_on or date.today(),
            )
            s.add(item)
            s.flush()
            audit.record(
                s,
                ctx.user,
                "evidence",
                item.id,
                "add",
                after={"case_id": case_id, "sha256": sha, "name": item.original_name, "kind": kind},
            )
            items.append(item)
        return items
