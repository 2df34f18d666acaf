"""A deterministic, realistic demo data set: three runaway merchants known under several names
(plus one duplicate record left for the advocate to merge), 240 claimants with their orders,
evidence, notes, channel references and filings in several states."""

import random
from datetime import date, datetime, timedelta, timezone

from sqlmodel import select
from stdnum.cn import ric

from ..domain.vocab import CASE_STATUSES, DEBIT_STATUSES, PROBLEM_TYPES
from ..store.db import transaction
from ..store.models import (
    Case,
    CaseEvent,
    ChannelRef,
    Claimant,
    Evidence,
    Filing,
    FilingCase,
    Merchant,
    MerchantIdentifier,
    Order,
)
from . import audit, search
from .context import Context
from .evidence import put_bytes
from .permissions import require

DEMO_TAG = "[演示数据]"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱覃武戴孔"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志强海燕晓东雪梅婷慧琳浩宇子轩欣怡佳怡梓涵"
REGIONS = ("110105", "310104", "440106", "440305", "330106", "320102", "420106", "510107", "610113", "370202")
CITIES = (
    "北京市朝阳区",
    "上海市徐汇区",
    "广州市天河区",
    "深圳市南山区",
    "杭州市西湖区",
    "南京市玄武区",
    "武汉市洪山区",
    "成都市武侯区",
    "西安市雁塔区",
    "青岛市市南区",
)

MERCHANTS = [
    {
        "display_name": "鑫达数码旗舰店",
        "company_name": "深圳市鑫达通讯科技有限公司",
        "uscc": "91440300MA5FXD2K3X",
        "legal_rep": "林某某",
        "address": "深圳市龙岗区坂田街道某大厦 1203 室",
        "platforms": "快手",
        "status": "跑路",
        "names": [
            ("shop_name", "鑫达数码旗舰店", "快手"),
            ("shop_name", "【新达科技】(已跑路)", "快手"),
            ("company_name", "深圳市鑫达通讯科技有限公司", ""),
        ],
        "ids": [
            ("shop_id", "8812034571", "快手"),
            ("phone", "13923456781", ""),
            ("uscc", "91440300MA5FXD2K3X", ""),
        ],
        "products": [("无线蓝牙耳机 Pro", 29900), ("智能手表 X8", 59900), ("5G 折叠手机（样机）", 259900)],
        "claimants": 110,
    },
    {
        "display_name": "禾佳母婴官方店",
        "company_name": "广州市禾佳母婴用品有限公司",
        "uscc": "91440106MA9Y3K7L26",
        "legal_rep": "陈某",
        "address": "广州市白云区某商贸城 B2-18",
        "platforms": "抖音",
        "status": "关店",
        "names": [
            ("shop_name", "禾佳母婴官方店", "抖音"),
            ("shop_name", "禾佳宝贝小店", "抖音"),
            ("company_name", "广州市禾佳母婴用品有限公司", ""),
        ],
        "ids": [("shop_id", "52210987", "抖音"), ("wechat", "hejia-kefu01", "")],
        "products": [("婴儿奶粉 3 段 800g×2", 39800), ("纸尿裤 L 码 4 包", 19900), ("婴儿推车", 89900)],
        "claimants": 80,
    },
    {
        "display_name": "聚优家电旗舰店",
        "company_name": "杭州聚优电器有限公司",
        "uscc": "",
        "legal_rep": "",
        "address": "",
        "platforms": "快手",
        "status": "跑路",
        "names": [
            ("shop_name", "聚优家电旗舰店", "快手"),
            ("shop_name", "聚優家電專營店", "快手"),
            ("company_name", "杭州聚优电器有限公司", ""),
        ],
        "ids": [("phone", "18857120934", ""), ("payee_account", "6222 0212 0300 1234 567", "")],
        "products": [("破壁料理机", 49900), ("空气炸锅 6L", 29900), ("扫地机器人", 129900)],
        "claimants": 50,
    },
]
# A second record for 鑫达, as another advocate's import left it: the duplicates panel finds it.
DUPLICATE = {
    "display_name": "新达科技",
    "platforms": "快手",
    "status": "跑路",
    "names": [("shop_name", "新达科技", "快手")],
    "ids": [("phone", "+86 139 2345 6781", "")],
}


def _id_number(rng: random.Random) -> str:
    birth = date(1960, 1, 1) + timedelta(days=rng.randrange(0, 365 * 45))
    body = rng.choice(REGIONS) + birth.strftime("%Y%m%d") + f"{rng.randrange(1000):03d}"
    return body + ric.calc_check_digit(body + "0")


def load_demo(ctx: Context) -> bool:
    """Fill the database once. Returns False when the demo is already there."""
    rng = random.Random(20240315)
    require(ctx, "admin", "载入演示数据")
    with transaction(ctx.engine) as s:
        if s.exec(select(Merchant).where(Merchant.notes == DEMO_TAG)).first():
            return False
        start = datetime(2024, 3, 1, 9, 0, tzinfo=timezone.utc)
        used_ids: set[str] = set()
        merchant_cases: list[tuple[Merchant, list[Case]]] = []
        order_seq = 0
        for spec in MERCHANTS:
            m = Merchant(
                display_name=spec["display_name"],
                company_name=spec["company_name"],
                uscc=spec["uscc"],
                legal_rep=spec["legal_rep"],
                address=spec["address"],
                platforms=spec["platforms"],
                status=spec["status"],
                notes=DEMO_TAG,
            )
            s.add(m)
            s.flush()
            _identifiers(s, m, spec)
            cases: list[Case] = []
            for _ in range(spec["claimants"]):
                number = _id_number(rng)
                while number in used_ids:
                    number = _id_number(rng)
                used_ids.add(number)
                city = rng.randrange(len(CITIES))
                c = Claimant(
                    name=rng.choice(SURNAMES)
                    + rng.choice(GIVEN)
                    + (rng.choice(GIVEN) if rng.random() < 0.6 else ""),
                    id_number=number,
                    phone=f"1{rng.choice('3578')}{rng.randrange(10**9):09d}",
                    address=f"{CITIES[city]}某路 {rng.randrange(1, 300)} 号",
                    notes=DEMO_TAG,
                    consent_date=date(2024, 5, 1) + timedelta(days=rng.randrange(60))
                    if rng.random() < 0.8
                    else None,
                )
                s.add(c)
                s.flush()
                problems = rng.sample(PROBLEM_TYPES[:5], k=rng.randint(1, 3))
                status = rng.choices(CASE_STATUSES, weights=(20, 30, 25, 10, 5, 6, 4))[0]
                case = Case(
                    claimant_id=c.id,
                    merchant_id=m.id,
                    status=status,
                    problem_types=problems,
                    demands=["退款", "停止扣款"] + (["三倍赔偿"] if "虚假宣传" in problems else []),
                    description="直播间宣传与实物严重不符，收货后联系客服无人回应，店铺已无法访问。",
                    created_at=start + timedelta(days=rng.randrange(120), hours=rng.randrange(10)),
                )
                s.add(case)
                s.flush()
                for _ in range(1 if rng.random() < 0.8 else 2):
                    product, price = rng.choice(spec["products"])
                    order_seq += 1
                    s.add(
                        Order(
                            case_id=case.id,
                            platform=spec["platforms"],
                            order_no=f"{2403000000000000 + order_seq * 7919}",
                            product=product,
                            order_date=date(2024, 1, 5) + timedelta(days=rng.randrange(150)),
                            amount_fen=price,
                            payment_method="先用后付" if rng.random() < 0.9 else "其他",
                            debit_status=rng.choices(DEBIT_STATUSES, weights=(25, 50, 20, 5))[0],
                        )
                    )
                s.add(
                    CaseEvent(
                        case_id=case.id, at=case.created_at, kind="note", text="已收到投诉人提交的材料。"
                    )
                )
                if status not in ("新建", "材料收集"):
                    s.add(
                        ChannelRef(
                            case_id=case.id,
                            channel="12315",
                            ref_no=f"1{rng.randrange(10**14):014d}",
                            filed_on=date(2024, 6, 1) + timedelta(days=rng.randrange(30)),
                        )
                    )
                    s.add(CaseEvent(case_id=case.id, kind="filed", text="已通过 12315 平台提交投诉。"))
                for kind in rng.sample(
                    ("订单截图", "扣款记录", "聊天记录", "物流记录", "商品照片", "宣传截图"),
                    k=rng.randint(2, 6),
                ):
                    content = f"{kind}（演示）案件 {case.id} 投诉人 {c.name}".encode()
                    sha, stored = put_bytes(ctx, s, content, "demo.txt")
                    s.add(
                        Evidence(
                            case_id=case.id,
                            kind=kind,
                            description=f"{kind}（演示）",
                            sha256=sha,
                            stored_name=stored,
                            original_name=f"{kind}.txt",
                            size=len(content),
                            proves=_PROVES[kind],
                            collected_on=date(2024, 6, 10),
                        )
                    )
                cases.append(case)
            merchant_cases.append((m, cases))
        dup = Merchant(
            display_name=DUPLICATE["display_name"],
            platforms=DUPLICATE["platforms"],
            status=DUPLICATE["status"],
            notes=DEMO_TAG,
        )
        s.add(dup)
        s.flush()
        _identifiers(s, dup, DUPLICATE)
        for (m, cases), (status, recipient) in zip(
            merchant_cases, (("已受理", "samr"), ("已提交", "cca"), ("草稿", "platform"))
        ):
            f = Filing(
                merchant_id=m.id,
                recipient=recipient,
                status=status,
                title=f"关于{m.display_name}的集体投诉",
                representative_ids=[cases[0].claimant_id, cases[1].claimant_id],
            )
            s.add(f)
            s.flush()
            for case in cases:
                s.add(FilingCase(filing_id=f.id, case_id=case.id))
        s.flush()
        search.reindex(s)
        audit.record(s, ctx.user, "demo", None, "load", after={"merchants": len(MERCHANTS) + 1})
    return True


_PROVES = {
    "订单截图": "证明投诉人与被投诉人之间存在买卖合同关系及订单金额",
    "扣款记录": "证明先用后付款项已被扣除或正在催收",
    "聊天记录": "证明投诉人曾联系商家，商家未予处理",
    "物流记录": "证明商品发货、签收情况",
    "商品照片": "证明商品与宣传不符、存在质量问题",
    "宣传截图": "证明商家在直播间/商品页作虚假宣传",
}


def _identifiers(s, m: Merchant, spec: dict) -> None:  # type: ignore[no-untyped-def,type-arg]
    from ..domain.ids import normalize_uscc, parse_phone
    from ..domain.names import clean_name

    for kind, raw, platform in spec["names"]:
        s.add(
            MerchantIdentifier(
                merchant_id=m.id,
                kind=kind,
                raw=raw,
                normalized=clean_name(raw),
                platform=platform,
                source="演示数据",
            )
        )
    for kind, raw, platform in spec["ids"]:
        norm = {"phone": parse_phone, "uscc": normalize_uscc}.get(kind, lambda v: "".join(str(v).split()))(
            raw
        )
        s.add(
            MerchantIdentifier(
                merchant_id=m.id, kind=kind, raw=raw, normalized=norm, platform=platform, source="演示数据"
            )
        )
