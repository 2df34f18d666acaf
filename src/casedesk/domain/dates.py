"""Dates as people and Excel give them: date cells, 2024/3/5, 2024-03-05, 2024年3月5日, 2024.3.5."""

import re
from datetime import date, datetime, timedelta

from .errors import InvalidValue
from .text import nfkc

_YMD = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]?\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_EXCEL_EPOCH = date(1899, 12, 30)


def parse_date(value: object) -> date:
    """Return a date or raise InvalidValue('bad_date'). Numbers are Excel serial days."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 20000 <= value <= 80000:  # 1954..2119 as an Excel serial
            return _EXCEL_EPOCH + timedelta(days=int(value))
        raise InvalidValue("bad_date", f"日期无法识别：{value}")
    text = nfkc(value)
    if not text:
        raise InvalidValue("missing_date", "日期为空")
    match = _YMD.fullmatch(text) or _COMPACT.fullmatch(text)
    if not match:
        raise InvalidValue("bad_date", f"日期无法识别：{text}")
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise InvalidValue("bad_date", f"日期不存在：{text}") from None
