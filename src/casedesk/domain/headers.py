"""Recognizing spreadsheet columns by their header, however the form worded it."""

import re

from .text import nfkc

FIELD_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "消费者姓名", "投诉人", "投诉人姓名", "消费者", "真实姓名", "name"),
    "phone": ("手机号", "手机号码", "联系电话", "电话", "手机", "联系方式", "电话号码", "phone", "mobile"),
    "id_number": ("身份证号", "身份证号码", "证件号码", "身份证", "证件号", "idnumber", "idno"),
    "address": ("地址", "联系地址", "收货地址", "住址", "通讯地址", "address"),
    "platform": ("平台", "购买平台", "下单平台", "电商平台", "platform"),
    "merchant": (
        "商家名称",
        "店铺名称",
        "店铺",
        "商家",
        "店铺名",
        "商家店铺名称",
        "商户名称",
        "merchant",
        "shop",
    ),
    "shop_id": ("店铺id", "店铺编号", "商家id", "店铺号", "shopid"),
    "order_no": ("订单号", "订单编号", "订单号码", "orderno", "order"),
    "order_date": ("下单时间", "下单日期", "购买时间", "购买日期", "订单日期", "订单时间", "日期", "date"),
    "amount": ("金额", "付款金额", "订单金额", "实付金额", "支付金额", "消费金额", "扣款金额", "amount"),
    "payment_method": ("支付方式", "付款方式", "payment"),
    "debit_status": ("扣款状态", "是否已扣款", "是否扣款", "扣款情况"),
    "problem": ("问题类型", "投诉类型", "问题分类", "投诉问题"),
    "description": ("情况说明", "情况描述", "问题描述", "备注", "详细描述", "投诉内容", "说明"),
    "product": ("商品名称", "商品", "购买商品", "产品名称", "product"),
    "wechat": ("微信号", "微信", "wechat"),
}
FIELD_LABELS = {
    "name": "姓名",
    "phone": "手机号",
    "id_number": "身份证号",
    "address": "地址",
    "platform": "平台",
    "merchant": "商家名称",
    "shop_id": "店铺ID",
    "order_no": "订单号",
    "order_date": "下单日期",
    "amount": "金额",
    "payment_method": "支付方式",
    "debit_status": "扣款状态",
    "problem": "问题类型",
    "description": "情况说明",
    "product": "商品名称",
    "wechat": "微信号",
}
_PREFIX = re.compile(r"^(q|第)?\d+(题)?\s*[、.．:：)）\-]?\s*", re.I)
_BRACKETED = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]")
_LOOKUP = {syn: field for field, syns in FIELD_SYNONYMS.items() for syn in syns}
_BY_LENGTH = sorted(_LOOKUP, key=len, reverse=True)


def clean_header(value: object) -> str:
    """'3、手机号码（必填）*' → '手机号码'; 'Q3. 金额(元)' → '金额'."""
    text = nfkc(value).lower()
    text = _BRACKETED.sub("", text)
    text = text.replace("*", "").replace("＊", "")
    text = _PREFIX.sub("", text.strip())
    text = re.sub(r"[\s:：?？_\-]", "", text)
    return text


def field_for_header(value: object) -> str | None:
    text = clean_header(value)
    if not text:
        return None
    if text in _LOOKUP:
        return _LOOKUP[text]
    for syn in _BY_LENGTH:  # '您的手机号码' contains 手机号码
        if len(syn) >= 2 and syn in text:
            return _LOOKUP[syn]
    return None


def detect_mapping(headers: list[object]) -> tuple[dict[str, int], list[int]]:
    """Map fields to column indexes; return (mapping, indexes of columns nothing maps to).

    When two columns claim the same field, the one whose header matches exactly wins.
    """
    mapping: dict[str, int] = {}
    exact: dict[str, bool] = {}
    unmapped: list[int] = []
    for index, header in enumerate(headers):
        field = field_for_header(header)
        if field is None:
            if nfkc(header):
                unmapped.append(index)
            continue
        is_exact = clean_header(header) in _LOOKUP
        if field in mapping and (exact[field] or not is_exact):
            unmapped.append(index)
            continue
        if field in mapping:
            unmapped.append(mapping[field])
        mapping[field] = index
        exact[field] = is_exact
    return mapping, sorted(unmapped)
