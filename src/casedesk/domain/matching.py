"""Which merchant records are one merchant: strong keys, then names with context, no blind chaining.

1. Strong keys (a valid USCC, a phone number, a shop ID on the same platform, the identical
   cleaned name) join records directly, unless the two groups already contradict each other
   (different USCC, phone or region).
2. Groups are then compared by name: the 字号 (exact, homophone, or one typo away), with the
   industry words, region and shop type as supporting or contradicting evidence. Links are applied
   best first, each one re-checked against the whole groups it would join, and a group that could
   join two groups which contradict each other joins neither: one weak bridge never merges two
   strong groups.
Every link records its confidence and a readable reason.
"""

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from rapidfuzz.distance import Levenshtein

from .errors import InvalidValue
from .ids import is_valid_uscc, normalize_uscc, parse_phone
from .names import ParsedName, parse_name, pinyin_key
from .regions import regions_compatible
from .text import nfkc
from .vocab import normalize_platform

# Industry words so common that sharing one says little (weight in the context score).
COMMON_INDUSTRY = {"科技", "商贸", "贸易", "电子商务", "网络科技", "实业", "百货", "日用品", "信息科技"}
AUTO_LINK = 0.80  # a name link at or above this confidence is applied


@dataclass
class MerchantRecord:
    id: str
    name: str
    shop_id: str = ""
    uscc: str = ""
    phone: str = ""
    platform: str = ""
    group: str = ""  # records with the same group are already known to be one merchant


@dataclass
class Match:
    id: str
    cluster: str
    confidence: float
    reason: str


@dataclass
class _Rec:
    id: str
    index: int
    parsed: ParsedName
    platform: str
    uscc: str
    phone: str
    shop_id: str
    group: str

    @property
    def is_shop(self) -> bool:
        return bool(self.parsed.shop_type)


@dataclass
class _Group:
    """What a group of records says about its merchant; used to refuse contradictory joins."""

    members: list[int]
    usccs: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)
    regions: set[frozenset[str]] = field(default_factory=set)
    region_names: set[str] = field(default_factory=set)
    industries: set[tuple[str, ...]] = field(default_factory=set)  # by pinyin
    industry_names: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    shops: set[tuple[tuple[str, ...], str]] = field(default_factory=set)
    cores: set[str] = field(default_factory=set)
    tags: set[str] = field(default_factory=set)
    cannot: frozenset[frozenset[str]] = frozenset()

    def add(self, rec: _Rec) -> None:
        p = rec.parsed
        if rec.group:
            self.tags.add(rec.group)
        if rec.uscc:
            self.usccs.add(rec.uscc)
        if rec.phone:
            self.phones.add(rec.phone)
        if p.region_codes:
            self.regions.add(p.region_codes)
            self.region_names.add(p.region)
        if rec.is_shop and not p.repaired:
            self.shops.add((p.industry, p.shop_type))
        elif p.industry:
            # compared by sound: 家居 typed 家据 was read as 家具, the same words to a listener
            key = tuple(pinyin_key(w) for w in p.industry)
            self.industries.add(key)
            self.industry_names.setdefault(key, p.industry)
        if p.core:
            self.cores.add(p.core)

    def absorb(self, other: "_Group") -> None:
        self.members.extend(other.members)
        self.usccs |= other.usccs
        self.phones |= other.phones
        self.regions |= other.regions
        self.region_names |= other.region_names
        self.industries |= other.industries
        for key, words in other.industry_names.items():
            self.industry_names.setdefault(key, words)
        self.shops |= other.shops
        self.cores |= other.cores
        self.tags |= other.tags


def conflict(a: _Group, b: _Group) -> str | None:
    """Why two groups cannot be one merchant, or None."""
    if a.cannot and any(frozenset((x, y)) in a.cannot for x in a.tags for y in b.tags):
        return "已确认不是同一商家"
    if a.usccs and b.usccs and not (a.usccs & b.usccs):
        return "统一社会信用代码不同"
    if a.phones and b.phones and not (a.phones & b.phones):
        return "电话不同"
    for ra in a.regions:
        for rb in b.regions:
            if not regions_compatible(ra, rb):
                return f"地区不同（{'/'.join(sorted(a.region_names))} ≠ {'/'.join(sorted(b.region_names))}）"
    if a.industries and b.industries and not (a.industries & b.industries):
        return "公司行业不同"
    return None


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x


def _digits(value: object) -> str:
    return re.sub(r"\D", "", nfkc(value))


def _prepare(records: Iterable[MerchantRecord]) -> list[_Rec]:
    out = []
    for i, r in enumerate(records):
        uscc = normalize_uscc(r.uscc) if r.uscc else ""
        if uscc and not is_valid_uscc(uscc):
            uscc = ""  # a code that fails its check is kept on the record, but links nothing
        try:
            phone = parse_phone(r.phone) if nfkc(r.phone) else ""
        except InvalidValue:
            phone = ""
        out.append(
            _Rec(
                id=r.id,
                index=i,
                parsed=parse_name(nfkc(r.name)),
                platform=normalize_platform(r.platform),
                uscc=uscc,
                phone=phone,
                shop_id=_digits(r.shop_id) if r.shop_id else "",
                group=r.group,
            )
        )
    _repair_cores(out)
    return out


def _repair_cores(recs: list[_Rec]) -> None:
    """A 字号 seen only once that is a known 字号 plus one or two stray characters is taken as a typo
    in the words around it: 丰晟因居 (家居 mistyped) → 丰晟, 似诚博 (市 mistyped) → 诚博. The repaired
    record keeps no industry or shop category, so it neither gains nor loses from them."""
    counts = Counter(r.parsed.core for r in recs if r.parsed.core)
    for r in recs:
        core = r.parsed.core
        if len(core) < 3 or counts[core] != 1:
            continue
        options = {core[:-k] for k in (1, 2)} | {core[1:], core[1:-1], core[1:-2], core[2:]}
        known = {c for c in options if len(c) >= 2 and counts[c] >= 2}
        if len(known) == 1:
            fixed = known.pop()
            r.parsed = replace(r.parsed, core=fixed, pinyin=pinyin_key(fixed), industry=(), repaired=True)


def name_link(a: _Rec, b: _Rec, ga: _Group, gb: _Group) -> tuple[float, str] | None:
    """Confidence and reason that two records name the same merchant, from the names and context."""
    pa, pb = a.parsed, b.parsed
    if not pa.core or not pb.core:
        return None
    if pa.core == pb.core:
        base, why = 0.86, f"字号「{pa.core}」相同"
    elif pa.pinyin == pb.pinyin:
        base, why = 0.76, f"字号「{pa.core}」与「{pb.core}」同音"
    else:
        dist = Levenshtein.distance(pa.core, pb.core)
        longest = max(len(pa.core), len(pb.core))
        if dist != 1:
            return None
        base = 0.70 if longest >= 3 else 0.55
        why = f"字号「{pa.core}」与「{pb.core}」相差一字"
    score = base
    reasons = [f"{why}(+{base:.2f})"]
    if ga.industries & gb.industries:
        words = sorted({w for t in ga.industries & gb.industries for w in ga.industry_names[t]})
        weight = 0.06 if set(words) <= COMMON_INDUSTRY else 0.08
        score += weight
        reasons.append(f"行业「{'、'.join(words)}」一致(+{weight:.2f})")
    if ga.regions and gb.regions:
        score += 0.06
        reasons.append(f"地区「{'/'.join(sorted(ga.region_names))}」一致(+0.06)")
    if ga.shops and gb.shops:
        if ga.shops & gb.shops:
            score += 0.08
            reasons.append("店铺名相同(+0.08)")
        else:
            score -= 0.07
            reasons.append("店铺类目不同(−0.07)")
    return min(score, 0.99), "；".join(reasons)


def match_records(records: Iterable[MerchantRecord], not_same: Iterable[tuple[str, str]] = ()) -> list[Match]:
    """Cluster the records. `not_same` holds pairs of groups an advocate said are different."""
    recs = _prepare(records)
    n = len(recs)
    uf = _UnionFind(n)
    cannot = frozenset(frozenset(p) for p in not_same)
    groups: dict[int, _Group] = {}
    for r in recs:
        g = _Group([r.index], cannot=cannot)
        g.add(r)
        groups[r.index] = g
    link_conf = [1.0] * n
    link_reason = ["未发现重复"] * n

    def union(i: int, j: int, confidence: float, reason: str, force: bool = False) -> bool:
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj:
            return True
        if not force and conflict(groups[ri], groups[rj]):
            return False
        if len(groups[ri].members) < len(groups[rj].members):
            ri, rj, i, j = rj, ri, j, i
        uf.parent[rj] = ri
        groups[ri].absorb(groups.pop(rj))
        if force:
            return True
        for k in (i, j):
            if link_reason[k] == "未发现重复" or link_conf[k] < confidence:
                link_conf[k], link_reason[k] = confidence, reason
        return True

    # 1. what is already known, then strong keys
    known: dict[str, list[int]] = defaultdict(list)
    for r in recs:
        if r.group:
            known[r.group].append(r.index)
    for members in known.values():
        for other in members[1:]:
            union(members[0], other, 1.0, "同一商家记录", force=True)
    keys: dict[tuple[str, str], list[int]] = defaultdict(list)
    for r in recs:
        if r.uscc:
            keys[("统一社会信用代码", r.uscc)].append(r.index)
        if r.phone:
            keys[("电话", r.phone)].append(r.index)
        if r.shop_id:
            keys[("店铺ID", f"{r.platform}:{r.shop_id}")].append(r.index)
        if len(r.parsed.normalized) >= 4:
            keys[("名称", r.parsed.normalized)].append(r.index)
    for (kind, value), members in keys.items():
        shown = value.split(":", 1)[-1]
        for other in members[1:]:
            union(members[0], other, 0.99 if kind != "名称" else 0.95, f"{kind}「{shown}」相同")
    # a shop ID seen on another platform joins when the names agree too
    by_shop_id: dict[str, list[int]] = defaultdict(list)
    for r in recs:
        if r.shop_id:
            by_shop_id[r.shop_id].append(r.index)
    for members in by_shop_id.values():
        for other in members[1:]:
            a, b = recs[members[0]], recs[other]
            if a.parsed.core and (a.parsed.core == b.parsed.core or a.parsed.pinyin == b.parsed.pinyin):
                union(a.index, b.index, 0.97, f"店铺ID「{a.shop_id}」相同且字号一致")

    # 2. name links between groups, best first, in rounds so each round sees the groups grown
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for r in recs:
        p = r.parsed
        if not p.core:
            continue
        blocks[("core", p.core)].append(r.index)
        blocks[("py", p.pinyin)].append(r.index)
        context = p.industry + (p.shop_type,)
        for k in range(len(p.core)):  # one-typo neighbours that share the industry/shop words
            blocks[("del", p.core[:k] + p.core[k + 1 :], *context)].append(r.index)
    block_list = [m for m in blocks.values() if len(m) > 1]
    for _round in range(6):
        changed = _link_round(recs, block_list, uf, groups, union)
        if not changed:
            break
        # the next round only needs the blocks where a group grew
        block_list = [m for m in block_list if any(uf.find(i) in changed for i in m)]
    clusters: dict[int, str] = {}
    out = []
    for r in recs:
        root = uf.find(r.index)
        if root not in clusters:
            clusters[root] = f"C{len(clusters) + 1:05d}"
        out.append(Match(r.id, clusters[root], link_conf[r.index], link_reason[r.index]))
    return out


def _link_round(recs, block_list, uf, groups, union) -> set[int]:  # type: ignore[no-untyped-def]
    """Score every pair of groups that share a block; apply the unambiguous links.
    Returns the roots of the groups that grew."""
    candidates: dict[tuple[int, int], tuple[float, str, int, int]] = {}
    for members in block_list:
        reps: dict[int, list[int]] = defaultdict(list)
        seen_cores: set[tuple[int, str]] = set()
        for m in members:
            root = uf.find(m)
            key = (root, recs[m].parsed.core)
            if key not in seen_cores:  # a name link depends on the core alone: one record per core
                seen_cores.add(key)
                reps[root].append(m)
        roots = sorted(reps)
        if len(roots) < 2 or len(roots) > 400:
            continue
        for x in range(len(roots)):
            for y in range(x + 1, len(roots)):
                key = (roots[x], roots[y])
                ga, gb = groups[roots[x]], groups[roots[y]]
                if conflict(ga, gb):
                    continue
                best = candidates.get(key)
                for i in reps[roots[x]][:4]:
                    for j in reps[roots[y]][:4]:
                        link = name_link(recs[i], recs[j], ga, gb)
                        if link and (best is None or link[0] > best[0]):
                            best = (link[0], link[1], i, j)
                if best:
                    candidates[key] = best
    by_group: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (x, y), (score, _, _, _) in candidates.items():
        by_group[x].append((score, y))
        by_group[y].append((score, x))
    changed: set[int] = set()
    for (x, y), (score, reason, i, j) in sorted(candidates.items(), key=lambda kv: -kv[1][0]):
        if score < AUTO_LINK:
            break
        rx, ry = uf.find(x), uf.find(y)
        if rx == ry or conflict(groups[rx], groups[ry]):
            continue
        if _ambiguous(x, ry, score, by_group, uf, groups) or _ambiguous(y, rx, score, by_group, uf, groups):
            continue
        union(i, j, round(score, 2), reason)
        changed.add(uf.find(i))
    return {uf.find(r) for r in changed}


def _ambiguous(
    x: int,
    target_root: int,
    score: float,
    by_group: dict[int, list[tuple[float, int]]],
    uf: _UnionFind,
    groups: dict[int, _Group],
) -> bool:
    """True when group x could equally join another group that contradicts the target."""
    target = groups[target_root]
    for other_score, other in by_group.get(x, ()):
        root = uf.find(other)
        if root == target_root or root == uf.find(x) or other_score < score - 0.05:
            continue
        if conflict(groups[root], target):
            return True
    return False
