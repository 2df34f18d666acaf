"""Chinese administrative division names, read from python-stdnum's region table (cn/loc.dat).

Full names (深圳市, 南山区, 广东省) are peeled off merchant names; the short forms (深圳, 广东) only
for provinces and prefecture-level cities, where a clash with a brand name is unlikely.
"""

import re
from functools import lru_cache
from importlib.resources import files

_NAME = re.compile(r'(province|county)="(?:\[[^\]]*\])?([^"]+)"')
_SUFFIXES = (
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "自治州",
    "省",
    "市",
    "区",
    "县",
    "盟",
    "地区",
)
_IGNORED = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


@lru_cache(maxsize=1)
def _table() -> tuple[frozenset[str], frozenset[str], dict[str, frozenset[str]]]:
    full: set[str] = set()
    short: set[str] = set()
    codes: dict[str, set[str]] = {}
    province = ""
    text = files("stdnum.cn").joinpath("loc.dat").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        match = _NAME.search(line)
        if not match:
            continue
        kind, name = match.groups()
        head = line.strip().split(" ", 1)[0]
        if kind == "province":
            province = head
            code = head
        else:
            code = province + (head[:2] if head.endswith("00") else head)
        if name in _IGNORED or len(name) < 2:
            continue
        full.add(name)
        codes.setdefault(name, set()).add(code)
        if kind == "province" or head.endswith("00"):  # provinces and prefecture-level cities
            for suffix in _SUFFIXES:
                if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                    short.add(name[: -len(suffix)])
                    codes.setdefault(name[: -len(suffix)], set()).add(code)
                    break
    for city, code in (
        ("北京", "11"),
        ("上海", "31"),
        ("天津", "12"),
        ("重庆", "50"),
        ("香港", "81"),
        ("澳门", "82"),
    ):
        short.add(city)
        codes.setdefault(city, set()).add(code)
    return frozenset(full), frozenset(short), {k: frozenset(v) for k, v in codes.items()}


def region_names() -> tuple[frozenset[str], frozenset[str]]:
    """(full names, short names) of provinces, cities and counties."""
    full, short, _ = _table()
    return full, short


def region_codes(name: str) -> frozenset[str]:
    """Division-code prefixes a name may stand for: 深圳 → {'4403'}; 朝阳区 → two districts."""
    return _table()[2].get(name, frozenset())


def regions_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when either side names no place, or one place lies inside the other."""
    if not a or not b:
        return True
    return any(x.startswith(y) or y.startswith(x) for x in a for y in b)


@lru_cache(maxsize=1)
def _by_length() -> list[tuple[int, frozenset[str]]]:
    full, short = region_names()
    names = full | short
    lengths = sorted({len(n) for n in names}, reverse=True)
    return [(n, frozenset(x for x in names if len(x) == n)) for n in lengths]


@lru_cache(maxsize=1)
def _masked() -> dict[str, str]:
    """'?岛市' → '青岛市': full names of three or four characters ending in 市/省/区/县, each with one
    character (not the suffix) masked, so a one-character typo in a place name is still peeled."""
    full, _ = region_names()
    out: dict[str, str] = {}
    for name in full:
        if len(name) in (3, 4) and name[-1] in "市省区县":
            for i in range(len(name) - 1):
                key = name[:i] + "?" + name[i + 1 :]
                # 难京市 could be 南京市 or 北京市: still a place, just not which one ("" = unknown)
                out[key] = "" if key in out and out[key] != name else name
    return out


_SHI = set("市是事时式试世始实室适使视士示饰施诗师识石史食失拾氏")  # typed for 市 (shi)


def peel_region_prefix(text: str, keep: int = 2) -> tuple[str, str]:
    """Split leading region names off text: '广东省深圳市鑫达' → ('广东省深圳市', '鑫达').

    At least `keep` characters are left behind, so a brand made of a place name survives. A place
    typed with one wrong character (青到市) or with 市 mistyped after a city (重庆始) is peeled too.
    """
    region = ""
    while True:
        for length, names in _by_length():
            if len(text) - length >= keep and text[:length] in names:
                region += text[:length]
                text = text[length:]
                if text[:1] in _SHI and len(text) - 1 >= keep and not text.startswith("市"):
                    text = text[1:]  # 重庆始 → 重庆(市)
                break
        else:
            masked = _masked()
            for length in (4, 3):
                if len(text) - length < keep:
                    continue
                head = text[:length]
                for i in range(length - 1):
                    key = head[:i] + "?" + head[i + 1 :]
                    if key in masked and head[-1] == key[-1]:
                        # peeled, but which place is uncertain: it adds no region to compare
                        text = text[length:]
                        break
                else:
                    continue
                break
            else:
                return region, text


def is_region(text: str) -> bool:
    full, short = region_names()
    return text in full or text in short


def canonical_region(region: str) -> str:
    """The most specific place named, without its suffix: '广东省深圳市' → '深圳'."""
    if not region:
        return ""
    _, last = _last_region(region)
    return short_form(last)


def short_form(last: str) -> str:
    for suffix in _SUFFIXES:
        if last.endswith(suffix) and len(last) - len(suffix) >= 2:
            return last[: -len(suffix)]
    return last


def _last_region(region: str) -> tuple[str, str]:
    for length, names in _by_length():
        if len(region) >= length and region[-length:] in names:
            return region[:-length], region[-length:]
    return "", region


def codes_of(region: str) -> frozenset[str]:
    """Codes of the most specific place in a peeled region string."""
    if not region:
        return frozenset()
    _, last = _last_region(region)
    return region_codes(last) or region_codes(short_form(last))
