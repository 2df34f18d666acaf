"""Case search through the services, on SQLite (FTS5 trigram) and PostgreSQL (pg_trgm)."""

import pytest

from casedesk.services import cases
from casedesk.services.demo import load_demo


@pytest.fixture
def demo(ctx):
    load_demo(ctx)
    return ctx


def test_substring_search_in_chinese_and_order_numbers(demo):
    by_merchant = cases.case_ids(demo, cases.CaseFilter(text="禾佳"))
    assert len(by_merchant) == 80
    rows = cases.case_rows(demo, by_merchant[:5])
    assert all(r.merchant == "禾佳母婴官方店" for r in rows.values())
    first = cases.load_case(demo, 1)
    number = first.orders[0].order_no
    assert 1 in cases.case_ids(demo, cases.CaseFilter(text=number[-8:]))
    assert cases.case_ids(demo, cases.CaseFilter(text="不存在的商家名")) == []


def test_one_and_two_character_queries_fall_back(demo):
    name = cases.load_case(demo, 7).name
    assert 7 in cases.case_ids(demo, cases.CaseFilter(text=name[0]))
    assert 7 in cases.case_ids(demo, cases.CaseFilter(text=name[:2]))


def test_search_follows_edits_and_merges(demo):
    from casedesk.services import merchants

    form = cases.load_case(demo, 3)
    form.new_note = "客服微信号 zzkf888"
    cases.save_case(demo, form)
    assert cases.case_ids(demo, cases.CaseFilter(text="zzkf888")) == [3]
    before = len(cases.case_ids(demo, cases.CaseFilter(text="新达科技")))
    merchants.merge(demo, 4, [1])
    assert len(cases.case_ids(demo, cases.CaseFilter(text="新达科技"))) >= before


def test_filters_combine(demo):
    ready = cases.case_ids(demo, cases.CaseFilter(ready_only=True))
    fake = cases.case_ids(demo, cases.CaseFilter(problem="虚假宣传"))
    both = cases.case_ids(demo, cases.CaseFilter(ready_only=True, problem="虚假宣传"))
    assert set(both) == set(ready) & set(fake)
    from datetime import date

    march = cases.case_ids(demo, cases.CaseFilter(date_from=date(2024, 3, 1), date_to=date(2024, 3, 31)))
    assert 0 < len(march) < 240


def test_many_hits_are_filtered_after_the_query(demo, monkeypatch):
    expected = cases.case_ids(demo, cases.CaseFilter(text="禾佳"))
    monkeypatch.setattr(cases, "SEARCH_IN_QUERY", 1)
    assert cases.case_ids(demo, cases.CaseFilter(text="禾佳")) == expected
