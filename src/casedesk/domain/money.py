"""Money is integer fen (分) everywhere. Parsing what people type, and 大写 per PBOC bill rules."""

import re
from decimal import Decimal, InvalidOperation

from .errors import InvalidValue
from .text import nfkc

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_PLAIN = re.compile(r"\d+(\.\d+)?")
_GROUPED = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")


def parse_amount_fen(value: object) -> int:
    """Parse an amount typed by a person (¥1,299.00, 1299元, １２９９, 1,299) into fen.

    Empty, non-numeric, zero, negative and more than two decimals are refused with a reason code.
    """
    if isinstance(value, bool):
        raise InvalidValue("bad_amount", f"金额不是数字：{value}")
    if isinstance(value, (int, float)):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        raw = str(value)
    else:
        raw = nfkc(value)
        text = "".join(raw.split())
        if not text:
            raise InvalidValue("missing_amount", "金额为空")
        text = re.sub(r"^(人民币|RMB|CNY)", "", text, flags=re.I)
        text = text.replace("¥", "").replace("￥", "")
        text = re.sub(r"(元整|元|块钱|块)$", "", text)
        negative = text.startswith("-")
        body = text[1:] if negative else text
        if not (_PLAIN.fullmatch(body) or _GROUPED.fullmatch(body)):
            raise InvalidValue("bad_amount", f"金额无法识别：{raw}")
        number = Decimal(body.replace(",", ""))
        if negative:
            number = -number
    try:
        if not number.is_finite():
            raise InvalidValue("bad_amount", f"金额无法识别：{raw}")
        fen = number * 100
    except InvalidOperation:
        raise InvalidValue("bad_amount", f"金额无法识别：{raw}") from None
    if fen != fen.to_integral_value():
        raise InvalidValue("bad_amount", f"金额最多两位小数：{raw}")
    if number < 0:
        raise InvalidValue("negative_amount", f"金额不能为负数：{raw}")
    if number == 0:
        raise InvalidValue("zero_amount", f"金额不能为零：{raw}")
    if fen >= 10**15:
        raise InvalidValue("bad_amount", f"金额过大：{raw}")
    return int(fen)


def format_fen(fen: int) -> str:
    """12345 → '123.45' (exact, no float)."""
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}{fen // 100:,}.{fen % 100:02d}"


def _integer_words(n: int) -> str:
    digits = str(n)
    out: list[str] = []
    zero_pending = False
    length = len(digits)
    for i, ch in enumerate(digits):
        pos = length - 1 - i
        d = int(ch)
        if d == 0:
            zero_pending = bool(out)
        else:
            if zero_pending:
                out.append("零")
                zero_pending = False
            out.append(_DIGITS[d] + _SMALL_UNITS[pos % 4])
        if pos and pos % 8 == 0:  # 亿 always stands once a higher digit exists (壹万亿)
            out.append("亿")
        elif pos % 8 == 4 and any(c != "0" for c in digits[max(0, i - 3) : i + 1]):
            out.append("万")
    return "".join(out)


def amount_in_words(fen: int) -> str:
    """大写金额 without the 人民币 prefix: 123456 → 壹仟贰佰叁拾肆元伍角陆分."""
    if fen < 0:
        raise ValueError("amount_in_words takes a non-negative amount")
    yuan, jiao, fen_digit = fen // 100, (fen // 10) % 10, fen % 10
    if fen == 0:
        return "零元整"
    out = _integer_words(yuan) + "元" if yuan else ""
    if jiao == 0 and fen_digit == 0:
        return out + "整"
    if jiao:
        out += _DIGITS[jiao] + "角"
    elif yuan:
        out += "零"
    if fen_digit:
        out += _DIGITS[fen_digit] + "分"
    return out
