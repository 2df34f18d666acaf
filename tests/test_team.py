"""Team mode: optimistic locking with two real connections, roles enforced in services, users on
the command line, and migrate-to from a local database (run against PostgreSQL in CI)."""

import pytest
from conftest import PG_URL, db_args_for
from sqlmodel import Session, select

from casedesk.cli import main as cli
from casedesk.services import cases, merchants, permissions
from casedesk.services.context import Context, open_context
from casedesk.services.demo import load_demo
from casedesk.services.errors import Conflict
from casedesk.services.permissions import Forbidden
from casedesk.services.stats import stats
from casedesk.store.models import AuditEntry


@pytest.fixture
def demo(ctx):
    load_demo(ctx)
    return ctx


def _second_connection(ctx, user="second") -> Context:
    """Another advocate's app: its own engine, so its own database connections."""
    from casedesk.store.db import make_engine

    url = ctx.engine.url.render_as_string(hide_password=False)
    return Context(engine=make_engine(url), data_dir=ctx.data_dir, user=user)


def test_two_connections_conflict_instead_of_lost_update(demo):
    other = _second_connection(demo)
    mine = cases.load_case(demo, 5)
    theirs = cases.load_case(other, 5)
    theirs.status = "调解中"
    cases.save_case(other, theirs)
    mine.status = "已投诉"
    with pytest.raises(Conflict, match="已被他人修改"):
        cases.save_case(demo, mine)
    assert cases.load_case(demo, 5).status == "调解中"  # their save is kept
    fresh = cases.load_case(demo, 5)
    fresh.status = "已投诉"
    cases.save_case(demo, fresh)  # after reloading, the save goes through
    assert cases.load_case(other, 5).status == "已投诉"
    other.close()


def test_roles_are_enforced_in_services(demo, tmp_path):
    permissions.add_user(demo, "tester", "admin")
    permissions.add_user(demo, "小王", "advocate")
    permissions.add_user(demo, "实习生", "read-only")
    reader = _second_connection(demo, "实习生")
    advocate = _second_connection(demo, "小王")
    stranger = _second_connection(demo, "未登记的人")
    for who in (reader, stranger):
        with pytest.raises(Forbidden):
            merchants.merge(who, 1, [4])
        form = cases.load_case(who, 1)  # reading is allowed
        with pytest.raises(Forbidden):
            cases.save_case(who, form)
    merge_id = merchants.merge(advocate, 1, [4])
    with pytest.raises(Forbidden):
        permissions.add_user(advocate, "新人", "admin")
    from casedesk.services.privacy import erase_claimant

    with pytest.raises(Forbidden):
        erase_claimant(advocate, 1)
    merchants.unmerge(advocate, merge_id)
    with Session(demo.engine) as s:
        who = {e.user for e in s.exec(select(AuditEntry).where(AuditEntry.action.in_(["merge", "unmerge"])))}
    assert who == {"小王"}  # the audit log says who did it
    for c in (reader, advocate, stranger):
        c.close()


def test_first_user_must_be_admin(demo):
    with pytest.raises(Exception, match="admin"):
        permissions.add_user(demo, "x", "advocate")


def test_users_cli(demo, capsys):
    args = db_args_for(demo)
    assert cli([*args, "users", "add", "tester", "--role", "admin"]) == 0
    assert cli([*args, "users", "add", "小李", "--role", "read-only"]) == 0
    out = capsys.readouterr().out
    assert "小李\tread-only" in out and "tester\tadmin" in out


@pytest.mark.skipif(not PG_URL, reason="needs a PostgreSQL server (CASEDESK_TEST_DATABASE_URL)")
def test_migrate_to_postgres_round_trip(tmp_path, database_url, capsys):
    local = open_context(db=tmp_path / "local.db")
    load_demo(local)
    before = stats(local)
    assert cli(["--db", str(tmp_path / "local.db"), "migrate-to", database_url]) == 0
    report = capsys.readouterr().out
    assert '"ok": true' in report
    team = open_context(database_url=database_url)
    assert stats(team) == before
    from casedesk.services.verify import verify

    assert verify(team) == []
    # ids continue after the copied ones
    form = cases.load_case(team, 1)
    form.new_note = "迁移后第一次编辑"
    cases.save_case(team, form)
    assert cli(["--db", str(tmp_path / "local.db"), "migrate-to", database_url]) == 2  # not empty any more
    local.close()
    team.close()
