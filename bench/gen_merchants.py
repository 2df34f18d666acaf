"""Generate merchant records as victims report them, with the true merchant of each record.

Harder than the public sample on purpose: homophone and one-character typos, traditional
characters, bracket decorations, full-width text, stray spaces, shared 字号 across cities, and
fewer shared IDs. Deterministic for a given seed.

    python bench/gen_merchants.py N OUT.csv TRUTH.csv [--seed S]
"""

import argparse
import csv
import random
from collections import defaultdict

from opencc import OpenCC
from pypinyin import Style, lazy_pinyin
from stdnum.cn import uscc as uscc_mod

BRAND = (
    "鑫达诚博恒星立创禾信盛聚佳品金美汇丰启福源远宏隆晟辰通天泰鼎聚旺智易创嘉航辉永兴华富优良新"
    "瑞祥安顺和康乐欣悦腾飞龙凤云海峰林森川江湖明亮光阳春秋冬夏东南西北中正德仁义礼信忠孝廉洁勤"
    "俭宝贝贵珍玉翠宁静雅致精致尚美好利万千百亿众合力群英豪杰俊秀philicn"
)[:150]
CITIES = (
    "深圳市",
    "广州市",
    "上海市",
    "北京市",
    "杭州市",
    "厦门市",
    "长沙市",
    "武汉市",
    "成都市",
    "西安市",
    "南京市",
    "重庆市",
    "青岛市",
    "郑州市",
    "合肥市",
    "苏州市",
    "东莞市",
    "佛山市",
)
INDUSTRIES = (
    "科技",
    "通讯科技",
    "网络科技",
    "电子商务",
    "日用品",
    "文化传媒",
    "健康科技",
    "生物科技",
    "贸易",
    "商贸",
    "服饰",
    "家居",
    "食品",
    "电子",
    "数码科技",
)
LEGAL = ("有限公司", "有限责任公司", "股份有限公司")
CATEGORIES = ("数码", "母婴", "家居", "运动", "百货", "服饰", "食品", "家电", "美妆", "手机")
SHOP_TYPES = ("旗舰店", "专营店", "工厂店", "直营店", "官方店", "优选店", "小店")
PLATFORMS = ("快手", "快手小店", "抖音")
DECOR = ("【{}】", "{}(已跑路)", "{}（已关店）", "[{}]", "{}【已跑路】", "{} 官方")
_S2T = OpenCC("s2t")


def _homophones() -> dict[str, list[str]]:
    pool = "鑫新心欣信达大打答博波伯恒衡横星兴行立利力创窗禾和合信心欣盛胜圣聚巨句佳家加品聘金今晶美每妹汇会惠丰风峰启起企福富付源元原远园宏红鸿隆龙笼晟胜升辰晨尘通同铜天田添泰太态鼎定顶"
    groups: dict[str, list[str]] = defaultdict(list)
    for ch in pool:
        groups[lazy_pinyin(ch, style=Style.NORMAL)[0]].append(ch)
    out: dict[str, list[str]] = {}
    for chars in groups.values():
        for ch in chars:
            others = [c for c in chars if c != ch]
            if others:
                out[ch] = others
    return out


def _uscc(rng: random.Random) -> str:
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    body = (
        "91"
        + rng.choice(("440300", "440106", "310104", "110101", "350203", "510107"))
        + "".join(rng.choice(alphabet) for _ in range(9))
    )
    return body + uscc_mod.calc_check_digit(body)


def generate(n: int, seed: int = 7) -> list[dict[str, str]]:
    rng = random.Random(seed)
    homo = _homophones()
    brand = [c for c in BRAND if "\u4e00" <= c <= "\u9fff"]
    rows: list[dict[str, str]] = []
    entity = 0
    cores_used: list[str] = []
    while len(rows) < n:
        if cores_used and rng.random() < 0.08:
            core = rng.choice(cores_used)  # the same 字号 elsewhere: another company
        else:
            core = rng.choice(brand) + rng.choice(brand)
            cores_used.append(core)
        e = f"E{entity:05d}"
        entity += 1
        city = rng.choice(CITIES)
        industry = rng.choice(INDUSTRIES)
        legal = rng.choice(LEGAL)
        shops = [
            rng.choice(CATEGORIES) + rng.choice(SHOP_TYPES) for _ in range(1 if rng.random() < 0.85 else 2)
        ]
        phone = f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"
        code = _uscc(rng)
        shop_ids = [str(rng.randrange(10**8, 10**10)) for _ in shops]
        size = min(int(rng.paretovariate(1.3)), 30)
        for _ in range(size):
            if len(rows) >= n:
                break
            kind = rng.random()
            shop_i = rng.randrange(len(shops))
            c = core
            if rng.random() < 0.12 and c[0] in homo:
                c = rng.choice(homo[c[0]]) + c[1]
            elif rng.random() < 0.08 and c[1] in homo:
                c = c[0] + rng.choice(homo[c[1]])
            if kind < 0.25:
                name = f"{city}{c}{industry}{legal}"
            elif kind < 0.40:
                name = f"{c}{industry}{legal}"
            elif kind < 0.50:
                name = f"{city}{c}{industry}"
            elif kind < 0.55:
                name = f"{c}{industry}（{city[:-1]}）{legal}"
            else:
                name = f"{c}{shops[shop_i]}"
            if rng.random() < 0.10:
                name = rng.choice(DECOR).format(name)
            if rng.random() < 0.08:
                name = _S2T.convert(name)
            if rng.random() < 0.06:
                name = "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in name) + "（）"
            if rng.random() < 0.12:
                k = rng.randrange(1, len(name))
                name = name[:k] + " " + name[k:]
            if rng.random() < 0.1:
                name += "  "
            platform = rng.choice(PLATFORMS)
            row = {
                "id": f"M{len(rows):06d}",
                "name": name,
                "shop_id": "",
                "uscc": "",
                "phone": "",
                "platform": platform,
            }
            if kind >= 0.55 and rng.random() < 0.25:
                row["shop_id"] = shop_ids[shop_i]
            if rng.random() < 0.18:
                fmt = rng.choice(("{}", "+86 {} {} {}", "{}-{}-{}", "full"))
                if fmt == "{}":
                    row["phone"] = phone
                elif fmt == "full":
                    row["phone"] = "".join(chr(ord(d) + 0xFEE0) for d in phone)
                elif fmt.startswith("+86"):
                    row["phone"] = f"+86 {phone[:3]} {phone[3:7]} {phone[7:]}"
                else:
                    row["phone"] = f"{phone[:3]}-{phone[3:7]}-{phone[7:]}"
            if kind < 0.55 and rng.random() < 0.08:
                row["uscc"] = code if rng.random() < 0.7 else code[:6] + " " + code[6:].lower()
            row["entity"] = e
            rows.append(row)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("truth")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rows = generate(args.n, args.seed)
    with open(args.out, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, ["id", "name", "shop_id", "uscc", "phone", "platform"], extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    with open(args.truth, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, ["id", "entity"], extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)


if __name__ == "__main__":
    main()
