import csv
import json
import subprocess
import sys

import pytest

from casedesk.cli import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version_and_help(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert "casedesk" in capsys.readouterr().out


def test_demo_twice_and_stats(capsys, db_args):
    assert run(capsys, *db_args, "demo")[0] == 0
    code, out, _ = run(capsys, *db_args, "stats", "--json")
    first = json.loads(out)
    assert set(first) == {"claimants", "cases", "orders", "merchants", "total_amount_fen", "merchants_detail"}
    assert first["claimants"] >= 200 and first["merchants"] >= 3
    assert set(first["merchants_detail"][0]) == {"id", "name", "claimants", "cases", "amount_fen"}
    assert sum(m["amount_fen"] for m in first["merchants_detail"]) == first["total_amount_fen"]
    run(capsys, *db_args, "demo")
    assert json.loads(run(capsys, *db_args, "stats", "--json")[1]) == first


def test_import_json_keys(capsys, db_args, shared_data):
    code, out, _ = run(capsys, *db_args, "import", str(shared_data / "sample_claimants.xlsx"), "--json")
    data = json.loads(out)
    assert code == 0
    for key in (
        "rows",
        "imported",
        "claimants_created",
        "cases_created",
        "orders_created",
        "duplicates",
        "rejected",
    ):
        assert key in data
    assert set(data["rejected"][0]) >= {"row", "column", "value", "reason"}


@pytest.mark.parametrize(
    "args",
    [
        ["import", "/no/such/file.xlsx"],
        ["merchants", "unmerge", "77"],
        ["merchants", "merge", "1", "99"],
        ["stats", "--bogus"],
        ["frobnicate"],
    ],
)
def test_bad_input_exits_2_with_one_line(capsys, db_args, args):
    with pytest.raises(SystemExit) if args[0] in ("frobnicate",) or "--bogus" in args else _nothing():
        code, out, err = run(capsys, *db_args, *args)
        assert code == 2
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_usage_errors_in_a_real_process(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "casedesk", "--db", str(tmp_path / "x.db"), "stats", "--bogus"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1


def test_export_masks_by_default(capsys, tmp_path, db_args):
    run(capsys, *db_args, "demo")
    out = tmp_path / "cases.csv"
    assert run(capsys, *db_args, "export", "cases", "--format", "csv", "--out", str(out))[0] == 0
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert len(rows) == 241 and "*" in rows[1][3] and "*" in rows[1][4]
    xlsx = tmp_path / "cases.xlsx"
    assert (
        run(
            capsys,
            *db_args,
            "export",
            "cases",
            "--format",
            "xlsx",
            "--out",
            str(xlsx),
            "--full-personal-data",
        )[0]
        == 0
    )
    import openpyxl

    values = list(openpyxl.load_workbook(xlsx).active.iter_rows(values_only=True))
    assert "*" not in values[1][3] and len(values[1][3]) == 18


def test_merchants_match_csv(capsys, tmp_path, shared_data):
    out = tmp_path / "out.csv"
    code, _, _ = run(
        capsys, "merchants", "match", str(shared_data / "sample_merchants.csv"), "--out", str(out)
    )
    assert code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 3000 and set(rows[0]) == {"id", "cluster", "confidence", "reason"}


def test_merchants_match_refuses_csv_without_names(capsys, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("foo,bar\n1,2\n", encoding="utf-8")
    code, _, err = run(capsys, "merchants", "match", str(src), "--out", str(tmp_path / "o.csv"))
    assert code == 2 and "id" in err and not (tmp_path / "o.csv").exists()


def test_merge_and_unmerge_commands(capsys, db_args):
    run(capsys, *db_args, "demo")
    groups = json.loads(run(capsys, *db_args, "merchants", "duplicates", "--json")[1])
    assert groups[0]["merchant_ids"] == [1, 4]
    code, out, _ = run(capsys, *db_args, "merchants", "merge", "1", "4")
    assert code == 0
    merge_id = int(out.strip())
    assert json.loads(run(capsys, *db_args, "stats", "--json")[1])["merchants"] == 3
    assert run(capsys, *db_args, "merchants", "unmerge", str(merge_id))[0] == 0
    assert json.loads(run(capsys, *db_args, "stats", "--json")[1])["merchants"] == 4


def test_missing_input_file_creates_no_database(capsys, tmp_path):
    db = tmp_path / "never.db"
    code, _, err = run(capsys, "--db", str(db), "import", str(tmp_path / "missing.xlsx"))
    assert code == 2 and "文件不存在" in err
    assert not db.exists()


def test_locked_database_is_a_plain_message(capsys, tmp_path):
    import sqlite3

    db = tmp_path / "x.db"
    assert run(capsys, "--db", str(db), "demo")[0] == 0
    holder = sqlite3.connect(db, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        import casedesk.store.db as store_db

        original = store_db.make_engine

        def quick(url):  # do not wait ten seconds for the lock in a test
            engine = original(url)
            from sqlalchemy import event

            @event.listens_for(engine, "connect")
            def _short(dbapi_conn, _record):
                dbapi_conn.execute("PRAGMA busy_timeout=100")

            return engine

        store_db.make_engine = quick
        code, _, err = run(capsys, "--db", str(db), "merchants", "not-same", "1", "2")
    finally:
        store_db.make_engine = original
        holder.rollback()
        holder.close()
    assert code == 2 and "无法访问数据库" in err and "Traceback" not in err
