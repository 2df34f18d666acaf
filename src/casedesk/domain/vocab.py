"""Controlled vocabularies: the values the database stores, and how free text maps onto them."""

from .text import nfkc, strip_inner_space

CASE_STATUSES = ("新建", "材料收集", "已投诉", "调解中", "仲裁/诉讼", "结案·已退款", "结案·未退款")
PROBLEM_TYPES = ("虚假宣传", "售后服务缺失", "商家跑路", "质量问题", "未发货", "其他")
DEMANDS = ("退款", "停止扣款", "三倍赔偿")
CHANNELS = {
    "12315": "12315",
    "platform": "平台工单",
    "heimao": "黑猫投诉",
    "cca": "消协",
    "arbitration": "仲裁",
    "court": "法院",
}
PAYMENT_METHODS = ("先用后付", "其他")
DEBIT_STATUSES = ("未扣款", "已扣款", "催收中", "已退款")
EVIDENCE_KINDS = ("订单截图", "扣款记录", "聊天记录", "物流记录", "商品照片", "宣传截图", "录屏", "其他")
# What a case needs before it is "ready to file" (the 录屏 and 其他 kinds are optional).
REQUIRED_EVIDENCE = ("订单截图", "扣款记录", "聊天记录", "物流记录", "商品照片", "宣传截图")
MERCHANT_STATUSES = ("营业", "关店", "跑路")
IDENTIFIER_KINDS = (
    "shop_name",
    "company_name",
    "shop_id",
    "uscc",
    "phone",
    "wechat",
    "payee_account",
    "address",
)

_PLATFORMS = {
    "快手": ("快手", "快手小店", "kuaishou", "ks", "快手电商"),
    "抖音": ("抖音", "抖店", "抖音小店", "抖音商城", "douyin", "dy"),
    "拼多多": ("拼多多", "pdd", "多多"),
    "淘宝": ("淘宝", "天猫", "taobao", "淘宝直播"),
    "微信": ("微信", "微信小店", "视频号", "微信视频号"),
    "小红书": ("小红书", "xhs"),
}
_PLATFORM_LOOKUP = {alias.lower(): name for name, aliases in _PLATFORMS.items() for alias in aliases}


def normalize_platform(value: object) -> str:
    """快手小店 → 快手; unknown names are kept, cleaned."""
    text = strip_inner_space(nfkc(value))
    return _PLATFORM_LOOKUP.get(text.lower(), text)


def normalize_problem(value: object) -> list[str]:
    """Free text such as '虚假宣传、商家跑路' → canonical problem types (其他 when unknown)."""
    text = nfkc(value)
    if not text:
        return []
    found = [p for p in PROBLEM_TYPES if p in text]
    keywords = {
        "跑路": "商家跑路",
        "关店": "商家跑路",
        "联系不上": "商家跑路",
        "售后": "售后服务缺失",
        "不符": "虚假宣传",
        "假货": "质量问题",
        "质量": "质量问题",
        "没发货": "未发货",
        "不发货": "未发货",
    }
    for word, kind in keywords.items():
        if word in text and kind not in found:
            found.append(kind)
    return found or ["其他"]


def normalize_payment(value: object) -> str:
    text = nfkc(value)
    return "先用后付" if "先用后付" in text or "后付" in text else ("其他" if text else "先用后付")


def normalize_debit(value: object) -> str | None:
    text = strip_inner_space(nfkc(value))
    if not text:
        return None
    if "退" in text:
        return "已退款"
    if "催" in text:
        return "催收中"
    if text in ("否", "没有", "无", "未", "N", "n", "no") or "未扣" in text or "没扣" in text:
        return "未扣款"
    if text in ("是", "有", "Y", "y", "yes") or "已扣" in text or "扣了" in text:
        return "已扣款"
    return None
