"""The 商家 tab: merchant list with claimants, cases and totals; a merchant's identifiers (and
where each came from) and roster; possible duplicates side by side with reasons; merge dialog
with field choices; merge history with unmerge."""

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..services import cases as case_svc
from ..services import merchants as svc
from ..services.context import Context
from . import errors
from .i18n import label as tr_label
from .table_models import RowsModel
from .tasks import run_task

Index = QModelIndex | QPersistentModelIndex
KIND_LABELS = {
    "shop_name": QT_TRANSLATE_NOOP("labels", "店铺名"),
    "company_name": QT_TRANSLATE_NOOP("labels", "公司名"),
    "shop_id": QT_TRANSLATE_NOOP("labels", "店铺ID"),
    "uscc": QT_TRANSLATE_NOOP("labels", "统一社会信用代码"),
    "phone": QT_TRANSLATE_NOOP("labels", "电话"),
    "wechat": QT_TRANSLATE_NOOP("labels", "微信"),
    "payee_account": QT_TRANSLATE_NOOP("labels", "收款账户"),
    "address": QT_TRANSLATE_NOOP("labels", "地址"),
}
FIELD_LABELS = {
    "display_name": QT_TRANSLATE_NOOP("labels", "显示名称"),
    "platforms": QT_TRANSLATE_NOOP("labels", "平台"),
    "company_name": QT_TRANSLATE_NOOP("labels", "公司名称"),
    "uscc": QT_TRANSLATE_NOOP("labels", "统一社会信用代码"),
    "legal_rep": QT_TRANSLATE_NOOP("labels", "法定代表人"),
    "address": QT_TRANSLATE_NOOP("labels", "地址"),
    "status": QT_TRANSLATE_NOOP("labels", "状态"),
    "notes": QT_TRANSLATE_NOOP("labels", "备注"),
}


class MerchantsModel(RowsModel):
    COLUMNS = [
        ("id", QT_TRANSLATE_NOOP("labels", "编号")),
        ("name", QT_TRANSLATE_NOOP("labels", "商家")),
        ("company", QT_TRANSLATE_NOOP("labels", "公司")),
        ("platforms", QT_TRANSLATE_NOOP("labels", "平台")),
        ("status", QT_TRANSLATE_NOOP("labels", "状态")),
        ("claimants", QT_TRANSLATE_NOOP("labels", "投诉人")),
        ("cases", QT_TRANSLATE_NOOP("labels", "案件")),
        ("amount_fen", QT_TRANSLATE_NOOP("labels", "金额（元）")),
    ]
    NUMERIC = frozenset({"id", "claimants", "cases"})


class MergeDialog(QDialog):
    """Choose the surviving record and, field by field, which value to keep."""

    def __init__(self, ctx: Context, merchant_ids: list[int], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("合并商家"))
        self.merchant_ids = merchant_ids
        self.details = {mid: svc.merchant_detail(ctx, mid)["fields"] for mid in merchant_ids}
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("保留哪一条记录？其他记录的案件、标识、证据和投诉将转到它名下（可撤销）。"))
        )
        self.survivor_group = QButtonGroup(self)
        row = QHBoxLayout()
        for i, mid in enumerate(merchant_ids):
            button = QRadioButton(f"#{mid} {self.details[mid]['display_name']}")
            button.setChecked(i == 0)
            self.survivor_group.addButton(button, mid)
            row.addWidget(button)
        layout.addLayout(row)
        grid = QGridLayout()
        self.choices: dict[str, QComboBox] = {}
        for r, (f, label) in enumerate(FIELD_LABELS.items()):
            values = [(mid, self.details[mid][f]) for mid in merchant_ids]
            combo = QComboBox()
            for mid, value in values:
                combo.addItem(f"#{mid}：{value or self.tr('（空）')}", mid)
            # default: the first non-empty value
            first = next((i for i, (_, v) in enumerate(values) if v), 0)
            combo.setCurrentIndex(first)
            conflict = len({v for _, v in values if v}) > 1
            name = QLabel(tr_label(label) + (" ⚠" if conflict else ""))
            if conflict:
                name.setToolTip(self.tr("各记录的值不同，请选择"))
            grid.addWidget(name, r, 0)
            grid.addWidget(combo, r, 1)
            self.choices[f] = combo
        layout.addLayout(grid)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("合并"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.merge_id: int | None = None

    def survivor(self) -> int:
        return self.survivor_group.checkedId()

    def field_choices(self) -> dict[str, int]:
        return {f: combo.currentData() for f, combo in self.choices.items()}

    def accept(self) -> None:
        survivor = self.survivor()
        others = [m for m in self.merchant_ids if m != survivor]
        try:
            self.merge_id = svc.merge(self.ctx, survivor, others, self.field_choices())
        except Exception as exc:  # noqa: BLE001
            import traceback

            errors.report(self, exc, traceback.format_exc())
            return
        super().accept()


class DuplicatesPanel(QWidget):
    changed = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.groups: list[svc.DuplicateGroup] = []
        self.list = QListWidget()
        self.compare = QTableWidget()
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.merge_button = QPushButton(self.tr("合并…"))
        self.not_same_button = QPushButton(self.tr("不是同一商家"))
        self.merge_button.clicked.connect(self.merge_selected)
        self.not_same_button.clicked.connect(self.mark_not_same)
        self.list.currentRowChanged.connect(self.show_group)
        right = QVBoxLayout()
        right.addWidget(self.reasons)
        right.addWidget(self.compare)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.not_same_button)
        row.addWidget(self.merge_button)
        right.addLayout(row)
        holder = QWidget()
        holder.setLayout(right)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(holder)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("系统根据名称、字号、同音字、店铺ID、电话等找出的疑似同一商家的记录："))
        )
        layout.addWidget(split)
        self.dialog: MergeDialog | None = None

    def refresh(self) -> None:
        run_task(lambda: svc.duplicate_groups(self.ctx), self._fill, lambda e, tb: errors.report(self, e, tb))

    def _fill(self, groups: list[svc.DuplicateGroup]) -> None:
        self.groups = groups
        self.list.clear()
        for g in groups:
            self.list.addItem(
                QListWidgetItem(
                    f"[{g.confidence:.2f}] " + " / ".join(f"#{m['id']} {m['name']}" for m in g.merchants)
                )
            )
        if groups:
            self.list.setCurrentRow(0)
        else:
            self.compare.clear()
            self.reasons.setText(self.tr("没有发现疑似重复的商家。"))
        enabled = bool(groups)
        self.merge_button.setEnabled(enabled)
        self.not_same_button.setEnabled(enabled)

    def show_group(self, row: int) -> None:
        if row < 0 or row >= len(self.groups):
            return
        g = self.groups[row]
        self.reasons.setText(self.tr("理由：") + "；".join(g.reasons or [self.tr("同一商家记录")]))
        ids = [m["id"] for m in g.merchants]
        details = {mid: svc.merchant_detail(self.ctx, mid) for mid in ids}
        labels = [tr_label(v) for v in FIELD_LABELS.values()] + [self.tr("名称与标识"), self.tr("案件数")]
        self.compare.clear()
        self.compare.setColumnCount(len(ids))
        self.compare.setRowCount(len(labels))
        self.compare.setHorizontalHeaderLabels([f"#{mid}" for mid in ids])
        self.compare.setVerticalHeaderLabels(labels)
        for c, mid in enumerate(ids):
            d = details[mid]
            values = [str(d["fields"].get(f) or "") for f in FIELD_LABELS]
            values.append("\n".join(f"{k}: {raw}" for k, raw, _, _ in d["identifiers"]))
            values.append(str(len(d["roster"])))
            for r, v in enumerate(values):
                self.compare.setItem(r, c, QTableWidgetItem(v))
        self.compare.resizeRowsToContents()
        self.compare.horizontalHeader().setStretchLastSection(True)

    def merge_selected(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        ids = [m["id"] for m in self.groups[row].merchants]
        self.dialog = MergeDialog(self.ctx, ids, self)
        self.dialog.accepted.connect(self._merged)
        self.dialog.open()

    def _merged(self) -> None:
        self.changed.emit()
        self.refresh()

    def mark_not_same(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        ids = [m["id"] for m in self.groups[row].merchants]
        try:
            for other in ids[1:]:
                svc.mark_not_same(self.ctx, ids[0], other)
        except Exception as exc:  # noqa: BLE001
            errors.report(self, exc)
            return
        self.refresh()


class HistoryPanel(QWidget):
    changed = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.list = QListWidget()
        self.undo = QPushButton(self.tr("撤销所选合并"))
        self.undo.clicked.connect(self.unmerge_selected)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.undo)

    def refresh(self) -> None:
        self.list.clear()
        for r in svc.merge_history(self.ctx):
            state = self.tr("已撤销") if r.undone_at else self.tr("有效")
            item = QListWidgetItem(
                f"#{r.id}  {r.at.astimezone():%Y-%m-%d %H:%M}  {self.tr('保留')} #{r.survivor_id} ← "
                f"{', '.join('#' + str(i) for i in r.merged_ids)}  [{state}]"
            )
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            item.setFlags(item.flags() if not r.undone_at else item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)

    def unmerge_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        try:
            svc.unmerge(self.ctx, item.data(Qt.ItemDataRole.UserRole))
        except Exception as exc:  # noqa: BLE001
            errors.report(self, exc)
            return
        self.changed.emit()
        self.refresh()


class MerchantsView(QWidget):
    loaded = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = MerchantsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(1, 200)
        self.table.setColumnWidth(2, 220)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self.show_detail(cur.row()))
        self.identifiers = QTableWidget(0, 4)
        self.identifiers.setHorizontalHeaderLabels(
            [self.tr("类型"), self.tr("值"), self.tr("平台"), self.tr("来源")]
        )
        self.identifiers.horizontalHeader().setStretchLastSection(True)
        self.roster = QListWidget()
        merge = QPushButton(self.tr("合并所选商家…"))
        merge.clicked.connect(self.merge_selection)
        detail = QTabWidget()
        detail.addTab(self.identifiers, self.tr("名称与标识"))
        detail.addTab(self.roster, self.tr("受害者名单"))
        top = QSplitter(Qt.Orientation.Vertical)
        top.addWidget(self.table)
        top.addWidget(detail)
        list_page = QWidget()
        lp = QVBoxLayout(list_page)
        lp.addWidget(top)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(merge)
        lp.addLayout(row)
        self.duplicates = DuplicatesPanel(ctx)
        self.history = HistoryPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(list_page, self.tr("商家列表"))
        self.tabs.addTab(self.duplicates, self.tr("疑似重复"))
        self.tabs.addTab(self.history, self.tr("合并历史"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.duplicates.changed.connect(self.refresh_lists)
        self.history.changed.connect(self.refresh)
        self.dialog: MergeDialog | None = None

    def refresh(self) -> None:
        self.refresh_lists()
        self.duplicates.refresh()

    def refresh_lists(self) -> None:
        rows = case_svc.merchant_rows(self.ctx)
        self.model.set_rows(rows)
        self.history.refresh()
        if rows:
            self.table.selectRow(0)
            self.show_detail(0)
        self.loaded.emit(len(rows))

    def show_detail(self, row: int) -> None:
        if not (0 <= row < len(self.model.rows)):
            return
        d = svc.merchant_detail(self.ctx, self.model.rows[row]["id"])
        self.identifiers.setRowCount(len(d["identifiers"]))
        for r, (kind, raw, platform, source) in enumerate(d["identifiers"]):
            for c, v in enumerate((tr_label(KIND_LABELS.get(kind, kind)), raw, platform, source)):
                self.identifiers.setItem(r, c, QTableWidgetItem(str(v)))
        self.identifiers.resizeColumnsToContents()
        self.roster.clear()
        for case_id, name, status in d["roster"]:
            self.roster.addItem(f"#{case_id}  {name}  [{status}]")

    def merge_selection(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if len(rows) < 2:
            errors.report(self, errors.UserError(self.tr("请至少选择两个商家（按住 Ctrl 多选）")))
            return
        self.dialog = MergeDialog(self.ctx, [self.model.rows[r]["id"] for r in rows], self)
        self.dialog.accepted.connect(self.refresh)
        self.dialog.open()
