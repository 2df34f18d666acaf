"""Merchant names taken apart: 行政区划 + 字号 + 行业 + 组织形式, or brand + category + shop type.

Victims write the same merchant many ways (decorations, full-width text, traditional characters,
stray spaces, region in brackets). `parse_name` peels each part into its own field: the 字号
(core) is the main evidence, the industry words support it, and the region can tell two
companies with the same 字号 apart.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from .regions import canonical_region, codes_of, is_region, peel_region_prefix
from .text import nfkc

LEGAL_FORMS = (
    "集团股份有限公司",
    "集团有限公司",
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "个体工商户",
    "个人独资企业",
    "合伙企业",
    "分公司",
    "子公司",
    "股份公司",
    "股份",
    "集团",
    "公司",
    "工作室",
    "经营部",
    "门市部",
    "商行",
    "商店",
    "超市",
    "厂",
)
SHOP_TYPES = (
    "官方旗舰店",
    "品牌旗舰店",
    "旗舰店",
    "专营店",
    "专卖店",
    "工厂店",
    "直营店",
    "官方店",
    "优选店",
    "企业店",
    "精品店",
    "折扣店",
    "品牌店",
    "特卖店",
    "集合店",
    "严选店",
    "好物店",
    "小店",
    "店铺",
    "生活馆",
    "直播间",
    "店",
)
# Industry and category words, longest first when peeled. Frequent words carry little weight.
INDUSTRY_WORDS = tuple(
    sorted(
        {
            "通讯科技",
            "网络科技",
            "信息科技",
            "电子科技",
            "生物科技",
            "健康科技",
            "智能科技",
            "数码科技",
            "科技",
            "数码",
            "电子商务",
            "电子",
            "电商",
            "母婴",
            "家居",
            "家具",
            "运动",
            "户外",
            "百货",
            "服饰",
            "服装",
            "鞋业",
            "日用品",
            "日用",
            "文化传媒",
            "文化",
            "传媒",
            "健康",
            "生物",
            "食品",
            "家电",
            "电器",
            "手机",
            "美妆",
            "化妆品",
            "贸易",
            "商贸",
            "实业",
            "网络",
            "信息",
            "珠宝",
            "首饰",
            "玩具",
            "箱包",
            "茶叶",
            "酒业",
            "医药",
            "保健品",
            "农业",
            "农产品",
            "生鲜",
            "水果",
            "宠物",
            "用品",
            "饰品",
            "内衣",
            "女装",
            "男装",
            "童装",
            "家纺",
            "厨具",
            "五金",
            "供应链",
            "管理",
            "咨询",
            "服务",
            "技术",
            "发展",
            "投资",
            "国际",
            "制品",
            "工艺品",
            "礼品",
            "眼镜",
            "钟表",
            "图书",
            "教育",
            "建材",
            "装饰",
            "灯饰",
            "照明",
            "通讯",
            "通信",
            "电脑",
            "软件",
            "智能",
            "环保",
            "新能源",
            "能源",
            "数字",
            "文创",
            "潮玩",
            "特产",
            "零食",
            "粮油",
            "护肤",
            "个护",
            "清洁",
            "贸易发展",
            "进出口",
            "电子产品",
            "生活",
            "日化",
            "纺织",
            "鞋服",
            "服饰鞋包",
        },
        key=len,
        reverse=True,
    )
)
DECORATION_WORDS = (
    "已跑路",
    "跑路了",
    "跑路",
    "已关店",
    "关店了",
    "关店",
    "已倒闭",
    "倒闭",
    "已注销",
    "注销",
    "联系不上",
    "已失联",
    "失联",
    "骗子",
    "黑店",
    "正品",
    "官方",
    "认证",
    "原店铺",
    "原店名",
    "原名",
    "现名",
    "曾用名",
    "已改名",
    "改名",
    "疑似",
    "同一家",
    "商家",
)
_DECORATION_HINTS = ("跑路", "关店", "倒闭", "注销", "失联", "骗", "改名", "曾用", "原名", "疑似")
# decoration words removed wherever they stand (the others only at the start or end)
_ANYWHERE = tuple(w for w in DECORATION_WORDS if any(h in w for h in _DECORATION_HINTS))


def _suffix_pattern(words: tuple[str, ...]) -> "re.Pattern[str]":
    return re.compile("(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")$")


_SUFFIX: dict = {}  # word list → compiled suffix pattern
_BY_LENGTH: dict = {}  # word list → the same words, longest first
_OPEN, _CLOSE = "(\\[【〔「『《<{", ")\\]】〕」』》>}"
# innermost bracket pair first; applied until none is left
_BRACKETS = re.compile(f"[{_OPEN}]([^{_OPEN}{_CLOSE}]*)[{_CLOSE}]")
_NOT_WORD = re.compile(r"[^0-9a-z\u3400-\u9fff\uf900-\ufaff]+")


@dataclass(frozen=True)
class ParsedName:
    raw: str
    normalized: str  # cleaned full name: the key for exact linking
    core: str  # 字号 / brand
    region: str  # canonical place (深圳), '' when not named
    region_codes: frozenset[str]  # division-code prefixes of that place, for compatibility checks
    industry: tuple[str, ...]
    legal_form: str
    shop_type: str
    pinyin: str  # the core's tone-less pinyin
    repaired: bool = False  # the core was recovered from a typo in the words around it (matching)


@lru_cache(maxsize=1)
def _t2s():  # type: ignore[no-untyped-def]
    from opencc import OpenCC  # imported on first use: the app starts faster without it

    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _t2s().convert(text)


@lru_cache(maxsize=200_000)
def pinyin_key(text: str) -> str:
    """Tone-less pinyin: 鑫达 and 新达 share 'xin da'. Near-homophones (xing/xin) stay apart."""
    from pypinyin import Style, lazy_pinyin  # its phrase tables take a while to load

    return " ".join(lazy_pinyin(text, style=Style.NORMAL, errors="default"))


def _strip_suffix(text: str, words: tuple[str, ...], keep: int = 2, fuzzy: bool = True) -> tuple[str, str]:
    """Peel the longest of `words` off the end, leaving at least `keep` characters.

    With fuzzy, a word typed with one wrong character still counts (有限公斯, 专影店), and a two-character
    word typed with a homophone (可技 for 科技): victims' typos hit these words as often as the 字号.
    """
    pattern = _SUFFIX.get(words)
    if pattern is None:
        pattern = _SUFFIX[words] = _suffix_pattern(words)
    exact = ""
    # the longest word that fits wins; if it would leave too little, try the shorter ones
    for start in range(max(0, keep), len(text)):
        match = pattern.match(text, start)
        if match and match.end() == len(text):
            exact = text[start:]
            break
    if fuzzy:
        by_length = _BY_LENGTH.get(words)
        if by_length is None:
            by_length = _BY_LENGTH[words] = tuple(sorted(words, key=len, reverse=True))
        for word in by_length:  # longest first; a typed-wrong longer word beats an exact shorter one (专影店)
            n = len(word)
            if (
                n < len(exact) + 2
            ):  # 专影店 beats the exact 店; 品牌店 does not beat the exact 小店 in 食品小店
                break
            if len(text) - n < keep or n < 2:
                continue
            tail = text[-n:]
            differ = sum(a != b for a, b in zip(tail, word))
            if differ == 1 and (n >= 3 or pinyin_key(tail) == pinyin_key(word)):
                return text[:-n], word
    return (text[: len(text) - len(exact)], exact) if exact else (text, "")


def clean_name(raw: object) -> str:
    """NFKC, simplified, decorations and punctuation removed: the exact-match form of a name."""
    return parse_name(nfkc(raw)).normalized


@lru_cache(maxsize=200_000)
def parse_name(raw: str) -> ParsedName:
    text = to_simplified(nfkc(raw)).lower()
    bracket_region = ""
    bracket_legal = ""

    def _bracket(match: re.Match[str]) -> str:
        nonlocal bracket_region, bracket_legal
        inner = _NOT_WORD.sub("", match.group(1))
        if not inner or any(h in inner for h in _DECORATION_HINTS) or inner in DECORATION_WORDS:
            return ""
        if is_region(inner) or (peel_region_prefix(inner, keep=0)[1] == "" and inner):
            bracket_region = inner
            return ""
        if inner in LEGAL_FORMS:
            bracket_legal = inner
            return ""
        return inner

    while True:
        replaced = _BRACKETS.sub(_bracket, text)
        if replaced == text:
            break
        text = replaced
    text = _NOT_WORD.sub("", text)
    for word in _ANYWHERE:
        if word in text and len(text) - len(word) >= 2:
            text = text.replace(word, "")
    for word in DECORATION_WORDS:
        if text.startswith(word) and len(text) - len(word) >= 2:
            text = text[len(word) :]
        if text.endswith(word) and len(text) - len(word) >= 2:
            text = text[: -len(word)]
    normalized = text

    rest, legal = _strip_suffix(text, LEGAL_FORMS)
    legal = legal or bracket_legal
    while legal and (more := _strip_suffix(rest, LEGAL_FORMS))[1]:  # 集团 + 有限公司
        rest = more[0]
    rest, shop_type = _strip_suffix(rest, SHOP_TYPES)
    region, rest = peel_region_prefix(rest)
    industry: list[str] = []
    while True:
        rest, word = _strip_suffix(rest, INDUSTRY_WORDS)
        if not word:
            break
        industry.insert(0, word)
    # A region written after the 字号 without brackets: 鑫达深圳科技 is rare; 鑫达（深圳） is handled above.
    region = region or bracket_region
    return ParsedName(
        raw=str(raw),
        normalized=normalized,
        core=rest,
        region=canonical_region(region),
        region_codes=codes_of(region),
        industry=tuple(industry),
        legal_form=legal,
        shop_type=shop_type,
        pinyin=pinyin_key(rest),
    )
