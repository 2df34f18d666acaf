"""The 案件 tab: filters, search, the lazy cases table, and the due-soon list."""

import time
from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.vocab import CASE_STATUSES, PROBLEM_TYPES
from ..services import cases as svc
from ..services.context import Context
from . import errors
from .cases_model import CasesModel
from .tasks import run_task


class CasesView(QWidget):
    loaded = Signal(int)  # number of cases shown
    open_case = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = CasesModel(ctx, self)
        self._generation = 0
        self._due_pending = False
        self.active = False  # queries start with the first refresh, not while the window is built
        self.last_search_ms = 0.0
        self._typed_at = 0.0

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索姓名、订单号、商家、备注…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)
        self.status = QComboBox()
        self.status.addItem(self.tr("全部状态"), None)
        for s in CASE_STATUSES:
            self.status.addItem(s, s)
        self.merchant = QComboBox()
        self.platform = QComboBox()
        self.problem = QComboBox()
        self.problem.addItem(self.tr("全部问题"), None)
        for p in PROBLEM_TYPES:
            self.problem.addItem(p, p)
        self.use_dates = QCheckBox(self.tr("下单日期"))
        self.date_from = QDateEdit(QDate(2024, 1, 1))
        self.date_to = QDateEdit(QDate.currentDate())
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
            d.setEnabled(False)
        self.ready = QCheckBox(self.tr("仅材料齐全"))
        self.reveal = QCheckBox(self.tr("显示完整身份证号/手机号"))
        self.count = QLabel()

        filters = QHBoxLayout()
        for w in (
            self.search,
            self.status,
            self.merchant,
            self.platform,
            self.problem,
            self.use_dates,
            self.date_from,
            QLabel("–"),
            self.date_to,
            self.ready,
            self.reveal,
        ):
            filters.addWidget(w)
        filters.setStretch(0, 3)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((60, 80, 150, 110, 150, 90, 160, 50, 90, 100)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda idx: self.open_case.emit(self.model.case_id(idx.row())))

        self.due = QListWidget()
        self.due.itemDoubleClicked.connect(
            lambda item: self.open_case.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        due_box = QWidget()
        due_layout = QVBoxLayout(due_box)
        due_layout.setContentsMargins(0, 0, 0, 0)
        due_layout.addWidget(QLabel(self.tr("30 天内到期")))
        due_layout.addWidget(self.due)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(due_box)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 1)

        refresh = QPushButton(self.tr("刷新"))
        refresh.clicked.connect(self.refresh)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addStretch()
        bottom.addWidget(refresh)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(split)
        layout.addLayout(bottom)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(30)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(self._typed)
        for combo in (self.status, self.merchant, self.platform, self.problem):
            combo.currentIndexChanged.connect(self.reload)
        for w in (self.ready, self.use_dates):
            w.toggled.connect(self.reload)
        self.use_dates.toggled.connect(self.date_from.setEnabled)
        self.use_dates.toggled.connect(self.date_to.setEnabled)
        self.date_from.dateChanged.connect(self.reload)
        self.date_to.dateChanged.connect(self.reload)
        self.reveal.toggled.connect(self._reveal)

    def _reveal(self, on: bool) -> None:
        if on:
            svc.record_reveal(self.ctx, "cases")
        self.model.set_reveal(on)

    def refresh(self) -> None:
        """Reload the filter choices, the due-soon list (in the background) and the cases."""
        self.active = True
        keep_m = self.merchant.currentData()
        self.merchant.blockSignals(True)
        self.merchant.clear()
        self.merchant.addItem(self.tr("全部商家"), None)
        platforms: set[str] = set()
        for mid, name, plats in svc.merchant_choices(self.ctx):
            self.merchant.addItem(f"#{mid} {name}", mid)
            platforms.update(p for p in (plats or "").split(",") if p)
        self.merchant.setCurrentIndex(max(0, self.merchant.findData(keep_m)))
        self.merchant.blockSignals(False)
        keep_p = self.platform.currentData()
        self.platform.blockSignals(True)
        self.platform.clear()
        self.platform.addItem(self.tr("全部平台"), None)
        for p in sorted(platforms):
            self.platform.addItem(p, p)
        self.platform.setCurrentIndex(max(0, self.platform.findData(keep_p)))
        self.platform.blockSignals(False)
        self._due_pending = True
        self.reload()

    def _load_due(self) -> None:
        """The due-soon list, computed after the first page is shown."""
        self._due_pending = False
        today = date.today()
        run_task(
            lambda: svc.deadlines(self.ctx, 30, today),
            lambda due: self._fill_due(due, today),
            lambda e, tb: errors.report(self, e, tb),
        )

    def _fill_due(self, due: list[svc.Deadline], today: date) -> None:
        self.due.clear()
        for d in due[:200]:
            self.due.addItem(
                f"{d.due.isoformat()}（{d.days_left(today)} 天）#{d.case_id} {d.claimant}：{d.kind}"
            )
            self.due.item(self.due.count() - 1).setData(Qt.ItemDataRole.UserRole, d.case_id)

    def current_filter(self) -> svc.CaseFilter:
        dates = self.use_dates.isChecked()
        return svc.CaseFilter(
            status=self.status.currentData(),
            merchant_id=self.merchant.currentData(),
            platform=self.platform.currentData(),
            problem=self.problem.currentData(),
            date_from=self.date_from.date().toPython() if dates else None,  # type: ignore[arg-type]
            date_to=self.date_to.date().toPython() if dates else None,  # type: ignore[arg-type]
            ready_only=self.ready.isChecked(),
            text=self.search.text(),
        )

    def _typed(self) -> None:
        self._typed_at = time.perf_counter()
        self._debounce.start()

    def reload(self) -> None:
        """Query the matching ids off the GUI thread; the newest query wins."""
        if not self.active:
            return
        self._generation += 1
        generation = self._generation
        f = self.current_filter()
        key, descending = self.model.sort_key, self.model.descending
        started = self._typed_at or time.perf_counter()

        def apply(ids: list[int]) -> None:
            if generation != self._generation:
                return  # a newer query is on its way
            self.model.set_ids(ids)
            self.count.setText(self.tr("共 %n 件案件", "", len(ids)))
            self.last_search_ms = (time.perf_counter() - started) * 1000
            self._typed_at = 0.0
            self.loaded.emit(len(ids))
            if self._due_pending:
                self._load_due()

        run_task(
            lambda: svc.case_ids(self.ctx, f, key, descending),
            apply,
            lambda e, tb: errors.report(self, e, tb),
        )

    def focus_search(self, text: str | None = None) -> None:
        if text is not None:
            self.search.setText(text)
        self.search.setFocus()
        self.search.selectAll()
