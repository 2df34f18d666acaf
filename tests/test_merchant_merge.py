import pytest
from sqlmodel import Session, select, text

from casedesk.services import merchants as svc
from casedesk.services.demo import load_demo
from casedesk.services.errors import NotFound, UserError
from casedesk.store.models import Case, Merchant

SKIP_TABLES = {"merge_record", "audit_entry", "alembic_version"}


def dump(engine):
    """Every table's rows (the search index by its case id and text), on SQLite or PostgreSQL."""
    from sqlalchemy import inspect

    state = {}
    with engine.connect() as conn:
        for t in inspect(engine).get_table_names():
            if t in SKIP_TABLES or t.startswith("case_search"):
                continue
            state[t] = sorted(map(tuple, conn.execute(text(f'SELECT * FROM "{t}"'))), key=repr)
        state["case_search"] = sorted(map(tuple, conn.execute(text("SELECT rowid, text FROM case_search"))))
    return state


@pytest.fixture
def demo(ctx):
    load_demo(ctx)
    return ctx


def test_demo_duplicate_is_suggested_with_reasons(demo):
    groups = svc.duplicate_groups(demo)
    assert [g.as_json()["merchant_ids"] for g in groups] == [[1, 4]]
    assert groups[0].reasons and 0 < groups[0].confidence <= 1


def test_merge_then_unmerge_restores_identical_state(demo):
    before = dump(demo.engine)
    merge_id = svc.merge(demo, 1, [2], choices={"address": 2})
    with Session(demo.engine) as s:
        assert s.get(Merchant, 2).merged_into_id == 1
        assert s.get(Merchant, 1).address == s.get(Merchant, 2).address
        assert s.exec(select(Case).where(Case.merchant_id == 2)).all() == []
    assert dump(demo.engine) != before
    svc.unmerge(demo, merge_id)
    assert dump(demo.engine) == before


def test_unmerge_after_later_unrelated_edits(demo):
    merge_id = svc.merge(demo, 1, [4])
    with Session(demo.engine) as s:  # a later, unrelated edit and a new case on the survivor
        m3 = s.get(Merchant, 3)
        m3.notes = "edited later"
        s.add(m3)
        moved = s.exec(select(Case).where(Case.merchant_id == 1)).first()
        s.add(Case(claimant_id=moved.claimant_id, merchant_id=1))
        s.commit()
    svc.unmerge(demo, merge_id)
    with Session(demo.engine) as s:
        assert s.get(Merchant, 4).merged_into_id is None
        assert s.get(Merchant, 3).notes == "edited later"
        assert s.exec(select(Merchant).where(Merchant.id == 1)).one().merged_into_id is None
    with pytest.raises(UserError, match="已经撤销"):
        svc.unmerge(demo, merge_id)


def test_not_same_is_remembered(demo):
    svc.mark_not_same(demo, 4, 1)
    assert svc.duplicate_groups(demo) == []


def test_merge_refusals(demo):
    with pytest.raises(NotFound):
        svc.merge(demo, 1, [999])
    with pytest.raises(UserError):
        svc.merge(demo, 1, [1])
    svc.merge(demo, 1, [4])
    with pytest.raises(UserError, match="已被合并"):
        svc.merge(demo, 2, [4])
    with pytest.raises(NotFound):
        svc.unmerge(demo, 42)


def test_unmerge_order_is_enforced(demo):
    first = svc.merge(demo, 1, [4])
    second = svc.merge(demo, 2, [1])
    with pytest.raises(UserError, match=f"#{second}"):
        svc.unmerge(demo, first)
    svc.unmerge(demo, second)
    svc.unmerge(demo, first)
