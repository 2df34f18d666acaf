"""The cases table model (after Anki's browser): it holds only the ordered case ids and fetches
rows a page at a time as the view asks for them, so 100,000 cases cost a list of ints."""

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ..services import cases as svc
from ..services.context import Context
from .table_models import ColumnsModel

PAGE = 200
Index = QModelIndex | QPersistentModelIndex


class CasesModel(ColumnsModel):
    COLUMNS = [
        ("id", QT_TRANSLATE_NOOP("labels", "编号")),
        ("claimant", QT_TRANSLATE_NOOP("labels", "投诉人")),
        ("id_number", QT_TRANSLATE_NOOP("labels", "身份证号")),
        ("phone", QT_TRANSLATE_NOOP("labels", "手机号")),
        ("merchant", QT_TRANSLATE_NOOP("labels", "商家")),
        ("status", QT_TRANSLATE_NOOP("labels", "状态")),
        ("problems", QT_TRANSLATE_NOOP("labels", "问题类型")),
        ("orders", QT_TRANSLATE_NOOP("labels", "订单")),
        ("amount", QT_TRANSLATE_NOOP("labels", "金额（元）")),
        ("first_order", QT_TRANSLATE_NOOP("labels", "下单日期")),
        ("ready", QT_TRANSLATE_NOOP("labels", "材料")),
    ]
    SORTABLE = {0: "id", 1: "claimant", 4: "merchant", 5: "status"}

    def __init__(self, ctx: Context, parent: Any = None):
        super().__init__(parent)
        self.ctx = ctx
        self.ids: list[int] = []
        self.rows: dict[int, svc.CaseRow] = {}
        self.reveal = False
        self.sort_key = "id"
        self.descending = True

    # -- loading

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self.ids = ids
        self.rows = {}
        self.endResetModel()

    def invalidate(self, case_ids: list[int] | None = None) -> None:
        """Forget cached rows (all, or these) so they are fetched again."""
        if case_ids is None:
            self.rows.clear()
        else:
            for i in case_ids:
                self.rows.pop(i, None)
        if self.ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, len(self.COLUMNS) - 1))

    def set_reveal(self, reveal: bool) -> None:
        self.reveal = reveal
        self.invalidate()

    def _row(self, row: int) -> svc.CaseRow | None:
        case_id = self.ids[row]
        cached = self.rows.get(case_id)
        if cached is None:
            start = max(0, row - PAGE // 4)
            page = [i for i in self.ids[start : start + PAGE] if i not in self.rows]
            self.rows.update(svc.case_rows(self.ctx, page, reveal=self.reveal))
            if len(self.rows) > 20 * PAGE:  # keep memory bounded while scrolling far
                keep = set(self.ids[max(0, row - PAGE) : row + PAGE])
                self.rows = {k: v for k, v in self.rows.items() if k in keep}
            cached = self.rows.get(case_id)
        return cached

    def case_id(self, row: int) -> int:
        return self.ids[row]

    # -- Qt model API

    def row_count(self) -> int:
        return len(self.ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.ids)):
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.TextAlignmentRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if key in ("amount", "orders", "id"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "ready":
                return QBrush(QColor("#1b7f3b" if row.ready else "#a15c00"))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "ready":
                return self.tr("已具备 %1/6 类必需证据").replace("%1", str(row.evidence_kinds))
            return None
        if key == "ready":
            return self.tr("✔ 可提交") if row.ready else f"{row.evidence_kinds}/6"
        if key == "first_order":
            return row.first_order.isoformat() if row.first_order else ""
        value = getattr(row, key)
        return str(value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORTABLE.get(column)
        if key is None:
            return
        self.sort_key = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        # the view re-queries ids with the new order (CasesView.reload)
        parent = self.parent()
        if parent is not None and getattr(parent, "active", False):
            parent.reload()
