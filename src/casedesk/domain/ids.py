"""Chinese identifiers: resident ID numbers (GB 11643), USCC (GB 32100), mobile numbers."""

import re

from stdnum.cn import ric, uscc
from stdnum.exceptions import ValidationError

from .errors import InvalidValue
from .text import nfkc, strip_inner_space

_MOBILE = re.compile(r"1[3-9]\d{9}")


def parse_id_number(value: object) -> str:
    """Return the 18-character ID number (upper-case X) or raise InvalidValue.

    A number cell is refused outright: Excel stores 18 digits as a float and has already lost
    the last ones. The region code is not checked against a list (old codes stay valid for life);
    checksum and a real birth date are.
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise InvalidValue(
            "id_as_number", "身份证号是数字格式，Excel 已丢失末尾数字，请将该列设为文本后重新填写"
        )
    text = strip_inner_space(nfkc(value)).upper()
    if not text:
        raise InvalidValue("missing_id", "身份证号为空")
    if len(text) != 18 or not text[:17].isdigit() or not (text[17].isdigit() or text[17] == "X"):
        raise InvalidValue("bad_id_format", f"身份证号应为 18 位（末位可为 X）：{text}")
    if ric.calc_check_digit(text) != text[17]:
        raise InvalidValue("bad_id_checksum", f"身份证号校验位错误：{text}")
    try:
        ric.get_birth_date(text)
    except ValidationError:
        raise InvalidValue("bad_id_birthdate", f"身份证号中的出生日期不存在：{text[6:14]}") from None
    return text


def parse_phone(value: object) -> str:
    """Return an 11-digit mainland mobile number; accepts +86/86, spaces, dashes, full-width."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = re.sub(r"[\s\-()（）]", "", nfkc(value))
    if text.startswith("+86"):
        text = text[3:]
    elif text.startswith("0086"):
        text = text[4:]
    elif text.startswith("86") and len(text) == 13:
        text = text[2:]
    if not text:
        raise InvalidValue("missing_phone", "手机号为空")
    if not _MOBILE.fullmatch(text):
        raise InvalidValue("bad_phone", f"手机号应为 11 位、以 1 开头：{nfkc(value)}")
    return text


def normalize_uscc(value: object) -> str:
    return strip_inner_space(nfkc(value)).upper()


def check_uscc(value: object) -> tuple[str, str | None]:
    """Return (normalized code, warning or None). A failed check is a warning, never a block:
    real registers contain codes that fail it."""
    code = normalize_uscc(value)
    try:
        uscc.validate(code)
    except ValidationError as exc:
        return code, f"统一社会信用代码未通过校验（{exc.message}）：{code}"
    return code, None


def is_valid_uscc(value: object) -> bool:
    return check_uscc(value)[1] is None
