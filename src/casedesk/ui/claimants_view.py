"""The 投诉人 tab: claimants with their cases and amounts; ID numbers and phones masked unless the
advocate reveals them (each reveal is written to the audit log)."""

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
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

from ..domain.money import format_fen
from ..services import cases as svc
from ..services.context import Context
from .i18n import label as tr_label

Index = QModelIndex | QPersistentModelIndex


class ClaimantsModel(QAbstractTableModel):
    COLUMNS = [
        ("id", QT_TRANSLATE_NOOP("labels", "编号")),
        ("name", QT_TRANSLATE_NOOP("labels", "姓名")),
        ("id_number", QT_TRANSLATE_NOOP("labels", "身份证号")),
        ("phone", QT_TRANSLATE_NOOP("labels", "手机号")),
        ("address", QT_TRANSLATE_NOOP("labels", "地址")),
        ("cases", QT_TRANSLATE_NOOP("labels", "案件")),
        ("amount_fen", QT_TRANSLATE_NOOP("labels", "金额（元）")),
    ]

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr_label(self.COLUMNS[section][1])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        key = self.COLUMNS[index.column()][0]
        value = self.rows[index.row()][key]
        return format_fen(value) if key == "amount_fen" else str(value or "")


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
