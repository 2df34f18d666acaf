"""Nothing lost, evidence provably untouched, personal data protected (issue: Trust)."""

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest
from conftest import db_args_for
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import Session, select, text

from casedesk.cli import main as cli
from casedesk.services import backup as backup_svc
from casedesk.services import evidence as evidence_svc
from casedesk.services import intake
from casedesk.services.context import open_context
from casedesk.services.demo import load_demo
from casedesk.services.errors import UserError
from casedesk.services.stats import stats
from casedesk.services.verify import verify
from casedesk.store.models import AuditEntry, Claimant, Evidence

HERE = Path(__file__).parent
VOLATILE = {"created_at", "at", "updated_at", "undone_at"}
SKIPPED = {"audit_entry", "import_batch", "alembic_version", "merge_record"}


@pytest.fixture
def demo(ctx):
    load_demo(ctx)
    return ctx


# ---------------------------------------------------------------- crash test


def state(db: Path) -> dict:
    """Every table's rows, without times (they differ between runs), as a comparable value."""
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = [
            r[0]
            for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
            if r[0] not in SKIPPED and not r[0].startswith(("sqlite_", "case_search"))
        ]
        out = {}
        for t in tables:
            cur = con.execute(f'SELECT * FROM "{t}"')
            cols = [d[0] for d in cur.description]
            # a PDF's bytes differ from run to run (creation time): its hash is not state
            volatile = VOLATILE | ({"sha256"} if t == "generated_document" else set())
            keep = [i for i, c in enumerate(cols) if c not in volatile]
            out[t] = sorted(tuple(row[i] for i in keep) for row in cur.fetchall())
        out["case_search"] = sorted(con.execute("SELECT rowid, text FROM case_search").fetchall())
        return out
    finally:
        con.close()


def _run_worker(db: Path, operation: str, arg: str, kill_after: float | None) -> bool:
    """Start the operation; kill it with SIGKILL after kill_after seconds. True if it finished."""
    env = {**os.environ, "PYTHONPATH": str(HERE.parent / "src")}
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "crash_worker.py"), str(db), operation, arg],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout.readline().strip() == "READY"
    if kill_after is None:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        return True
    time.sleep(kill_after)
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate(timeout=60)
    return "DONE" in out


def _big_sheet(path: Path, rows: int = 4000) -> Path:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Sheet1")
    ws.append(["姓名", "手机号", "商家名称", "金额", "订单号", "下单日期"])
    for i in range(rows):
        ws.append([f"人{i % 3000}", f"138{i % 3000:08d}", f"店{i % 7}", 10 + i % 50, f"K{i}", "2024-03-05"])
    wb.save(path)
    return path


@pytest.mark.slow
@pytest.mark.sqlite_only
def test_sigkill_at_random_moments_leaves_before_or_after(tmp_path, data_dir):
    """50+ kills across import, merge, unmerge and a document batch."""
    rng = random.Random(20261126)
    template = tmp_path / "template.db"
    ctx = open_context(db=template)
    load_demo(ctx)
    ctx.close()
    sheet = _big_sheet(tmp_path / "big.xlsx")
    plans = [
        ("import", str(sheet), 15),
        ("merge", "", 13),
        ("unmerge", "1", 12),
        ("documents", str(tmp_path / "out"), 12),
    ]
    kills = 0
    for operation, arg, rounds in plans:
        base = tmp_path / f"{operation}-base.db"
        shutil.copy(template, base)
        if operation == "unmerge":  # unmerge needs a merge to undo
            _run_worker(base, "merge", "", None)
        before = state(base)
        finished = tmp_path / f"{operation}-after.db"
        shutil.copy(base, finished)
        start = time.perf_counter()
        _run_worker(finished, operation, arg, None)
        duration = time.perf_counter() - start
        after = state(finished)
        assert after != before, operation
        for _ in range(rounds):
            db = tmp_path / f"{operation}-run.db"
            for suffix in ("", "-wal", "-shm"):
                Path(str(db) + suffix).unlink(missing_ok=True)
            shutil.copy(base, db)
            shutil.rmtree(tmp_path / "out", ignore_errors=True)
            _run_worker(db, operation, arg, rng.uniform(0.0, duration))
            kills += 1
            now = state(db)
            assert now in (before, after), f"{operation}: a state that is neither before nor after"
    assert kills >= 50


# ---------------------------------------------------------------- backups


@pytest.mark.sqlite_only
def test_backup_restore_round_trip(demo, tmp_path, monkeypatch):
    archive = backup_svc.backup(demo, tmp_path / "b.zip")
    before = stats(demo)
    hashes = {p.name: evidence_svc.hash_file(p) for p in demo.evidence_dir.rglob("*") if p.is_file()}
    target = tmp_path / "restored"
    monkeypatch.setenv("CASEDESK_DATA_DIR", str(target))
    report = backup_svc.restore(archive)
    assert "哈希全部一致" in report
    restored = open_context()
    assert stats(restored) == before
    assert {
        p.name: evidence_svc.hash_file(p) for p in restored.evidence_dir.rglob("*") if p.is_file()
    } == hashes
    assert verify(restored) == []
    with pytest.raises(UserError, match="不是空的"):
        backup_svc.restore(archive)


@pytest.mark.sqlite_only
def test_encrypted_backup_and_wrong_passphrase(demo, tmp_path, monkeypatch):
    archive = backup_svc.backup(demo, tmp_path / "b.enc", passphrase="正确的口令")
    assert b"casedesk.db" not in archive.read_bytes()  # nothing readable without the key
    monkeypatch.setenv("CASEDESK_DATA_DIR", str(tmp_path / "r1"))
    with pytest.raises(UserError, match="口令错误"):
        backup_svc.restore(archive, passphrase="错误的口令")
    assert not (tmp_path / "r1" / "casedesk.db").exists()
    with pytest.raises(UserError, match="加密备份"):
        backup_svc.restore(archive)
    backup_svc.restore(archive, passphrase="正确的口令")
    assert stats(open_context())["claimants"] == stats(demo)["claimants"]


@pytest.mark.sqlite_only
def test_backup_is_consistent_while_another_connection_writes(demo, tmp_path):
    con = sqlite3.connect(demo.engine.url.database)
    con.execute("BEGIN IMMEDIATE")
    con.execute("UPDATE claimant SET notes = 'uncommitted' WHERE id = 1")
    archive = backup_svc.backup(demo, tmp_path / "b.zip")  # WAL: readers are not blocked
    con.rollback()
    con.close()
    import zipfile

    with zipfile.ZipFile(archive) as z:
        (tmp_path / "x.db").write_bytes(z.read("casedesk.db"))
    assert (
        sqlite3.connect(tmp_path / "x.db").execute("SELECT notes FROM claimant WHERE id=1").fetchone()[0]
        != "uncommitted"
    )


@pytest.mark.sqlite_only
def test_automatic_backups_rotate(demo):
    from casedesk.services import settings

    values = settings.load(demo.data_dir)
    values["backups_keep"] = 2
    settings.save(values, demo.data_dir)
    for _ in range(4):
        backup_svc.automatic_backup(demo)
        time.sleep(1.05)
    assert len(list((demo.data_dir / "backups").glob("auto-*.db"))) == 2


@pytest.mark.sqlite_only
def test_backup_cli_with_passphrase_env(demo, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BACKUP_PASS", "s3cret")
    db = str(demo.engine.url.database)
    assert cli(["--db", db, "backup", str(tmp_path / "b.enc"), "--passphrase-env", "BACKUP_PASS"]) == 0
    monkeypatch.setenv("CASEDESK_DATA_DIR", str(tmp_path / "r"))
    assert cli(["restore", str(tmp_path / "b.enc"), "--passphrase-env", "BACKUP_PASS"]) == 0


# ---------------------------------------------------------------- evidence integrity and audit chain


def _overwrite(ctx, item, data: bytes) -> None:
    """Change stored evidence behind CaseDesk's back: the file, or the database blob."""
    if evidence_svc.in_database(ctx):
        with ctx.engine.begin() as conn:
            conn.execute(
                text("UPDATE evidence_blob SET data = :d WHERE sha256 = :s"), {"d": data, "s": item.sha256}
            )
    else:
        evidence_svc.stored_path(ctx.evidence_dir, item.stored_name).write_bytes(data)


def test_verify_clean_then_each_tampering_reported(demo, tmp_path):
    assert verify(demo) == []
    with Session(demo.engine) as s:
        item = s.exec(select(Evidence)).first()
    original = evidence_svc.read_bytes(demo, item.stored_name)
    changed = bytes([original[0] ^ 0x01]) + original[1:]  # one byte
    _overwrite(demo, item, changed)
    problems = verify(demo)
    assert any(f"证据 #{item.id}" in p and "已被修改" in p for p in problems)
    _overwrite(demo, item, original)
    assert verify(demo) == []


def test_audit_edit_and_delete_detected(demo):
    from casedesk.services.merchants import mark_not_same

    mark_not_same(demo, 1, 2)
    mark_not_same(demo, 1, 3)
    mark_not_same(demo, 2, 3)
    assert verify(demo) == []
    with demo.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entry SET \"user\" = 'someone else' WHERE id = 2"))
    assert any("#2" in p and "修改" in p for p in verify(demo))
    with demo.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entry SET \"user\" = 'tester' WHERE id = 2"))
    assert verify(demo) == []
    with demo.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entry WHERE id = 2"))
    assert any("删除" in p for p in verify(demo))


@pytest.mark.sqlite_only
def test_deleting_the_newest_audit_entry_is_detected(demo):
    from casedesk.services.merchants import mark_not_same

    mark_not_same(demo, 1, 2)
    assert verify(demo) == []
    with demo.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entry WHERE id = (SELECT MAX(id) FROM audit_entry)"))
    assert any("最新的审计记录" in p for p in verify(demo))


def test_verify_cli_exit_codes(demo, capsys):
    args = db_args_for(demo)
    assert cli([*args, "verify"]) == 0
    with Session(demo.engine) as s:
        item = s.exec(select(Evidence)).first()
    if evidence_svc.in_database(demo):
        with demo.engine.begin() as conn:
            conn.execute(text("DELETE FROM evidence_blob WHERE sha256 = :s"), {"s": item.sha256})
    else:
        evidence_svc.stored_path(demo.evidence_dir, item.stored_name).unlink()
    assert cli([*args, "verify"]) == 1
    assert "缺失" in capsys.readouterr().out


@pytest.mark.parametrize(
    "name", ["../../etc/passwd", "/etc/passwd", "..\\..\\win.ini", "a\x00b", "证据\n.png", "x" * 300]
)
def test_evidence_names_cannot_escape(demo, tmp_path, name):
    safe = evidence_svc.safe_display_name(name)
    assert "/" not in safe and "\\" not in safe and "\x00" not in safe and len(safe) <= 200
    src = tmp_path / "file.png"
    src.write_bytes(b"png bytes " + name.encode("utf-8", "replace"))
    [item] = evidence_svc.add_evidence(demo, 1, [src])
    assert evidence_svc.read_bytes(demo, item.stored_name) == src.read_bytes()
    if not evidence_svc.in_database(demo):
        stored = evidence_svc.stored_path(demo.evidence_dir, item.stored_name)
        assert demo.evidence_dir.resolve() in stored.parents
    for bad in ("../" + item.stored_name, "/etc/passwd", item.stored_name[:10]):
        with pytest.raises(UserError):
            evidence_svc.stored_path(demo.evidence_dir, bad)


def test_evidence_add_cli_and_unknown_case(demo, tmp_path, capsys):
    args = db_args_for(demo)
    f = tmp_path / "聊天记录.png"
    f.write_bytes(b"chat")
    assert cli([*args, "evidence", "add", "--case", "2", "--kind", "聊天记录", str(f)]) == 0
    out = capsys.readouterr().out
    assert out.split("\t")[1].strip() == evidence_svc.hash_file(f)
    before = stats(demo)
    assert cli([*args, "evidence", "add", "--case", "99999", str(f)]) == 2
    assert cli([*args, "evidence", "add", "--case", "2", str(tmp_path / "missing.png")]) == 2
    assert stats(demo) == before


def test_two_gigabyte_attachment_is_refused(demo, tmp_path):
    big = tmp_path / "video.mp4"
    with big.open("wb") as f:
        f.truncate(2 * 2**30)  # sparse: takes no disk space
    with Session(demo.engine) as s:
        count = len(s.exec(select(Evidence)).all())
    with pytest.raises(UserError, match="文件过大"):
        evidence_svc.add_evidence(demo, 1, [big])
    with Session(demo.engine) as s:
        assert len(s.exec(select(Evidence)).all()) == count


# ---------------------------------------------------------------- bad input


def _xlsx(path, rows):
    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return path


@pytest.mark.parametrize(
    "maker, message",
    [
        (lambda p: p.write_bytes(b""), "空文件"),
        (lambda p: p.write_bytes(b"PK\x03\x04" + os.urandom(200)), "无法作为 Excel"),
        (
            lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512),
            "密码",
        ),  # OLE: .xls or encrypted
        (lambda p: p.write_bytes(os.urandom(100) + b"\x00"), "编码|二进制|表格|Excel"),
        (lambda p: _xlsx(p, [[]]), "空"),
        (lambda p: _xlsx(p, [["a", "b"], [1, 2]]), "表头"),
    ],
)
def test_bad_spreadsheets_get_a_clear_message_and_nothing_is_written(ctx, tmp_path, maker, message):
    path = tmp_path / "in.xlsx"
    maker(path)
    with pytest.raises(UserError, match=message):
        intake.import_file(ctx, path)
    assert stats(ctx)["orders"] == 0


def test_mislabelled_csv_named_xlsx_and_unexpected_encoding(ctx, tmp_path):
    path = tmp_path / "real-csv.xlsx"  # a CSV someone renamed
    path.write_text("姓名,手机号,商家名称,金额\n甲,13800138000,店,10\n", encoding="utf-8")
    with pytest.raises(UserError, match="不是有效的 Excel"):
        intake.import_file(ctx, path)
    utf16 = tmp_path / "u16.csv"
    utf16.write_text("姓名,手机号,商家名称,金额\n甲,13800138000,店,10\n", encoding="utf-16")
    assert intake.import_file(ctx, utf16).imported == 1
    bad = tmp_path / "bad.csv"
    bad.write_bytes("姓名,手机号,商家名称,金额\n".encode() + bytes(range(128, 256)) * 3)
    with pytest.raises(UserError):
        intake.import_file(ctx, bad)


def test_formula_cells_use_their_computed_values(ctx, tmp_path):
    path = tmp_path / "f.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "手机号", "商家名称", "金额", "订单号"])
    ws.append(["甲", "13800138000", "店", "=10*3", "F1"])  # openpyxl writes no cached value
    wb.save(path)
    result = intake.import_file(ctx, path)
    assert result.imported == 0 and result.rejected[0].reason == "missing_amount"


def test_too_many_rows_is_refused_and_nothing_written(ctx, tmp_path, monkeypatch):
    monkeypatch.setattr(intake, "MAX_ROWS", 100)
    path = tmp_path / "many.csv"
    lines = ["姓名,手机号,商家名称,金额,订单号"] + [f"人{i},138{i:08d},店,10,M{i}" for i in range(150)]
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(UserError, match="上限"):
        intake.import_file(ctx, path)
    assert stats(ctx)["orders"] == 0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.lists(st.one_of(st.text(max_size=20), st.integers(), st.none()), min_size=1, max_size=7),
        min_size=0,
        max_size=10,
    )
)
def test_merchant_csv_matcher_fuzz(tmp_path, rows):
    from casedesk.services.merchants import match_csv

    src = tmp_path / "m.csv"
    import csv

    with src.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "shop_id", "uscc", "phone", "platform"])
        for r in rows:
            w.writerow(["" if v is None else str(v).replace("\x00", "") for v in r])
    try:
        count = match_csv(src, tmp_path / "out.csv")
    except UserError:
        return
    out = list(csv.DictReader((tmp_path / "out.csv").open(encoding="utf-8")))
    assert len(out) == count


# ---------------------------------------------------------------- personal data


def test_erase_claimant_keeps_amounts(demo, capsys):
    before = stats(demo)
    args = db_args_for(demo)
    assert cli([*args, "erase-claimant", "1"]) == 2  # needs --yes
    assert cli([*args, "erase-claimant", "1", "--yes"]) == 0
    after = stats(demo)
    assert (
        after["total_amount_fen"] == before["total_amount_fen"] and after["claimants"] == before["claimants"]
    )
    with Session(demo.engine) as s:
        c = s.get(Claimant, 1)
        assert c.erased and c.id_number is None and c.phone == "" and "已删除" in c.name
        assert s.exec(select(AuditEntry).where(AuditEntry.action == "erase_personal_data")).one()
    assert verify(demo) == []


def test_full_export_is_audited(demo, tmp_path):
    assert (
        cli(
            [
                *db_args_for(demo),
                "export",
                "cases",
                "--format",
                "csv",
                "--out",
                str(tmp_path / "c.csv"),
                "--full-personal-data",
            ]
        )
        == 0
    )
    with Session(demo.engine) as s:
        entry = s.exec(select(AuditEntry).where(AuditEntry.action == "export_cases")).one()
    assert entry.after["full_personal_data"] is True


NO_NETWORK = """
import socket

class _NoNetwork(socket.socket):
    def __init__(self, family=-1, *args, **kwargs):
        if family in (-1, socket.AF_INET, socket.AF_INET6):
            raise OSError("network disabled by test")
        super().__init__(family, *args, **kwargs)

def _refuse(*args, **kwargs):
    raise OSError("network disabled by test")

socket.socket = _NoNetwork
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
"""


@pytest.mark.sqlite_only  # a team database is reached over the network by design
def test_no_network_connections(demo, tmp_path, monkeypatch):
    """Internet sockets cannot be created: the command line and the GUI work all the same."""
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(NO_NETWORK, encoding="utf-8")
    db = str(demo.engine.url.database)
    env = {
        **os.environ,
        "PYTHONPATH": f"{guard}{os.pathsep}{HERE.parent / 'src'}",
        "QT_QPA_PLATFORM": "offscreen",
    }
    commands = [
        ["stats", "--json"],
        ["doc", "roster", "--merchant", "1", "--format", "pdf", "--out", str(tmp_path / "r.pdf")],
        ["merchants", "duplicates", "--json"],
        ["gui", "--screenshot", str(tmp_path / "s.png"), "--view", "merchants"],
    ]
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.socket()"], env=env, capture_output=True, text=True
    )
    assert probe.returncode != 0 and "network disabled" in probe.stderr  # the guard works
    for args in commands:
        proc = subprocess.run(
            [sys.executable, "-m", "casedesk", "--db", db, *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == 0, (args, proc.stderr)
    assert (tmp_path / "s.png").stat().st_size > 10_000
