import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select, text

from casedesk.store.db import current_revision, head_revision, open_engine, sqlite_url
from casedesk.store.models import Case, Claimant, Merchant, Order


def _case(s):
    m = Merchant(display_name="鑫达数码旗舰店")
    c = Claimant(name="张三", id_number="11010519491231002X")
    s.add_all([m, c])
    s.flush()
    case = Case(claimant_id=c.id, merchant_id=m.id)
    s.add(case)
    s.flush()
    return m, c, case


def test_fresh_database_is_at_head(ctx):
    assert current_revision(ctx.engine) == head_revision()


@pytest.mark.sqlite_only
def test_fresh_sqlite_database_has_pragmas(ctx):
    assert current_revision(ctx.engine) == head_revision()
    with ctx.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 1000


def test_order_number_unique_per_platform(ctx):
    with Session(ctx.engine) as s:
        _, _, case = _case(s)
        s.add(Order(case_id=case.id, platform="快手", order_no="1", amount_fen=100))
        s.add(Order(case_id=case.id, platform="抖音", order_no="1", amount_fen=100))
        s.add(Order(case_id=case.id, platform="快手", order_no=None, amount_fen=100))
        s.add(Order(case_id=case.id, platform="快手", order_no=None, amount_fen=100))
        s.commit()
        s.add(Order(case_id=case.id, platform="快手", order_no="1", amount_fen=200))
        with pytest.raises(IntegrityError):
            s.commit()


def test_deleting_case_cascades_orders_but_claimant_is_protected(ctx):
    with Session(ctx.engine) as s:
        _, claimant, case = _case(s)
        s.add(Order(case_id=case.id, platform="快手", order_no="9", amount_fen=100))
        s.commit()
        with pytest.raises(IntegrityError):
            s.execute(text("DELETE FROM claimant WHERE id = :i"), {"i": claimant.id})
        s.rollback()
        s.execute(text('DELETE FROM "case" WHERE id = :i'), {"i": case.id})
        s.commit()
        assert s.exec(select(Order)).all() == []


def test_amounts_are_exact_integer_fen(ctx):
    with Session(ctx.engine) as s:
        _, _, case = _case(s)
        for i in range(10):
            s.add(
                Order(case_id=case.id, platform="快手", order_no=str(i), amount_fen=10)
            )  # ten times 0.10 元
        s.commit()
        total = s.exec(text('SELECT SUM(amount_fen) FROM "order"')).scalar()
    assert total == 100 and isinstance(total, int)


def test_duplicate_id_number_rejected(ctx):
    with Session(ctx.engine) as s:
        s.add(Claimant(name="a", id_number="11010519491231002X"))
        s.add(Claimant(name="b", id_number="11010519491231002X"))
        with pytest.raises(IntegrityError):
            s.commit()


@pytest.mark.sqlite_only
def test_older_database_is_upgraded_after_a_backup_copy(tmp_path):
    path = tmp_path / "old.db"
    engine = open_engine(sqlite_url(path))
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'base_fake'"))
    engine.dispose()
    # a database whose revision is unknown cannot be upgraded silently
    from alembic.util.exc import CommandError

    with pytest.raises(CommandError):
        open_engine(sqlite_url(path))
    assert list(tmp_path.glob("old.before-*.bak"))


def test_schema_head_constant_matches_alembic():
    from casedesk.store.db import SCHEMA_HEAD

    assert SCHEMA_HEAD == head_revision()


@pytest.mark.sqlite_only
def test_database_at_an_older_revision_is_upgraded_after_a_backup(tmp_path):
    from alembic import command
    from sqlalchemy import inspect

    from casedesk.store.db import _alembic_config, make_engine

    path = tmp_path / "old.db"
    engine = make_engine(sqlite_url(path))
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(
            text(
                "INSERT INTO merchant (display_name, platforms, company_name, uscc, legal_rep, address, "
                "status, notes, created_at, version) VALUES ('旧商家', '', '', '', '', '', '跑路', '', "
                "'2024-01-01 00:00:00', 1)"
            )
        )
    engine.dispose()
    upgraded = open_engine(sqlite_url(path))
    assert current_revision(upgraded) == head_revision()
    assert "case_search" in inspect(upgraded).get_table_names()
    with upgraded.connect() as conn:
        assert conn.execute(text("SELECT display_name FROM merchant")).scalar() == "旧商家"
    backups = list(tmp_path.glob("old.before-*.bak"))
    assert len(backups) == 1
    import sqlite3

    assert (
        sqlite3.connect(backups[0]).execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    )
