"""Backups: one archive (zip) with the database, copied with SQLite's online backup API so it is
safe while the app runs, and every evidence file. Optionally encrypted with a passphrase
(AES-256-GCM, key from scrypt). Restore goes into an empty data folder and compares counts and
hashes; an automatic backup is kept when the app opens (rotating)."""

import hashlib
import io
import json
import os
import sqlite3
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from .. import paths
from . import settings
from .context import Context
from .errors import UserError

MAGIC = b"CASEDESK-BACKUP-1\n"
SCRYPT_N = 2**15


def _key(passphrase: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=SCRYPT_N, r=8, p=1).derive(passphrase.encode("utf-8"))


def encrypt(data: bytes, passphrase: str) -> bytes:
    salt, nonce = os.urandom(16), os.urandom(12)
    return MAGIC + salt + nonce + AESGCM(_key(passphrase, salt)).encrypt(nonce, data, MAGIC)


def decrypt(blob: bytes, passphrase: str) -> bytes:
    if not blob.startswith(MAGIC):
        raise UserError("这不是 CaseDesk 的加密备份")
    body = blob[len(MAGIC) :]
    salt, nonce, payload = body[:16], body[16:28], body[28:]
    try:
        return AESGCM(_key(passphrase, salt)).decrypt(nonce, payload, MAGIC)
    except InvalidTag:
        raise UserError("口令错误，或备份文件已损坏") from None


def _sqlite_path(ctx: Context) -> Path:
    if not ctx.is_sqlite or not ctx.engine.url.database:
        raise UserError("备份命令只用于本地 SQLite 数据库；团队数据库请用服务器自带的备份")
    return Path(ctx.engine.url.database)


def _counts(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        out = {}
        for table in (
            "merchant",
            "claimant",
            "case",
            "order",
            "evidence",
            "audit_entry",
            "generated_document",
        ):
            out[table] = con.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
        return out
    finally:
        con.close()


def _snapshot_db(source: Path, target: Path) -> None:
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)  # the online backup API: consistent while others write
    finally:
        dst.close()
        src.close()


def backup(ctx: Context, out: Path, passphrase: str | None = None) -> Path:
    db = _sqlite_path(ctx)
    if out.exists() and out.is_dir():
        raise UserError(f"输出路径是文件夹：{out}")
    if not out.parent.exists():
        raise UserError(f"输出文件夹不存在：{out.parent}")
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "casedesk.db"
        _snapshot_db(db, copy)
        manifest = {
            "created": datetime.now().isoformat(timespec="seconds"),
            "counts": _counts(copy),
            "evidence": {},
        }
        buffer = io.BytesIO() if passphrase else None
        target = buffer if buffer is not None else out.with_name(out.name + ".part")
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as z:
            z.write(copy, "casedesk.db")
            root = ctx.evidence_dir
            if root.exists():
                for f in sorted(root.rglob("*")):
                    if f.is_file() and not f.name.startswith(".incoming-"):
                        rel = f.relative_to(root).as_posix()
                        manifest["evidence"][rel] = hashlib.sha256(f.read_bytes()).hexdigest()
                        z.write(f, f"evidence/{rel}")
            z.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
        if buffer is not None:
            tmp_out = out.with_name(out.name + ".part")
            tmp_out.write_bytes(encrypt(buffer.getvalue(), passphrase))  # type: ignore[arg-type]
            tmp_out.replace(out)
        else:
            Path(target).replace(out)  # type: ignore[arg-type]
    return out


def restore(archive: Path, db: str | None = None, passphrase: str | None = None) -> str:
    """Restore into an empty data folder (CASEDESK_DATA_DIR); compares counts and hashes."""
    if not archive.is_file():
        raise UserError(f"备份文件不存在：{archive}")
    data_dir = paths.data_dir()
    target_db = Path(db) if db else paths.default_db_path()
    if target_db.exists() or (data_dir / "evidence").exists() and any((data_dir / "evidence").iterdir()):
        raise UserError(f"目标数据文件夹不是空的：{data_dir}（恢复只写入空文件夹，以免覆盖现有数据）")
    blob = archive.read_bytes()
    if blob.startswith(MAGIC):
        if passphrase is None:
            raise UserError("这是加密备份，请提供口令（--passphrase-env）")
        blob = decrypt(blob, passphrase)
    try:
        z = zipfile.ZipFile(io.BytesIO(blob))
        manifest = json.loads(z.read("manifest.json"))
    except (zipfile.BadZipFile, KeyError, json.JSONDecodeError):
        raise UserError(f"{archive.name} 不是有效的 CaseDesk 备份") from None
    problems = []
    target_db.parent.mkdir(parents=True, exist_ok=True)
    staging = target_db.with_name(target_db.name + ".restoring")
    staging.write_bytes(z.read("casedesk.db"))
    counts = _counts(staging)
    if counts != manifest["counts"]:
        problems.append(f"记录数不符：{counts} ≠ {manifest['counts']}")
    evidence_root = data_dir / "evidence"
    for rel, sha in manifest["evidence"].items():
        content = z.read(f"evidence/{rel}")
        if hashlib.sha256(content).hexdigest() != sha:
            problems.append(f"证据文件哈希不符：{rel}")
        dest = (evidence_root / rel).resolve()
        if evidence_root.resolve() not in dest.parents:
            raise UserError(f"备份中的文件路径越界：{rel}")
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(content)
    if problems:
        staging.unlink()
        raise UserError("；".join(problems))
    staging.replace(target_db)
    total = sum(counts.values())
    return f"已恢复到 {target_db}：{total} 条记录（{counts}），{len(manifest['evidence'])} 个证据文件，哈希全部一致"


def automatic_backup(ctx: Context) -> Path | None:
    """A rotating backup of the database when the app opens (database only: evidence is immutable)."""
    if not ctx.is_sqlite or not ctx.engine.url.database or not Path(ctx.engine.url.database).exists():
        return None
    folder = ctx.data_dir / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"auto-{datetime.now():%Y%m%d-%H%M%S}.db"
    _snapshot_db(Path(ctx.engine.url.database), out)
    keep = int(settings.load(ctx.data_dir)["backups_keep"])
    for old in sorted(folder.glob("auto-*.db"))[:-keep]:
        old.unlink(missing_ok=True)
    return out
