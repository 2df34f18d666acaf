"""The case editor: claimant, orders, problems, demands, status, channel references, notes,
evidence (drag and drop, content-addressed, image/PDF preview), deadlines, inline validation."""

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.vocab import (
    CASE_STATUSES,
    CHANNELS,
    DEMANDS,
    EVIDENCE_KINDS,
    PROBLEM_TYPES,
    REQUIRED_EVIDENCE,
)
from ..services import cases as svc
from ..services.context import Context
from ..services.evidence import add_evidence, local_copy
from . import errors
from .i18n import label as tr_label
from .pdf_preview import PdfPreview
from .tasks import run_task

ORDER_COLUMNS = [
    QT_TRANSLATE_NOOP("labels", "平台"),
    QT_TRANSLATE_NOOP("labels", "订单号"),
    QT_TRANSLATE_NOOP("labels", "下单日期"),
    QT_TRANSLATE_NOOP("labels", "商品"),
    QT_TRANSLATE_NOOP("labels", "金额（元）"),
    QT_TRANSLATE_NOOP("labels", "支付方式"),
    QT_TRANSLATE_NOOP("labels", "扣款状态"),
]


class EvidenceDropList(QListWidget):
    """A list that takes files dropped from the desktop."""

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.files_dropped.emit(paths)
            event.acceptProposedAction()


class CaseEditor(QDialog):
    saved = Signal(int)

    def __init__(self, ctx: Context, case_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.form = svc.load_case(ctx, case_id)
        self.setWindowTitle(
            self.tr("案件 #%1 — %2").replace("%1", str(case_id)).replace("%2", self.form.name)
        )
        self.resize(900, 640)
        self.errors_label = QLabel()
        self.errors_label.setStyleSheet("color: #b00020")
        self.errors_label.setWordWrap(True)

        tabs = QTabWidget()
        tabs.addTab(self._claimant_tab(), self.tr("投诉人"))
        tabs.addTab(self._case_tab(), self.tr("案件"))
        tabs.addTab(self._orders_tab(), self.tr("订单"))
        tabs.addTab(self._channels_tab(), self.tr("投诉渠道"))
        tabs.addTab(self._timeline_tab(), self.tr("时间线"))
        tabs.addTab(self._evidence_tab(), self.tr("证据"))
        self.tabs = tabs

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.errors_label)
        layout.addWidget(self.buttons)
        self.validate()

    # -- tabs

    def _claimant_tab(self) -> QWidget:
        w = QWidget()
        f = QFormLayout(w)
        self.name = QLineEdit(self.form.name)
        self.id_number = QLineEdit(self.form.id_number)
        self.phone = QLineEdit(self.form.phone)
        self.address = QLineEdit(self.form.address)
        self.wechat = QLineEdit(self.form.wechat)
        self.field_errors: dict[str, QLabel] = {}
        for label, widget, key in (
            (self.tr("姓名"), self.name, "name"),
            (self.tr("身份证号"), self.id_number, "id_number"),
            (self.tr("手机号"), self.phone, "phone"),
            (self.tr("地址"), self.address, "address"),
            (self.tr("微信"), self.wechat, "wechat"),
        ):
            box = QVBoxLayout()
            box.addWidget(widget)
            message = QLabel()
            message.setStyleSheet("color: #b00020")
            box.addWidget(message)
            self.field_errors[key] = message
            f.addRow(label, box)
            widget.textChanged.connect(self.validate)
        return w

    def _case_tab(self) -> QWidget:
        w = QWidget()
        f = QFormLayout(w)
        f.addRow(self.tr("商家"), QLabel(f"#{self.form.merchant_id} {self.form.merchant}"))
        self.status = QComboBox()
        self.status.addItems(list(CASE_STATUSES))
        self.status.setCurrentText(self.form.status)
        f.addRow(self.tr("状态"), self.status)
        self.problem_boxes = {p: QCheckBox(p) for p in PROBLEM_TYPES}
        row = QHBoxLayout()
        for p, box in self.problem_boxes.items():
            box.setChecked(p in self.form.problem_types)
            row.addWidget(box)
        f.addRow(self.tr("问题类型"), row)
        self.demand_boxes = {d: QCheckBox(d) for d in DEMANDS}
        row = QHBoxLayout()
        for d, box in self.demand_boxes.items():
            box.setChecked(d in self.form.demands)
            row.addWidget(box)
        f.addRow(self.tr("诉求"), row)
        self.description = QPlainTextEdit(self.form.description)
        f.addRow(self.tr("情况说明"), self.description)
        self.deadline_label = QLabel(self._deadline_text())
        f.addRow(self.tr("期限"), self.deadline_label)
        return w

    def _deadline_text(self) -> str:
        dates = [date.fromisoformat(o.order_date) for o in self.form.orders if o.order_date]
        lines = []
        if dates:
            first = min(dates)
            limit = (
                date(first.year + 3, 3, 1)
                if (first.month, first.day) == (2, 29)
                else first.replace(year=first.year + 3)
            )
            lines.append(self.tr("诉讼时效届满：") + limit.isoformat())
            lines.append(self.tr("7 天无理由退货期：") + (first + timedelta(days=7)).isoformat())
        ref = self.form.channels.get("12315")
        if ref and ref[1]:
            lines.append(
                self.tr("12315 受理决定期限：")
                + svc.add_working_days(date.fromisoformat(ref[1]), 7).isoformat()
            )
        return "\n".join(lines) or self.tr("（无下单日期）")

    def _orders_tab(self) -> QWidget:
        w = QWidget()
        layout = QVBoxLayout(w)
        self.orders = QTableWidget(0, len(ORDER_COLUMNS))
        self.orders.setHorizontalHeaderLabels([tr_label(c) for c in ORDER_COLUMNS])
        self.orders.horizontalHeader().setStretchLastSection(True)
        for o in self.form.orders:
            self._add_order_row(o)
        self.orders.itemChanged.connect(self.validate)
        add = QPushButton(self.tr("添加订单"))
        add.clicked.connect(
            lambda: self._add_order_row(svc.OrderForm(None, "", "", "", "", "", "先用后付", ""))
        )
        remove = QPushButton(self.tr("删除所选订单"))
        remove.clicked.connect(self._remove_order)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch()
        layout.addWidget(self.orders)
        layout.addLayout(row)
        return w

    def _add_order_row(self, o: svc.OrderForm) -> None:
        r = self.orders.rowCount()
        self.orders.insertRow(r)
        for c, value in enumerate(
            (o.platform, o.order_no, o.order_date, o.product, o.amount, o.payment_method, o.debit_status)
        ):
            item = QTableWidgetItem(value)
            if c == 0:
                item.setData(Qt.ItemDataRole.UserRole, o.id)
            self.orders.setItem(r, c, item)
        self.validate()

    def _remove_order(self) -> None:
        rows = sorted({i.row() for i in self.orders.selectedIndexes()}, reverse=True)
        for r in rows:
            self.orders.removeRow(r)
        self.validate()

    def _channels_tab(self) -> QWidget:
        w = QWidget()
        grid = QGridLayout(w)
        grid.addWidget(QLabel(self.tr("渠道")), 0, 0)
        grid.addWidget(QLabel(self.tr("编号")), 0, 1)
        grid.addWidget(QLabel(self.tr("日期")), 0, 2)
        self.channel_edits: dict[str, tuple[QLineEdit, QLineEdit]] = {}
        for i, (key, label) in enumerate(CHANNELS.items(), start=1):
            ref_no, day = self.form.channels.get(key, ("", ""))
            number, when = QLineEdit(ref_no), QLineEdit(day)
            when.setPlaceholderText("2024-06-01")
            when.textChanged.connect(self.validate)
            grid.addWidget(QLabel(label), i, 0)
            grid.addWidget(number, i, 1)
            grid.addWidget(when, i, 2)
            self.channel_edits[key] = (number, when)
        grid.setRowStretch(len(CHANNELS) + 1, 1)
        return w

    def _timeline_tab(self) -> QWidget:
        w = QWidget()
        layout = QVBoxLayout(w)
        self.timeline = QListWidget()
        for when, text in self.form.events:
            self.timeline.addItem(f"{when}  {text}")
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("新增备注（保存时记入时间线）"))
        self.note.setMaximumHeight(80)
        layout.addWidget(self.timeline)
        layout.addWidget(self.note)
        return w

    def _evidence_tab(self) -> QWidget:
        w = QWidget()
        layout = QHBoxLayout(w)
        left = QVBoxLayout()
        self.completeness = QLabel()
        left.addWidget(self.completeness)
        self.evidence = EvidenceDropList()
        self.evidence.files_dropped.connect(self.add_files)
        self.evidence.currentRowChanged.connect(self._preview)
        left.addWidget(self.evidence)
        row = QHBoxLayout()
        self.evidence_kind = QComboBox()
        self.evidence_kind.addItems(list(EVIDENCE_KINDS))
        row.addWidget(QLabel(self.tr("拖入文件的类型：")))
        row.addWidget(self.evidence_kind)
        left.addLayout(row)
        left.addWidget(QLabel(self.tr("把文件拖到列表中即可加入证据（按 SHA-256 保存，原文件不变）")))
        self.preview = QStackedWidget()
        self.image = QLabel(self.tr("选择证据以预览"))
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.addWidget(self.image)
        layout.addLayout(left, 2)
        layout.addWidget(self.preview, 3)
        self._fill_evidence()
        return w

    def _fill_evidence(self) -> None:
        self.evidence.clear()
        for e in self.form.evidence:
            item = QListWidgetItem(f"{e['kind']}：{e['name']}\nSHA-256 {e['sha256'][:16]}…")
            item.setData(Qt.ItemDataRole.UserRole, e)
            self.evidence.addItem(item)
        have = {e["kind"] for e in self.form.evidence}
        missing = [k for k in REQUIRED_EVIDENCE if k not in have]
        if missing:
            self.completeness.setText(self.tr("材料不全，缺：") + "、".join(missing))
            self.completeness.setStyleSheet("color: #a15c00")
        else:
            self.completeness.setText(self.tr("✔ 材料齐全，可提交"))
            self.completeness.setStyleSheet("color: #1b7f3b")

    def _preview(self, row: int) -> None:
        if row < 0:
            return
        e = self.evidence.item(row).data(Qt.ItemDataRole.UserRole)
        try:
            path = local_copy(self.ctx, e["stored_name"])
        except Exception as exc:  # noqa: BLE001
            self.image.setText(str(exc))
            return
        if path.suffix.lower() == ".pdf":
            self._show_pdf(path)
            return
        self.preview.setCurrentWidget(self.image)
        pixmap = QPixmap(str(path))
        if pixmap.isNull():
            self.image.setText(self.tr("无法预览此文件：") + e["name"])
        else:
            self.image.setPixmap(
                pixmap.scaled(
                    420, 520, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )

    def _show_pdf(self, path: Path) -> None:
        if not hasattr(self, "_pdf_view"):
            self._pdf_view = PdfPreview(self)
            self.preview.addWidget(self._pdf_view)
        self._pdf_view.load(path)
        self.preview.setCurrentWidget(self._pdf_view)

    def add_files(self, paths: list[Path]) -> None:
        kind = self.evidence_kind.currentText()

        def done(_items: object) -> None:
            fresh = svc.load_case(self.ctx, self.form.id)
            self.form.evidence = fresh.evidence
            self._fill_evidence()

        run_task(
            lambda: add_evidence(self.ctx, self.form.id, paths, kind=kind),
            done,
            lambda e, tb: errors.report(self, e, tb),
        )

    # -- validation and saving

    def collect(self) -> svc.CaseForm:
        f = self.form
        f.name, f.id_number, f.phone = self.name.text(), self.id_number.text(), self.phone.text()
        f.address, f.wechat = self.address.text(), self.wechat.text()
        f.status = self.status.currentText()
        f.problem_types = [p for p, b in self.problem_boxes.items() if b.isChecked()]
        f.demands = [d for d, b in self.demand_boxes.items() if b.isChecked()]
        f.description = self.description.toPlainText()
        orders = []
        for r in range(self.orders.rowCount()):
            cells = [
                (self.orders.item(r, c).text() if self.orders.item(r, c) else "")
                for c in range(len(ORDER_COLUMNS))
            ]
            oid = self.orders.item(r, 0).data(Qt.ItemDataRole.UserRole) if self.orders.item(r, 0) else None
            orders.append(svc.OrderForm(oid, *cells))
        f.orders = orders
        f.channels = {
            k: (n.text(), d.text()) for k, (n, d) in self.channel_edits.items() if n.text() or d.text()
        }
        f.new_note = self.note.toPlainText()
        return f

    def validate(self) -> dict[str, str]:
        if not hasattr(self, "channel_edits") or not hasattr(self, "buttons"):
            return {}
        problems = svc.validate_form(self.collect())
        for key, label in self.field_errors.items():
            label.setText(problems.get(key, ""))
        others = [m for k, m in problems.items() if k not in self.field_errors]
        self.errors_label.setText("\n".join(others))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problems)
        return problems

    def save(self) -> None:
        if self.validate():
            return
        try:
            svc.save_case(self.ctx, self.collect())
        except Exception as exc:  # noqa: BLE001 - shown to the user
            import traceback

            errors.report(self, exc, traceback.format_exc())
            return
        self.saved.emit(self.form.id)
        self.accept()
