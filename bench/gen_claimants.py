"""Generate a claimant spreadsheet like the ones victims fill in (XLSX), with the usual mess:
text and real date cells, full-width digits, +86 phones, ¥ amounts, a few bad rows."""

import random
import sys
from datetime import datetime, timedelta

import openpyxl
from stdnum.cn import ric

HEADER = [
    "序号",
    "姓名",
    "手机号",
    "身份证号",
    "平台",
    "商家名称",
    "订单号",
    "下单日期",
    "金额",
    "支付方式",
    "问题类型",
    "备注",
]
SHOPS = [
    "鼎优服饰专营店",
    "达博食品小店",
    "福宏手机专营店",
    "富购家电旗舰店",
    "佳晟美妆优选店",
    "聚优数码旗舰店",
]


def _id(rng: random.Random) -> str:
    born = datetime(1960, 1, 1) + timedelta(days=rng.randrange(16000))
    body = (
        rng.choice(["110105", "440106", "310104", "510107"])
        + born.strftime("%Y%m%d")
        + f"{rng.randrange(1000):03d}"
    )
    return body + ric.calc_check_digit(body + "0")


def write(path: str, rows: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Sheet1")
    ws.append(HEADER)
    people = [
        (f"用户{i}", f"1{rng.choice('3578')}{rng.randrange(10**9):09d}", _id(rng))
        for i in range(max(1, rows * 4 // 5))
    ]
    for i in range(rows):
        name, phone, id_number = rng.choice(people)
        amount = rng.choice([99, 199, 299, "¥1,299.00", "２５９９", "399元"])
        date = rng.choice(["2024/3/5", "2024-03-05", "2024年3月5日", datetime(2024, 3, rng.randint(1, 28))])
        if rng.random() < 0.01:
            amount = "不记得了"
        ws.append(
            [
                i + 1,
                name,
                phone if rng.random() < 0.8 else f"+86 {phone[:3]} {phone[3:7]} {phone[7:]}",
                id_number,
                rng.choice(["快手", "快手小店"]),
                rng.choice(SHOPS),
                f"24{i:014d}",
                date,
                amount,
                "先用后付",
                "商家跑路",
                "收到货后发现与宣传不符",
            ]
        )
    wb.save(path)


if __name__ == "__main__":
    write(sys.argv[1], int(sys.argv[2]))
