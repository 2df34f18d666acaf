from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casedesk.domain.dates import parse_date
from casedesk.domain.errors import InvalidValue
from casedesk.domain.ids import check_uscc, parse_id_number, parse_phone
from casedesk.domain.masking import mask_id_number, mask_phone
from casedesk.domain.money import amount_in_words, format_fen, parse_amount_fen


@pytest.mark.parametrize(
    "yuan, words",
    [
        ("1234.56", "壹仟贰佰叁拾肆元伍角陆分"),
        ("1409.50", "壹仟肆佰零玖元伍角"),
        ("6007.14", "陆仟零柒元壹角肆分"),
        ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
        ("325.04", "叁佰贰拾伍元零肆分"),
        ("100010000", "壹亿零壹万元整"),
        ("10", "壹拾元整"),
        ("0", "零元整"),
        ("0.5", "伍角"),
        ("0.05", "伍分"),
        ("10000001", "壹仟万零壹元整"),
        ("1000000000000", "壹万亿元整"),
        ("1010000000000", "壹万零壹佰亿元整"),
        ("100000000", "壹亿元整"),
        ("101000", "壹拾万零壹仟元整"),
    ],
)
def test_amount_in_words_domain_examples(yuan, words):
    fen = parse_amount_fen(yuan) if yuan != "0" else 0
    assert amount_in_words(fen) == words


def test_id_number_worked_example():
    assert parse_id_number("11010519491231002x") == "11010519491231002X"
    assert parse_id_number(" 11010519491231002X ") == "11010519491231002X"


@pytest.mark.parametrize(
    "value, code",
    [
        (5.101071993051416e17, "id_as_number"),
        (110105194912310020, "id_as_number"),
        ("110105194912310021", "bad_id_checksum"),
        ("1101051949123100", "bad_id_format"),
    ],
)
def test_id_number_rejections(value, code):
    with pytest.raises(InvalidValue) as exc:
        parse_id_number(value)
    assert exc.value.code == code


def test_id_number_with_impossible_birth_date():
    from stdnum.cn import ric

    body = "11010519491331002"
    with pytest.raises(InvalidValue) as exc:
        parse_id_number(body + ric.calc_check_digit(body + "0"))
    assert exc.value.code == "bad_id_birthdate"


def test_id_number_with_feb_29_only_in_leap_years():
    from stdnum.cn import ric

    leap = "110105200002290" + "01"
    leap = leap[:17] + ric.calc_check_digit(leap)
    assert parse_id_number(leap) == leap
    bad = "110105199902290" + "01"
    bad = bad[:17] + ric.calc_check_digit(bad)
    with pytest.raises(InvalidValue) as exc:
        parse_id_number(bad)
    assert exc.value.code == "bad_id_birthdate"


@pytest.mark.parametrize(
    "raw",
    [
        "13800138000",
        "+86 138 0013 8000",
        "138-0013-8000",
        "１３８００１３８０００",
        "8613800138000",
        "+86-138-0013-8000",
        13800138000.0,
    ],
)
def test_phone_forms(raw):
    assert parse_phone(raw) == "13800138000"


@pytest.mark.parametrize("raw", ["1463357", "23800138000", "138001380001", "电话"])
def test_phone_rejected(raw):
    with pytest.raises(InvalidValue) as exc:
        parse_phone(raw)
    assert exc.value.code == "bad_phone"


def test_uscc_warning_not_block():
    assert check_uscc("91350200776049653A") == ("91350200776049653A", None)
    code, warning = check_uscc("91350200776049653B")
    assert code == "91350200776049653B" and "校验" in warning
    assert check_uscc("913502 00776049653a")[1] is None


@pytest.mark.parametrize(
    "raw, fen",
    [
        ("¥1,299.00", 129900),
        ("1299元", 129900),
        ("１２９９", 129900),
        ("1,299", 129900),
        (299, 29900),
        (299.99, 29999),
        ("￥ 0.01", 1),
        ("人民币3,299.5元", 329950),
        (0.1 + 0.2, None),
    ],
)
def test_amount_parsing(raw, fen):
    if fen is None:
        with pytest.raises(InvalidValue):
            parse_amount_fen(raw)
    else:
        assert parse_amount_fen(raw) == fen


@pytest.mark.parametrize(
    "raw, code",
    [
        ("", "missing_amount"),
        ("?", "bad_amount"),
        ("不记得了", "bad_amount"),
        ("-199", "negative_amount"),
        (-199, "negative_amount"),
        ("0", "zero_amount"),
        ("12.345", "bad_amount"),
        ("1,29", "bad_amount"),
        ("nan", "bad_amount"),
        (float("inf"), "bad_amount"),
    ],
)
def test_amount_rejections(raw, code):
    with pytest.raises(InvalidValue) as exc:
        parse_amount_fen(raw)
    assert exc.value.code == code


@pytest.mark.parametrize(
    "raw",
    [
        "2024/3/5",
        "2024-03-05",
        "2024年3月5日",
        "2024.3.5",
        "２０２４年３月５日",
        datetime(2024, 3, 5, 10, 30),
        date(2024, 3, 5),
        "2024-03-05 12:30:00",
        45356,
        "20240305",
    ],
)
def test_dates(raw):
    assert parse_date(raw) == date(2024, 3, 5)


@pytest.mark.parametrize("raw", ["2024/2/30", "昨天", "3/5", 12])
def test_bad_dates(raw):
    with pytest.raises(InvalidValue):
        parse_date(raw)


def test_masking():
    assert mask_id_number("110101199001011234") == "110101********1234"
    assert mask_phone("13800138000") == "138****8000"
    assert mask_id_number(None) == "" and mask_phone("") == ""


def test_format_fen():
    assert format_fen(123456) == "1,234.56"
    assert format_fen(5) == "0.05"


@given(st.integers(min_value=1, max_value=10**13))
def test_amount_words_round_trip_digits(fen):
    words = amount_in_words(fen)
    assert words.endswith(("整", "分", "角"))
    assert ("整" in words) == (fen % 100 == 0)
    assert "零零" not in words


@given(st.integers(min_value=1, max_value=10**12))
def test_parse_formats_agree(fen):
    yuan, cents = divmod(fen, 100)
    assert parse_amount_fen(f"{yuan}.{cents:02d}") == fen
    assert parse_amount_fen(f"¥{yuan:,}.{cents:02d}") == fen
    full = f"{yuan}.{cents:02d}".translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
    assert parse_amount_fen(full + "元") == fen


@given(st.one_of(st.text(), st.integers(), st.floats(), st.none(), st.booleans()))
def test_parsers_never_crash(value):
    for parser in (parse_amount_fen, parse_phone, parse_id_number, parse_date):
        try:
            parser(value)
        except InvalidValue as exc:
            assert exc.code and exc.message
