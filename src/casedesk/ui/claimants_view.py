"""The 投诉人 tab: claimants with their cases and amounts; ID numbers and phones masked unless the
advocate reveals them (each reveal is written to the audit log)."""

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..services import cases as svc
from ..services.context import Context
from .table_models import RowsModel

Index = QModelIndex | QPersistentModelIndex


class ClaimantsModel(RowsModel):
    COLUMNS = [
        ("id", QT_TRANSLATE_NOOP("labels", "编号")),
        ("name", QT_TRANSLATE_NOOP("labels", "姓名")),
        ("id_number", QT_TRANSLATE_NOOP("labels", "身份证号")),
        ("phone", QT_TRANSLATE_NOOP("labels", "手机号")),
        ("address", QT_TRANSLATE_NOOP("labels", "地址")),
        ("cases", QT_TRANSLATE_NOOP("labels", "案件")),
        ("amount_fen", QT_TRANSLATE_NOOP("labels", "金额（元）")),
    ]
    NUMERIC = frozenset({"id", "cases"})


class ClaimantsView(QWidget):
    loaded = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = ClaimantsModel(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("按姓名或手机号筛选"))
        self.reveal = QCheckBox(self.tr("显示完整身份证号/手机号（记入审计日志）"))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(2, 170)
        self.table.setColumnWidth(4, 260)
        row = QHBoxLayout()
        row.addWidget(self.search)
        row.addWidget(self.reveal)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self.search.textChanged.connect(self.refresh)
        self.reveal.toggled.connect(self._reveal)

    def _reveal(self, on: bool) -> None:
        if on:
            svc.record_reveal(self.ctx, "claimants")
        self.refresh()

    def refresh(self) -> None:
        rows = svc.claimant_rows(self.ctx, reveal=self.reveal.isChecked(), query=self.search.text())
        self.model.set_rows(rows)
        self.loaded.emit(len(rows))
