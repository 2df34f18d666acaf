"""Merchant matching at 3,000 and 100,000 records: time, peak memory, pairwise precision/recall,
next to the exact-key baseline (records joined only on equal USCC, phone, shop ID or cleaned name).

    python bench/bench_matching.py [N ...]        (default: 3000 100000; targets: 3,000 < 2 s,
                                                   100,000 < 60 s and < 2 GB, on 2 cores)
Also scores the public sample when ../shared/data is beside the checkout.
"""

import csv
import json
import subprocess
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared" / "data"
sys.path.insert(0, str(HERE))


def pairwise(labels: dict[str, str]) -> set[tuple[str, str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for k, v in labels.items():
        groups[v].append(k)
    return {p for m in groups.values() for p in combinations(sorted(m), 2)}


def score(predicted: dict[str, str], truth: dict[str, str]) -> tuple[float, float]:
    p, t = pairwise(predicted), pairwise(truth)
    hit = len(p & t)
    return (hit / len(p) if p else 1.0), (hit / len(t) if t else 1.0)


def exact_keys(rows: list[dict[str, str]]) -> dict[str, str]:
    from casedesk.domain.ids import is_valid_uscc, normalize_uscc, parse_phone
    from casedesk.domain.names import clean_name

    parent = list(range(len(rows)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    seen: dict[tuple[str, str], int] = {}
    for i, r in enumerate(rows):
        keys = [("n", clean_name(r["name"]))]
        if r["uscc"] and is_valid_uscc(r["uscc"]):
            keys.append(("u", normalize_uscc(r["uscc"])))
        try:
            keys.append(("p", parse_phone(r["phone"])) if r["phone"] else ("", ""))
        except ValueError:
            pass
        if r["shop_id"]:
            keys.append(("s", r["shop_id"].strip()))
        for k in keys:
            if k[0] and k[1]:
                if k in seen:
                    parent[find(i)] = find(seen[k])
                else:
                    seen[k] = i
    return {r["id"]: str(find(i)) for i, r in enumerate(rows)}


def _child(n: int) -> None:
    import resource

    from gen_merchants import generate

    from casedesk.domain.matching import MerchantRecord, match_records

    rows = generate(n, seed=11)
    start = time.perf_counter()
    result = match_records(
        [MerchantRecord(r["id"], r["name"], r["shop_id"], r["uscc"], r["phone"], r["platform"]) for r in rows]
    )
    took = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    truth = {r["id"]: r["entity"] for r in rows}
    precision, recall = score({m.id: m.cluster for m in result}, truth)
    bp, br = score(exact_keys(rows), truth)
    print(
        json.dumps(
            {
                "n": n,
                "seconds": took,
                "peak_mb": peak,
                "precision": precision,
                "recall": recall,
                "baseline_precision": bp,
                "baseline_recall": br,
            }
        )
    )


def _sample() -> None:
    from casedesk.domain.matching import MerchantRecord, match_records

    rows = list(csv.DictReader((SHARED / "sample_merchants.csv").open(encoding="utf-8")))
    truth = {
        r["id"]: r["entity"]
        for r in csv.DictReader((SHARED / "sample_merchants_truth.csv").open(encoding="utf-8"))
    }
    start = time.perf_counter()
    result = match_records(
        [MerchantRecord(r["id"], r["name"], r["shop_id"], r["uscc"], r["phone"], r["platform"]) for r in rows]
    )
    took = time.perf_counter() - start
    p, r = score({m.id: m.cluster for m in result}, truth)
    bp, br = score(exact_keys(rows), truth)
    print(
        f"public sample (3,000): precision {p:.4f} recall {r:.4f} in {took:.2f} s; "
        f"exact-key baseline precision {bp:.4f} recall {br:.4f}"
    )
    from perturb_merchants import perturb

    for seed in (1, 2, 3):
        harder = perturb(rows, seed)
        result = match_records(
            [MerchantRecord(x["id"], x["name"], x["shop_id"], x["uscc"], x["phone"], x["platform"]) for x in harder]
        )
        p, r = score({m.id: m.cluster for m in result}, truth)
        bp, br = score(exact_keys(harder), truth)
        print(
            f"public sample made harder (seed {seed}): precision {p:.4f} recall {r:.4f}; "
            f"exact-key baseline precision {bp:.4f} recall {br:.4f}"
        )


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [3000, 100_000]
    if SHARED.exists():
        _sample()
    for n in sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(n)], capture_output=True, text=True, check=True
        )
        d = json.loads(out.stdout.strip().splitlines()[-1])
        f1 = 2 * d["precision"] * d["recall"] / (d["precision"] + d["recall"])
        bf1 = (
            2
            * d["baseline_precision"]
            * d["baseline_recall"]
            / (d["baseline_precision"] + d["baseline_recall"])
        )
        print(
            f"generated {n:>7,}: {d['seconds']:.2f} s, peak {d['peak_mb']:.0f} MB, precision {d['precision']:.4f} "
            f"recall {d['recall']:.4f} F1 {f1:.4f}; exact-key baseline F1 {bf1:.4f} (ratio {f1 / bf1:.2f})"
        )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child(int(sys.argv[2]))
    else:
        main()
