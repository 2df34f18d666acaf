"""Builders turn case data and a template into the document model. Money stays in fen; every
total and its 大写 come from the same integer."""

from collections import Counter
from datetime import date

from ..domain.masking import mask_id_number, mask_phone
from ..domain.money import amount_in_words, format_fen
from .data import CaseData, EvidenceLine, MerchantData, Organisation, Person
from .model import Document, Heading, PageBreak, Paragraph, Signature, Table, Title
from .templates import DocTemplate

FRAUD_MINIMUM_FEN = 50_000  # 消法 Art. 55: at least ¥500
CN_NUMBERS = "一二三四五六七八九十"
EVIDENCE_SOURCE = {
    "订单截图": "{platform}App 订单详情页截图",
    "扣款记录": "支付平台（微信/支付宝/银行）扣款记录",
    "聊天记录": "{platform}App 客服聊天记录截图",
    "物流记录": "快递物流查询记录",
    "商品照片": "投诉人拍摄的商品照片",
    "宣传截图": "直播间/商品详情页截图",
    "录屏": "投诉人录制的屏幕录像",
    "其他": "投诉人提供",
}


def _yuan(fen: int) -> str:
    return format_fen(fen)


def _words(fen: int) -> str:
    return "人民币" + amount_in_words(fen)


def _date_text(d: date | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else "____年__月__日"


def refund_fen(case: CaseData) -> int:
    """Paid or debited (status unknown counts as paid): to be refunded."""
    return sum(o.amount_fen for o in case.orders if o.debit_status in (None, "已扣款"))


def stop_fen(case: CaseData) -> int:
    """先用后付 amounts not yet debited or being dunned: the debit must stop."""
    return sum(
        o.amount_fen
        for o in case.orders
        if o.payment_method == "先用后付" and o.debit_status in ("未扣款", "催收中")
    )


def damages_fen(case: CaseData) -> int:
    price = sum(o.amount_fen for o in case.orders if o.debit_status != "已退款")
    return max(3 * price, FRAUD_MINIMUM_FEN) if case.fraud_claimed else 0


def _new_document(t: DocTemplate, doc_type: str, subject: str, case_ids: list[int]) -> Document:
    """A document that records the template and version it came from and the cases it covers."""
    return Document(
        doc_type=doc_type,
        title=f"{t.title}（{subject}）",
        template=t.name,
        template_version=t.version,
        case_ids=case_ids,
    )


def _numbered(items: list[str]) -> list[Paragraph]:
    return [Paragraph(f"{i}. {text}") for i, text in enumerate(items, start=1)]


def _section(n: int, text: str) -> Heading:
    return Heading(f"{CN_NUMBERS[n - 1]}、{text}")


def _date_range(cases: list[CaseData]) -> tuple[date | None, date | None]:
    dates = [o.order_date for c in cases for o in c.orders if o.order_date]
    return (min(dates), max(dates)) if dates else (None, None)


def _person_line(p: Person, full: bool) -> str:
    id_text = (p.id_number if full else mask_id_number(p.id_number)) or "（未提供）"
    phone = p.phone or "（未提供）"
    return f"{p.name}，身份证号码：{id_text}，联系电话：{phone}，住址：{p.address or '（未提供）'}"


def _respondent_lines(m: MerchantData) -> list[str]:
    lines = [f"名称：{m.legal_name}"]
    lines.append(f"统一社会信用代码：{m.uscc or '不详'}")
    lines.append(f"住所：{m.address or '不详'}")
    if m.legal_rep:
        lines.append(f"法定代表人：{m.legal_rep}")
    lines.append(f"经营平台：{'、'.join(m.platforms) or '不详'}")
    lines.append(f"店铺名称（含曾用名及投诉人所述名称）：{'、'.join(m.shop_names) or m.display_name}")
    if m.shop_ids:
        lines.append(f"店铺ID：{'、'.join(m.shop_ids)}")
    if m.phones:
        lines.append(f"客服电话：{'、'.join(m.phones)}")
    return lines


def roster_table(cases: list[CaseData], full: bool = False) -> Table:
    """One row per claimant (their orders joined), a totals row, money exact in fen."""
    by_claimant: dict[int, list[CaseData]] = {}
    for c in cases:
        by_claimant.setdefault(c.claimant.id, []).append(c)
    rows = []
    total = 0
    orders = 0
    for i, group in enumerate(by_claimant.values(), start=1):
        p = group[0].claimant
        lines = [o for c in group for o in c.orders]
        amount = sum(o.amount_fen for o in lines)
        total += amount
        orders += len(lines)
        rows.append(
            [
                str(i),
                p.name,
                (p.id_number if full else mask_id_number(p.id_number)) or "",
                (p.phone if full else mask_phone(p.phone)) or "",
                "\n".join(o.order_no or "（无）" for o in lines),
                "\n".join(o.order_date.isoformat() if o.order_date else "" for o in lines),
                _yuan(amount),
                "\n".join(o.debit_status or "不详" for o in lines),
                "",
            ]
        )
    return Table(
        headers=["序号", "姓名", "身份证号", "电话", "订单号", "下单日期", "金额（元）", "扣款状态", "签名"],
        rows=rows,
        widths=[4, 7, 17, 11, 17, 11, 10, 9, 8],
        total=["合计", f"{len(rows)} 人", "", "", f"{orders} 单", "", _yuan(total), "", ""],
        font_size=8,
    )


def _totals(cases: list[CaseData]) -> dict[str, object]:
    total = sum(c.amount_fen for c in cases)
    first, last = _date_range(cases)
    return {
        "victims": len({c.claimant.id for c in cases}),
        "orders": sum(len(c.orders) for c in cases),
        "total": _yuan(total),
        "total_words": _words(total),
        "date_from": _date_text(first),
        "date_to": _date_text(last),
    }


def evidence_table(items: list[EvidenceLine], platform: str) -> Table:
    """序号 grouped by kind (1-1, 1-2, 2-1 …), source, purpose, page, SHA-256."""
    kinds: list[str] = []
    for e in items:
        if e.kind not in kinds:
            kinds.append(e.kind)
    rows = []
    counters: Counter[str] = Counter()
    for page, e in enumerate(sorted(items, key=lambda e: kinds.index(e.kind)), start=1):
        counters[e.kind] += 1
        number = f"{kinds.index(e.kind) + 1}-{counters[e.kind]}"
        source = EVIDENCE_SOURCE.get(e.kind, "投诉人提供").format(platform=platform or "平台")
        rows.append([number, f"{e.kind}：{e.description}", source, e.proves or "", str(page), e.sha256])
    return Table(
        headers=["序号", "证据名称", "证据来源", "证明目的", "页码", "SHA-256"],
        rows=rows,
        widths=[6, 18, 16, 22, 5, 21],
        font_size=8,
    )


def evidence_summary_table(cases: list[CaseData], platform: str) -> Table:
    """For a joint complaint: one line per kind of evidence, with how many claimants hold it."""
    holders: dict[str, set[int]] = {}
    proves: dict[str, str] = {}
    for c in cases:
        for e in c.evidence:
            holders.setdefault(e.kind, set()).add(c.claimant.id)
            proves.setdefault(e.kind, e.proves)
    rows = []
    for i, (kind, who) in enumerate(sorted(holders.items(), key=lambda kv: -len(kv[1])), start=1):
        source = EVIDENCE_SOURCE.get(kind, "投诉人提供").format(platform=platform or "平台")
        rows.append([str(i), kind, f"{source}（{len(who)} 名投诉人提供）", proves.get(kind, ""), "见附件"])
    return Table(
        headers=["序号", "证据名称", "证据来源", "证明目的", "页码"],
        rows=rows,
        widths=[6, 14, 30, 36, 10],
        font_size=10,
    )


def group_complaint(
    t: DocTemplate,
    merchant: MerchantData,
    cases: list[CaseData],
    representatives: list[Person],
    to: str,
    org: Organisation,
    full: bool = False,
    today: date | None = None,
) -> Document:
    platform = merchant.platforms[0] if merchant.platforms else "短视频"
    recipient = t.recipients.get(to, to)
    recipient = recipient.replace("${platform}", platform)
    values = _totals(cases)
    values.update(
        platform=platform,
        shop_names="、".join(merchant.shop_names or [merchant.display_name]),
        rep_count=len(representatives),
    )
    refund = sum(refund_fen(c) for c in cases)
    stop = sum(stop_fen(c) for c in cases)
    fraud_cases = [c for c in cases if c.fraud_claimed]
    damages = sum(damages_fen(c) for c in fraud_cases)
    problems = Counter(p for c in cases for p in set(c.problem_types))
    values["problem_summary"] = (
        "、".join(f"{k}（{v} 人）" for k, v in problems.most_common()) or "商品与宣传不符"
    )
    doc = _new_document(t, "group_complaint", merchant.legal_name, [c.id for c in cases])
    doc.add(Title(t.title, subtitle=f"致：{recipient}"))
    n = 1
    doc.add(_section(n, "投诉人及代表人"), Paragraph(t.fill("representatives_intro", **values)))
    for i, rep in enumerate(representatives, start=1):
        # representatives are contacted by the authority: their phone is shown in full
        id_text = mask_id_number(rep.id_number) if not full else rep.id_number
        doc.add(
            Paragraph(
                f"代表人{i}：{rep.name}，身份证号码：{id_text or '（未提供）'}，联系电话：{rep.phone or '（未提供）'}，"
                f"住址：{rep.address or '（未提供）'}",
                indent=True,
            )
        )
    if org.advocate:
        doc.add(Paragraph(f"协助人：{org.advocate}（{org.name}），联系电话：{org.phone}"))
    n += 1
    doc.add(_section(n, t.fill("respondent_heading")))
    for line in _respondent_lines(merchant):
        doc.add(Paragraph(line))
    n += 1
    requests = []
    if refund:
        requests.append(t.fill("request_refund", refund=_yuan(refund), refund_words=_words(refund)))
    if stop:
        requests.append(t.fill("request_stop", stop=_yuan(stop), stop_words=_words(stop)))
    if damages:
        requests.append(
            t.fill(
                "request_damages",
                damages=_yuan(damages),
                damages_words=_words(damages),
                fraud_victims=len({c.claimant.id for c in fraud_cases}),
            )
        )
    if to == "platform":
        requests.append(t.fill("request_platform_identity"))
        requests.append(t.fill("request_platform_advance"))
    else:
        requests.append(t.fill("request_investigate"))
    doc.add(_section(n, t.fill("requests_heading")), *_numbered(requests))
    n += 1
    doc.add(
        _section(n, t.fill("facts_heading")),
        Paragraph(t.fill("facts", **values)),
        Paragraph(t.fill("facts_2", **values)),
    )
    n += 1
    doc.add(_section(n, t.fill("legal_heading")), *[Paragraph(x) for x in t.lines("legal_basis")])
    n += 1
    doc.add(_section(n, t.fill("evidence_heading")), evidence_summary_table(cases, platform))
    doc.add(Paragraph(t.fill("closing", **values)))
    rep_names = "、".join(r.name for r in representatives)
    doc.add(
        Signature(
            t.fill("salutation"),
            recipient,
            [t.fill("sign_line", rep_names=rep_names)]
            + (
                [t.fill("contact_line", advocate=org.advocate, advocate_phone=org.phone)]
                if org.advocate
                else []
            ),
            _date_text(today or date.today()),
        )
    )
    doc.add(
        PageBreak(),
        Heading(t.fill("roster_title")),
        roster_table(cases, full=full),
        Paragraph(t.fill("roster_total", **values), indent=False),
    )
    if not full:
        doc.add(Paragraph(t.fill("privacy_note"), indent=False))
    return doc


def roster(t: DocTemplate, merchant: MerchantData, cases: list[CaseData], full: bool = False) -> Document:
    values = _totals(cases)
    doc = _new_document(t, "roster", merchant.legal_name, [c.id for c in cases])
    doc.add(
        Title(t.title),
        Paragraph(t.fill("subject", merchant=merchant.legal_name), indent=False),
        roster_table(cases, full=full),
        Paragraph(t.fill("total", **values), indent=False),
    )
    if not full:
        doc.add(Paragraph(t.fill("privacy_note"), indent=False))
    return doc


def _sex_and_age(id_number: str | None, today: date) -> tuple[str, str]:
    if not id_number or len(id_number) != 18:
        return "____", "____"
    sex = "男" if int(id_number[16]) % 2 else "女"
    born = date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    return sex, f"{born.year}年{born.month}月{born.day}日出生，{age} 岁"


def arbitration(
    t: DocTemplate,
    merchant: MerchantData,
    case: CaseData,
    commission: str,
    today: date | None = None,
) -> Document:
    today = today or date.today()
    p = case.claimant
    platform = (case.orders[0].platform if case.orders else "") or (
        merchant.platforms[0] if merchant.platforms else ""
    )
    refund, stop, damages = refund_fen(case), stop_fen(case), damages_fen(case)
    first, _ = _date_range([case])
    values = {
        "date_from": _date_text(first),
        "platform": platform,
        "shop_names": "、".join(merchant.shop_names or [merchant.display_name]),
        "order_nos": "、".join(o.order_no or "（无）" for o in case.orders),
        "total": _yuan(case.amount_fen),
        "total_words": _words(case.amount_fen),
        "payment": "、".join(sorted({o.payment_method for o in case.orders})) or "先用后付",
        "problems": "、".join(case.problem_types) or "商品与宣传不符",
    }
    doc = _new_document(t, "arbitration", p.name, [case.id])
    sex, age = _sex_and_age(p.id_number, today)
    doc.add(Title(t.title))
    # the applicant's own application: full ID number and phone are needed here
    doc.add(
        Heading(f"{t.fill('applicant_heading')}："),
        Paragraph(
            f"{p.name}，{sex}，{age}，民族：____，职业：____，工作单位：____，"
            f"身份证号码：{p.id_number or '____'}，住址：{p.address or '____'}，联系电话：{p.phone or '____'}。"
        ),
    )
    doc.add(
        Heading(f"{t.fill('respondent_heading')}："),
        Paragraph(
            f"{merchant.legal_name}，住所：{merchant.address or '不详'}，"
            f"法定代表人：{merchant.legal_rep or '不详'}，统一社会信用代码：{merchant.uscc or '不详'}，"
            f"店铺：{'、'.join(merchant.shop_names or [merchant.display_name])}。"
        ),
    )
    requests = []
    if refund:
        requests.append(t.fill("request_refund", refund=_yuan(refund), refund_words=_words(refund)))
    if stop:
        requests.append(t.fill("request_stop", stop=_yuan(stop)))
    if damages:
        requests.append(t.fill("request_damages", damages=_yuan(damages), damages_words=_words(damages)))
    requests.append(t.fill("request_costs"))
    doc.add(Heading(t.fill("requests_heading")), *_numbered(requests))
    doc.add(
        Heading(t.fill("facts_heading")), Paragraph(t.fill("facts", **values)), Paragraph(t.fill("facts_2"))
    )
    doc.add(Heading(t.fill("evidence_heading")))
    if case.evidence:
        doc.add(evidence_table(case.evidence, platform))
    else:
        doc.add(Paragraph("（证据材料另行提交）"))
    doc.add(Paragraph(t.fill("witness")))
    doc.add(Signature(t.fill("salutation"), commission, [t.fill("sign_line")], _date_text(today)))
    doc.add(Paragraph(t.fill("attachments", copies=3, evidence_count=len(case.evidence)), indent=False))
    return doc


def power_of_attorney(
    t: DocTemplate,
    merchant: MerchantData,
    cases: list[CaseData],
    org: Organisation,
    today: date | None = None,
) -> Document:
    """One page per claimant: the claimant's own document, with their full identity."""
    doc = _new_document(t, "power_of_attorney", merchant.legal_name, [c.id for c in cases])
    seen: set[int] = set()
    platform = merchant.platforms[0] if merchant.platforms else "短视频"
    for c in cases:
        if c.claimant.id in seen:
            continue
        if seen:
            doc.add(PageBreak())
        seen.add(c.claimant.id)
        p = c.claimant
        doc.add(Title(t.title))
        doc.add(
            Paragraph(
                t.fill(
                    "principal",
                    name=p.name,
                    id_number=p.id_number or "____",
                    phone=p.phone or "____",
                    address=p.address or "____",
                ),
                indent=False,
            )
        )
        doc.add(
            Paragraph(
                t.fill(
                    "agent",
                    advocate=org.advocate or "____",
                    organisation=org.name or "____",
                    advocate_phone=org.phone or "____",
                ),
                indent=False,
            )
        )
        for key in ("matter", "powers", "term"):
            doc.add(Paragraph(t.fill(key, merchant=merchant.legal_name, platform=platform)))
        doc.add(
            Signature(
                "", "", [t.fill("sign_principal"), t.fill("sign_agent")], _date_text(today or date.today())
            )
        )
    return doc


def representative_election(
    t: DocTemplate,
    merchant: MerchantData,
    cases: list[CaseData],
    representatives: list[Person],
    today: date | None = None,
) -> Document:
    platform = merchant.platforms[0] if merchant.platforms else "短视频"
    people: dict[int, Person] = {}
    for c in cases:
        people.setdefault(c.claimant.id, c.claimant)
    doc = _new_document(t, "representative_election", merchant.legal_name, [c.id for c in cases])
    doc.add(
        Title(t.title),
        Paragraph(
            t.fill(
                "body",
                platform=platform,
                merchant=merchant.legal_name,
                victims=len(people),
                rep_names="、".join(r.name for r in representatives),
            )
        ),
    )
    rows = [
        [str(i), p.name, mask_id_number(p.id_number), mask_phone(p.phone), ""]
        for i, p in enumerate(people.values(), start=1)
    ]
    doc.add(
        Table(
            headers=["序号", "姓名", "身份证号", "电话", "签名"],
            rows=rows,
            widths=[6, 12, 22, 16, 16],
            font_size=10,
            caption=t.fill("table_caption"),
        )
    )
    doc.add(Paragraph(_date_text(today or date.today()), align="right", indent=False))
    return doc


def evidence_list(
    t: DocTemplate,
    subject: str,
    submitter: str,
    items: list[EvidenceLine],
    platform: str,
    case_ids: list[int],
    today: date | None = None,
) -> Document:
    doc = _new_document(t, "evidence_list", subject, case_ids)
    doc.add(
        Title(t.title),
        Paragraph(t.fill("subject", subject=subject, submitter=submitter), indent=False),
        evidence_table(items, platform),
        Paragraph(t.fill("integrity_note")),
        Signature("", "", [t.fill("sign_line")], _date_text(today or date.today())),
    )
    return doc
