"""Desktop app at 100,000 cases: window shown and first page of cases filled, compared with a bare
PySide6 window started the same way in the same run; a search keystroke to updated results;
resident memory.

    python bench/bench_gui.py [CASES]      (default 100,000; targets: ≤ +1.0 s over the bare
                                            window, ≤ 150 ms per search, ≤ 500 MB RSS)
"""

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path


def build_db(path: Path, n: int) -> None:
    from sqlalchemy import insert
    from sqlmodel import Session
    from stdnum.cn import ric

    from casedesk.services import search
    from casedesk.store.db import open_engine, sqlite_url
    from casedesk.store.models import Case, Claimant, Merchant, Order

    engine = open_engine(sqlite_url(path))
    rng = random.Random(3)
    surnames, given = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高", "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超"
    with Session(engine) as s:
        s.execute(
            insert(Merchant),
            [{"id": i, "display_name": f"商家{i:03d}数码旗舰店", "platforms": "快手"} for i in range(1, 201)],
        )
        claimants, cases, orders = [], [], []
        for i in range(1, n + 1):
            born = date(1950, 1, 1) + timedelta(days=i // 1000)
            body = f"110105{born:%Y%m%d}{i % 1000:03d}0"
            claimants.append(
                {
                    "id": i,
                    "name": rng.choice(surnames) + rng.choice(given) + rng.choice(given),
                    "id_number": body[:17] + ric.calc_check_digit(body) if i % 3 else None,
                    "phone": f"138{i:08d}",
                    "address": "",
                    "wechat": "",
                    "notes": "",
                }
            )
            cases.append(
                {
                    "id": i,
                    "claimant_id": i,
                    "merchant_id": 1 + i % 200,
                    "status": "新建",
                    "problem_types": ["商家跑路"],
                    "demands": ["退款"],
                    "description": "",
                }
            )
            orders.append(
                {
                    "case_id": i,
                    "platform": "快手",
                    "order_no": f"24{i:014d}",
                    "amount_fen": 29900,
                    "order_date": date(2024, 1, 1) + timedelta(days=i % 300),
                    "payment_method": "先用后付",
                }
            )
        for table, rows in ((Claimant, claimants), (Case, cases), (Order, orders)):
            for start in range(0, len(rows), 5000):
                s.execute(insert(table), rows[start : start + 5000])
        search.reindex(s)
        s.commit()
    engine.dispose()


BARE = """
import time, sys
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QTableView()); w.resize(1280, 800); w.show()
app.processEvents()
print("READY", flush=True)
"""

APP = """
import os, resource, sys, time
from PySide6.QtCore import QTimer
from casedesk.ui.app import make_app
from casedesk.services.context import open_context
app = make_app("zh_CN")
from casedesk.ui.main_window import MainWindow
ctx = open_context(db=sys.argv[1])
w = MainWindow(ctx)
w.show()
searches = ["王伟", "24000000000777", "商家017", "李", "不存在的名字"]
results = {}

def filled(key):
    if key != "cases" or "ready" in results:
        return
    view = w.cases.table
    view.model().data(view.model().index(0, 1))  # the first page is fetched for painting
    app.processEvents()
    results["ready"] = True
    print("READY", flush=True)
    QTimer.singleShot(50, next_search)

def next_search():
    if not searches:
        results["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print("RESULT " + __import__("json").dumps(results), flush=True)
        app.quit()
        return
    text = searches.pop(0)
    w.cases.search.blockSignals(True)
    w.cases.search.setText(text)
    w.cases.search.blockSignals(False)
    w.cases._typed_at = time.perf_counter()
    w.cases.reload()

def after_search(n):
    if "ready" in results and w.cases.search.text():
        results.setdefault("searches", []).append([w.cases.search.text(), n, round(w.cases.last_search_ms, 1)])
        QTimer.singleShot(20, next_search)

w.view_loaded.connect(filled)
w.cases.loaded.connect(after_search)
w.show_view("cases")
app.exec()
"""


def timed(code: str, *args: str) -> tuple[float, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    ready = None
    out = []
    for line in proc.stdout:  # type: ignore[union-attr]
        if line.startswith("READY") and ready is None:
            ready = time.perf_counter() - start
        out.append(line)
    proc.wait(timeout=600)
    return ready or float("nan"), "".join(out)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CASEDESK_DATA_DIR"] = tmp
        db = Path(tmp) / "big.db"
        t0 = time.perf_counter()
        build_db(db, n)
        print(f"built a database with {n:,} cases in {time.perf_counter() - t0:.1f} s")
        bare = min(timed(BARE)[0] for _ in range(3))
        app_times = []
        output = ""
        for _ in range(3):
            t, output = timed(APP, str(db))
            app_times.append(t)
        best = min(app_times)
        result = json.loads(output.split("RESULT ", 1)[1]) if "RESULT " in output else {}
    print(f"bare PySide6 window shown: {bare:.2f} s")
    print(
        f"CaseDesk window shown with the first page of {n:,} cases: {best:.2f} s "
        f"(+{best - bare:.2f} s over bare; target <= +1.0 s)"
    )
    for text, count, ms in result.get("searches", []):
        print(f"search {text!r}: {count} cases in {ms:.0f} ms (target <= 150 ms)")
    print(f"peak RSS: {result.get('rss_mb', float('nan')):.0f} MB (target <= 500 MB)")


if __name__ == "__main__":
    main()
