"""Import speed and memory against the baseline of openpyxl (read-only) merely reading the cells.

    python bench/bench_import.py [ROWS]      (default 20,000; target: import ≤ 3× the read)
Memory: peak RSS of an import of ROWS/4 and of ROWS rows, each in a fresh process; streaming
means the two are close.
"""

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _child(path: str, db: str) -> None:
    import resource

    from casedesk.services.context import open_context
    from casedesk.services.intake import import_file

    ctx = open_context(db=db)
    start = time.perf_counter()
    result = import_file(ctx, Path(path))
    took = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": took, "imported": result.imported, "peak_mb": peak}))


def _read_only(path: str) -> float:
    import openpyxl

    start = time.perf_counter()
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    count = 0
    for row in wb.worksheets[0].iter_rows(values_only=True):
        count += len(row)
    wb.close()
    return time.perf_counter() - start


def _run(path: str, db: str) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", path, db], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    from gen_claimants import write

    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    with tempfile.TemporaryDirectory() as tmp:
        big, small = f"{tmp}/big.xlsx", f"{tmp}/small.xlsx"
        write(big, rows)
        write(small, rows // 4, seed=2)
        baseline = min(_read_only(big) for _ in range(3))
        result = _run(big, f"{tmp}/big.db")
        small_result = _run(small, f"{tmp}/small.db")
    ratio = result["seconds"] / baseline
    print(f"rows: {rows}")
    print(f"openpyxl read-only read of the same cells: {baseline:.2f} s")
    print(f"casedesk import: {result['seconds']:.2f} s ({result['imported']} imported)")
    print(f"ratio import / read: {ratio:.2f}x (target <= 3x)")
    print(
        f"peak RSS: {small_result['peak_mb']:.0f} MB at {rows // 4} rows, {result['peak_mb']:.0f} MB at {rows} rows"
    )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child(sys.argv[2], sys.argv[3])
    else:
        main()
