import csv
import json

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import Session, select

from casedesk.domain.headers import clean_header, detect_mapping, field_for_header
from casedesk.services.errors import UserError
from casedesk.services.intake import import_file, write_error_report
from casedesk.services.stats import stats
from casedesk.store.models import Claimant, MerchantIdentifier


def test_sample_sheet_imports_to_expected_counts(ctx, shared_data):
    expected = json.loads((shared_data / "sample_claimants_expected.json").read_text(encoding="utf-8"))
    result = import_file(ctx, shared_data / "sample_claimants.xlsx")
    assert result.duplicates == expected["duplicate_rows"]
    assert {str(p.row): p.reason for p in result.rejected} == expected["rejected_rows"]
    data = stats(ctx)
    assert data["claimants"] == expected["claimants"]
    assert data["orders"] == expected["orders"]
    assert data["total_amount_fen"] == expected["total_amount_fen"]
    assert {m["name"]: m["claimants"] for m in data["merchants_detail"]} == expected["claimants_by_merchant"]
    assert result.unmapped_columns == ["序号"]
    # importing the same file again changes nothing
    again = import_file(ctx, shared_data / "sample_claimants.xlsx")
    assert again.imported == 0 and stats(ctx) == data
    assert len(again.duplicates) == expected["orders"] + len(expected["duplicate_rows"])


def _write_csv(path, rows, encoding):
    with path.open("w", newline="", encoding=encoding) as f:
        csv.writer(f).writerows(rows)


def _sheet_rows(xlsx):
    wb = openpyxl.load_workbook(xlsx, read_only=True)
    rows = [
        ["" if v is None else (v.strftime("%Y-%m-%d") if hasattr(v, "strftime") else v) for v in r]
        for r in wb.worksheets[0].iter_rows(values_only=True)
    ]
    wb.close()
    return rows


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig"])
def test_csv_in_chinese_encodings_imports_like_xlsx(ctx, shared_data, tmp_path, encoding):
    rows = _sheet_rows(shared_data / "sample_claimants.xlsx")
    # a CSV has no number cells: the ID numbers Excel had turned into numbers arrive as digits
    path = tmp_path / "claimants.csv"
    _write_csv(
        path,
        [[str(int(v)) if isinstance(v, float) and v.is_integer() else v for v in r] for r in rows],
        encoding,
    )
    result = import_file(ctx, path)
    expected = json.loads((shared_data / "sample_claimants_expected.json").read_text(encoding="utf-8"))
    assert result.duplicates == expected["duplicate_rows"]
    assert stats(ctx)["claimants"] == expected["claimants"]
    assert stats(ctx)["total_amount_fen"] == expected["total_amount_fen"]


def _book(tmp_path, header, rows, name="in.xlsx"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(header)
    for r in rows:
        ws.append(r)
    path = tmp_path / name
    wb.save(path)
    return path


def test_header_variants_and_linking(ctx, tmp_path):
    header = [
        "Q1. 投诉人",
        "2、联系电话（必填）",
        "*证件号码",
        "购买平台",
        "店铺",
        "店铺编号",
        "订单编号",
        "购买时间",
        "实付金额(元)",
        "付款方式",
        "是否已扣款",
        "投诉类型",
        "情况描述",
        "你的星座",
    ]
    rows = [
        [
            "李四",
            "13800138000",
            "11010519491231002X",
            "快手小店",
            "鑫达数码旗舰店",
            "8812",
            "A1",
            "2024/3/5",
            "¥1,299.00",
            "先用后付",
            "已扣款",
            "虚假宣传",
            "不符",
            "白羊",
        ],
        [
            "李四",
            "13800138000",
            "11010519491231002x",
            "快手",
            " 鑫达数码 旗舰店 ",
            "",
            "A2",
            "2024年3月6日",
            "99元",
            "先用后付",
            "否",
            "商家跑路",
            "",
            "",
        ],
        [
            "王五",
            "+86 139 0013 9000",
            "",
            "抖音",
            "別的店",
            "",
            "B1",
            "2024.3.7",
            "１２９９",
            "微信",
            "",
            "",
            "",
            "",
        ],
        ["王五", "13900139000", "", "抖音", "别的店", "", "B2", "", "10", "", "", "", "", ""],
    ]
    result = import_file(ctx, _book(tmp_path, header, rows))
    assert result.rejected == []
    assert result.unmapped_columns == ["你的星座"]
    assert result.claimants_created == 2 and result.cases_created == 2 and result.orders_created == 4
    assert result.merchants_created == 2
    with Session(ctx.engine) as s:
        kinds = {(i.kind, i.normalized) for i in s.exec(select(MerchantIdentifier))}
    assert ("shop_id", "8812") in kinds


def test_rejections_name_row_column_value_reason(ctx, tmp_path):
    header = ["姓名", "手机号", "身份证号", "商家名称", "金额", "下单日期", "订单号"]
    rows = [
        ["", "13800138000", "", "店A", "10", "", "1"],
        ["赵", "", "", "店A", "10", "", "2"],
        ["钱", "13800138000", "", "", "10", "", "3"],
        ["孙", "13800138000", "", "店A", "", "", "4"],
        ["李", "13800138000", "", "店A", "0", "", "5"],
        ["周", "13800138000", "", "店A", "10", "2024/2/30", "6"],
        ["吴", "13800138000", 110105194912310020, "店A", "10", "", "7"],
        ["郑", "13800138000", "", "店A", "10", "", 2024030512056592.0],
    ]
    result = import_file(ctx, _book(tmp_path, header, rows))
    reasons = {(p.row, p.column, p.reason) for p in result.rejected}
    assert reasons == {
        (2, "姓名", "missing_name"),
        (3, "手机号", "missing_contact"),
        (4, "商家名称", "missing_merchant"),
        (5, "金额", "missing_amount"),
        (6, "金额", "zero_amount"),
        (7, "下单日期", "bad_date"),
        (8, "身份证号", "id_as_number"),
        (9, "订单号", "order_no_as_number"),
    }
    assert result.imported == 0
    assert stats(ctx)["orders"] == 0


def test_error_report_round_trip(ctx, tmp_path):
    header = ["姓名", "手机号", "商家名称", "金额", "订单号"]
    path = _book(
        tmp_path, header, [["甲", "13800138000", "店A", "abc", "1"], ["乙", "13800138001", "店A", "5", "2"]]
    )
    result = import_file(ctx, path)
    report = write_error_report(result, tmp_path / "errors.xlsx")
    wb = openpyxl.load_workbook(report)
    values = list(wb.active.iter_rows(values_only=True))
    assert values[0][:5] == tuple(header) and values[0][-1] == "错误原因"
    assert values[1][:5] == ("甲", "13800138000", "店A", "abc", "1") and "金额" in values[1][-1]
    # fix the cell and import the report itself
    wb.active.cell(row=2, column=4, value="12.5")
    wb.save(report)
    fixed = import_file(ctx, report)
    assert fixed.imported == 1 and fixed.rejected == []
    assert stats(ctx)["total_amount_fen"] == 500 + 1250


def test_missing_required_columns_is_a_clear_error(ctx, tmp_path):
    with pytest.raises(UserError, match="金额"):
        import_file(
            ctx, _book(tmp_path, ["姓名", "手机号", "商家名称", "备注"], [["a", "13800138000", "b", "c"]])
        )
    assert stats(ctx)["orders"] == 0


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "空文件"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "xls"),
        (b"PK\x03\x04garbage", "无法作为 Excel"),
    ],
)
def test_bad_files(ctx, tmp_path, content, message):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    with pytest.raises(UserError, match=message):
        import_file(ctx, path)


def test_header_cleaning():
    assert clean_header("3、手机号码（必填）") == "手机号码"
    assert field_for_header("Q3. 金额(元)") == "amount"
    assert field_for_header("店铺ID") == "shop_id" and field_for_header("店铺") == "merchant"
    mapping, unmapped = detect_mapping(["序号", "姓名", "姓名", "电话"])
    assert mapping == {"name": 1, "phone": 3} and unmapped == [0, 2]


def test_a_failure_midway_leaves_the_database_as_it_was(ctx, tmp_path, monkeypatch):
    from casedesk.services import intake

    header = ["姓名", "手机号", "商家名称", "金额", "订单号"]
    rows = [[f"人{i}", f"138{i:08d}", "店A", "10", str(i)] for i in range(2500)]
    path = _book(tmp_path, header, rows)
    calls = {"n": 0}
    original = intake._Writer.write_chunk

    def failing(self, chunk):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return original(self, chunk)

    monkeypatch.setattr(intake._Writer, "write_chunk", failing)
    with pytest.raises(RuntimeError):
        import_file(ctx, path)
    with Session(ctx.engine) as s:
        assert s.exec(select(Claimant)).all() == []


cell_values = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.sampled_from(["13800138000", "11010519491231002X", "¥1,299.00", "2024/3/5"]),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(cell_values, min_size=6, max_size=6), min_size=1, max_size=8))
def test_random_cells_are_imported_or_rejected(ctx, tmp_path, rows):
    header = ["姓名", "手机号", "身份证号", "商家名称", "金额", "订单号"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(header)
    for r in rows:
        ws.append([v if not isinstance(v, str) else "".join(ch for ch in v if ch.isprintable()) for v in r])
    path = tmp_path / "fuzz.xlsx"
    wb.save(path)
    before = stats(ctx)["orders"]
    result = import_file(ctx, path)
    rejected_rows = {p.row for p in result.rejected}
    assert result.imported + len(rejected_rows) + len(result.duplicates) == result.rows
    assert stats(ctx)["orders"] == before + result.imported
